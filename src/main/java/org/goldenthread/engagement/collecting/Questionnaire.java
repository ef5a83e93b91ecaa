package org.goldenthread.engagement.collecting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.goldenthread.engagement.Question;
import org.goldenthread.engagement.QuestionType;
import org.goldenthread.engagement.SurveyDefinition;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A survey as a respondent meets it: a page for each run of questions in the same section. A
 * question asked only after a given answer starts a new page when the answer it depends on is on
 * the page being built, so that with JavaScript off the server can decide whether to ask it before
 * showing it. Answers are held as text by column ({@code code}, {@code code_other},
 * {@code code_comment}), multiple choices joined by ';', as a response file holds them.
 */
record Questionnaire(SurveyDefinition definition, List<Page> pages) {

    /** The longest text a respondent can give in one box, as the stored response allows. */
    static final int MAX_TEXT = 10_000;

    /** Page numbers start at 1, as respondents see them. */
    record Page(int number, @Nullable String section, List<Question> questions) {}

    static Questionnaire of(SurveyDefinition definition) {
        List<Page> pages = new ArrayList<>();
        List<Question> current = new ArrayList<>();
        for (Question q : definition.questions()) {
            boolean dependsOnThisPage = q.showIf() != null
                    && current.stream()
                            .anyMatch(c -> c.code().equalsIgnoreCase(q.showIf().question()));
            if (!current.isEmpty() && (!Objects.equals(current.get(0).section(), q.section()) || dependsOnThisPage)) {
                pages.add(new Page(pages.size() + 1, current.get(0).section(), List.copyOf(current)));
                current.clear();
            }
            current.add(q);
        }
        if (!current.isEmpty()) {
            pages.add(new Page(pages.size() + 1, current.get(0).section(), List.copyOf(current)));
        }
        return new Questionnaire(definition, List.copyOf(pages));
    }

    Optional<Page> page(int number) {
        return number >= 1 && number <= pages.size() ? Optional.of(pages.get(number - 1)) : Optional.empty();
    }

    /** Where the question stands in the whole survey, counting from 1: the number respondents see. */
    int number(Question q) {
        return definition.position(q.code()) + 1;
    }

    /** Whether the question is asked, given the answers so far: its condition, and its condition's, hold. */
    boolean asks(Question q, Map<String, String> answers) {
        if (q.showIf() == null) {
            return true;
        }
        Question target = definition.question(q.showIf().question()).orElse(null);
        if (target == null || !asks(target, answers)) {
            return false;
        }
        return chosen(target, answers).stream()
                .anyMatch(c -> c.equalsIgnoreCase(q.showIf().equals().trim()));
    }

    List<Question> asked(Page page, Map<String, String> answers) {
        return page.questions().stream().filter(q -> asks(q, answers)).toList();
    }

    List<Page> askedPages(Map<String, String> answers) {
        return pages.stream().filter(p -> !asked(p, answers).isEmpty()).toList();
    }

    Optional<Page> next(int after, Map<String, String> answers) {
        return askedPages(answers).stream().filter(p -> p.number() > after).findFirst();
    }

    Optional<Page> previous(int before, Map<String, String> answers) {
        return askedPages(answers).stream().filter(p -> p.number() < before).reduce((a, b) -> b);
    }

