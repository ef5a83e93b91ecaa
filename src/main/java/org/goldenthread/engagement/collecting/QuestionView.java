package org.goldenthread.engagement.collecting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.engagement.Question;
import org.goldenthread.engagement.QuestionType;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * One question as a respondent's page shows it, following the NHS.UK patterns: radios or
 * checkboxes in a fieldset, or a labelled text box. Element ids are the answer columns, so an
 * error summary can link straight to the box to fix; the first option carries the question's own id.
 *
 * A single choice from a long list (every ICS, every profession) is a select instead: a page of
 * 200 radios is hard to scan and harder to use with a screen reader or on a phone.
 *
 * @param kind radios, select, checkboxes, textarea or number
 */
record QuestionView(
        String code,
        int number,
        String text,
        @Nullable String hint,
        String kind,
        List<Option> options,
        @Nullable String value,
        @Nullable String other,
        @Nullable String comment,
        boolean hasComment,
        @Nullable String error,
        @Nullable String otherError,
        @Nullable String commentError) {

    record Option(String id, String value, boolean checked, boolean other) {}

    /** More single-choice options than this are offered as a select. */
    static final int LONGEST_RADIOS = 30;

    static QuestionView of(
            Questionnaire questionnaire, Question q, Map<String, String> answers, List<Problem> problems) {
        QuestionType type = q.questionType();
        String kind = type == QuestionType.MULTI
                ? "checkboxes"
                : type == QuestionType.TEXT
                        ? "textarea"
                        : type == QuestionType.NUMBER
                                ? "number"
                                : q.choices().size() > LONGEST_RADIOS ? "select" : "radios";
        List<String> chosen = Questionnaire.chosen(q, answers);
        List<Option> options = new ArrayList<>();
        List<String> choices = type.isClosed() ? q.choices() : List.of();
        for (int i = 0; i < choices.size(); i++) {
            String choice = choices.get(i);
            options.add(new Option(
                    i == 0 ? q.code() : q.code() + "-" + (i + 1),
                    choice,
                    chosen.stream().anyMatch(choice::equalsIgnoreCase),
                    q.hasOther() && choice.equals(Question.OTHER)));
        }
        return new QuestionView(
                q.code(),
                questionnaire.number(q),
                q.text(),
                blankToNull(q.hint()),
                kind,
                options,
                answers.get(q.code()),
                answers.get(q.code() + "_other"),
                answers.get(q.code() + "_comment"),
                q.hasComment(),
                reason(problems, q.code()),
                reason(problems, q.code() + "_other"),
                reason(problems, q.code() + "_comment"));
    }

    /** The ids that describe the question's main control: its hint and its error. */
    public @Nullable String describedBy() {
        String ids = (hint != null ? code + "-hint " : "") + (error != null ? code + "-error" : "");
        return ids.isBlank() ? null : ids.strip();
    }

    public boolean choosesOptions() {
        return !options.isEmpty();
    }

    /** Whether the question is a select, which needs no fieldset: its label names it. */
    public boolean selects() {
        return "select".equals(kind);
    }

    /** The "Other" option, if the question has one; a select shows its text box beside it, always. */
    public @Nullable Option otherOption() {
        return options.stream().filter(Option::other).findFirst().orElse(null);
    }

    private static @Nullable String reason(List<Problem> problems, String field) {
        return problems.stream()
                .filter(p -> field.equals(p.field()))
                .map(Problem::reason)
                .findFirst()
                .orElse(null);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
