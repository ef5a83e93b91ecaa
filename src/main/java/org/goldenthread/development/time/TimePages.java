package org.goldenthread.development.time;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
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

/** Recording one's own time and check-ins, and the month-by-month figures for those who oversee them. */
@Controller
class TimePages {

    private final TimeLog log;
    private final TimeFigures figures;
    private final Register register;

    TimePages(TimeLog log, TimeFigures figures, Register register) {
        this.log = log;
        this.figures = figures;
        this.register = register;
    }

    private static String home() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/development/time";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/time")
    String mine(@PathVariable String ods, @RequestParam(required = false) @Nullable String week, Model model) {
        Person self = register.personByEmail(Scope.currentCaller().email()).orElse(null);
        LocalDate chosen = log.openWeeks().get(0);
        if (week != null && log.openWeeks().stream().anyMatch(w -> w.toString().equals(week))) {
            chosen = LocalDate.parse(week);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("week", chosen.toString());
        if (self != null) {
            TimeLog.Week recorded = log.week(self, chosen);
            model.addAttribute(
                    "recorded",
                    !recorded.hours().isEmpty()
                            || recorded.workload() != null
                            || recorded.timeKept() != null
                            || recorded.note() != null);
            recorded.hours()
                    .forEach((id, h) ->
                            form.put("hours-" + id, h.stripTrailingZeros().toPlainString()));
            put(form, "workload", recorded.workload());
            put(form, "time_kept", recorded.timeKept());
            put(form, "note", recorded.note());
        }
        return show(model, self, form, List.of());
    }

    private static void put(Map<String, String> form, String field, @Nullable String value) {
        if (value != null) {
            form.put(field, value);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/time")
    String record(
            @PathVariable String ods,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Person self = register.personByEmail(Scope.currentCaller().email()).orElse(null);
        if (self == null) {
            return show(model, null, form, List.of());
        }
        Map<Long, String> hours = new LinkedHashMap<>();
        for (TimeLog.Role role : log.roles(self)) {
            String given = form.get("hours-" + role.appointmentId());
            if (given != null && !given.isBlank()) {
                hours.put(role.appointmentId(), given);
            }
        }
        try {
            TimeLog.Week week = log.record(
                    self,
                    new TimeLog.Recording(
                            form.get("week"), hours, form.get("workload"), form.get("time_kept"), form.get("note")));
            redirect.addFlashAttribute("success", "Your week starting " + Dates.day(week.starting()) + " is recorded.");
            return "redirect:" + home();
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, self, form, e.problems());
        }
    }

    private String show(Model model, @Nullable Person self, Map<String, String> form, List<?> problems) {
        model.addAttribute("self", self);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("home", home());
        model.addAttribute(
                "weeks",
                log.openWeeks().stream()
                        .map(w -> new Choice(
                                w.toString(),
                                (w.equals(log.openWeeks().get(0)) ? "This week, from " : "From ") + Dates.day(w)))
                        .toList());
        if (!model.containsAttribute("recorded")) {
            model.addAttribute("recorded", false);
        }
        String week = form.getOrDefault("week", log.openWeeks().get(0).toString());
        model.addAttribute(
                "chosenDay",
                log.openWeeks().stream().anyMatch(w -> w.toString().equals(week))
                        ? Dates.day(LocalDate.parse(week))
                        : week);
        // a way back from an answer: sent blank, it records none
        Choice none = new Choice("", "No answer");
        List<Choice> workloads = new java.util.ArrayList<>(Choice.of(Workload.class));
        workloads.add(none);
        List<Choice> timesKept = new java.util.ArrayList<>(Choice.of(TimeKept.class));
        timesKept.add(none);
        model.addAttribute("workloads", workloads);
        model.addAttribute("timesKept", timesKept);
        model.addAttribute("workloadLabels", Coded.labels(Workload.class));
        model.addAttribute("timeKeptLabels", Coded.labels(TimeKept.class));
        model.addAttribute("roles", self == null ? List.of() : log.roles(self));
        model.addAttribute("recent", self == null ? List.of() : log.recent(self));
        model.addAttribute("quarter", TimeLog.QUARTER);
        return "development/time/mine";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/time/figures")
    String figures(@PathVariable String ods, Model model) {
        model.addAttribute("figures", figures.figures(Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST)));
        model.addAttribute("home", home());
        return "development/time/figures";
    }
}
