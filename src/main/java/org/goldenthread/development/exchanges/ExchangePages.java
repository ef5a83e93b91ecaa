package org.goldenthread.development.exchanges;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.development.Programmes;
import org.goldenthread.development.exchanges.ExchangeForms.ClosingForm;
import org.goldenthread.development.exchanges.ExchangeForms.VisitForm;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An exchange's pages for ICS admins: the pairs with their visits and how many reflections exist,
 * arranging a visit, the closing event, the invitations to download, and the ideas the pairs
 * raised; and the ICS's list of improvement ideas, which everyone in the ICS may read.
 */
@Controller
class ExchangePages {

    private static final FormPage EXCHANGE = new FormPage("development/exchange");
    private static final FormPage VISIT = new FormPage("development/exchange-visit");

    private final Exchanges exchanges;
    private final Ideas ideas;
    private final Clock clock;

    ExchangePages(Exchanges exchanges, Ideas ideas, Clock clock) {
        this.exchanges = exchanges;
        this.ideas = ideas;
        this.clock = clock;
    }

    private static String base(long id) {
        return "/ics/" + Scope.currentTenant().odsCode() + "/programmes/" + id + "/exchange";
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/exchange")
    String exchange(@PathVariable String ods, @PathVariable long id, Model model) {
        Exchanges.Closing closing = exchanges.closing(id).orElse(null);
        ClosingForm form = closing == null
                ? new ClosingForm(null, null)
                : new ClosingForm(closing.heldOn().toString(), closing.place());
        return EXCHANGE.show(shown(model, id), form);
    }

    private Model shown(Model model, long id) {
        Programmes.Programme programme = exchanges.exchange(id);
        List<Exchanges.Pair> pairs = exchanges.pairs(id);
        model.addAttribute("programme", programme);
        model.addAttribute("pairs", pairs);
        model.addAttribute(
                "across", pairs.stream().filter(Exchanges.Pair::acrossSectors).count());
        model.addAttribute("closing", exchanges.closing(id).orElse(null));
        model.addAttribute("ideas", ideas.ofProgramme(id));
        model.addAttribute("statuses", Choice.of(IdeaStatus.class));
        model.addAttribute("today", LocalDate.now(clock));
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/exchange/closing")
    String arrangeClosing(
            @PathVariable String ods,
            @PathVariable long id,
            ClosingForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Exchanges.Closing closing = exchanges.arrangeClosing(id, form.heldOn(), form.place());
            redirect.addFlashAttribute(
                    "success",
                    "The closing event is on " + Dates.day(closing.heldOn()) + " at " + closing.place()
                            + ". Every pair was sent the invitation.");
            return "redirect:" + base(id) + "#closing";
        } catch (InvalidInput e) {
            return EXCHANGE.showAgain(shown(model, id), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/exchange/closing.ics")
    ResponseEntity<byte[]> closingInvitation(@PathVariable String ods, @PathVariable long id) {
        Programmes.Programme programme = exchanges.exchange(id);
        Exchanges.Closing closing =
                exchanges.closing(id).orElseThrow(() -> new NotFound("No closing event has been set"));
        return ExchangeApi.download(exchanges.invitation(programme, closing), clock);
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/exchange/pairs/{pair}/visits/{number}")
    String visit(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long pair,
            @PathVariable int number,
            Model model) {
        Exchanges.Pair found = visitPage(model, id, pair, number);
        Exchanges.Visit visit = found.visit(number);
        String employer = found.host(number).employer();
        VisitForm form = visit == null
                ? new VisitForm(null, employer)
                : new VisitForm(visit.visitsOn().toString(), visit.place());
        return VISIT.show(model, form);
    }

    private Exchanges.Pair visitPage(Model model, long id, long pair, int number) {
        if (number != 1 && number != 2) {
            throw new NotFound("An exchange pair has visits 1 and 2");
        }
        Exchanges.Pair found = exchanges.pair(id, pair);
        model.addAttribute("programme", exchanges.exchange(id));
        model.addAttribute("pair", found);
        model.addAttribute("number", number);
        model.addAttribute("host", found.host(number));
        model.addAttribute("guest", number == 1 ? found.second() : found.first());
        model.addAttribute("visit", found.visit(number));
        return found;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/exchange/pairs/{pair}/visits/{number}")
    String arrangeVisit(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long pair,
            @PathVariable int number,
            VisitForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Exchanges.Visit visit = exchanges.arrangeVisit(id, pair, number, form.visitsOn(), form.place());
            redirect.addFlashAttribute(
                    "success",
                    "Visit " + number + " is on " + Dates.day(visit.visitsOn()) + " at " + visit.place()
                            + ". Both people were sent the invitation.");
            return "redirect:" + base(id) + "#pair-" + pair;
        } catch (InvalidInput e) {
            visitPage(model, id, pair, number);
            return VISIT.showAgain(model, form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/exchange/pairs/{pair}/visits/{number}/invitation.ics")
    ResponseEntity<byte[]> visitInvitation(
            @PathVariable String ods, @PathVariable long id, @PathVariable long pair, @PathVariable int number) {
        Programmes.Programme programme = exchanges.exchange(id);
        Exchanges.Pair found = exchanges.pair(id, pair);
        Exchanges.Visit visit =
                exchanges.visit(pair, number).orElseThrow(() -> new NotFound("This visit has not been arranged"));
        return ExchangeApi.download(exchanges.invitation(programme, found, visit), clock);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/improvement-ideas")
    String ideas(@PathVariable String ods, Model model) {
        model.addAttribute("ideas", ideas.all());
        model.addAttribute("statuses", Choice.of(IdeaStatus.class));
        model.addAttribute(
                "admin",
                Scope.currentCaller().rolesIn(Scope.currentTenant().id()).contains(Role.ICS_ADMIN));
        return "development/ideas";
    }

    /** An administrator moves an idea on, from the ideas page or from its exchange's page. */
    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/improvement-ideas/{idea}/status")
    String setStatus(
            @PathVariable String ods,
            @PathVariable long idea,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String from,
            RedirectAttributes redirect) {
        Ideas.Idea changed = ideas.setStatus(idea, status);
        redirect.addFlashAttribute("success", "'" + changed.title() + "' is now " + changed.statusLabel() + ".");
        return "redirect:"
                + ("exchange".equals(from)
                        ? base(changed.programmeId()) + "#ideas"
                        : "/ics/" + Scope.currentTenant().odsCode() + "/improvement-ideas");
    }
}
