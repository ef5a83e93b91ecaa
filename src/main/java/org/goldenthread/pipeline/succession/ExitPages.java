package org.goldenthread.pipeline.succession;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Level;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exits pages: ended appointments and their exit conversations for ICS admins and place leads
 * (their places' seats), and turnover and reasons for leaving in aggregate for ICS admins and
 * analysts.
 */
@Controller
class ExitPages {

    private static final FormPage CONVERSATION = new FormPage("pipeline/exit");

    private final Exits exits;
    private final Register register;
    private final Clock clock;

    ExitPages(Exits exits, Register register, Clock clock) {
        this.exits = exits;
        this.register = register;
        this.clock = clock;
    }

    static final int ENDED_PER_PAGE = 25;

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/pipeline/exits")
    String exits(@PathVariable String ods, @RequestParam(defaultValue = "1") int page, Model model) {
        Caller caller = Scope.currentCaller();
        long ics = Scope.currentTenant().id();
        LocalDate today = LocalDate.now(clock);
        Footprint footprint =
                Scope.reach(caller, ics, Role.ICS_ADMIN, Role.PLACE_LEAD).orElse(null);
        model.addAttribute(
                "ended",
                footprint == null
                        ? null
                        : ListPage.of(
                                exits.ended(footprint, today),
                                page,
                                ENDED_PER_PAGE,
                                "/ics/" + Scope.currentTenant().odsCode() + "/pipeline/exits",
                                Map.of()));
        boolean figures = caller.has(Role.ICS_ADMIN, ics) || caller.has(Role.ANALYST, ics);
        model.addAttribute("figures", figures ? exits.figures(null, today) : null);
        model.addAttribute("reasonLabels", Coded.labels(ExitReason.class));
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        return "pipeline/exits";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/pipeline/exits/{appointment}")
    String conversation(@PathVariable String ods, @PathVariable long appointment, Model model) {
        Ended ended = exits.one(appointment, footprint(), LocalDate.now(clock));
        return CONVERSATION.show(choices(model, ended), ExitForm.of(ended.conversation()));
    }

    private static Footprint footprint() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
    }

    private Model choices(Model model, Ended ended) {
        model.addAttribute("ended", ended);
        model.addAttribute("reasons", Choice.of(ExitReason.class));
        model.addAttribute("answers", Choice.of(WouldReturn.class));
        model.addAttribute(
                "people",
                register.people(footprint()).stream()
                        .filter(p -> p.id() != ended.personId())
                        .map(p -> new Choice(String.valueOf(p.id()), p.fullName() + " (" + p.personRef() + ")"))
                        .toList());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/pipeline/exits/{appointment}")
    String record(
            @PathVariable String ods,
            @PathVariable long appointment,
            ExitForm form,
            Model model,
            RedirectAttributes redirect) {
        LocalDate today = LocalDate.now(clock);
        Ended ended = exits.one(appointment, footprint(), today);
        try {
            exits.record(appointment, form.details(), footprint(), today);
            redirect.addFlashAttribute(
                    "success",
                    "The exit conversation with " + ended.person() + " about " + ended.seat() + " was saved.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/pipeline/exits";
        } catch (InvalidInput e) {
            return CONVERSATION.showAgain(choices(model, ended), form, e);
        }
    }
}
