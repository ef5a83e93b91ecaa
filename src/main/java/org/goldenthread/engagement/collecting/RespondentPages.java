package org.goldenthread.engagement.collecting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.goldenthread.engagement.Question;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Public;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The pages respondents answer on, without signing in: by a survey's open link
 * ({@code /respond/{link}}, with a resume code for coming back) or by an invitation's own link
 * ({@code /invited/{token}}, which itself resumes). Plain forms, a page per section, each answer
 * saved on the server as the respondent moves on, and every form answered by a redirect.
 * Nothing here reads or records the respondent's address.
 */
@Controller
@Public("respondents answer through a survey's open link or their personal invitation, without an account")
class RespondentPages {

    private final Links links;
    private final Surveys surveys;
    private final Drafts drafts;
    private final Invitations invitations;
    private final ResumeAttempts attempts;

    RespondentPages(Links links, Surveys surveys, Drafts drafts, Invitations invitations, ResumeAttempts attempts) {
        this.links = links;
        this.surveys = surveys;
        this.drafts = drafts;
        this.invitations = invitations;
        this.attempts = attempts;
    }

    /**
     * A respondent on their way through a survey.
     *
     * @param start      the survey's first page for this respondent (the open link or the invitation)
     * @param base       where this respondent's pages live, or null before they have a draft
     * @param invitation null for the open link
     * @param draft      null before they start, and after they submit
     */
    record Visit(
            Surveys.Survey survey,
            Questionnaire questionnaire,
            String start,
            String base,
            Invitation invitation,
            Draft draft) {

        public String title() {
            return survey.definition().title();
        }

        public boolean isOpen() {
            return survey.isOpenOn(Invitations.today());
        }

        public String done() {
            return invitation == null ? start + "/done" : start;
        }

        /** Where to come back to: the page they were on, the first page still to complete, or checking. */
        public String resumeAt() {
            Map<String, String> answers = draft.answers();
            Optional<Questionnaire.Page> page = Optional.ofNullable(draft.resumePage())
                    .flatMap(questionnaire::page)
                    .filter(p -> !questionnaire.asked(p, answers).isEmpty())
                    .or(() -> questionnaire.firstIncomplete(answers));
            return base + "/" + page.map(p -> String.valueOf(p.number())).orElse("check");
        }
    }

    // The open link

    @GetMapping("/respond/{link}")
    String openLink(@PathVariable String link, Model model) {
        return byLink(link, null, visit -> startPage(visit, model, List.of()));
    }

    @PostMapping("/respond/{link}")
    String startByLink(@PathVariable String link) {
        return byLink(link, null, visit -> {
            if (!visit.isOpen()) {
                return "redirect:" + visit.start();
            }
            Draft draft = drafts.startByLink(visit.survey().id());
            return "redirect:" + visit.start() + "/" + draft.resumeCode() + "/1";
        });
    }

    @PostMapping("/respond/{link}/resume")
    String resume(
            @PathVariable String link,
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return byLink(link, null, visit -> {
            if (attempts.blocked(visit.survey().id(), request.getRemoteAddr())) {
                return tooManyAttempts(visit, model, response);
            }
            Optional<Draft> draft = code == null || code.isBlank()
                    ? Optional.empty()
                    : drafts.byResumeCode(visit.survey().id(), code);
            if (draft.isPresent()) {
                return "redirect:" + visit.start() + "/" + draft.get().resumeCode();
            }
            if (code != null && !code.isBlank()) {
                attempts.missed(visit.survey().id(), request.getRemoteAddr());
            }
            model.addAttribute("code", code);
            return startPage(
                    visit,
                    model,
                    List.of(Problem.of(
                            "code",
                            code == null || code.isBlank()
                                    ? "Enter your resume code"
                                    : "There are no saved answers with that code: check it, or start again")));
        });
    }

    private String tooManyAttempts(Visit visit, Model model, HttpServletResponse response) {
        response.setStatus(429);
        return startPage(
                visit,
                model,
                List.of(Problem.of(
                        "code",
                        "Too many resume codes that do not match have been " + "tried from here. Wait "
                                + attempts.minutes() + " minutes and try again, or start the survey again.")));
    }

