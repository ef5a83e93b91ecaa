package org.goldenthread.engagement.collecting;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.goldenthread.engagement.Surveys;
import org.jspecify.annotations.Nullable;

/**
 * A respondent on their way through a survey, and the addresses of their pages.
 *
 * @param start      the survey's first page for this respondent (the open link or the invitation)
 * @param base       where this respondent's pages live, or null before they have a draft
 * @param invitation null for the open link
 * @param draft      null before they start, and after they submit
 * @param today      the day of the visit, in England, which decides whether the survey is open
 */
record Visit(
        Surveys.Survey survey,
        Questionnaire questionnaire,
        String start,
        @Nullable String base,
        @Nullable Invitation invitation,
        @Nullable Draft draft,
        LocalDate today) {

    public String title() {
        return survey.definition().title();
    }

    public boolean isOpen() {
        return survey.isOpenOn(today);
    }

    public String done() {
        return invitation == null ? start + "/done" : start;
    }

    /** Where to come back to: the page they were on, the first page still to complete, or checking. */
    public String resumeAt() {
        Draft started = started();
        Map<String, String> answers = started.answers();
        Optional<Questionnaire.Page> page = Optional.ofNullable(started.resumePage())
                .flatMap(questionnaire::page)
                .filter(p -> !questionnaire.asked(p, answers).isEmpty())
                .or(() -> questionnaire.firstIncomplete(answers));
        return pages() + "/" + page.map(p -> String.valueOf(p.number())).orElse("check");
    }

    String page(int number) {
        return pages() + "/" + number;
    }

    /** The respondent's draft; asked only once they have started, which the journey checks first. */
    Draft started() {
        return Objects.requireNonNull(draft, "A respondent without a draft has no answers to go on with");
    }

    /** Where the respondent's pages live; they have them once they have started. */
    String pages() {
        return Objects.requireNonNull(base, "A respondent without a draft has no pages yet");
    }

    /** The visit once the respondent has a draft: by the open link, their pages live under its resume code. */
    Visit withDraft(Draft started) {
        String pages = invitation == null ? start + "/" + started.resumeCode() : base;
        return new Visit(survey, questionnaire, start, pages, invitation, started, today);
    }
}
