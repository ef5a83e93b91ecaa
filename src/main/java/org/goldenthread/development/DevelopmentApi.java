package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The development offer through the API. Everyone with a role in the ICS reads the catalogue (ICS
 * admins also see retired offers) and applies for themselves; ICS admins keep the catalogue, move it
 * in and out as a file, and manage enrolments.
 */
@RestController
class DevelopmentApi {

    private final Catalogue catalogue;
    private final CatalogueFile file;
    private final Enrolments enrolments;
    private final Register register;
    private final Clock clock;
    private final DevelopmentImports imports;

    DevelopmentApi(
            Catalogue catalogue,
            CatalogueFile file,
            Enrolments enrolments,
            Register register,
            Clock clock,
            DevelopmentImports imports) {
        this.imports = imports;
        this.catalogue = catalogue;
        this.file = file;
        this.enrolments = enrolments;
        this.register = register;
        this.clock = clock;
    }

    static boolean isAdmin() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "The development offers (ICS admins also see retired ones)")
    @GetMapping("/api/v1/ics/{ods}/offers")
    List<Offer> offers(@PathVariable String ods) {
        boolean admin = isAdmin();
        return catalogue.offers().stream().filter(o -> admin || !o.retired()).toList();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "One development offer")
    @GetMapping("/api/v1/ics/{ods}/offers/{id}")
    Offer offer(@PathVariable String ods, @PathVariable long id) {
        return visible(id);
    }

    private Offer visible(long id) {
        Offer offer = catalogue.offer(id);
        if (offer.retired() && !isAdmin()) {
            throw new NotFound("No development offer with id " + id + " in this ICS");
        }
        return offer;
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Add an offer to the catalogue")
    @PostMapping("/api/v1/ics/{ods}/offers")
    @ResponseStatus(HttpStatus.CREATED)
    Offer add(@PathVariable String ods, @RequestBody OfferDetails body) {
        return catalogue.add(body);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Change an offer")
    @PutMapping("/api/v1/ics/{ods}/offers/{id}")
    Offer update(@PathVariable String ods, @PathVariable long id, @RequestBody OfferDetails body) {
        return catalogue.update(id, body);
    }

    record Retirement(@Nullable Boolean retired) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Retire an offer, or bring a retired one back")
    @PostMapping("/api/v1/ics/{ods}/offers/{id}/retirement")
    Offer retire(@PathVariable String ods, @PathVariable long id, @RequestBody Retirement body) {
        if (body.retired() == null) {
            throw new InvalidInput("retired", "Say whether the offer is retired: true or false");
        }
        return catalogue.retire(id, body.retired());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Delete an offer nobody has enrolled on (409 otherwise: retire it)")
    @DeleteMapping("/api/v1/ics/{ods}/offers/{id}")
    ResponseEntity<Void> delete(@PathVariable String ods, @PathVariable long id) {
        catalogue.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** A CSV or JSON catalogue, by its content type; all or nothing. */
    @Allowed(Role.ICS_ADMIN)
    @Operation(
            summary = "Import the catalogue (CSV, or JSON with Content-Type application/json)",
            description = "All or nothing: any problem is a 400 naming row, field and reason. A file of more than "
                    + Upload.LARGE + " lines, or any file with async=true, is imported in the background: the"
                    + " answer is 202 with the job's address, whose result, once done, is what this call would"
                    + " have answered (and whose problems are the 400's).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "imported",
                        content = @Content(schema = @Schema(implementation = Catalogue.Imported.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "importing in the background; follow the Location header",
                        content = @Content(schema = @Schema(implementation = Job.class)))
            })
    @PostMapping(
            value = "/api/v1/ics/{ods}/offers/import",
            consumes = {"text/csv", "application/json", "text/plain", "application/octet-stream"})
    ResponseEntity<?> importCatalogue(
            @PathVariable String ods,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestParam(defaultValue = "false") boolean async) {
        byte[] bytes = body == null ? new byte[0] : body;
        boolean json = contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
        List<OfferDetails> rows = json ? file.fromJson(bytes) : file.fromCsv(bytes);
        if (async || rows.size() > Upload.LARGE) {
            return ProgrammeApi.accepted(imports.startCatalogue(json ? "catalogue.json" : "catalogue.csv", rows));
        }
        return ResponseEntity.ok(catalogue.importAll(rows));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Export the catalogue (CSV, or JSON with format=json)")
    @GetMapping("/api/v1/ics/{ods}/offers/export")
    ResponseEntity<byte[]> exportCatalogue(
            @PathVariable String ods, @RequestParam(defaultValue = "csv") String format) {
        return download(ods, format);
    }

    /** The catalogue as a file to download, for the API and the catalogue page alike. */
    ResponseEntity<byte[]> download(String ods, String format) {
        boolean json = "json".equals(format);
        if (!json && !"csv".equals(format)) {
            throw new InvalidInput("format", "Choose csv or json");
        }
        String name = "development-offer-" + ods + "-" + LocalDate.now(clock) + (json ? ".json" : ".csv");
        List<Offer> offers = catalogue.offers();
        return ResponseEntity.ok()
                .contentType(json ? MediaType.APPLICATION_JSON : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(json ? file.json(offers) : file.csv(offers));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Who has enrolled on an offer, and where each enrolment stands")
    @GetMapping("/api/v1/ics/{ods}/offers/{id}/enrolments")
    List<Enrolment> enrolmentsOn(@PathVariable String ods, @PathVariable long id) {
        catalogue.offer(id);
        return enrolments.forOffer(id);
    }

    record Enrol(@JsonProperty("person_ref") @Nullable String personRef) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Enrol a person from the register on an offer (the waitlist when it is full)")
    @PostMapping("/api/v1/ics/{ods}/offers/{id}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    Enrolment enrol(@PathVariable String ods, @PathVariable long id, @RequestBody Enrol body) {
        catalogue.offer(id);
        String ref = body.personRef() == null ? "" : body.personRef().strip();
        Person person = register.peopleByRef(List.of(ref)).stream()
                .filter(p -> p.personRef().equals(ref))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "person_ref",
                        ref.isEmpty()
                                ? "Give the person's reference"
                                : "Nobody on the register has the reference " + ref));
        return enrolments.apply(id, person.id());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "Apply for an offer yourself (the waitlist when it is full)")
    @PostMapping("/api/v1/ics/{ods}/offers/{id}/apply")
    @ResponseStatus(HttpStatus.CREATED)
    Enrolment apply(@PathVariable String ods, @PathVariable long id) {
        Offer offer = visible(id);
        return enrolments.apply(offer.id(), self().id());
    }

    private Person self() {
        return register.personByEmail(Scope.currentCaller().email())
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "Your account's email address is not on the leadership register, so you cannot enrol yourself; "
                                + "ask an ICS administrator to add you or to enrol you"));
    }

    record Change(
            @Nullable String status,
            @JsonProperty("completed_on") @Nullable LocalDate completedOn) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Accept, complete (with completed_on) or withdraw an enrolment")
    @PatchMapping("/api/v1/ics/{ods}/enrolments/{id}")
    Enrolment change(@PathVariable String ods, @PathVariable long id, @RequestBody Change body) {
        return enrolments.change(id, body.status(), body.completedOn());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "Your own enrolments")
    @GetMapping("/api/v1/ics/{ods}/my/enrolments")
    List<Enrolment> mine(@PathVariable String ods) {
        return register.personByEmail(Scope.currentCaller().email())
                .map(p -> enrolments.ofPerson(p.id()))
                .orElse(List.of());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "Withdraw from one of your own enrolments")
    @PostMapping("/api/v1/ics/{ods}/my/enrolments/{id}/withdraw")
    Enrolment withdrawMine(@PathVariable String ods, @PathVariable long id) {
        return enrolments.withdraw(own(id).id()).enrolment();
    }

    /** One of the caller's own enrolments; anyone else's is answered as not found. */
    Enrolment own(long id) {
        Enrolment e = enrolments.enrolment(id);
        Person self = register.personByEmail(Scope.currentCaller().email()).orElse(null);
        if (self == null || self.id() != e.personId()) {
            throw new NotFound("No enrolment of yours with id " + id);
        }
        return e;
    }
}