    /** The resume link a respondent keeps: it leads to where they left off. */
    @GetMapping("/respond/{link}/{code}")
    String resumeLink(@PathVariable String link, @PathVariable String code) {
        return byLink(link, code, visit -> "redirect:" + (visit.draft() == null ? visit.start() : visit.resumeAt()));
    }

    @GetMapping("/respond/{link}/done")
    String doneByLink(@PathVariable String link, Model model) {
        return byLink(link, null, visit -> {
            model.addAttribute("visit", visit);
            return "engagement/respond-done";
        });
    }

    @GetMapping("/respond/{link}/{code}/{page:\\d+}")
    String pageByLink(
            @PathVariable String link,
            @PathVariable String code,
            @PathVariable int page,
            @RequestParam(required = false) String missing,
            Model model) {
        return byLink(link, code, visit -> showPage(visit, page, missing != null, model));
    }

    @PostMapping("/respond/{link}/{code}/{page:\\d+}")
    String answerByLink(
            @PathVariable String link,
            @PathVariable String code,
            @PathVariable int page,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        return byLink(link, code, visit -> answer(visit, page, form, model));
    }

    @GetMapping("/respond/{link}/{code}/check")
    String checkByLink(@PathVariable String link, @PathVariable String code, Model model) {
        return byLink(link, code, visit -> showCheck(visit, model));
    }

    @PostMapping("/respond/{link}/{code}/check")
    String submitByLink(@PathVariable String link, @PathVariable String code) {
        return byLink(link, code, this::submit);
    }

    @GetMapping("/respond/{link}/{code}/saved")
    String savedByLink(@PathVariable String link, @PathVariable String code, Model model) {
        return byLink(link, code, visit -> saved(visit, model));
    }

    // An invitation's own link

    @GetMapping("/invited/{token}")
    String invited(@PathVariable String token, Model model) {
        return byInvitation(
                token,
                visit -> visit.invitation().responded()
                        ? doneInvited(visit, model)
                        : startPage(visit, model, List.of()));
    }

    @PostMapping("/invited/{token}")
    String startByInvitation(@PathVariable String token) {
        return byInvitation(token, visit -> {
            if (visit.invitation().responded() || !visit.isOpen()) {
                return "redirect:" + visit.start();
            }
            Draft draft = drafts.startByInvitation(visit.invitation());
            return "redirect:" + withDraft(visit, draft).resumeAt();
        });
    }

    @GetMapping("/invited/{token}/{page:\\d+}")
    String invitedPage(
            @PathVariable String token,
            @PathVariable int page,
            @RequestParam(required = false) String missing,
            Model model) {
        return byInvitation(token, visit -> showPage(visit, page, missing != null, model));
    }

    @PostMapping("/invited/{token}/{page:\\d+}")
    String invitedAnswer(
            @PathVariable String token,
            @PathVariable int page,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        return byInvitation(token, visit -> answer(visit, page, form, model));
    }

    @GetMapping("/invited/{token}/check")
    String invitedCheck(@PathVariable String token, Model model) {
        return byInvitation(token, visit -> showCheck(visit, model));
    }

    @PostMapping("/invited/{token}/check")
    String invitedSubmit(@PathVariable String token) {
        return byInvitation(token, this::submit);
    }

    @GetMapping("/invited/{token}/saved")
    String invitedSaved(@PathVariable String token, Model model) {
        return byInvitation(token, visit -> saved(visit, model));
    }

    // Finding the survey and the respondent's draft, in the survey's ICS

    private String byLink(String link, String code, Function<Visit, String> work) {
        Link found = links.openLink(link).orElseThrow(RespondentPages::noSurvey);
        return found.scope().run(() -> {
            Surveys.Survey survey = surveys.survey(found.surveyId());
            String start = "/respond/" + link;
            Draft draft = null;
            // a code in the address counts as a try just as one typed into the form does; while an
            // address is locked out its codes are not looked up, so it lands on the start page, whose
            // resume form says why
            String address =
                    code == null
                            ? null
                            : ((org.springframework.web.context.request.ServletRequestAttributes) org.springframework
                                            .web.context.request.RequestContextHolder.currentRequestAttributes())
                                    .getRequest()
                                    .getRemoteAddr();
            if (code != null && !attempts.blocked(survey.id(), address)) {
                draft = drafts.byResumeCode(survey.id(), code).orElse(null);
                if (draft == null) {
                    attempts.missed(survey.id(), address);
                }
            }
            return work.apply(new Visit(
                    survey,
                    Questionnaire.of(survey.definition()),
                    start,
                    draft == null ? null : start + "/" + draft.resumeCode(),
                    null,
                    draft));
        });
    }

