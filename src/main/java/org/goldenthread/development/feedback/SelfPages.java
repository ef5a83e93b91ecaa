package org.goldenthread.development.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leader rating themselves, a page per section, on the pages their raters see. */
@Controller
class SelfPages {

    private final SelfRating selfRating;

    SelfPages(SelfRating selfRating) {
        this.selfRating = selfRating;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback/{id}/self")
    String resume(@PathVariable String ods, @PathVariable long id) {
        selfRating.own(id);
        return "redirect:" + base(id) + "/" + selfRating.answers(id).page();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback/{id}/self/{page}")
    String page(@PathVariable String ods, @PathVariable long id, @PathVariable int page, Model model) {
        Round round = selfRating.own(id);
        Questionnaire questionnaire = Questionnaire.of(round, true);
        String view = AnswerPage.show(
                model,
                round,
                questionnaire.section(page),
                questionnaire.size(),
                selfRating.answers(id).answers(),
                base(id),
                true);
        if (page == 1) {
            model.addAttribute("back", FeedbackPages.home() + "/" + id);
        }
        return view;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback/{id}/self/{page}")
    String answer(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable int page,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Round round = selfRating.own(id);
        Questionnaire questionnaire = Questionnaire.of(round, true);
        Questionnaire.Section section = questionnaire.section(page);
        Map<String, String> onPage = questionnaire.answersOn(section, form);
        boolean saving = "save".equals(form.get("action"));
        boolean last = page == questionnaire.size();
        try {
            selfRating.save(round, section, onPage, !saving, saving ? page : Math.min(page + 1, questionnaire.size()));
            if (!saving && last) {
                selfRating.send(round);
            }
        } catch (InvalidInput e) {
            Map<String, String> shown = new HashMap<>(selfRating.answers(id).answers());
            shown.putAll(onPage);
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return AnswerPage.show(model, round, section, questionnaire.size(), shown, base(id), true);
        }
        if (saving || last) {
            redirect.addFlashAttribute(
                    "success",
                    saving
                            ? "Your ratings are saved. Come back to them from this page."
                            : "Thank you. Your own ratings are sent.");
            return "redirect:" + FeedbackPages.home() + "/" + id;
        }
        return "redirect:" + base(id) + "/" + (page + 1);
    }

    private static String base(long id) {
        return FeedbackPages.home() + "/" + id + "/self";
    }
}
