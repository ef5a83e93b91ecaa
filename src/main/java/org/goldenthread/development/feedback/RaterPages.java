package org.goldenthread.development.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.ScopedTransactions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A rater's pages, through their own link ({@code /feedback/{token}}) without an account: a first
 * page saying who the feedback is for and who will see what, then a page per section, each saved as
 * it goes so the rater can stop and come back through the same link; plain forms, no JavaScript.
 * A link already used to send feedback answers 409, a closed round 410, and nothing changes.
 */
@Controller
@Public("raters give 360° feedback through the personal link sent to them, without an account")
class RaterPages {

    private final RaterLinks links;
    private final RaterAnswers answers;
    private final ScopedTransactions transactions;

    RaterPages(RaterLinks links, RaterAnswers answers, ScopedTransactions transactions) {
        this.links = links;
        this.answers = answers;
        this.transactions = transactions;
    }

    @GetMapping("/feedback/{token}")
    String start(@PathVariable String token, Model model, HttpServletResponse response) {
        RaterLinks.Holder holder = holder(token);
        RaterAnswers.Visit visit = in(holder, () -> answers.visit(holder.invitationId()));
        try {
            answers.open(visit);
        } catch (RaterAnswers.Over over) {
            return over(over, visit, model, response);
        }
        model.addAttribute("visit", visit);
        model.addAttribute("base", "/feedback/" + token);
        model.addAttribute("pages", Questionnaire.of(visit.round(), false).size());
        return "development/feedback/rater-start";
    }

    @GetMapping("/feedback/{token}/{page}")
    String page(@PathVariable String token, @PathVariable int page, Model model, HttpServletResponse response) {
        RaterLinks.Holder holder = holder(token);
        RaterAnswers.Visit visit = in(holder, () -> answers.visit(holder.invitationId()));
        try {
            answers.open(visit);
        } catch (RaterAnswers.Over over) {
            return over(over, visit, model, response);
        }
        Questionnaire questionnaire = Questionnaire.of(visit.round(), false);
        return AnswerPage.show(
                model,
                visit.round(),
                questionnaire.section(page),
                questionnaire.size(),
                visit.answers(),
                "/feedback/" + token,
                false);
    }

    @PostMapping("/feedback/{token}/{page}")
    String answer(
            @PathVariable String token,
            @PathVariable int page,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response) {
        RaterLinks.Holder holder = holder(token);
        RaterAnswers.Visit visit = in(holder, () -> answers.visit(holder.invitationId()));
        Questionnaire questionnaire = Questionnaire.of(visit.round(), false);
        Questionnaire.Section section = questionnaire.section(page);
        Map<String, String> onPage = questionnaire.answersOn(section, form);
        boolean saving = "save".equals(form.get("action"));
        boolean last = page == questionnaire.size();
        try {
            in(holder, () -> {
                answers.save(visit, section, onPage, !saving, saving ? page : Math.min(page + 1, questionnaire.size()));
                if (!saving && last) {
                    answers.send(answers.visit(holder.invitationId()), questionnaire);
                }
                return null;
            });
        } catch (RaterAnswers.Over over) {
            return over(over, visit, model, response);
        } catch (InvalidInput e) {
            Map<String, String> shown = new java.util.HashMap<>(visit.answers());
            shown.putAll(onPage);
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return AnswerPage.show(
                    model, visit.round(), section, questionnaire.size(), shown, "/feedback/" + token, false);
        }
        if (saving) {
            model.addAttribute("visit", visit);
            model.addAttribute("base", "/feedback/" + token);
            return "development/feedback/rater-saved";
        }
        return "redirect:/feedback/" + token + (last ? "/sent" : "/" + (page + 1));
    }

    @GetMapping("/feedback/{token}/sent")
    String sent(@PathVariable String token, Model model) {
        RaterLinks.Holder holder = holder(token);
        RaterAnswers.Visit visit = in(holder, () -> answers.visit(holder.invitationId()));
        model.addAttribute("leader", visit.round().leader());
        model.addAttribute("sent", visit.responded());
        return "development/feedback/rater-sent";
    }

    private String over(RaterAnswers.Over over, RaterAnswers.Visit visit, Model model, HttpServletResponse response) {
        response.setStatus(over.status());
        model.addAttribute(
                "heading", over.status() == 409 ? "You have already sent your feedback" : "This feedback has closed");
        model.addAttribute("message", over.getMessage());
        return "development/feedback/rater-over";
    }

    private RaterLinks.Holder holder(String token) {
        return links.holder(token).orElseThrow(() -> new NotFound("This link does not lead anywhere"));
    }

    private <T> T in(RaterLinks.Holder holder, Supplier<T> work) {
        return transactions.run(holder.scope(), work);
    }
}
