package org.goldenthread.engagement;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Turns one respondent's answers, given as text the way a response file or a form carries them,
 * into the stored form: integers laid out by {@link AnswerLayout} (0 none, n the n-th option, a bit
 * per option for multiple choice), numbers by position, and texts by code. Options match without
 * regard to case.
 */
final class Answers {

    static final int MAX_TEXT = 10_000;

    /** One response, encoded. */
    record Encoded(int[] closed, Double[] numbers, Map<String, String> texts) {}

    private final SurveyDefinition survey;
    private final AnswerLayout layout;
    private final List<Map<String, Integer>> optionIndex;

    Answers(SurveyDefinition survey) {
        this.survey = survey;
        this.layout = new AnswerLayout(survey);
        this.optionIndex = survey.questions().stream()
                .map(q -> {
                    Map<String, Integer> index = new HashMap<>();
                    if (q.questionType().isClosed()) {
                        List<String> choices = q.choices();
                        for (int i = 0; i < choices.size(); i++) {
                            index.put(choices.get(i).trim().toLowerCase(Locale.ROOT), i + 1);
                        }
                    }
                    return index;
                })
                .toList();
    }

    /** The columns a response file may have: each question's code, and its _other and _comment texts. */
    List<String> columns() {
        List<String> columns = new java.util.ArrayList<>();
        for (Question q : survey.questions()) {
            columns.add(q.code());
            if (q.hasOther()) {
                columns.add(q.code() + "_other");
            }
            if (q.hasComment()) {
                columns.add(q.code() + "_comment");
            }
        }
        return columns;
    }

    /**
     * Encodes one response given as text by column, adding any problems (at {@code row}) to the list.
     * Multiple choices are separated by ';'.
     */
    Encoded encode(Map<String, String> values, @Nullable Integer row, List<Problem> problems) {
        List<Question> questions = survey.questions();
        int[] closed = new int[layout.slots()];
        Double[] numbers = new Double[questions.size()];
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String raw = blankToNull(values.get(q.code()));
            boolean shown = shown(q, closed);
            if (raw == null) {
                if (q.mustBeAnswered() && shown) {
                    problems.add(new Problem(row, q.code(), "This question needs an answer"));
                }
            } else if (!shown) {
                problems.add(new Problem(
                        row,
                        q.code(),
                        "This question is only asked " + condition(q.showIf()) + ", so it should be blank"));
            } else {
                switch (q.questionType()) {
                    case TEXT -> {
                        // a text or number question's slot says only whether it was answered
                        closed[layout.slot(i)] = 1;
                        text(texts, q.code(), raw, row, problems);
                    }
                    case NUMBER -> {
                        try {
                            double value = Double.parseDouble(raw);
                            if (Double.isNaN(value) || Double.isInfinite(value)) {
                                throw new NumberFormatException();
                            }
                            numbers[i] = value;
                            closed[layout.slot(i)] = 1;
                        } catch (NumberFormatException e) {
                            problems.add(new Problem(row, q.code(), "'" + cut(raw) + "' is not a number"));
                        }
                    }
                    case MULTI -> {
                        for (String part : raw.split(";")) {
                            if (part.isBlank()) {
                                continue;
                            }
                            Integer option = optionIndex.get(i).get(part.trim().toLowerCase(Locale.ROOT));
                            if (option == null) {
                                problems.add(new Problem(
                                        row, q.code(), "'" + cut(part.trim()) + "' is not an option of " + q.code()));
                            } else {
                                layout.choose(closed, i, option);
                            }
                        }
                    }
                    default -> {
                        Integer option = optionIndex.get(i).get(raw.toLowerCase(Locale.ROOT));
                        if (option == null) {
                            problems.add(new Problem(
                                    row,
                                    q.code(),
                                    "'" + cut(raw) + "' is not an option of " + q.code()
                                            + (q.choices().size() <= 12
                                                    ? "; use " + String.join(", ", q.choices())
                                                    : "; use one of its options as the survey lists them")));
                        } else {
                            layout.choose(closed, i, option);
                        }
                    }
                }
            }
            if (q.hasOther()) {
                String other = blankToNull(values.get(q.code() + "_other"));
                if (other != null) {
                    if (!layout.chose(closed, i, q.choices().size())) {
                        problems.add(new Problem(
                                row,
                                q.code() + "_other",
                                "There is text for \"Other\" but " + q.code() + " is not answered \"Other\""));
                    } else {
                        text(texts, q.code() + "_other", other, row, problems);
                    }
                }
            }
            if (q.hasComment()) {
                String comment = blankToNull(values.get(q.code() + "_comment"));
                if (comment != null) {
                    text(texts, q.code() + "_comment", comment, row, problems);
                }
            }
        }
        return new Encoded(closed, numbers, texts);
    }

    /** Whether a question is asked, given the answers before it. */
    boolean shown(Question q, int[] closed) {
        if (q.showIf() == null) {
            return true;
        }
        int target = survey.position(q.showIf().question());
        Integer option = optionIndex.get(target).get(q.showIf().equals().trim().toLowerCase(Locale.ROOT));
        return option != null && layout.chose(closed, target, option);
    }

    private static void text(
            Map<String, String> texts, String key, String value, @Nullable Integer row, List<Problem> problems) {
        if (value.length() > MAX_TEXT) {
            problems.add(new Problem(row, key, "The text is longer than " + MAX_TEXT + " characters"));
        } else {
            texts.put(key, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** When a question is asked, as a respondent reads it; only a question with a condition is ever hidden. */
    private static String condition(Question.@Nullable ShowIf showIf) {
        return showIf == null ? "sometimes" : "when " + showIf.question() + " is '" + showIf.equals() + "'";
    }
}
