package org.goldenthread.engagement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Problem;

/**
 * What makes a survey definition sound. Problems name the place in the file, such as
 * {@code questions[3].options}, counting questions from 0 as the file does.
 */
final class DefinitionRules {

    static final int MAX_QUESTIONS = 200;
    /** Enough for every ICS area (42), every profession, or any list a survey may reasonably name. */
    static final int MAX_OPTIONS = 500;
    // an introduction is a few sentences before the first page and a hint one line under a question;
    // longer text is pasted by mistake and pushes the questions off a phone's screen
    static final int MAX_INTRODUCTION = 2000;
    static final int MAX_HINT = 500;

    private DefinitionRules() {}

    static List<Problem> check(SurveyDefinition d) {
        return check(d, false);
    }

    /** As {@link #check(SurveyDefinition)}, optionally for a draft that has no questions yet. */
    static List<Problem> check(SurveyDefinition d, boolean draft) {
        List<Problem> problems = new ArrayList<>();
        if (d.code() == null || !d.code().matches("^[a-z0-9][a-z0-9-]{1,59}$")) {
            problems.add(Problem.of(
                    "code",
                    "Give the survey a code of 2 to 60 lower-case letters, digits and hyphens,"
                            + " like ccpl-principles"));
        }
        if (d.title() == null || d.title().isBlank()) {
            problems.add(Problem.of("title", "Give the survey a title"));
        } else if (d.title().length() > 300) {
            problems.add(Problem.of("title", "The title must be 300 characters or fewer"));
        }
        if (d.introduction() != null && d.introduction().length() > MAX_INTRODUCTION) {
            problems.add(Problem.of(
                    "introduction", "The introduction must be " + MAX_INTRODUCTION + " characters or fewer"));
        }
        if (d.questions() == null || d.questions().isEmpty()) {
            if (!draft) {
                problems.add(Problem.of("questions", "A survey needs at least one question"));
            }
            return problems;
        }
        if (d.questions().size() > MAX_QUESTIONS) {
            problems.add(Problem.of("questions", "A survey can have at most " + MAX_QUESTIONS + " questions"));
            return problems;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < d.questions().size(); i++) {
            Question q = d.questions().get(i);
            String at = "questions[" + i + "]";
            if (q == null) {
                problems.add(Problem.of(at, "A question cannot be null"));
                continue;
            }
            if (q.code() == null || !q.code().matches("^[A-Za-z][A-Za-z0-9]{0,19}$")) {
                problems.add(Problem.of(
                        at + ".code",
                        "Give each question a code of letters and digits starting" + " with a letter, like Q1"));
            } else if (!codes.add(q.code().toLowerCase(Locale.ROOT))) {
                problems.add(Problem.of(at + ".code", "The code " + q.code() + " is used by an earlier question"));
            }
            if (q.text() == null || q.text().isBlank()) {
                problems.add(Problem.of(at + ".text", "Write the question"));
            } else if (q.text().length() > 2000) {
                problems.add(Problem.of(at + ".text", "A question must be 2000 characters or fewer"));
            }
            QuestionType type = Coded.parse(QuestionType.class, q.type()).orElse(null);
            if (type == null) {
                problems.add(Problem.of(
                        at + ".type",
                        q.type() == null || q.type().isBlank()
                                ? "Give the question a type"
                                : "'" + q.type() + "' is not a question type; use "
                                        + Coded.choices(QuestionType.class)));
                continue;
            }
            String optionsFrom = q.optionsFrom();
            boolean fromList = optionsFrom != null;
            if (optionsFrom != null && !(optionsFrom.equals("professions") || optionsFrom.equals("ics"))) {
                problems.add(Problem.of(at + ".options_from", "Options can come from professions or ics"));
            }
            if (fromList && !type.takesOwnOptions()) {
                problems.add(
                        Problem.of(at + ".options_from", "Only single and multi questions take a list of options"));
            }
            if (type.takesOwnOptions() && !fromList) {
                if (q.options() == null || q.options().size() < 2) {
                    problems.add(
                            Problem.of(at + ".options", "A " + type.code() + " question needs at least two options"));
                } else {
                    checkOptions(problems, at, q.options());
                }
            } else if (!type.takesOwnOptions() && q.options() != null) {
                problems.add(Problem.of(
                        at + ".options",
                        type.fixedOptions() != null
                                ? "A " + type.code() + " question has its options fixed: "
                                        + String.join(", ", type.fixedOptions())
                                : "A " + type.code() + " question has no options"));
            }
            if (q.other() != null && q.other() && !type.takesOwnOptions()) {
                problems.add(Problem.of(at + ".other", "Only single and multi questions can offer \"Other\""));
            }
            if (q.hint() != null && q.hint().length() > MAX_HINT) {
                problems.add(Problem.of(at + ".hint", "A hint must be " + MAX_HINT + " characters or fewer"));
            }
            if (q.section() != null && q.section().length() > 200) {
                problems.add(Problem.of(at + ".section", "A section title must be 200 characters or fewer"));
            }
            Question.ShowIf condition = q.showIf();
            if (condition != null) {
                checkShowIf(problems, at, q, condition, d.questions().subList(0, i));
            }
        }
        return problems;
    }

    private static void checkOptions(List<Problem> problems, String at, List<String> options) {
        if (options.size() > MAX_OPTIONS) {
            problems.add(Problem.of(at + ".options", "A question can have at most " + MAX_OPTIONS + " options"));
        }
        Set<String> seen = new HashSet<>();
        for (int o = 0; o < options.size(); o++) {
            String option = options.get(o);
            if (option == null || option.isBlank()) {
                problems.add(Problem.of(at + ".options[" + o + "]", "An option cannot be blank"));
            } else if (option.contains(";")) {
                problems.add(Problem.of(
                        at + ".options[" + o + "]",
                        "An option cannot contain ';', which separates" + " choices in response files"));
            } else if (!seen.add(option.trim().toLowerCase(Locale.ROOT))) {
                problems.add(Problem.of(at + ".options[" + o + "]", "'" + option + "' appears twice"));
            } else if (option.length() > 300) {
                problems.add(Problem.of(at + ".options[" + o + "]", "An option must be 300 characters or fewer"));
            }
        }
    }

    private static void checkShowIf(
            List<Problem> problems, String at, Question q, Question.ShowIf condition, List<Question> earlier) {
        Question target = earlier.stream()
                .filter(e -> e != null && e.code() != null && e.code().equalsIgnoreCase(condition.question()))
                .findFirst()
                .orElse(null);
        if (target == null) {
            problems.add(Problem.of(
                    at + ".show_if.question",
                    "show_if must refer to an earlier question;" + " there is none called " + condition.question()
                            + " before " + q.code()));
            return;
        }
        if (Coded.parse(QuestionType.class, target.type())
                .map(t -> !t.isClosed())
                .orElse(true)) {
            problems.add(Problem.of(at + ".show_if.question", target.code() + " has no options to depend on"));
            return;
        }
        if (target.optionsFrom() == null
                && target.choices().stream().noneMatch(c -> c.equalsIgnoreCase(condition.equals()))) {
            problems.add(Problem.of(
                    at + ".show_if.equals", "'" + condition.equals() + "' is not an option of " + target.code()));
        }
    }
}