    private String byInvitation(String token, Function<Visit, String> work) {
        Link found = links.invitation(token).orElseThrow(RespondentPages::noSurvey);
        return found.scope().run(() -> {
            Surveys.Survey survey = surveys.survey(found.surveyId());
            Invitation invitation = invitations.byToken(token).orElseThrow(RespondentPages::noSurvey);
            String start = "/invited/" + token;
            return work.apply(new Visit(
                    survey,
                    Questionnaire.of(survey.definition()),
                    start,
                    start,
                    invitation,
                    drafts.byInvitation(invitation.id()).orElse(null)));
        });
    }

    private static Visit withDraft(Visit visit, Draft draft) {
        return new Visit(visit.survey(), visit.questionnaire(), visit.start(), visit.base(), visit.invitation(), draft);
    }

    private static NotFound noSurvey() {
        return new NotFound("There is no survey at this address");
    }

    /** Where someone without a usable draft goes: the start, which says why (closed, answered, unknown). */
    private static Optional<String> turnedAway(Visit visit) {
        if (visit.draft() == null
                || !visit.isOpen()
                || visit.invitation() != null && visit.invitation().responded()) {
            return Optional.of("redirect:" + visit.start());
        }
        return Optional.empty();
    }

    // The pages

    private String startPage(Visit visit, Model model, List<Problem> problems) {
        LocalDate today = Invitations.today();
        Surveys.Survey survey = visit.survey();
        model.addAttribute("visit", visit);
        model.addAttribute("problems", problems);
        model.addAttribute("draft", survey.isDraft());
        model.addAttribute(
                "notYetOpen",
                !survey.isDraft() && survey.opensOn() != null && today.isBefore(survey.opensOn())
                        ? Invitations.DAY.format(survey.opensOn())
                        : null);
        boolean closedByHand = survey.status() == Surveys.Status.CLOSED;
        model.addAttribute(
                "closed",
                !survey.isDraft() && closedByHand || survey.closesOn() != null && today.isAfter(survey.closesOn())
                        ? (survey.closesOn() == null ? "" : Invitations.DAY.format(survey.closesOn()))
                        : null);
        model.addAttribute("closesOn", survey.closesOn() == null ? null : Invitations.DAY.format(survey.closesOn()));
        return "engagement/respond-start";
    }

    private String showPage(Visit visit, int number, boolean missing, Model model) {
        Optional<String> away = turnedAway(visit);
        if (away.isPresent()) {
            return away.get();
        }
        Map<String, String> answers = visit.draft().answers();
        Optional<Questionnaire.Page> page = visit.questionnaire()
                .page(number)
                .filter(p -> !visit.questionnaire().asked(p, answers).isEmpty());
        if (page.isEmpty()) {
            return "redirect:" + visit.resumeAt();
        }
        List<Problem> problems = missing ? visit.questionnaire().check(page.get(), answers) : List.of();
        return renderPage(visit, page.get(), answers, problems, model);
    }

    private String answer(Visit visit, int number, MultiValueMap<String, String> form, Model model) {
        Optional<String> away = turnedAway(visit);
        if (away.isPresent()) {
            return away.get();
        }
        Questionnaire questionnaire = visit.questionnaire();
        Draft draft = visit.draft();
        Optional<Questionnaire.Page> found = questionnaire
                .page(number)
                .filter(p -> !questionnaire.asked(p, draft.answers()).isEmpty());
        if (found.isEmpty()) {
            return "redirect:" + visit.resumeAt();
        }
        Questionnaire.Page page = found.get();
        Map<String, String> answers = questionnaire.merge(draft.answers(), page, questionnaire.read(page, form));
        if ("save".equals(form.getFirst("action"))) {
            drafts.save(draft.id(), answers, number);
            return "redirect:" + visit.base() + "/saved";
        }
        List<Problem> problems = questionnaire.check(page, answers);
        if (!problems.isEmpty()) {
            // What they did enter is kept, so leaving now loses nothing.
            drafts.save(draft.id(), answers, number);
            return renderPage(visit, page, answers, problems, model);
        }
        Optional<Questionnaire.Page> next = questionnaire.next(number, answers);
        Integer resume = draft.resumePage() == null || next.isEmpty()
                ? null
                : Math.max(draft.resumePage(), next.get().number());
        drafts.save(draft.id(), answers, resume);
        return "redirect:" + visit.base() + "/"
                + next.map(p -> String.valueOf(p.number())).orElse("check");
    }

