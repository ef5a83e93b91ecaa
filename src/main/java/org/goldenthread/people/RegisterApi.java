package org.goldenthread.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SignedIn;
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
 * The register through the API. ICS admins change it; place leads read the part of it in the
 * places they lead; analysts see only the aggregates that the insight module offers.
 */
@RestController
class RegisterApi {

    private final Register register;
    private final RegisterFile file;
    private final Professions professions;
    private final RegisterDownload download;

    RegisterApi(Register register, RegisterFile file, Professions professions, RegisterDownload download) {
        this.register = register;
        this.file = file;
        this.professions = professions;
        this.download = download;
    }

    @SignedIn
    @Operation(summary = "The reference list of professions and registration number formats")
    @GetMapping("/api/v1/professions")
    List<Profession> professions() {
        return professions.all();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "The people on the leadership register")
    @GetMapping("/api/v1/ics/{ods}/people")
    List<Person> people(@PathVariable String ods) {
        return register.people(Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD));
    }

    record PersonWithAppointments(Person person, List<Appointment> appointments) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "One person with their appointments")
    @GetMapping("/api/v1/ics/{ods}/people/{id}")
    PersonWithAppointments person(@PathVariable String ods, @PathVariable long id) {
        Footprint footprint = Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
        return new PersonWithAppointments(register.person(id, footprint), register.appointmentsOf(id, footprint));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Add a person to the register")
    @PostMapping("/api/v1/ics/{ods}/people")
    @ResponseStatus(HttpStatus.CREATED)
    Person addPerson(@PathVariable String ods, @RequestBody PersonDetails body) {
        return register.addPerson(body);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Change a person's details")
    @PutMapping("/api/v1/ics/{ods}/people/{id}")
    Person updatePerson(@PathVariable String ods, @PathVariable long id, @RequestBody PersonDetails body) {
        return register.updatePerson(id, body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Appointments to seats, with protected time and time used")
    @GetMapping("/api/v1/ics/{ods}/appointments")
    List<Appointment> appointments(@PathVariable String ods) {
        return register.appointments(Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Appoint a person to a seat")
    @PostMapping("/api/v1/ics/{ods}/people/{id}/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    Appointment appoint(@PathVariable String ods, @PathVariable long id, @RequestBody AppointmentDetails body) {
        return register.appoint(id, body);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Change an appointment's terms")
    @PatchMapping("/api/v1/ics/{ods}/appointments/{id}")
    Appointment changeTerms(@PathVariable String ods, @PathVariable long id, @RequestBody AppointmentDetails body) {
        return register.changeTerms(id, body);
    }

    /**
     * The whole register as one CSV. {@code mode=valid_rows} imports the good rows and reports the
     * rest; by default one bad row stops the whole file. A file of more than {@value
     * RegisterFile#LARGE} rows, or any file with {@code async=true}, is imported in the background:
     * the answer is 202 with the job's address, whose result, once done, is what this call would
     * have answered.
     */
    @Allowed(Role.ICS_ADMIN)
    @Operation(
            summary = "Import the register file (CSV)",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "imported",
                        content = @Content(schema = @Schema(implementation = RegisterFile.Outcome.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "importing in the background; follow the Location header",
                        content = @Content(schema = @Schema(implementation = Job.class)))
            })
    @PostMapping(
            value = "/api/v1/ics/{ods}/register/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<?> importRegister(
            @PathVariable String ods,
            @RequestBody(required = false) byte[] body,
            @RequestParam(defaultValue = "all_or_nothing") String mode,
            @RequestParam(defaultValue = "false") boolean async) {
        if (!RegisterFile.MODES.contains(mode)) {
            throw new org.goldenthread.platform.InvalidInput("mode", "Use all_or_nothing or valid_rows");
        }
        List<List<String>> rows = RegisterFile.readCsv(body == null ? new byte[0] : body);
        boolean validRowsOnly = mode.equals("valid_rows");
        if (async || rows.size() - 1 > RegisterFile.LARGE) {
            Job job = file.startImport("register.csv", rows, validRowsOnly);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/ics/" + Scope.currentTenant().odsCode() + "/jobs/" + job.id()))
                    .body(job);
        }
        return ResponseEntity.ok(file.importRows(rows, validRowsOnly));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Export the register file (CSV, or XLSX with format=xlsx)")
    @GetMapping("/api/v1/ics/{ods}/register/export")
    ResponseEntity<byte[]> exportRegister(@PathVariable String ods, @RequestParam(defaultValue = "csv") String format) {
        return download.of(ods, format, Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD));
    }
}
