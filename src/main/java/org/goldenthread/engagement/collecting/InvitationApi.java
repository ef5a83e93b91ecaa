package org.goldenthread.engagement.collecting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations through the API: invite a list of people by email, remind those who have not responded, count. */
@RestController
class InvitationApi {

    private final Invitations invitations;

    InvitationApi(Invitations invitations) {
        this.invitations = invitations;
    }

    record InvitationList(List<String> emails) {
    }

    record Invited(int invited, @JsonProperty("already_invited") int alreadyInvited, int sent,
                   @JsonProperty("not_sent") int notSent, @JsonProperty("email_set_up") boolean emailSetUp) {
    }

    /**
     * Invites everyone on the list not yet invited and emails them their link. Addresses are checked
     * first; one bad address invites nobody.
     */
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Invited invite(@PathVariable String ods, @PathVariable long id, @RequestBody InvitationList body) {
        Scope.require(Role.ICS_ADMIN, Role.PLACE_LEAD);
        Invitations.Added added = invitations.add(id, Invitations.check(body.emails()));
        Invitations.Sent sent = invitations.sendInvitations(id);
        return new Invited(added.invited(), added.alreadyInvited(), sent.sent(), sent.notSent(), sent.emailSetUp());
    }

    /** Reminds everyone who has not responded; nobody is emailed twice on the same day. */
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/invitations/reminders")
    Invitations.Sent remind(@PathVariable String ods, @PathVariable long id) {
        Scope.require(Role.ICS_ADMIN, Role.PLACE_LEAD);
        return invitations.remind(id);
    }

    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/invitations")
    Invitations.Counts counts(@PathVariable String ods, @PathVariable long id) {
        Scope.require(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST);
        return invitations.counts(id);
    }
}
