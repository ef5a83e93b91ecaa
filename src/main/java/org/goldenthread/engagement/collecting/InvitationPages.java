package org.goldenthread.engagement.collecting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where an ICS invites people to a survey by email, sends what is waiting and reminds non-responders. */
@Controller
class InvitationPages {

    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** A short list is sent before the page comes back; a long one carries on, and the page shows how far. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Surveys surveys;
    private final Invitations invitations;
    private final InvitationMail mail;
    private final Mailings mailings;

    InvitationPages(Surveys surveys, Invitations invitations, InvitationMail mail, Mailings mailings) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.mail = mail;
        this.mailings = mailings;
    }

    @GetMapping("/ics/{ods}/surveys/{id}/invitations")
    String page(@PathVariable String ods, @PathVariable long id, Model model) {
        Scope.require(Role.ICS_ADMIN, Role.PLACE_LEAD);
        return show(id, model);
    }

    private String show(long id, Model model) {
        Surveys.Survey survey = surveys.survey(id);
        Invitations.Counts counts = invitations.counts(id);
        model.addAttribute("survey", survey);
        model.addAttribute("counts", counts);
        model.addAttribute("unsent", counts.invited() - counts.sent());
        model.addAttribute("openLink", mail.openLink(survey.linkToken()));
        model.addAttribute("emailSetUp", mail.isSetUp());
        model.addAttribute("closed", survey.closesOn() != null && Invitations.today().isAfter(survey.closesOn()));
        model.addAttribute("mailings", mailings.recent(id, 5));
        model.addAttribute("path", "/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + id + "/invitations");
        return "engagement/invitations";
    }

    @PostMapping("/ics/{ods}/surveys/{id}/invitations")
    String invite(@PathVariable String ods, @PathVariable long id, @RequestParam(required = false) String emails,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        Scope.require(Role.ICS_ADMIN, Role.PLACE_LEAD);
        try {
            List<String> list = new ArrayList<>();
            boolean pasted = emails != null && !emails.isBlank();
            boolean uploaded = file != null && !file.isEmpty();
            if (uploaded && file.getSize() > MAX_FILE_BYTES) {
                throw new InvalidInput("file", "The file is larger than 5 MB; split it into smaller lists");
            }
            if (pasted || !uploaded) {
                list.addAll(Invitations.parse(emails, false));
            }
            if (uploaded) {
                list.addAll(Invitations.parse(new String(file.getBytes(), StandardCharsets.UTF_8), true));
            }
            Invitations.Added added = invitations.add(id, list);
            Invitations.Sent sent = invitations.sendInvitations(id, WAIT);
            redirect.addFlashAttribute("success", invited(added) + " " + sentMessage(sent));
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + id + "/invitations";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("emails", emails);
            return show(id, model);
        }
    }

    @PostMapping("/ics/{ods}/surveys/{id}/invitations/send")
    String sendWaiting(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        Scope.require(Role.ICS_ADMIN, Role.PLACE_LEAD);
        return afterSending(id, model, redirect, () -> invitations.sendInvitations(id, WAIT));
    }

    @PostMapping("/ics/{ods}/surveys/{id}/invitations/reminders")
    String remind(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        Scope.require(Role.ICS_ADMIN, Role.PLACE_LEAD);
        return afterSending(id, model, redirect, () -> invitations.remind(id, WAIT));
    }

    private String afterSending(long id, Model model, RedirectAttributes redirect,
                                Supplier<Invitations.Sent> sending) {
        try {
            redirect.addFlashAttribute("success", sentMessage(sending.get()));
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + id + "/invitations";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return show(id, model);
        }
    }

    private static String invited(Invitations.Added added) {
        return people(added.invited()) + " invited." + (added.alreadyInvited() == 0 ? ""
                : " " + people(added.alreadyInvited()) + " had been invited already.");
    }

    private static String sentMessage(Invitations.Sent sent) {
        if (!sent.emailSetUp()) {
            return "No emails were sent: this server has no mail server set up.";
        }
        if (!sent.finished()) {
            return "Sending " + emails(sent.mailing().toSend()) + " in the background: " + sent.sent()
                    + " sent so far. Refresh this page to see how far it has got.";
        }
        if (sent.sent() == 0 && sent.notSent() == 0) {
            return "Nobody needed an email: everyone invited has responded, has had one today or is being emailed now.";
        }
        String message = sent.sent() == 1 ? "1 email was sent." : sent.sent() + " emails were sent.";
        return sent.notSent() == 0 ? message
                : message + " " + sent.notSent() + " could not be sent; try again later.";
    }

    private static String emails(int n) {
        return n == 1 ? "1 email" : String.format(java.util.Locale.UK, "%,d emails", n);
    }

    private static String people(int n) {
        return n == 1 ? "1 person" : n + " people";
    }
}
