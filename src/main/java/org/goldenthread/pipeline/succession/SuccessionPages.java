package org.goldenthread.pipeline.succession;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.people.Register;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The succession pages, for ICS admins and for place leads on their places' seats: bench strength,
 * critical seats, terms ending within a horizon, and one critical seat's successors.
 */
@Controller
class SuccessionPages {

    private static final FormPage PLAN = new FormPage("pipeline/succession");
    private static final FormPage SEAT = new FormPage("pipeline/critical-seat");

    private final Succession succession;
    private final Forums forums;
    private final Register register;
    private final Clock clock;

    SuccessionPages(Succession succession, Forums forums, Register register, Clock clock) {
        this.succession = succession;
        this.forums = forums;
        this.register = register;
        this.clock = clock;
    }

    private static Footprint footprint() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
    }

    private static String home() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/pipeline/succession";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/pipeline/succession")
    String plan(@PathVariable String ods, @RequestParam(required = false) @Nullable String horizon, Model model) {
        int days = Succession.DEFAULT_HORIZON_DAYS;
        try {
            days = Succession.horizon(horizon);
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("horizonText", horizon == null ? String.valueOf(days) : horizon);
        return PLAN.show(planModel(model, days), SuccessionForms.Mark.empty());
    }

    private Model planModel(Model model, int days) {
        Footprint footprint = footprint();
        LocalDate today = LocalDate.now(clock);
        List<CriticalSeat> seats = succession.criticalSeats(footprint, today);
        Set<Long> critical = new HashSet<>();
        seats.forEach(c -> critical.add(c.seatId()));
        SeatMap map = SeatMap.of(forums);
        List<Ending> ending = succession.ending(footprint, days, today);
        model.addAttribute("bench", BenchStrength.of(seats));
        model.addAttribute("criticalSeats", seats);
        model.addAttribute("horizon", days);
        model.addAttribute("ending", ending);
        model.addAttribute(
                "endingWithoutReadyNow",
                ending.stream().filter(e -> e.readyNowSuccessors() == 0).count());
        model.addAttribute(
                "seatChoices",
                map.all().stream()
                        .filter(s -> map.inSight(s.id(), footprint) && !critical.contains(s.id()))
                        .map(s -> new Choice(String.valueOf(s.id()), s.forum() + ": " + s.title()))
                        .toList());
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute("readinessLabels", Coded.labels(Readiness.class));
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/pipeline/succession")
    String mark(@PathVariable String ods, SuccessionForms.Mark form, Model model, RedirectAttributes redirect) {
        try {
            CriticalSeat seat =
                    succession.mark(FormValues.id(form.seatId()), form.reason(), footprint(), LocalDate.now(clock));
            redirect.addFlashAttribute("success", seat.seat() + " on " + seat.forum() + " is now a critical seat.");
            return "redirect:" + home() + "/" + seat.id();
        } catch (InvalidInput e) {
            model.addAttribute("horizonText", String.valueOf(Succession.DEFAULT_HORIZON_DAYS));
            return PLAN.showAgain(planModel(model, Succession.DEFAULT_HORIZON_DAYS), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/pipeline/succession/{id}")
    String seat(@PathVariable String ods, @PathVariable long id, Model model) {
        return SEAT.show(seatModel(model, id), SuccessionForms.Name.empty());
    }

    private Model seatModel(Model model, long id) {
        Footprint footprint = footprint();
        model.addAttribute("seat", succession.criticalSeat(id, footprint, LocalDate.now(clock)));
        model.addAttribute(
                "people",
                register.people(footprint).stream()
                        .map(p -> new Choice(String.valueOf(p.id()), p.fullName() + " (" + p.personRef() + ")"))
                        .toList());
        model.addAttribute("readinesses", Choice.of(Readiness.class));
        model.addAttribute("readinessLabels", Coded.labels(Readiness.class));
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/pipeline/succession/{id}/successors")
    String name(
            @PathVariable String ods,
            @PathVariable long id,
            SuccessionForms.Name form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Long person = FormValues.id(form.personId());
            CriticalSeat seat =
                    succession.nameSuccessor(id, person, form.readiness(), footprint(), LocalDate.now(clock));
            String who = seat.successors().stream()
                    .filter(s -> Long.valueOf(s.personId()).equals(person))
                    .map(CriticalSeat.Successor::person)
                    .findFirst()
                    .orElse("The successor");
            redirect.addFlashAttribute("success", who + " is named as a successor for " + seat.seat() + ".");
            return "redirect:" + home() + "/" + id;
        } catch (InvalidInput e) {
            return SEAT.showAgain(seatModel(model, id), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/pipeline/succession/{id}/successors/{successor}/remove")
    String removeSuccessor(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long successor,
            RedirectAttributes redirect) {
        succession.removeSuccessor(id, successor, footprint(), LocalDate.now(clock));
        redirect.addFlashAttribute("success", "The successor was removed.");
        return "redirect:" + home() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/pipeline/succession/{id}/unmark")
    String unmark(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        CriticalSeat seat = succession.criticalSeat(id, footprint(), LocalDate.now(clock));
        succession.unmark(id, footprint(), LocalDate.now(clock));
        redirect.addFlashAttribute(
                "success", seat.seat() + " on " + seat.forum() + " is no longer marked as critical.");
        return "redirect:" + home();
    }
}