    private String renderPage(
            Visit visit, Questionnaire.Page page, Map<String, String> answers, List<Problem> problems, Model model) {
        Questionnaire questionnaire = visit.questionnaire();
        List<Questionnaire.Page> asked = questionnaire.askedPages(answers);
        model.addAttribute("visit", visit);
        model.addAttribute("page", page);
        model.addAttribute("heading", page.section() == null ? visit.title() : page.section());
        model.addAttribute("position", asked.indexOf(page) + 1);
        model.addAttribute("pages", asked.size());
        model.addAttribute("problems", problems);
        model.addAttribute(
                "questions",
                questionnaire.asked(page, answers).stream()
                        .map(q -> QuestionView.of(questionnaire, q, answers, problems))
                        .toList());
        model.addAttribute(
                "back",
                questionnaire
                        .previous(page.number(), answers)
                        .map(p -> visit.base() + "/" + p.number())
                        .orElse(visit.start()));
        return "engagement/respond-page";
    }

    /** One answer as the check page lists it. */
    record Answered(int number, String question, List<String> lines, String change) {}

    /** The answers of one page, under its heading. */
    record Section(String heading, List<Answered> answers) {}

    private String showCheck(Visit visit, Model model) {
        Optional<String> away = turnedAway(visit);
        if (away.isPresent()) {
            return away.get();
        }
        Questionnaire questionnaire = visit.questionnaire();
        Map<String, String> answers = visit.draft().answers();
        Optional<Questionnaire.Page> incomplete = questionnaire.firstIncomplete(answers);
        if (incomplete.isPresent()) {
            return "redirect:" + visit.base() + "/" + incomplete.get().number() + "?missing";
        }
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
                rows.add(new Answered(questionnaire.number(q), q.text(), lines, visit.base() + "/" + page.number()));
            }
            sections.add(new Section(page.section() == null ? visit.title() : page.section(), rows));
        }
        model.addAttribute("visit", visit);
        model.addAttribute("sections", sections);
        model.addAttribute(
                "back",
                questionnaire
                        .previous(Integer.MAX_VALUE, answers)
                        .map(p -> visit.base() + "/" + p.number())
                        .orElse(visit.start()));
        return "engagement/respond-check";
    }

    private String submit(Visit visit) {
        if (visit.draft() == null) {
            // Already submitted (a second press of the button, say), or never started.
            return "redirect:" + visit.done();
        }
        Optional<String> away = turnedAway(visit);
        if (away.isPresent()) {
            return away.get();
        }
        Optional<Questionnaire.Page> incomplete =
                visit.questionnaire().firstIncomplete(visit.draft().answers());
        if (incomplete.isPresent()) {
            return "redirect:" + visit.base() + "/" + incomplete.get().number() + "?missing";
        }
        try {
            drafts.submit(visit.draft().id(), visit.questionnaire());
        } catch (InvalidInput e) {
            // The pages check what the response does; should they ever differ, go back to the start.
            return "redirect:" + visit.resumeAt();
        }
        return "redirect:" + visit.done();
    }

    private String saved(Visit visit, Model model) {
        Optional<String> away = turnedAway(visit);
        if (away.isPresent()) {
            return away.get();
        }
        model.addAttribute("visit", visit);
        model.addAttribute(
                "resumeLink",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(visit.base())
                        .toUriString());
        model.addAttribute(
                "closesOn",
                visit.survey().closesOn() == null
                        ? null
                        : Invitations.DAY.format(visit.survey().closesOn()));
        return "engagement/respond-saved";
    }

    private String doneInvited(Visit visit, Model model) {
        model.addAttribute("visit", visit);
        return "engagement/respond-done";
    }
}
