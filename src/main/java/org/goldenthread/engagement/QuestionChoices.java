package org.goldenthread.engagement;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Choice;

/** A survey's closed questions and their options as the results pages offer them to choose from. */
final class QuestionChoices {

    private QuestionChoices() {}

    /** Every closed question, by its code and the start of its text. */
    static List<Choice> closed(SurveyDefinition definition) {
        return definition.questions().stream()
                .filter(q -> q.questionType().isClosed())
                .map(q -> new Choice(q.code(), q.code() + ": " + shorten(q.text())))
                .toList();
    }

    /** Every option of every closed question, as a filter condition ({@code Q14:No}). */
    static List<Choice> filters(SurveyDefinition definition) {
        List<Choice> choices = new ArrayList<>();
        for (Question q : definition.questions()) {
            if (q.questionType().isClosed()) {
                for (String option : q.choices()) {
                    choices.add(new Choice(q.code() + ":" + option, q.code() + " – " + shorten(option)));
                }
            }
        }
        return choices;
    }

    private static String shorten(String text) {
        return text.length() > 70 ? text.substring(0, 70) + "…" : text;
    }
}
