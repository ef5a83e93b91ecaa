package org.goldenthread.development.relationships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.goldenthread.development.relationships.PairForms.EndingForm;
import org.goldenthread.development.relationships.PairForms.GoalForm;
import org.goldenthread.development.relationships.PairForms.MeetingForm;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.ScopedTransactions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pair's pages, reached through each person's own link ({@code /relationship/{token}}) without
 * an account: plain forms, each answered by a redirect. A link that is malformed, unknown or
 * replaced is not found, as is anything of another relationship asked for through it. Each request
 * works in the link's ICS, as system work: nobody is signed in.
 */
@Controller
@Public("each person of a pair keeps their relationship through the personal link emailed to them, without an account")
class PairPages {

    private static final FormPage PAIR = new FormPage("development/pair");
    private static final FormPage MEETING = new FormPage("development/pair-meeting");
    private static final FormPage ENDING = new FormPage("development/pair-end");

    /** What the page says after a form went through. */
    private static final Map<String, String> SAVED = Map.of(
            "goal", "Your goal was added.",
            "met", "The goal was marked as met.",
            "meeting", "Your meeting was logged.",
            "ended", "Thank you. Your reflection was saved.");

    private static final java.util.List<Choice> RATINGS = java.util.List.of(
            new Choice("1", "1 – not well"),
            new Choice("2", "2"),
            new Choice("3", "3"),
            new Choice("4", "4"),
            new Choice("5", "5 – very well"));

    private final PersonalLinks links;
    private final Journal journal;
    private final ScopedTransactions transactions;
    private final Clock clock;

    PairPages(PersonalLinks links, Journal journal, ScopedTransactions transactions, Clock clock) {
        this.links = links;
        this.journal = journal;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping("/relationship/{token}")
    String pair(@PathVariable String token, @RequestParam(required = false) @Nullable String saved, Model model) {
        PersonalLinks.Holder holder = holder(token);
        if (saved != null && SAVED.containsKey(saved)) {
            model.addAttribute("success", SAVED.get(saved));
        }
        return PAIR.show(page(holder, token, model), GoalForm.empty());
    }

    @PostMapping("/relationship/{token}/goals")
    String addGoal(@PathVariable String token, GoalForm form, Model model) {
        PersonalLinks.Holder holder = holder(token);
        try {
            in(holder, () -> {
                journal.addGoal(holder, form);
                return null;
            });
            return "redirect:/relationship/" + token + "?saved=goal#goals";
        } catch (InvalidInput e) {
            return PAIR.showAgain(page(holder, token, model), form, e);
        }
    }

    @PostMapping("/relationship/{token}/goals/{goal}/met")
    String goalMet(@PathVariable String token, @PathVariable long goal) {
        PersonalLinks.Holder holder = holder(token);
        in(holder, () -> {
            journal.markMet(holder, goal);
            return null;
        });
        return "redirect:/relationship/" + token + "?saved=met#goals";
    }

    @GetMapping("/relationship/{token}/meetings/new")
    String newMeeting(@PathVariable String token, Model model) {
        PersonalLinks.Holder holder = holder(token);
        return MEETING.show(page(holder, token, model), MeetingForm.empty());
    }

    @PostMapping("/relationship/{token}/meetings")
    String logMeeting(@PathVariable String token, MeetingForm form, Model model) {
        PersonalLinks.Holder holder = holder(token);
        try {
            in(holder, () -> {
                journal.logMeeting(holder, form);
                return null;
            });
            return "redirect:/relationship/" + token + "?saved=meeting#meetings";
        } catch (InvalidInput e) {
            return MEETING.showAgain(page(holder, token, model), form, e);
        }
    }

    @GetMapping("/relationship/{token}/end")
    String ending(@PathVariable String token, Model model) {
        PersonalLinks.Holder holder = holder(token);
        return ENDING.show(page(holder, token, model), EndingForm.empty());
    }

    @PostMapping("/relationship/{token}/end")
    String end(@PathVariable String token, EndingForm form, Model model) {
        PersonalLinks.Holder holder = holder(token);
        try {
            in(holder, () -> {
                journal.end(holder, form);
                return null;
            });
            return "redirect:/relationship/" + token + "?saved=ended";
        } catch (InvalidInput e) {
            return ENDING.showAgain(page(holder, token, model), form, e);
        }
    }

    private PersonalLinks.Holder holder(String token) {
        return links.holder(token).orElseThrow(() -> new NotFound("This link does not lead anywhere"));
    }

    private Model page(PersonalLinks.Holder holder, String token, Model model) {
        model.addAttribute("pair", in(holder, () -> journal.view(holder)));
        model.addAttribute("base", "/relationship/" + token);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reasons", Choice.of(EndReason.class));
        model.addAttribute("ratings", RATINGS);
        return model;
    }

    private <T> T in(PersonalLinks.Holder holder, Supplier<T> work) {
        return transactions.run(holder.scope(), work);
    }
}
