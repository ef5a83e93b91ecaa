package org.goldenthread.development.exchanges;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.goldenthread.development.exchanges.ExchangeForms.IdeaForm;
import org.goldenthread.development.exchanges.ExchangeForms.ReflectionForm;
import org.goldenthread.development.relationships.PersonalLinks;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.ScopedTransactions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An exchange pair's own pages, through each person's personal link: their visits with the
 * invitations, a reflection on each visit, the ideas they raise and the closing event. As for the
 * rest of a pair's pages, a link that is not current, or that belongs to a relationship of another
 * kind of programme, leads nowhere, and each request works in the link's ICS as system work.
 */
@Controller
@Public(
        "each person of an exchange pair keeps their visits, reflections and ideas through the personal link emailed to them")
class ExchangePairPages {

    private static final FormPage EXCHANGE = new FormPage("development/pair-exchange");
    private static final FormPage REFLECTION = new FormPage("development/pair-exchange-reflection");

    private static final Map<String, String> SAVED = Map.of(
            "reflection", "Your reflection was saved.",
            "idea", "Your idea was added. Everyone in the ICS can now see it.",
            "status", "The idea's status was changed.");

    private final PersonalLinks links;
    private final ExchangeJournal journal;
    private final Exchanges exchanges;
    private final Ideas ideas;
    private final ScopedTransactions transactions;
    private final Clock clock;

    ExchangePairPages(
            PersonalLinks links,
            ExchangeJournal journal,
            Exchanges exchanges,
            Ideas ideas,
            ScopedTransactions transactions,
            Clock clock) {
        this.links = links;
        this.journal = journal;
        this.exchanges = exchanges;
        this.ideas = ideas;
        this.transactions = transactions;
        this.clock = clock;
    }

    private static String base(String token) {
        return "/relationship/" + token + "/exchange";
    }

    @GetMapping("/relationship/{token}/exchange")
    String exchange(@PathVariable String token, @RequestParam(required = false) @Nullable String saved, Model model) {
        PersonalLinks.Holder holder = holder(token);
        if (saved != null && SAVED.containsKey(saved)) {
            model.addAttribute("success", SAVED.get(saved));
        }
        return EXCHANGE.show(page(holder, token, model), IdeaForm.empty());
    }

    @PostMapping("/relationship/{token}/exchange/ideas")
    String raise(@PathVariable String token, IdeaForm form, Model model) {
        PersonalLinks.Holder holder = holder(token);
        try {
            in(holder, () -> ideas.raise(holder, form.title(), form.description()));
            return "redirect:" + base(token) + "?saved=idea#ideas";
        } catch (InvalidInput e) {
            return EXCHANGE.showAgain(page(holder, token, model), form, e);
        }
    }

    @PostMapping("/relationship/{token}/exchange/ideas/{idea}/status")
    String setStatus(
            @PathVariable String token,
            @PathVariable long idea,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        PersonalLinks.Holder holder = holder(token);
        try {
            in(holder, () -> ideas.setStatus(holder, idea, status));
            return "redirect:" + base(token) + "?saved=status#ideas";
        } catch (InvalidInput e) {
            return EXCHANGE.showAgain(page(holder, token, model), IdeaForm.empty(), e);
        }
    }

    @GetMapping("/relationship/{token}/exchange/visits/{number}/reflection")
    String reflection(@PathVariable String token, @PathVariable int number, Model model) {
        PersonalLinks.Holder holder = holder(token);
        ExchangeJournal.VisitView visit = visitPage(holder, token, number, model);
        ExchangeJournal.Reflection mine = visit.mine();
        return REFLECTION.show(
                model, mine == null ? ReflectionForm.empty() : new ReflectionForm(mine.saw(), mine.takeBack()));
    }

    @PostMapping("/relationship/{token}/exchange/visits/{number}/reflection")
    String reflect(@PathVariable String token, @PathVariable int number, ReflectionForm form, Model model) {
        PersonalLinks.Holder holder = holder(token);
        try {
            in(holder, () -> {
                journal.reflect(holder, number, form.saw(), form.takeBack());
                return null;
            });
            return "redirect:" + base(token) + "?saved=reflection#visit-" + number;
        } catch (InvalidInput e) {
            visitPage(holder, token, number, model);
            return REFLECTION.showAgain(model, form, e);
        }
    }

    private ExchangeJournal.VisitView visitPage(PersonalLinks.Holder holder, String token, int number, Model model) {
        ExchangeJournal.PairExchange exchange = in(holder, () -> journal.view(holder));
        ExchangeJournal.VisitView visit = exchange.visits().stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> new NotFound("An exchange pair has visits 1 and 2"));
        model.addAttribute("exchange", exchange);
        model.addAttribute("visit", visit);
        model.addAttribute("base", base(token));
        return visit;
    }

    @GetMapping("/relationship/{token}/exchange/visits/{number}/invitation.ics")
    ResponseEntity<byte[]> visitInvitation(@PathVariable String token, @PathVariable int number) {
        PersonalLinks.Holder holder = holder(token);
        return in(holder, () -> {
            ExchangeJournal.PairExchange exchange = journal.view(holder);
            Exchanges.Visit visit = exchange.pair().visit(number);
            if (visit == null) {
                throw new NotFound("This visit has not been arranged");
            }
            return ExchangeApi.download(exchanges.invitation(exchange.programme(), exchange.pair(), visit), clock);
        });
    }

    @GetMapping("/relationship/{token}/exchange/closing.ics")
    ResponseEntity<byte[]> closingInvitation(@PathVariable String token) {
        PersonalLinks.Holder holder = holder(token);
        return in(holder, () -> {
            ExchangeJournal.PairExchange exchange = journal.view(holder);
            Exchanges.Closing closing = exchange.closing();
            if (closing == null) {
                throw new NotFound("No closing event has been set");
            }
            return ExchangeApi.download(exchanges.invitation(exchange.programme(), closing), clock);
        });
    }

    private PersonalLinks.Holder holder(String token) {
        return links.holder(token).orElseThrow(() -> new NotFound("This link does not lead anywhere"));
    }

    private Model page(PersonalLinks.Holder holder, String token, Model model) {
        model.addAttribute("exchange", in(holder, () -> journal.view(holder)));
        model.addAttribute("base", base(token));
        model.addAttribute("pairPage", "/relationship/" + token);
        model.addAttribute("statuses", Choice.of(IdeaStatus.class));
        return model;
    }

    private <T> T in(PersonalLinks.Holder holder, Supplier<T> work) {
        return transactions.run(holder.scope(), work);
    }
}
