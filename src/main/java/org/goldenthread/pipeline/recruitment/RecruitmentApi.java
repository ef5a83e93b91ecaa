package org.goldenthread.pipeline.recruitment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recruitment rounds and their applications through the API. ICS admins run every round; place
 * leads run those for seats in the places they lead, up to the shortlist. Appointing and offering a
 * place in the talent pool change the register and the ICS's pool, so they are the ICS admin's.
 * No response carries an applicant's equality answers.
 */
@RestController
class RecruitmentApi {

    private final Rounds rounds;
    private final Applications applications;
    private final ApplicationImports imports;

    RecruitmentApi(Rounds rounds, Applications applications, ApplicationImports imports) {
        this.imports = imports;
        this.rounds = rounds;
        this.applications = applications;
    }

    private static Footprint footprint() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
    }

    record Created(long id) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Open a recruitment round for a seat (the forum by name, the seat by title)")
    @PostMapping("/api/v1/ics/{ods}/recruitment/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    Created open(@PathVariable String ods, @RequestBody RoundDetails body) {
        return new Created(rounds.open(body, footprint()).id());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Recruitment rounds, with how many applications are at each stage")
    @GetMapping("/api/v1/ics/{ods}/recruitment/rounds")
    List<Round> rounds(@PathVariable String ods) {
        return rounds.rounds(footprint());
    }

    record RoundWithApplications(Round round, List<Application> applications) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "One recruitment round with its applications (never their equality answers)")
    @GetMapping("/api/v1/ics/{ods}/recruitment/rounds/{id}")
    RoundWithApplications round(@PathVariable String ods, @PathVariable long id) {
        Round round = rounds.round(id, footprint());
        return new RoundWithApplications(round, applications.of(round, footprint()));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(
            summary = "Import a round's applications from a recruitment system's CSV export",
            description = "Header: " + "applicant_ref,person_ref,given_name,family_name,email,profession,"
                    + "career_stage,stage,ethnic_group,sex,disability. The same applicant_ref again updates its"
                    + " application. Any problem is a 400 naming row, column and reason, and nothing changes. A file"
                    + " of more than " + Upload.LARGE + " lines, or any file with async=true, is imported"
                    + " in the background: the answer is 202 with the job's address, whose result, once done, is"
                    + " what this call would have answered (and whose problems are the 400's).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "imported",
                        content = @Content(schema = @Schema(implementation = ApplicationsFile.Outcome.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "importing in the background; follow the Location header",
                        content = @Content(schema = @Schema(implementation = Job.class)))
            })
    @PostMapping(
            value = "/api/v1/ics/{ods}/recruitment/rounds/{id}/applications/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<?> importApplications(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestParam(defaultValue = "false") boolean async) {
        Footprint footprint = footprint();
        Round round = rounds.round(id, footprint);
        byte[] bytes = body == null ? new byte[0] : body;
        if (async || Upload.large(bytes)) {
            // a file of the wrong shape (encoding, header, too many rows) is refused at once, whatever its size
            ApplicationsFile.read(bytes);
            Job job = imports.start(round, "applications.csv", bytes, footprint);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/ics/" + Scope.currentTenant().odsCode() + "/jobs/" + job.id()))
                    .body(job);
        }
        return ResponseEntity.ok(applications.importFile(round, bytes, footprint));
    }

    record StageChange(@Nullable String stage) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Move an application to applied, shortlisted or withdrawn")
    @PatchMapping("/api/v1/ics/{ods}/recruitment/rounds/{id}/applications/{application}")
    Application changeStage(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long application,
            @RequestBody StageChange body) {
        Footprint footprint = footprint();
        return applications.changeStage(rounds.round(id, footprint), application, body.stage(), footprint);
    }

    record Appointing(
            @JsonProperty("start_date") @Nullable LocalDate startDate,
            @JsonProperty("end_date") @Nullable LocalDate endDate) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Appoint an applicant: the appointment goes into the register by open recruitment")
    @PostMapping("/api/v1/ics/{ods}/recruitment/rounds/{id}/applications/{application}/appointment")
    @ResponseStatus(HttpStatus.CREATED)
    Application appoint(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long application,
            @RequestBody Appointing body) {
        return applications.appoint(
                rounds.round(id, Footprint.wholeIcs()), application, body.startDate(), body.endDate());
    }

    record PoolOffer(
            @Nullable String readiness,
            @JsonProperty("consent_to_contact") @Nullable Boolean consent) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Offer an applicant who was not appointed a place in the talent pool")
    @PostMapping("/api/v1/ics/{ods}/recruitment/rounds/{id}/applications/{application}/talent-pool")
    @ResponseStatus(HttpStatus.CREATED)
    Application offerTalentPool(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long application,
            @RequestBody PoolOffer body) {
        return applications.offerTalentPool(
                rounds.round(id, Footprint.wholeIcs()),
                application,
                Coded.parse(Readiness.class, body.readiness()).orElse(null),
                Boolean.TRUE.equals(body.consent()));
    }
}
