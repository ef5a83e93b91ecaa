package org.goldenthread.development.exchanges;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import org.goldenthread.development.Programmes;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workplace exchanges through the API: an exchange's pairs with their visits, arranging visits and
 * the closing event, their iCalendar invitations, and the ICS's improvement ideas. ICS admins run
 * exchanges; everyone in the ICS may read the ideas. Reflections are never in any answer: only how
 * many of a pair's four exist.
 */
@RestController
class ExchangeApi {

    private final Exchanges exchanges;
    private final Ideas ideas;
    private final Clock clock;

    ExchangeApi(Exchanges exchanges, Ideas ideas, Clock clock) {
        this.exchanges = exchanges;
        this.ideas = ideas;
        this.clock = clock;
    }

    record Exchange(
            Programmes.Programme programme,
            List<Exchanges.Pair> pairs,
            Exchanges.@Nullable Closing closing,
            List<Ideas.Idea> ideas) {}

    record VisitBody(
            @JsonProperty("visits_on") @Nullable String visitsOn,
            @Nullable String place) {}

    record ClosingBody(
            @JsonProperty("held_on") @Nullable String heldOn,
            @Nullable String place) {}

    record StatusBody(@Nullable String status) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(
            summary =
                    "A workplace exchange: its pairs, their visits, how many reflections exist, the closing event and ideas")
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}/exchange")
    Exchange exchange(@PathVariable String ods, @PathVariable long id) {
        Programmes.Programme programme = exchanges.exchange(id);
        return new Exchange(
                programme, exchanges.pairs(id), exchanges.closing(id).orElse(null), ideas.ofProgramme(id));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(
            summary = "Arrange or change visit 1 (at the first host's workplace) or 2 of a pair; emails both people"
                    + " the invitation")
    @PutMapping("/api/v1/ics/{ods}/programmes/{id}/exchange/pairs/{pair}/visits/{number}")
    Exchanges.Visit arrangeVisit(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long pair,
            @PathVariable int number,
            @RequestBody VisitBody body) {
        return exchanges.arrangeVisit(id, pair, number, body.visitsOn(), body.place());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "A visit's iCalendar invitation (.ics), with the same UID whenever its date changes")
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}/exchange/pairs/{pair}/visits/{number}/invitation.ics")
    ResponseEntity<byte[]> visitInvitation(
            @PathVariable String ods, @PathVariable long id, @PathVariable long pair, @PathVariable int number) {
        Programmes.Programme programme = exchanges.exchange(id);
        Exchanges.Pair found = exchanges.pair(id, pair);
        Exchanges.Visit visit =
                exchanges.visit(pair, number).orElseThrow(() -> new NotFound("This visit has not been arranged"));
        return download(exchanges.invitation(programme, found, visit), clock);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Set or change the cohort's closing event; emails every pair the invitation")
    @PutMapping("/api/v1/ics/{ods}/programmes/{id}/exchange/closing")
    Exchanges.Closing arrangeClosing(@PathVariable String ods, @PathVariable long id, @RequestBody ClosingBody body) {
        return exchanges.arrangeClosing(id, body.heldOn(), body.place());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "The closing event's iCalendar invitation (.ics)")
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}/exchange/closing.ics")
    ResponseEntity<byte[]> closingInvitation(@PathVariable String ods, @PathVariable long id) {
        Programmes.Programme programme = exchanges.exchange(id);
        Exchanges.Closing closing =
                exchanges.closing(id).orElseThrow(() -> new NotFound("No closing event has been set"));
        return download(exchanges.invitation(programme, closing), clock);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "The improvement ideas brought back from workplace exchanges, with their status")
    @GetMapping("/api/v1/ics/{ods}/improvement-ideas")
    List<Ideas.Idea> ideas(@PathVariable String ods) {
        return ideas.all();
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Move an improvement idea on (status: proposed, tried or adopted); audited")
    @PatchMapping("/api/v1/ics/{ods}/improvement-ideas/{idea}")
    Ideas.Idea setStatus(@PathVariable String ods, @PathVariable long idea, @RequestBody StatusBody body) {
        return ideas.setStatus(idea, body.status());
    }

    static ResponseEntity<byte[]> download(Invitation invitation, Clock clock) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Invitation.MEDIA_TYPE + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(invitation.fileName())
                                .build()
                                .toString())
                .body(invitation.ics(clock.instant()));
    }
}
