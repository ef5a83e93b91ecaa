package org.goldenthread.engagement.collecting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where an ICS invites people to a survey by email, sends what is waiting and reminds
 * non-responders: for those who run the survey, ICS admins and the place lead who created it
 * ({@link Invitations#requireMayManage}).
 */
@Controller
class InvitationPages {

    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** A short list is sent before the page comes back; a long one carries on, and the page shows how far. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static final FormPage INVITATIONS = new FormPage("engagement/invitations");

    private final Surveys surveys;
    private final Invitations invitations;
    private final InvitationMail mail;
    private final Mailings mailings;
    private final Clock clock;
    private final SegmentInvitations segmentInvitations;
    private final Audiences audiences;
    private final MailingFeed feed;

    InvitationPages(
            Surveys surveys,
            Invitations invitations,
            InvitationMail mail,
            Mailings mailings,
            Clock clock,
            SegmentInvitations segmentInvitations,
            Audiences audiences,
            MailingFeed feed) {
        this.feed = feed;
        this.segmentInvitations = segmentInvitations;
        this.audiences = audiences;
        this.surveys = surveys;
        this.invitations = invitations;
        this.mail = mail;
        this.mailings = mailings;
        this.clock = clock;
    }

    /** Addresses pasted in, one or more a line; a file of them comes beside it. */
    record Invite(@Nullable String emails) {

        static Invite none() {
            return new Invite(null);
        }
    }

    /**
     * Everyone not yet responded with their own link, as CSV (email, link), to send another way: a
     * server without a mail server saves invitations that nobody could otherwise reach. For those
     * who run the survey (ICS admins, and the place lead who created it), never analysts; audited.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @io.swagger.v3.oas.annotations.Operation(summary = "Each non-responder's own link, as CSV")
    @GetMapping({"/ics/{ods}/surveys/{id}/invitations/links.csv", "/api/v1/ics/{ods}/surveys/{id}/invitations/links.csv"
    })
    void personalLinks(@PathVariable String ods, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        invitations.requireMayManage(id);
        List<Invitations.PersonalLink> links = invitations.personalLinks(id, mail.base());
        String code = surveys.survey(id).definition().code();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-invitation-links.csv\"");
        // the links are secrets: no cache along the way should keep them
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter printer =
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(writer);
        printer.printRecord("email", "link");
        for (Invitations.PersonalLink link : links) {
            // an address a spreadsheet would run as a formula gets an apostrophe in front
            printer.printRecord(CsvText.guarded(link.email()), link.link());
        }
        printer.flush();
    }

    /**
     * Shows a new open link once, back on the page it was asked for from (the survey's or its
     * invitations'). Only its digest is kept, so the page cannot show it again later.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/open-link")
    String openLink(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(name = "from", required = false) @Nullable String from,
            RedirectAttributes redirect) {
        invitations.requireMayManage(id);
        redirect.addFlashAttribute("openLink", invitations.openLink(id, mail.base()));
        String survey = "/ics/" + ods + "/surveys/" + id;
        return "redirect:" + ("invitations".equals(from) ? survey + "/invitations#open-link" : survey + "#open-link");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/surveys/{id}/invitations")
    String page(@PathVariable String ods, @PathVariable long id, Model model) {
        invitations.requireMayManage(id);
        return INVITATIONS.show(page(id, model), Invite.none());
    }

    private Model page(long id, Model model) {
        Surveys.Survey survey = surveys.survey(id);
        Invitations.Counts counts = invitations.counts(id);
        model.addAttribute("survey", survey);
        model.addAttribute("counts", counts);
        model.addAttribute("unsent", counts.invited() - counts.sent());
        model.addAttribute("emailSetUp", mail.isSetUp());
        model.addAttribute(
                "closed",
                survey.closesOn() != null
                        && LocalDate.ofInstant(clock.instant(), Dates.ENGLAND).isAfter(survey.closesOn()));
        List<Mailings.Mailing> recent = mailings.recent(id, 5);
        model.addAttribute("mailings", recent);
        // a round under way shows on the same progress card as an import, and reloads this page when it ends
        model.addAttribute(
                "job",
                recent.stream()
                        .filter(m -> !m.finished())
                        .findFirst()
                        .flatMap(m -> feed.job(m.id()))
                        .orElse(null));
        model.addAttribute(
                "segments",
                audiences.segments().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.name()))
                        .toList());
        model.addAttribute("path", "/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + id + "/invitations");
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/invitations")
    String invite(
            @PathVariable String ods,
            @PathVariable long id,
            Invite form,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        invitations.requireMayManage(id);
        try {
            List<String> list = new ArrayList<>();
            String emails = form.emails();
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
            return INVITATIONS.showAgain(page(id, model), form, e);
        }
    }

    /** Invites everyone a segment reaches today, beside pasting addresses. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/invitations/segment")
    String inviteSegment(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(name = "segment_id", required = false) String segmentId,
            Model model,
            RedirectAttributes redirect) {
        invitations.requireMayManage(id);
        try {
            Long segment = FormValues.id(segmentId);
            if (segment == null) {
                throw new InvalidInput("segment_id", "Segment: choose the segment to invite");
            }
            SegmentInvitations.Result result = segmentInvitations.invite(id, segment, WAIT);
            redirect.addFlashAttribute("success", invited(result.added()) + " " + sentMessage(result.sent()));
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + id + "/invitations";
        } catch (InvalidInput e) {
            return INVITATIONS.showAgain(page(id, model), Invite.none(), e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/invitations/send")
    String sendWaiting(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        invitations.requireMayManage(id);
        return afterSending(id, model, redirect, () -> invitations.sendInvitations(id, WAIT));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/invitations/reminders")
    String remind(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        invitations.requireMayManage(id);
        return afterSending(id, model, redirect, () -> invitations.remind(id, WAIT));
    }

    private String afterSending(long id, Model model, RedirectAttributes redirect, Supplier<Invitations.Sent> sending) {
        try {
            redirect.addFlashAttribute("success", sentMessage(sending.get()));
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + id + "/invitations";
        } catch (InvalidInput e) {
            return INVITATIONS.showAgain(page(id, model), Invite.none(), e);
        }
    }

    private static String invited(Invitations.Added added) {
        return people(added.invited()) + " invited."
                + (added.alreadyInvited() == 0
                        ? ""
                        : " " + people(added.alreadyInvited()) + " had been invited already.");
    }

    private static String sentMessage(Invitations.Sent sent) {
        if (!sent.emailSetUp()) {
            return "No emails were sent: this server has no mail server set up.";
        }
        if (!sent.finished()) {
            // not finished means a mailing is under way
            return "Sending " + emails(Objects.requireNonNull(sent.mailing()).toSend()) + " in the background: "
                    + sent.sent()
                    + " sent so far. Refresh this page to see how far it has got.";
        }
        if (sent.sent() == 0 && sent.notSent() == 0) {
            return "Nobody needed an email: everyone invited has responded, has had one today or is being emailed now.";
        }
        String message = sent.sent() == 1 ? "1 email was sent." : sent.sent() + " emails were sent.";
        return sent.notSent() == 0 ? message : message + " " + sent.notSent() + " could not be sent; try again later.";
    }

    private static String emails(int n) {
        return n == 1 ? "1 email" : String.format(java.util.Locale.UK, "%,d emails", n);
    }

    private static String people(int n) {
        return n == 1 ? "1 person" : n + " people";
    }
}
