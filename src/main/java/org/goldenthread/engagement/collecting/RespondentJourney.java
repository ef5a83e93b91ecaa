package org.goldenthread.engagement.collecting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * A respondent's way through a survey, a page per section, each answer saved on the server as they
 * move on: it takes what they did and says what happens next ({@link Outcome}). Everything runs in
 * the survey's ICS, found from the token in the address; an unknown token is {@link NotFound}.
 */
@Service
class RespondentJourney {

    private final Links links;
    private final Surveys surveys;
    private final Drafts drafts;
    private final Invitations invitations;
    private final ResumeAttempts attempts;
    private final Clock clock;

    RespondentJourney(
            Links links,
            Surveys surveys,
            Drafts drafts,
            Invitations invitations,
            ResumeAttempts attempts,
            Clock clock) {
        this.links = links;
        this.surveys = surveys;
        this.drafts = drafts;
        this.invitations = invitations;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The start page; an invited respondent who has already answered is thanked instead. */
    Outcome arrive(Respondent respondent) {
        return visit(
                respondent,
                visit -> visit.invitation() != null && visit.invitation().responded()
                        ? new Outcome.ShowDone(visit)
                        : Outcome.ShowStart.of(visit));
    }

    /** Starting: a new draft by the open link; by an invitation, its draft, started now if it has none. */
    Outcome begin(Respondent respondent) {
        return visit(respondent, visit -> {
            if (!visit.isOpen()
                    || visit.invitation() != null && visit.invitation().responded()) {
                return new Outcome.ToStart(visit);
            }
            if (visit.invitation() == null) {
                return new Outcome.ToPage(
                        visit.withDraft(drafts.startByLink(visit.survey().id())), 1, false);
            }
            return new Outcome.ToResume(visit.withDraft(drafts.startByInvitation(visit.invitation())));
        });
    }

    /** A resume code typed into the start page of the open link. */
    Outcome resume(String link, String code, String address) {
        return visit(Respondent.byLink(link), visit -> {
            long survey = visit.survey().id();
            if (attempts.blocked(survey, address)) {
                return new Outcome.ShowStart(
                        visit,
                        null,
                        List.of(Problem.of(
                                "code",
                                "Too many resume codes that do not match have been " + "tried from here. Wait "
                                        + attempts.minutes() + " minutes and try again, or start the survey again.")),
                        true);
            }
            boolean blank = code == null || code.isBlank();
            Optional<Draft> draft = blank ? Optional.empty() : drafts.byResumeCode(survey, code);
            if (draft.isPresent()) {
                return new Outcome.Resumed(visit.withDraft(draft.get()));
            }
            if (!blank) {
                attempts.missed(survey, address);
            }
            String problem = blank
                    ? "Enter your resume code"
                    : "There are no saved answers with that code: check it, or start again";
            return new Outcome.ShowStart(visit, code, List.of(Problem.of("code", problem)), false);
        });
    }

    /** The resume link a respondent keeps: it leads to where they left off. */
    Outcome comeBack(Respondent respondent) {
        return visit(
                respondent, visit -> visit.draft() == null ? new Outcome.ToStart(visit) : new Outcome.ToResume(visit));
    }

    /** The thanks of the open link, which holds no draft. */
    Outcome done(String link) {
        return visit(Respondent.byLink(link), Outcome.ShowDone::new);
    }

    /** A page of questions; {@code missing} lists what is still to answer there. */
    Outcome page(Respondent respondent, int number, boolean missing) {
        return visit(
                respondent,
                visit -> turnedAway(visit).orElseGet(() -> {
                    Map<String, String> answers = visit.started().answers();
                    Optional<Questionnaire.Page> page = asked(visit, number);
                    if (page.isEmpty()) {
                        return new Outcome.ToResume(visit);
                    }
                    List<Problem> problems = missing ? visit.questionnaire().check(page.get(), answers) : List.of();
                    return new Outcome.ShowPage(visit, page.get(), answers, problems);
                }));
    }

    /**
     * A page of answers sent. The form's fields are the survey's own answer columns (see
     * {@link Questionnaire#read}); {@code action=save} keeps the answers for later instead of going on.
     */
    Outcome answer(Respondent respondent, int number, MultiValueMap<String, String> form) {
        return visit(
                respondent,
                visit -> turnedAway(visit).orElseGet(() -> {
                    Questionnaire questionnaire = visit.questionnaire();
                    Draft draft = visit.started();
                    Optional<Questionnaire.Page> found = asked(visit, number);
                    if (found.isEmpty()) {
                        return new Outcome.ToResume(visit);
                    }
                    Questionnaire.Page page = found.get();
                    Map<String, String> answers =
                            questionnaire.merge(draft.answers(), page, questionnaire.read(page, form));
                    if ("save".equals(form.getFirst("action"))) {
                        drafts.save(draft.id(), answers, number);
                        return new Outcome.Saved(visit);
                    }
                    List<Problem> problems = questionnaire.check(page, answers);
                    if (!problems.isEmpty()) {
                        // What they did enter is kept, so leaving now loses nothing.
                        drafts.save(draft.id(), answers, number);
                        return new Outcome.ShowPage(visit, page, answers, problems);
                    }
                    Optional<Questionnaire.Page> next = questionnaire.next(number, answers);
                    Integer resume = draft.resumePage() == null || next.isEmpty()
                            ? null
                            : Math.max(draft.resumePage(), next.get().number());
                    drafts.save(draft.id(), answers, resume);
                    return next.<Outcome>map(p -> new Outcome.ToPage(visit, p.number(), false))
                            .orElseGet(() -> new Outcome.ToCheck(visit));
                }));
    }

    /** Every answer to check before sending, once no page is left incomplete. */
    Outcome check(Respondent respondent) {
        return visit(
                respondent,
                visit -> turnedAway(visit).or(() -> incomplete(visit)).orElseGet(() -> new Outcome.ShowCheck(visit)));
    }

    Outcome submit(Respondent respondent) {
        return visit(respondent, visit -> {
            if (visit.draft() == null) {
                // Already submitted (a second press of the button, say), or never started.
                return new Outcome.Submitted(visit);
            }
            Optional<Outcome> away = turnedAway(visit).or(() -> incomplete(visit));
            if (away.isPresent()) {
                return away.get();
            }
            try {
                drafts.submit(visit.draft().id(), visit.questionnaire());
            } catch (InvalidInput e) {
                // The pages check what the response does; should they ever differ, go back to the start.
                return new Outcome.ToResume(visit);
            }
            return new Outcome.Submitted(visit);
        });
    }

    /** How to come back to answers saved for later. */
    Outcome saved(Respondent respondent) {
        return visit(respondent, visit -> turnedAway(visit).orElseGet(() -> new Outcome.ShowSaved(visit)));
    }

    // Finding the survey and the respondent's draft, in the survey's ICS

    private Outcome visit(Respondent respondent, Function<Visit, Outcome> work) {
        if (respondent instanceof Respondent.ByLink byLink) {
            return byLink(byLink, work);
        }
        return byInvitation(((Respondent.Invited) respondent).token(), work);
    }

    private Outcome byLink(Respondent.ByLink respondent, Function<Visit, Outcome> work) {
        Link found = links.openLink(respondent.link()).orElseThrow(RespondentJourney::noSurvey);
        return found.scope().run(() -> {
            Surveys.Survey survey = surveys.survey(found.surveyId());
            String code = respondent.code();
            Draft draft = null;
            // a code in the address counts as a try just as one typed into the form does; while an
            // address is locked out its codes are not looked up, so it lands on the start page, whose
            // resume form says why
            if (code != null && !attempts.blocked(survey.id(), respondent.address())) {
                draft = drafts.byResumeCode(survey.id(), code).orElse(null);
                if (draft == null) {
                    attempts.missed(survey.id(), respondent.address());
                }
            }
            Visit visit = new Visit(
                    survey,
                    Questionnaire.of(survey.definition()),
                    "/respond/" + respondent.link(),
                    null,
                    null,
                    null,
                    today());
            return work.apply(draft == null ? visit : visit.withDraft(draft));
        });
    }

    private Outcome byInvitation(String token, Function<Visit, Outcome> work) {
        Link found = links.invitation(token).orElseThrow(RespondentJourney::noSurvey);
        return found.scope().run(() -> {
            Surveys.Survey survey = surveys.survey(found.surveyId());
            Invitation invitation = invitations.byToken(token).orElseThrow(RespondentJourney::noSurvey);
            String start = "/invited/" + token;
            return work.apply(new Visit(
                    survey,
                    Questionnaire.of(survey.definition()),
                    start,
                    start,
                    invitation,
                    drafts.byInvitation(invitation.id()).orElse(null),
                    today()));
        });
    }

    /** Today in England, where the surveys' opening and closing days are. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Dates.ENGLAND);
    }

    private static NotFound noSurvey() {
        return new NotFound("There is no survey at this address");
    }

    /** Where someone without a usable draft goes: the start, which says why (closed, answered, unknown). */
    private static Optional<Outcome> turnedAway(Visit visit) {
        if (visit.draft() == null
                || !visit.isOpen()
                || visit.invitation() != null && visit.invitation().responded()) {
            return Optional.of(new Outcome.ToStart(visit));
        }
        return Optional.empty();
    }

    /** To the first page still to complete, listing what is missing there. */
    private static Optional<Outcome> incomplete(Visit visit) {
        return visit.questionnaire()
                .firstIncomplete(visit.started().answers())
                .map(page -> new Outcome.ToPage(visit, page.number(), true));
    }

    /** The page with this number, if any of its questions is asked given the answers so far. */
    private static Optional<Questionnaire.Page> asked(Visit visit, int number) {
        Map<String, String> answers = visit.started().answers();
        return visit.questionnaire()
                .page(number)
                .filter(p -> !visit.questionnaire().asked(p, answers).isEmpty());
    }
}
