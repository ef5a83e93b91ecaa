package org.goldenthread.engagement.events;

import java.util.List;
import org.goldenthread.engagement.audiences.Population;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.ScopedTransactions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering for an event without an account: by the event's open link (name, email, profession,
 * organisation) or by a personal link, which an invitation carries and every confirmation repeats,
 * and which also cancels. Each link finds its ICS and event and works in that ICS's scope.
 */
@Controller
@Public("people register for an event by its open link or their personal link, without an account")
class RegistrationPages {

    private static final FormPage REGISTER = new FormPage("engagement/events/register");

    private final EventLinks links;
    private final Events events;
    private final Registrations registrations;
    private final Population population;
    private final ScopedTransactions transactions;
    private final java.time.Clock clock;

    RegistrationPages(
            EventLinks links,
            Events events,
            Registrations registrations,
            Population population,
            ScopedTransactions transactions,
            java.time.Clock clock) {
        this.links = links;
        this.events = events;
        this.registrations = registrations;
        this.population = population;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping("/event/{link}")
    String open(@PathVariable String link, Model model) {
        EventLinks.Found found = links.openLink(link).orElseThrow(RegistrationPages::noSuchLink);
        return transactions.run(
                found.scope(),
                () -> REGISTER.show(page(found.eventId(), null, "/event/" + link, model), Applicant.blank()));
    }

    @PostMapping("/event/{link}")
    String registerOpen(@PathVariable String link, Applicant form, Model model, RedirectAttributes redirect) {
        EventLinks.Found found = links.openLink(link).orElseThrow(RegistrationPages::noSuchLink);
        try {
            Registrations.Outcome outcome =
                    transactions.run(found.scope(), () -> registrations.registerOpen(found.eventId(), form));
            // The same words whether the address was new or had a place already, and never the personal
            // link: only the address's owner, through the email, may see or cancel the registration.
            redirect.addFlashAttribute(
                    "success",
                    "Thank you. We have emailed " + outcome.email() + ". The email says whether you"
                            + " have a place or are on the waiting list, and holds your own link to see or cancel it.");
            return "redirect:/event/" + link;
        } catch (InvalidInput e) {
            return transactions.run(
                    found.scope(),
                    () -> REGISTER.showAgain(page(found.eventId(), null, "/event/" + link, model), form, e));
        }
    }

    @GetMapping("/event-place/{token}")
    String personal(@PathVariable String token, Model model) {
        EventLinks.Found found = links.personalLink(token).orElseThrow(RegistrationPages::noSuchLink);
        return transactions.run(found.scope(), () -> {
            Registration r = registrations.byToken(token).orElseThrow(RegistrationPages::noSuchLink);
            return REGISTER.show(
                    page(found.eventId(), r, "/event-place/" + token, model),
                    new Applicant(r.name(), r.email(), r.profession(), r.organisation()));
        });
    }

    @PostMapping("/event-place/{token}")
    String registerInvited(@PathVariable String token, Applicant form, Model model, RedirectAttributes redirect) {
        EventLinks.Found found = links.personalLink(token).orElseThrow(RegistrationPages::noSuchLink);
        try {
            Registrations.Outcome outcome =
                    transactions.run(found.scope(), () -> registrations.registerInvited(token, form));
            return done(outcome, token, redirect);
        } catch (InvalidInput e) {
            return transactions.run(found.scope(), () -> {
                Registration r = registrations.byToken(token).orElseThrow(RegistrationPages::noSuchLink);
                return REGISTER.showAgain(page(found.eventId(), r, "/event-place/" + token, model), form, e);
            });
        }
    }

    @PostMapping("/event-place/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        EventLinks.Found found = links.personalLink(token).orElseThrow(RegistrationPages::noSuchLink);
        Registrations.Cancelled cancelled = transactions.run(found.scope(), () -> registrations.cancel(token));
        redirect.addFlashAttribute(
                "success",
                cancelled.cancelled()
                        ? "Your registration is cancelled. Thank you for letting us know."
                        : "There was nothing to cancel: you have no place and are not waiting for one.");
        return "redirect:/event-place/" + token;
    }

    private String done(Registrations.Outcome outcome, String token, RedirectAttributes redirect) {
        Registration r = java.util.Objects.requireNonNull(outcome.registration());
        String message = r.hasPlace()
                ? (outcome.already()
                        ? "You already have a place on this event."
                        : "You have a place. We have emailed you the details with a calendar invitation.")
                : (outcome.already()
                        ? "You are already on the waiting list."
                        : "The event is full, so you are on the waiting list. We will email you if a place comes"
                                + " free.");
        redirect.addFlashAttribute("success", message);
        return "redirect:/event-place/" + token;
    }

    /** The page for an event, whose forms post back to {@code path}, the link the person came by. */
    private Model page(
            long eventId, @org.jspecify.annotations.Nullable Registration registration, String path, Model model) {
        Event event = events.event(eventId);
        model.addAttribute("path", path);
        model.addAttribute("event", event);
        model.addAttribute("when", EventMail.when(event));
        model.addAttribute("where", EventMail.where(event));
        model.addAttribute("closed", event.closedAt(clock.instant()));
        model.addAttribute("started", !clock.instant().isBefore(event.startsAt()));
        model.addAttribute("registration", registration);
        model.addAttribute("kinds", org.goldenthread.platform.Coded.labels(EventKind.class));
        List<Choice> professions = population.professions().stream()
                .map(p -> new Choice(p.code(), p.name()))
                .toList();
        model.addAttribute("professions", professions);
        return model;
    }

    private static NotFound noSuchLink() {
        return new NotFound("This link does not lead to an event. Check it against the email it came in.");
    }
}
