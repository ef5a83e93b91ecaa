package org.goldenthread.development.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * A round's questions as pages: one per dimension of the framework, then the leader-type items
 * when the round asks them, then (for raters) two questions in their own words. The leader rating
 * themselves sees the same pages, worded about themselves, without the last.
 */
record Questionnaire(List<Section> sections) {

    static final String CANNOT_SAY = "0";
    static final int LONGEST_COMMENT = 2000;
    static final List<String> COMMENTS = List.of("keep", "change");

    record Item(String code, String text, List<Choice> choices) {}

    record Section(int number, String heading, @Nullable String intro, List<Item> items, boolean comments) {}

    static Questionnaire of(Round round, boolean self) {
        BehaviourFramework framework = round.framework();
        List<Choice> scale = new ArrayList<>();
        framework.levels().forEach(l -> scale.add(new Choice(String.valueOf(l.value()), l.label())));
        scale.add(new Choice(CANNOT_SAY, self ? "I cannot say" : "I have not seen enough to say"));
        List<Section> sections = new ArrayList<>();
        for (BehaviourFramework.Dimension d : framework.dimensionList()) {
            sections.add(new Section(
                    sections.size() + 1,
                    d.title(),
                    d.description(),
                    d.behaviourList().stream()
                            .map(b -> new Item(b.code(), b.text(), scale))
                            .toList(),
                    false));
        }
        if (round.leaderType()) {
            List<String> labels = self ? LeaderTypeItems.SCALE : LeaderTypeItems.SCALE_ABOUT;
            List<Choice> likeness = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                likeness.add(new Choice(String.valueOf(i + 1), labels.get(i)));
            }
            likeness.add(new Choice(CANNOT_SAY, self ? "I cannot say" : "I have not seen enough to say"));
            sections.add(new Section(
                    sections.size() + 1,
                    "Leading change",
                    self
                            ? "How far each statement is like you."
                            : "How far each statement is like " + round.leader() + ".",
                    LeaderTypeItems.ITEMS.stream()
                            .map(i -> new Item(i.code(), self ? i.self() : i.about(), likeness))
                            .toList(),
                    false));
        }
        if (!self) {
            sections.add(new Section(
                    sections.size() + 1,
                    "In your own words",
                    "Both questions are optional. What you write is shown to " + round.leader()
                            + " without your name, mixed in with what others wrote.",
                    List.of(),
                    true));
        }
        return new Questionnaire(List.copyOf(sections));
    }

    Section section(int number) {
        if (number < 1 || number > sections.size()) {
            throw new org.goldenthread.platform.NotFound("There is no page " + number);
        }
        return sections.get(number - 1);
    }

    int size() {
        return sections.size();
    }

    /** The answers on one page, from a posted form: only this page's fields, trimmed. */
    Map<String, String> answersOn(Section section, Map<String, String> form) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (Item item : section.items()) {
            String value = form.get(item.code());
            if (value != null && !value.isBlank()) {
                answers.put(item.code(), value.trim());
            }
        }
        if (section.comments()) {
            for (String question : COMMENTS) {
                String value = form.get(question);
                if (value != null && !value.isBlank()) {
                    answers.put(question, value.strip());
                }
            }
        }
        return answers;
    }

    /**
     * What is wrong with a page's answers. A saved page may leave items unanswered; a page to go on
     * from, or to send, may not. A value that is not one of the choices is always wrong.
     */
    static List<Problem> check(Section section, Map<String, String> answers, boolean complete) {
        List<Problem> problems = new ArrayList<>();
        for (Item item : section.items()) {
            String value = answers.get(item.code());
            if (value == null) {
                if (complete) {
                    problems.add(Problem.of(item.code(), "Choose an answer for “" + item.text() + "”"));
                }
            } else if (item.choices().stream().noneMatch(c -> c.code().equals(value))) {
                problems.add(Problem.of(item.code(), "Choose one of the answers given for “" + item.text() + "”"));
            }
        }
        if (section.comments()) {
            for (String question : COMMENTS) {
                String value = answers.get(question);
                if (value != null && value.length() > LONGEST_COMMENT) {
                    problems.add(Problem.of(
                            question, commentLabel(question) + " must be " + LONGEST_COMMENT + " characters or fewer"));
                }
            }
        }
        return problems;
    }

    static String commentLabel(String question) {
        return "keep".equals(question) ? "What they should keep doing" : "What they could do differently";
    }

    /** The first page with anything missing, or 0 when every page is complete. */
    int firstIncomplete(Map<String, String> answers) {
        for (Section s : sections) {
            if (!check(s, answers, true).isEmpty()) {
                return s.number();
            }
        }
        return 0;
    }

    /** The ratings to keep: every rated item, leaving out "cannot say". */
    Map<String, Integer> ratings(Map<String, String> answers) {
        Map<String, Integer> ratings = new java.util.TreeMap<>();
        for (Section s : sections) {
            for (Item item : s.items()) {
                String value = answers.get(item.code());
                if (value != null && !CANNOT_SAY.equals(value)) {
                    ratings.put(item.code(), Integer.parseInt(value));
                }
            }
        }
        return ratings;
    }
}
