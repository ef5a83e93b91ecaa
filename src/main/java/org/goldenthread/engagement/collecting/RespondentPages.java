package org.goldenthread.engagement.collecting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * ({@code /invited/{token}}, which itself resumes). Plain forms, a page per section, every form
 * answered by a redirect; what each step does is the {@link RespondentJourney}'s, and this class
 * only shows its {@link Outcome}. Nothing here reads or records the respondent's address, beyond
 * handing it on for counting resume codes that do not match.
 */
@Controller
@Public("respondents answer through a survey's open link or their personal invitation, without an account")
class RespondentPages {

    private final RespondentJourney journey;

    RespondentPages(RespondentJourney journey) {
        this.journey = journey;
    }

    // The open link

    @GetMapping("/respond/{link}")
    String openLink(@PathVariable String link, Model model, HttpServletResponse response) {
        return show(journey.arrive(Respondent.byLink(link)), model, response);
    }

    @PostMapping("/respond/{link}")
    String startByLink(@PathVariable String link, Model model, HttpServletResponse response) {
        return show(journey.begin(Respondent.byLink(link)), model, response);
    }

    @PostMapping("/respond/{link}/resume")
    String resume(
            @PathVariable String link,
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return show(journey.resume(link, code, request.getRemoteAddr()), model, response);
    }

    /** The resume link a respondent keeps: it leads to where they left off. */
    @GetMapping("/respond/{link}/{code}")
    String resumeLink(
            @PathVariable String link,
            @PathVariable String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return show(journey.comeBack(byLink(link, code, request)), model, response);
    }

    @GetMapping("/respond/{link}/done")
    String doneByLink(@PathVariable String link, Model model, HttpServletResponse response) {
        return show(journey.done(link), model, response);
    }

    @GetMapping("/respond/{link}/{code}/{page:\\d+}")
    String pageByLink(
            @PathVariable String link,
            @PathVariable String code,
            @PathVariable int page,
            @RequestParam(required = false) String missing,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return show(journey.page(byLink(link, code, request), page, missing != null), model, response);
    }

    /** The fields are the survey's own answer columns, named by its question codes, so they come as a map. */
    @PostMapping("/respond/{link}/{code}/{page:\\d+}")
    String answerByLink(
            @PathVariable String link,
            @PathVariable String code,
            @PathVariable int page,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return show(journey.answer(byLink(link, code, request), page, form), model, response);
    }

    @GetMapping("/respond/{link}/{code}/check")
    String checkByLink(
            @PathVariable String link,
            @PathVariable String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return show(journey.check(byLink(link, code, request)), model, response);
    }

    @PostMapping("/respond/{link}/{code}/check")
    String submitByLink(
            @PathVariable String link,
            @PathVariable String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return show(journey.submit(byLink(link, code, request)), model, response);
    }

    @GetMapping("/respond/{link}/{code}/saved")
    String savedByLink(
            @PathVariable String link,
            @PathVariable String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return show(journey.saved(byLink(link, code, request)), model, response);
    }

    // An invitation's own link

    @GetMapping("/invited/{token}")
    String invited(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(journey.arrive(Respondent.invited(token)), model, response);
    }

    @PostMapping("/invited/{token}")
    String startByInvitation(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(journey.begin(Respondent.invited(token)), model, response);
    }

    @GetMapping("/invited/{token}/{page:\\d+}")
    String invitedPage(
            @PathVariable String token,
            @PathVariable int page,
            @RequestParam(required = false) String missing,
            Model model,
            HttpServletResponse response) {
        return show(journey.page(Respondent.invited(token), page, missing != null), model, response);
    }

    /** The fields are the survey's own answer columns, named by its question codes, so they come as a map. */
    @PostMapping("/invited/{token}/{page:\\d+}")
    String invitedAnswer(
            @PathVariable String token,
            @PathVariable int page,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        return show(journey.answer(Respondent.invited(token), page, form), model, response);
    }

    @GetMapping("/invited/{token}/check")
    String invitedCheck(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(journey.check(Respondent.invited(token)), model, response);
    }

    @PostMapping("/invited/{token}/check")
    String invitedSubmit(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(journey.submit(Respondent.invited(token)), model, response);
    }

    @GetMapping("/invited/{token}/saved")
    String invitedSaved(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(journey.saved(Respondent.invited(token)), model, response);
    }

    private static Respondent byLink(String link, String code, HttpServletRequest request) {
        return Respondent.byLink(link, code, request.getRemoteAddr());
    }

    // Outcomes as pages

    private static String show(Outcome outcome, Model model, HttpServletResponse response) {
        if (outcome instanceof Outcome.Onward onward) {
            return "redirect:" + onward.path();
        }
        if (outcome instanceof Outcome.ShowStart start) {
            return startPage(start, model, response);
        }
        if (outcome instanceof Outcome.ShowPage page) {
            return questionPage(page, model);
        }
        if (outcome instanceof Outcome.ShowCheck check) {
            model.addAttribute("visit", check.visit());
            model.addAttribute("sections", check.sections());
            model.addAttribute("back", check.back());
            return "engagement/respond-check";
        }
        if (outcome instanceof Outcome.ShowSaved saved) {
            model.addAttribute("visit", saved.visit());
            model.addAttribute(
                    "resumeLink",
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path(saved.visit().pages())
                            .toUriString());
            model.addAttribute("closesOn", Outcome.closesOn(saved.visit()));
            return "engagement/respond-saved";
        }
        if (outcome instanceof Outcome.ShowDone done) {
            model.addAttribute("visit", done.visit());
            return "engagement/respond-done";
        }
        throw new IllegalStateException("No page shows " + outcome.getClass().getSimpleName());
    }

    private static String startPage(Outcome.ShowStart start, Model model, HttpServletResponse response) {
        if (start.tooManyAttempts()) {
            response.setStatus(429);
        }
        model.addAttribute("visit", start.visit());
        model.addAttribute("problems", start.problems());
        model.addAttribute("code", start.code());
        model.addAttribute("draft", start.visit().survey().isDraft());
        model.addAttribute("notYetOpen", start.notYetOpen());
        model.addAttribute("closed", start.closed());
        model.addAttribute("closesOn", Outcome.closesOn(start.visit()));
        return "engagement/respond-start";
    }

    private static String questionPage(Outcome.ShowPage page, Model model) {
        model.addAttribute("visit", page.visit());
        model.addAttribute("page", page.page());
        model.addAttribute("heading", page.heading());
        model.addAttribute("position", page.position());
        model.addAttribute("pages", page.pages());
        model.addAttribute("problems", page.problems());
        model.addAttribute("questions", page.questions());
        model.addAttribute("back", page.back());
        return "engagement/respond-page";
    }
}
