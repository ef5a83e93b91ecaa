package org.goldenthread.development;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programmes that pair people, through the API. Only ICS admins run them: a programme draws on the
 * whole register and pairs people across places and employers, which no place lead sees whole.
 */
@RestController
class ProgrammeApi {

    private final Programmes programmes;
    private final ParticipantFile file;
    private final MatchingRounds rounds;
    private final DevelopmentImports imports;

    ProgrammeApi(Programmes programmes, ParticipantFile file, MatchingRounds rounds, DevelopmentImports imports) {
        this.imports = imports;
        this.programmes = programmes;
        this.file = file;
        this.rounds = rounds;
    }

    record Created(long id) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Create a programme that pairs people (mentoring, coaching, buddying, exchange…)")
    @PostMapping("/api/v1/ics/{ods}/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@PathVariable String ods, @RequestBody Programmes.NewProgramme body) {
        return new Created(programmes.create(body).id());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "The programmes that pair people")
    @GetMapping("/api/v1/ics/{ods}/programmes")
    List<Programmes.Programme> list(@PathVariable String ods) {
        return programmes.all();
    }

    record ProgrammeWithParticipants(
            Programmes.Programme programme, List<Programmes.Participant> participants, List<Programmes.Rule> rules) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "One programme with its participants, their preferences and the pairing rules")
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}")
    ProgrammeWithParticipants one(@PathVariable String ods, @PathVariable long id) {
        return new ProgrammeWithParticipants(programmes.get(id), programmes.participants(id), programmes.rules(id));
    }

    /**
     * Replaces the participant list with the file's, all or nothing. A file of more than {@value
     * Upload#LARGE} lines, or any file with {@code async=true}, is imported in the background.
     */
    @Allowed(Role.ICS_ADMIN)
    @Operation(
            summary = "Import the participants file (CSV: person_ref,role,capacity,preferences); replaces the list",
            description = "All or nothing: any problem is a 400 naming row, column and reason. A file of more than "
                    + Upload.LARGE + " lines, or any file with async=true, is imported in the background: the"
                    + " answer is 202 with the job's address, whose result, once done, is what this call would"
                    + " have answered (and whose problems are the 400's).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "imported",
                        content = @Content(schema = @Schema(implementation = ParticipantFile.Imported.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "importing in the background; follow the Location header",
                        content = @Content(schema = @Schema(implementation = Job.class)))
            })
    @PostMapping(
            value = "/api/v1/ics/{ods}/programmes/{id}/participants/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<?> importParticipants(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestParam(defaultValue = "false") boolean async) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (async || Upload.large(bytes)) {
            programmes.get(id);
            // a file of the wrong shape is refused at once, whatever its size
            ParticipantFile.shape(org.goldenthread.people.RegisterFile.readCsv(bytes));
            return accepted(imports.startParticipants(id, "participants.csv", bytes));
        }
        return ResponseEntity.ok(file.importCsv(id, bytes));
    }

    /** 202 with the job's address, as every import answers when it goes to the background. */
    static ResponseEntity<Job> accepted(Job job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/ics/" + Scope.currentTenant().odsCode() + "/jobs/" + job.id()))
                .body(job);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Propose the optimal pairs: most mentees matched, then the lowest sum of ranks")
    @PostMapping("/api/v1/ics/{ods}/programmes/{id}/matching")
    ResponseEntity<Matching.Proposal> match(@PathVariable String ods, @PathVariable long id) {
        MatchingRounds.Stored stored = rounds.propose(id);
        return ResponseEntity.ok()
                .location(URI.create(
                        "/api/v1/ics/" + Scope.currentTenant().odsCode() + "/programmes/" + id + "/matching"))
                .body(stored.proposal());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "The latest proposal for a programme")
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}/matching")
    Matching.Proposal latest(@PathVariable String ods, @PathVariable long id) {
        programmes.get(id);
        return rounds.latest(id)
                .orElseThrow(() -> new NotFound("No proposal has been made for this programme"))
                .proposal();
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(
            summary = "Confirm the latest proposal: opens the relationships and emails both people of each pair;"
                    + " 409 if the participants changed since it was made")
    @PostMapping("/api/v1/ics/{ods}/programmes/{id}/matching/confirm")
    MatchingRounds.Confirmed confirm(@PathVariable String ods, @PathVariable long id) {
        return rounds.confirm(id);
    }

    record PairRule(
            @Nullable String mentor,
            @Nullable String mentee,
            @Nullable String rule) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Lock a pair in or forbid it (rule: locked or forbidden), by person_ref")
    @PostMapping("/api/v1/ics/{ods}/programmes/{id}/rules")
    List<Programmes.Rule> setRule(@PathVariable String ods, @PathVariable long id, @RequestBody PairRule body) {
        rounds.setRule(id, body.mentor(), body.mentee(), body.rule());
        return programmes.rules(id);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Remove the rule on a pair")
    @DeleteMapping("/api/v1/ics/{ods}/programmes/{id}/rules")
    ResponseEntity<Void> removeRule(
            @PathVariable String ods, @PathVariable long id, @RequestParam String mentor, @RequestParam String mentee) {
        rounds.removeRule(id, mentor, mentee);
        return ResponseEntity.noContent().build();
    }
}