    /** The options given for a question, one per item, as the respondent chose them. */
    static List<String> chosen(Question q, Map<String, String> answers) {
        String raw = answers.get(q.code());
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return q.questionType() == QuestionType.MULTI
                ? Arrays.stream(raw.split(";"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : List.of(raw.trim());
    }

    /**
     * Reads one page of a form into answers by column, keeping the options' own spelling and dropping
     * "other" text when "Other" was not chosen (the box stays on screen without JavaScript).
     */
    Map<String, String> read(Page page, MultiValueMap<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question q : page.questions()) {
            List<String> given = form.getOrDefault(q.code(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::trim)
                    .toList();
            if (q.questionType().isClosed()) {
                given = given.stream()
                        .map(v -> q.choices().stream()
                                .filter(c -> c.equalsIgnoreCase(v))
                                .findFirst()
                                .orElse(v))
                        .distinct()
                        .toList();
            }
            if (!given.isEmpty()) {
                // a radio group sends one value; more means a crafted form, which check() reports
                answers.put(q.code(), String.join(";", given));
            }
            String other = form.getFirst(q.code() + "_other");
            if (q.hasOther() && other != null && !other.isBlank() && given.contains(Question.OTHER)) {
                answers.put(q.code() + "_other", other.trim());
            }
            String comment = form.getFirst(q.code() + "_comment");
            if (q.hasComment() && comment != null && !comment.isBlank()) {
                answers.put(q.code() + "_comment", comment.trim());
            }
        }
        return answers;
    }

    /** The answers with those of one page replaced; answers to questions no longer asked are left out. */
    Map<String, String> merge(Map<String, String> before, Page page, Map<String, String> pageAnswers) {
        Map<String, String> merged = new LinkedHashMap<>(before);
        for (Question q : page.questions()) {
            merged.remove(q.code());
            merged.remove(q.code() + "_other");
            merged.remove(q.code() + "_comment");
        }
        merged.putAll(pageAnswers);
        return kept(merged);
    }

    /** Only the answers to questions that are asked, given the answers themselves. */
    Map<String, String> kept(Map<String, String> answers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Question q : definition.questions()) {
            if (asks(q, answers)) {
                for (String column : List.of(q.code(), q.code() + "_other", q.code() + "_comment")) {
                    if (answers.containsKey(column)) {
                        kept.put(column, answers.get(column));
                    }
                }
            }
        }
        return kept;
    }

    /**
     * What stops a page being accepted, each problem naming the element to fix by its id and giving
     * the message shown both beside it and in the error summary.
     */
    List<Problem> check(Page page, Map<String, String> answers) {
        List<Problem> problems = new ArrayList<>();
        for (Question q : asked(page, answers)) {
            int n = number(q);
            List<String> chosen = chosen(q, answers);
            QuestionType type = q.questionType();
            if (chosen.isEmpty()) {
                if (q.mustBeAnswered()) {
                    problems.add(Problem.of(
                            q.code(),
                            switch (type) {
                                case MULTI -> "Select at least one answer to question " + n;
                                case TEXT -> "Enter your answer to question " + n;
                                case NUMBER -> "Enter a number for question " + n;
                                default -> "Select an answer to question " + n;
                            }));
                }
            } else if (type == QuestionType.NUMBER) {
                if (!isNumber(chosen.get(0))) {
                    problems.add(Problem.of(q.code(), "Enter a number for question " + n + ", like 12 or 2.5"));
                }
            } else if (type == QuestionType.TEXT) {
                tooLong(problems, q.code(), chosen.get(0), "Your answer to question " + n);
            } else if (!q.choices().containsAll(chosen)) {
                problems.add(Problem.of(
                        q.code(),
                        "Select " + (type == QuestionType.MULTI ? "answers" : "an answer")
                                + " from the list for question " + n));
            }
            String other = answers.get(q.code() + "_other");
            if (q.hasOther() && chosen.contains(Question.OTHER)) {
                if (other == null) {
                    problems.add(
                            Problem.of(q.code() + "_other", "Say what your other answer to question " + n + " is"));
                } else {
                    tooLong(problems, q.code() + "_other", other, "Your other answer to question " + n);
                }
            }
            String comment = answers.get(q.code() + "_comment");
            if (comment != null) {
                tooLong(problems, q.code() + "_comment", comment, "Your comment on question " + n);
            }
        }
        return problems;
    }

    /** The first page, in order, that the respondent must still complete; empty when all are done. */
    Optional<Page> firstIncomplete(Map<String, String> answers) {
        return askedPages(answers).stream()
                .filter(p -> !check(p, answers).isEmpty())
                .findFirst();
    }

    private static void tooLong(List<Problem> problems, String field, String text, String what) {
        if (text.length() > MAX_TEXT) {
            problems.add(Problem.of(
                    field, what + " must be " + String.format(Locale.UK, "%,d", MAX_TEXT) + " characters or fewer"));
        }
    }

    private static boolean isNumber(String raw) {
        try {
            double value = Double.parseDouble(raw);
            return !Double.isNaN(value) && !Double.isInfinite(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
