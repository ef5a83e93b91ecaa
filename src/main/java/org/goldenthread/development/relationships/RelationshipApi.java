package org.goldenthread.development.relationships;

import io.swagger.v3.oas.annotations.Operation;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A programme's relationships through the API: the same facts as the page, never what a pair
 * wrote; ending one; emailing a person a new link.
 */
@RestController
class RelationshipApi {

    private final RelationshipFacts facts;
    private final LinkHandover handover;
    private final LinkMail mail;

    RelationshipApi(RelationshipFacts facts, LinkHandover handover, LinkMail mail) {
        this.facts = facts;
        this.handover = handover;
        this.mail = mail;
    }

    /**
     * Each relationship with its facts: meetings (count, last met, total minutes), goals agreed and
     * met (counts only), the next check-in (logging a meeting is the check-in), {@code quiet} when
     * there has been no meeting for the programme's quiet weeks (counted from the start if the pair
     * never met), and whether and why it ended. Reflections' ratings come only as an average, and
     * only when enough people gave one.
     */
    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "A programme's relationships, with what meetings happened but never what was said")
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}/relationships")
    RelationshipFacts.Overview list(@PathVariable String ods, @PathVariable long id) {
        return facts.overview(id);
    }

    record Ending(@Nullable String reason) {}

    /** Ends a relationship for both people, with a reason; each may still give their reflection. */
    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "End a relationship, with a reason")
    @PostMapping("/api/v1/ics/{ods}/programmes/{id}/relationships/{relationship}/end")
    RelationshipFacts.Fact end(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long relationship,
            @RequestBody Ending body) {
        facts.end(id, relationship, body.reason());
        return facts.overview(id).relationships().stream()
                .filter(f -> f.id() == relationship)
                .findFirst()
                .orElseThrow();
    }

    record Resent(boolean emailed) {}

    /** Emails one of the pair a new link; the old one stops working. */
    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Email one of a pair a new personal link")
    @PostMapping("/api/v1/ics/{ods}/programmes/{id}/relationships/{relationship}/links/{person}")
    Resent resend(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long relationship,
            @PathVariable long person) {
        return new Resent(mail.sendNow(handover.reissue(id, relationship, person, mail.isSetUp())));
    }
}
