package org.goldenthread.pipeline.succession;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The talent pool through the API. ICS admins and place leads (for their places' people and those
 * they added) read, add and change entries; ICS admins export it; anyone with a role in the ICS
 * records their own interest.
 */
@RestController
class TalentApi {

    private final TalentPoolEntries pool;
    private final TalentExport export;
    private final org.goldenthread.people.Register register;
    private final Clock clock;

    TalentApi(TalentPoolEntries pool, TalentExport export, org.goldenthread.people.Register register, Clock clock) {
        this.pool = pool;
        this.export = export;
        this.register = register;
        this.clock = clock;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "The talent pool, optionally only one readiness, one level or reviews due")
    @GetMapping("/api/v1/ics/{ods}/talent")
    List<TalentEntry> entries(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String readiness,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(name = "review_due", required = false) @Nullable Boolean reviewDue) {
        LocalDate today = LocalDate.now(clock);
        return new TalentFilter(readiness, level, Boolean.TRUE.equals(reviewDue))
                .apply(pool.entries(Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD), Scope.currentCaller()), today);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "One talent pool entry")
    @GetMapping("/api/v1/ics/{ods}/talent/{id}")
    TalentEntry entry(@PathVariable String ods, @PathVariable long id) {
        return pool.entry(id, Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD), Scope.currentCaller());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Nominate someone for the talent pool, adding them to the register if they are new")
    @PostMapping("/api/v1/ics/{ods}/talent")
    @ResponseStatus(HttpStatus.CREATED)
    TalentEntry add(@PathVariable String ods, @RequestBody TalentDetails body) {
        return pool.add(
                body, Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD), Scope.currentCaller(), LocalDate.now(clock));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Change a talent pool entry: readiness, development needs, review date and interests")
    @PatchMapping("/api/v1/ics/{ods}/talent/{id}")
    TalentEntry update(@PathVariable String ods, @PathVariable long id, @RequestBody TalentDetails body) {
        return pool.update(id, body, Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD), Scope.currentCaller());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Export the talent pool (CSV, without equality answers)")
    @GetMapping("/api/v1/ics/{ods}/talent/export")
    ResponseEntity<byte[]> export(@PathVariable String ods) {
        return export.download(Scope.currentTenant().odsCode(), Scope.currentCaller());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "Your own talent pool entry, if you have one")
    @GetMapping("/api/v1/ics/{ods}/talent/mine")
    ResponseEntity<TalentEntry> mine(@PathVariable String ods) {
        return register.personByEmail(Scope.currentCaller().email())
                .flatMap(p -> pool.ofPerson(p.id()))
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** What a person says about their own interest; {@code person} is needed only when they are not in the register. */
    record InterestBody(
            @Nullable InterestPerson person,
            @Nullable List<String> levels,

            @com.fasterxml.jackson.annotation.JsonProperty("forum_kinds") @Nullable
            List<String> forumKinds,

            @Nullable String topics,
            @Nullable String readiness,

            @com.fasterxml.jackson.annotation.JsonProperty("consent_to_contact") @Nullable
            Boolean consentToContact) {}

    record InterestPerson(
            @com.fasterxml.jackson.annotation.JsonProperty("given_name") @Nullable
            String givenName,

            @com.fasterxml.jackson.annotation.JsonProperty("family_name") @Nullable
            String familyName,

            @Nullable String profession,

            @com.fasterxml.jackson.annotation.JsonProperty("career_stage") @Nullable
            String careerStage) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "Say you are interested in leadership: join the talent pool or change your interests")
    @PutMapping("/api/v1/ics/{ods}/talent/mine")
    TalentEntry expressInterest(@PathVariable String ods, @RequestBody InterestBody body) {
        InterestPerson p = body.person();
        return pool.expressInterest(
                new TalentPoolEntries.Interest(
                        p == null
                                ? null
                                : Interested.self(p.givenName(), p.familyName(), p.profession(), p.careerStage()),
                        body.levels() == null ? List.of() : body.levels(),
                        body.forumKinds() == null ? List.of() : body.forumKinds(),
                        body.topics(),
                        body.readiness(),
                        Boolean.TRUE.equals(body.consentToContact())),
                Scope.currentCaller(),
                LocalDate.now(clock));
    }
}
