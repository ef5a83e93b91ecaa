package org.goldenthread.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/** A survey as code: what is asked and how. This is the file format that imports and exports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyDefinition(String code, String title, Boolean anonymous, String introduction,
                               List<Question> questions) {

    public Optional<Question> question(String questionCode) {
        return questions.stream().filter(q -> q.code().equalsIgnoreCase(questionCode)).findFirst();
    }

    public int position(String questionCode) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).code().equalsIgnoreCase(questionCode)) {
                return i;
            }
        }
        return -1;
    }

    public boolean keepsRespondentsAnonymous() {
        return !Boolean.FALSE.equals(anonymous);
    }
}
