package org.goldenthread.engagement.collecting;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.List;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations through the API: invite a list of people by email, remind those who have not
 * responded, count. Inviting, reminding and the rounds of emails are for those who run the survey
 * (ICS admins, and the place lead who created it: {@link Invitations#requireMayManage}); the
 * counts are open to every role that sees the survey's results.
 */
@RestController
class InvitationApi {

    private final Invitations invitations;
    private final Mailings mailings;
    private final Surveys surveys;
    private final SegmentInvitations segmentInvitations;
    private final InvitationMail mail;

    InvitationApi(
            Invitations invitations,
            Mailings mailings,
            Surveys surveys,
            SegmentInvitations segmentInvitations,
            InvitationMail mail) {
        this.segmentInvitations = segmentInvitations;
        this.mail = mail;
        this.invitations = invitations;
        this.mailings = mailings;
        this.surveys = surveys;
    }

    record InvitationList(List<String> emails) {}

    record Invited(
            int invited,
            @JsonProperty("already_invited") int alreadyInvited,
            int sent,
            @JsonProperty("not_sent") int notSent,
            @JsonProperty("email_set_up") boolean emailSetUp,
            boolean finished,
            Mailings.@Nullable Mailing mailing) {}

    /**
     * Invites everyone on the list not yet invited and emails them their link. Addresses are checked
     * first; one bad address invites nobody. The emails go out in the background: the answer comes
     * when they have all gone or after {@code wait_seconds} (5 unless given, at most 30), whichever is
     * first, and {@code mailing} says how far the round has got (follow it at {@code …/mailings/{id}}).
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Invite people to a survey and email them their links")
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Invited invite(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestBody InvitationList body,
            @RequestParam(name = "wait_seconds", required = false) Integer waitSeconds) {
        invitations.requireMayManage(id);
        Duration wait = wait(waitSeconds);
        Invitations.Added added = invitations.add(id, Invitations.check(body.emails()));
        Invitations.Sent sent = invitations.sendInvitations(id, wait);
        return new Invited(
                added.invited(),
                added.alreadyInvited(),
                sent.sent(),
                sent.notSent(),
                sent.emailSetUp(),
                sent.finished(),
                sent.mailing());
    }

    record SegmentChoice(
            @JsonProperty("segment_id") @Nullable Long segmentId) {}

    /** Invites everyone a segment reaches today, as {@code POST …/invitations} would with their addresses. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Invite everyone a segment reaches to a survey")
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/invitations/segment")
    @ResponseStatus(HttpStatus.CREATED)
    Invited inviteSegment(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestBody SegmentChoice body,
            @RequestParam(name = "wait_seconds", required = false) Integer waitSeconds) {
        invitations.requireMayManage(id);
        if (body.segmentId() == null) {
            throw new InvalidInput("segment_id", "Give the segment to invite");
        }
        SegmentInvitations.Result r = segmentInvitations.invite(id, body.segmentId(), wait(waitSeconds));
        return new Invited(
                r.added().invited(),
                r.added().alreadyInvited(),
                r.sent().sent(),
                r.sent().notSent(),
                r.sent().emailSetUp(),
                r.sent().finished(),
                r.sent().mailing());
    }

    /**
     * Reminds everyone who has not responded; nobody is emailed twice on the same day. 200 when the
     * round has finished, 202 while it is still being sent. (Inviting answers 201 either way, for
     * the invitations it created, with {@code finished} saying whether the emails have all gone.)
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Remind everyone invited who has not responded")
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/invitations/reminders")
    ResponseEntity<Invitations.Sent> remind(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(name = "wait_seconds", required = false) Integer waitSeconds) {
        invitations.requireMayManage(id);
        Invitations.Sent sent = invitations.remind(id, wait(waitSeconds));
        return ResponseEntity.status(sent.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(sent);
    }

    record OpenLink(String link) {}

    /**
     * A new open link for the survey, whole: anyone with it can answer without an invitation. Only
     * its digest is kept, so this is the one time it can be read; links issued before keep working.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "A new open link for a survey, shown once")
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/open-link")
    @ResponseStatus(HttpStatus.CREATED)
    OpenLink openLink(@PathVariable String ods, @PathVariable long id) {
        invitations.requireMayManage(id);
        return new OpenLink(invitations.openLink(id, mail.base()));
    }

    /** The survey's latest rounds of emails, newest first. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "The survey's latest rounds of emails")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/mailings")
    List<Mailings.Mailing> mailings(@PathVariable String ods, @PathVariable long id) {
        invitations.requireMayManage(id);
        return mailings.recent(id, 50);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "One round of emails and how far it has got")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/mailings/{mailing}")
    Mailings.Mailing mailing(@PathVariable String ods, @PathVariable long id, @PathVariable long mailing) {
        invitations.requireMayManage(id);
        return mailings.get(id, mailing);
    }

    private static Duration wait(Integer seconds) {
        if (seconds == null) {
            return Duration.ofSeconds(5);
        }
        if (seconds < 0 || seconds > 30) {
            throw new InvalidInput("wait_seconds", "Give a number of seconds from 0 to 30");
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * The invitation counts as the caller may see them: {@code responded} and {@code not_responded}
     * are null, and {@code responded_hidden} true, as the survey list hides its responses.
     */
    record Counts(
            long invited,
            long sent,
            @Nullable Long responded,
            @JsonProperty("not_responded") @Nullable Long notResponded,
            @JsonProperty("responded_hidden") boolean respondedHidden) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(
            summary = "How many were invited, emailed and have responded",
            description = "For an anonymous survey with 1 to k−1 invitations used, responded and not_responded are"
                    + " null (responded_hidden true) unless you may have its raw responses")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/invitations")
    Counts counts(@PathVariable String ods, @PathVariable long id) {
        Invitations.Counts c = invitations.counts(id);
        // invitations used are responses to an anonymous survey, so a few of them are as telling as
        // the survey's own count, and the invited count would give them away beside not_responded
        boolean hidden = surveys.survey(id).definition().keepsRespondentsAnonymous()
                && c.responded() > 0
                && c.responded() < surveys.minGroupSize()
                && !surveys.mayReadRawResponses(id);
        return hidden
                ? new Counts(c.invited(), c.sent(), null, null, true)
                : new Counts(c.invited(), c.sent(), c.responded(), c.notResponded(), false);
    }
}
