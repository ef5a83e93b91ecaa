package org.goldenthread.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A survey as code: what is asked and how. This is the file format that imports and exports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyDefinition(
        String code,
        String title,
        @Nullable Boolean anonymous,
        @Nullable String introduction,
        List<Question> questions) {

    public Optional<Question> question(String questionCode) {
        return questions.stream()
                .filter(q -> q.code().equalsIgnoreCase(questionCode))
                .findFirst();
    }

    public int position(String questionCode) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).code().equalsIgnoreCase(questionCode)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A free-text field as people read it: its question's words, marked "(comment)" or "(other)"
     * for the boxes beside a question, rather than a column code like Q1_comment.
     */
    public String fieldLabel(String field) {
        int cut = field.lastIndexOf('_');
        String suffix = cut < 0 ? "" : field.substring(cut + 1).toLowerCase(java.util.Locale.ROOT);
        boolean box = suffix.equals("comment") || suffix.equals("other");
        Optional<Question> asked = question(box ? field.substring(0, cut) : field);
        if (asked.isEmpty()) {
            return field;
        }
        String text = asked.get().text();
        String words = text.length() > 90 ? text.substring(0, 90).strip() + "…" : text;
        return box ? words + " (" + suffix + ")" : words;
    }

    public boolean keepsRespondentsAnonymous() {
        return !Boolean.FALSE.equals(anonymous);
    }
}
