package org.goldenthread.engagement.collecting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.engagement.Question;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * What happens after something a respondent did: a page shown to them, or another of their pages
 * they are sent on to (every form is answered by a redirect, so a reload never sends it twice).
 */
sealed interface Outcome {

    /** Sent on to another of the respondent's pages, which says the rest. */
    sealed interface Onward extends Outcome {
        String path();
    }

    /** To the start, which says why they cannot go on: closed, answered, or no such draft. */
    record ToStart(Visit visit) implements Onward {
        @Override
        public String path() {
            return visit.start();
        }
    }

    /** To a page of questions; {@code missing} has it list what is still to answer there. */
    record ToPage(Visit visit, int number, boolean missing) implements Onward {
        @Override
        public String path() {
            return visit.page(number) + (missing ? "?missing" : "");
        }
    }

    record ToCheck(Visit visit) implements Onward {
        @Override
        public String path() {
            return visit.base() + "/check";
        }
    }

    /** To where they left off. */
    record ToResume(Visit visit) implements Onward {
        @Override
        public String path() {
            return visit.resumeAt();
        }
    }

    /** To the resume link, the address they keep for coming back, after typing their resume code. */
    record Resumed(Visit visit) implements Onward {
        @Override
        public String path() {
            return visit.pages();
        }
    }

    /** Their answers are saved for later: to the page that tells them how to come back. */
    record Saved(Visit visit) implements Onward {
        @Override
        public String path() {
            return visit.base() + "/saved";
        }
    }

    /** Their response is in (or was already). */
    record Submitted(Visit visit) implements Onward {
        @Override
        public String path() {
            return visit.done();
        }
    }

    /**
     * The start page: what the survey is, whether it is open, and the resume form.
     *
     * @param code            the resume code they typed, shown again with the problem
     * @param tooManyAttempts too many codes that do not match came from their address (answered 429)
     */
    record ShowStart(Visit visit, @Nullable String code, List<Problem> problems, boolean tooManyAttempts)
            implements Outcome {

        static ShowStart of(Visit visit) {
            return new ShowStart(visit, null, List.of(), false);
        }

        /** The day it opens, while it is not open yet; null otherwise. */
        public @Nullable String notYetOpen() {
            Surveys.Survey survey = visit.survey();
            return !survey.isDraft()
                            && survey.opensOn() != null
                            && visit.today().isBefore(survey.opensOn())
                    ? Invitations.DAY.format(survey.opensOn())
                    : null;
        }

        /** The day it closed ("" when closed by hand with no closing date) once closed; null while not. */
        public @Nullable String closed() {
            Surveys.Survey survey = visit.survey();
            boolean closedByHand = survey.status() == Surveys.Status.CLOSED;
            return !survey.isDraft() && closedByHand
                            || survey.closesOn() != null && visit.today().isAfter(survey.closesOn())
                    ? (survey.closesOn() == null ? "" : Invitations.DAY.format(survey.closesOn()))
                    : null;
        }
    }

    /** One page of questions, with the answers so far and, after a refused page, its problems. */
    record ShowPage(Visit visit, Questionnaire.Page page, Map<String, String> answers, List<Problem> problems)
            implements Outcome {

        public String heading() {
            return page.section() == null ? visit.title() : page.section();
        }

        /** The page's place among those asked, counting from 1. */
        public int position() {
            return asked().indexOf(page) + 1;
        }

        public int pages() {
            return asked().size();
        }

        public List<QuestionView> questions() {
            Questionnaire questionnaire = visit.questionnaire();
            return questionnaire.asked(page, answers).stream()
                    .map(q -> QuestionView.of(questionnaire, q, answers, problems))
                    .toList();
        }

        public String back() {
            return visit.questionnaire()
                    .previous(page.number(), answers)
                    .map(p -> visit.page(p.number()))
                    .orElse(visit.start());
        }

        private List<Questionnaire.Page> asked() {
            return visit.questionnaire().askedPages(answers);
        }
    }

    /** Every answer, page by page, to check before sending. */
    record ShowCheck(Visit visit) implements Outcome {

        /** One answer as the check page lists it. */
        record Answered(int number, String question, List<String> lines, String change) {}

        /** The answers of one page, under its heading. */
        record Section(String heading, List<Answered> answers) {}

        public List<Section> sections() {
            Questionnaire questionnaire = visit.questionnaire();
            Map<String, String> answers = visit.started().answers();
            List<Section> sections = new ArrayList<>();
            for (Questionnaire.Page page : questionnaire.askedPages(answers)) {
                List<Answered> rows = new ArrayList<>();
                for (Question q : questionnaire.asked(page, answers)) {
                    List<String> lines = new ArrayList<>(Questionnaire.chosen(q, answers));
                    if (lines.isEmpty()) {
                        lines.add("Not answered");
                    }
                    Optional.ofNullable(answers.get(q.code() + "_other")).ifPresent(t -> lines.add("Other: " + t));
                    Optional.ofNullable(answers.get(q.code() + "_comment")).ifPresent(t -> lines.add("Comment: " + t));
                    rows.add(new Answered(questionnaire.number(q), q.text(), lines, visit.page(page.number())));
                }
                sections.add(new Section(page.section() == null ? visit.title() : page.section(), rows));
            }
            return sections;
        }

        public String back() {
            return visit.questionnaire()
                    .previous(Integer.MAX_VALUE, visit.started().answers())
                    .map(p -> visit.page(p.number()))
                    .orElse(visit.start());
        }
    }

    /** Their answers are kept: how to come back, and by when. */
    record ShowSaved(Visit visit) implements Outcome {}

    /** Thanks, once their response is in. */
    record ShowDone(Visit visit) implements Outcome {}

    /** The survey's closing day as respondents read it, or null when it has none. */
    static @Nullable String closesOn(Visit visit) {
        return visit.survey().closesOn() == null
                ? null
                : Invitations.DAY.format(visit.survey().closesOn());
    }
}
