package org.goldenthread.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The improvement actions: adding one to an indicator, the plan across cycles, and each action's status. */
@Controller
class ActionPages {

    private final Cycles cycles;
    private final Actions actions;
    private final IndicatorPage page;
    private final Clock clock;

    ActionPages(Cycles cycles, Actions actions, IndicatorPage page, Clock clock) {
        this.cycles = cycles;
        this.actions = actions;
        this.page = page;
        this.clock = clock;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/actions")
    String addAction(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            IndicatorForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            LocalDate due = FormValues.date("due_on", form.dueOn(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            actions.addAction(id, code, form.actionTitle(), form.owner(), due);
            redirect.addFlashAttribute("success", "The action was added to the plan.");
            return "redirect:" + AssessmentAccess.base() + "/" + id + "/indicators/" + code + "#actions";
        } catch (InvalidInput e) {
            return page.showAgain(model, id, code, form, IndicatorPage.renamed(e, "title", "action_title"));
        }
    }

    record ActionRow(Cycle.Action action, @Nullable String cycle, boolean overdue) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/actions")
    String actions(@PathVariable String ods, Model model) {
        Footprint footprint = AssessmentAccess.readers();
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> titles = new HashMap<>();
        cycles.cycles(footprint).forEach(c -> titles.put(c.id(), c.title()));
        List<ActionRow> rows = actions.allActions(footprint).stream()
                .map(a -> new ActionRow(a, titles.get(a.cycleId()), a.isOverdueOn(today)))
                .sorted(Comparator.comparing((ActionRow r) -> !r.overdue()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", Choice.of(ActionStatus.class));
        model.addAttribute("lead", AssessmentAccess.leads());
        return "assessment/actions";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/actions/{action}")
    String status(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long action,
            @RequestParam(required = false) String status,
            RedirectAttributes redirect) {
        actions.setStatus(id, action, status);
        redirect.addFlashAttribute("success", "The action's status was changed.");
        return "redirect:" + AssessmentAccess.base() + "/actions";
    }
}
