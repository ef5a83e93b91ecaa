package org.goldenthread.development.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A leader's development plan page, and the plans shared with them. */
@Controller
class DevelopmentPlanPages {

    private final DevelopmentPlan plan;
    private final Register register;

    DevelopmentPlanPages(DevelopmentPlan plan, Register register) {
        this.plan = plan;
        this.register = register;
    }

    private static String home() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/development/plan";
    }

    private @Nullable Person self() {
        return register.personByEmail(Scope.currentCaller().email()).orElse(null);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/plan")
    String mine(@PathVariable String ods, @RequestParam(required = false) @Nullable Long edit, Model model) {
        Person self = self();
        Map<String, String> form = new HashMap<>();
        if (self != null && edit != null) {
            DevelopmentPlan.Goal goal = plan.goal(self, edit);
            form.put("title", goal.title());
            put(form, "success", goal.success());
            put(form, "due_on", goal.dueOn() == null ? null : goal.dueOn().toString());
            put(form, "offer_id", goal.offerId() == null ? null : goal.offerId().toString());
        }
        return show(model, self, edit, form, List.of(), List.of());
    }

    private static void put(Map<String, String> form, String field, @Nullable String value) {
        if (value != null) {
            form.put(field, value);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/plan/goals")
    String save(
            @PathVariable String ods,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Person self = self();
        if (self == null) {
            return show(model, null, null, form, List.of(), List.of());
        }
        String goalField = form.get("goal");
        Long editing = org.goldenthread.platform.FormValues.id(goalField);
        if (editing == null && goalField != null && !goalField.isBlank()) {
            throw new org.goldenthread.platform.NotFound("No goal " + goalField + " in your development plan");
        }
        DevelopmentPlan.GoalDetails details = new DevelopmentPlan.GoalDetails(
                form.getOrDefault("title", ""),
                form.getOrDefault("success", ""),
                form.getOrDefault("due_on", ""),
                form.getOrDefault("offer_id", ""),
                null);
        try {
            DevelopmentPlan.Goal goal = editing == null ? plan.add(self, details) : plan.change(self, editing, details);
            redirect.addFlashAttribute("success", (editing == null ? "Added: " : "Changed: ") + goal.title());
            return "redirect:" + home();
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, self, editing, form, e.problems(), List.of());
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/plan/goals/{id}/status")
    String status(
            @PathVariable String ods, @PathVariable long id, @RequestParam String status, RedirectAttributes redirect) {
        Person self = self();
        if (self == null) {
            return "redirect:" + home();
        }
        DevelopmentPlan.Goal goal =
                plan.change(self, id, new DevelopmentPlan.GoalDetails(null, null, null, null, status));
        redirect.addFlashAttribute(
                "success",
                goal.title() + ": "
                        + Coded.labels(GoalStatus.class)
                                .getOrDefault(goal.status(), goal.status())
                                .toLowerCase(java.util.Locale.UK)
                        + ".");
        return "redirect:" + home();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/plan/goals/{id}/remove")
    String remove(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        Person self = self();
        if (self != null) {
            String title = plan.goal(self, id).title();
            plan.remove(self, id);
            redirect.addFlashAttribute("success", "Removed: " + title);
        }
        return "redirect:" + home();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/plan/shares")
    String share(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String email,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Person self = self();
        if (self == null) {
            return "redirect:" + home();
        }
        try {
            DevelopmentPlan.Share share = plan.share(self, email);
            redirect.addFlashAttribute("success", "Your plan is shared with " + share.email() + ".");
            return "redirect:" + home() + "#sharing";
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> shareForm = new HashMap<>();
            put(shareForm, "email", email);
            model.addAttribute("shareForm", shareForm);
            return show(model, self, null, new HashMap<>(), List.of(), e.problems());
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/plan/shares/remove")
    String unshare(@PathVariable String ods, @RequestParam String email, RedirectAttributes redirect) {
        Person self = self();
        if (self != null) {
            plan.unshare(self, email);
            redirect.addFlashAttribute("success", "Your plan is no longer shared with " + email + ".");
        }
        return "redirect:" + home() + "#sharing";
    }

    private String show(
            Model model,
            @Nullable Person self,
            @Nullable Long editing,
            Map<String, String> form,
            List<Problem> problems,
            List<Problem> shareProblems) {
        model.addAttribute("self", self);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        if (!model.containsAttribute("shareForm")) {
            model.addAttribute("shareForm", Map.of());
        }
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(shareProblems);
        model.addAttribute("problems", all);
        model.addAttribute("goalProblems", problems);
        model.addAttribute("shareProblems", shareProblems);
        model.addAttribute("home", home());
        model.addAttribute("goals", self == null ? List.of() : plan.goals(self));
        model.addAttribute("shares", self == null ? List.of() : plan.shares(self));
        List<Choice> offers = new java.util.ArrayList<>(plan.offers().stream()
                .map(o -> new Choice(String.valueOf(o.id()), o.title()))
                .toList());
        // a goal being changed keeps an offer retired since it was chosen, and the list must show it
        String current = form.get("offer_id");
        if (self != null
                && editing != null
                && current != null
                && offers.stream().noneMatch(c -> c.code().equals(current))) {
            DevelopmentPlan.Goal goal = plan.goal(self, editing);
            if (goal.offerId() != null
                    && goal.offer() != null
                    && current.equals(goal.offerId().toString())) {
                offers.add(new Choice(current, goal.offer() + " (no longer offered)"));
            }
        }
        model.addAttribute("offers", offers);
        model.addAttribute("statusLabels", Coded.labels(GoalStatus.class));
        model.addAttribute(
                "sharedWithMe", plan.sharedWith(Scope.currentCaller().email()).size());
        return "development/plan/mine";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/plan/shared")
    String shared(@PathVariable String ods, Model model) {
        model.addAttribute("plans", plan.sharedWith(Scope.currentCaller().email()));
        model.addAttribute("statusLabels", Coded.labels(GoalStatus.class));
        model.addAttribute("home", home());
        return "development/plan/shared";
    }
}
