package org.goldenthread.platform.rights;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.PersonalData;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subject access, erasure and the retention period, for an ICS's administrators. */
@RestController
class DataRightsApi {

    private final SubjectAccess access;
    private final Retention retention;

    DataRightsApi(SubjectAccess access, Retention retention) {
        this.access = access;
        this.retention = retention;
    }

    record ExportView(
            String ics,
            @JsonProperty("person_ref") String personRef,
            String name,
            @JsonProperty("made_on") LocalDate madeOn,
            List<PersonalData.Section> sections) {

        static ExportView of(SubjectAccess.Export e) {
            return new ExportView(e.ics(), e.personRef(), e.name(), e.madeOn(), e.sections());
        }
    }

    record Erased(@JsonProperty("erased_on") LocalDate erasedOn) {}

    record Period(
            @JsonProperty("erase_after_years") @Nullable Integer eraseAfterYears) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Everything held about a person, from every part of Golden Thread (subject access)")
    @GetMapping("/api/v1/ics/{ods}/people/{id}/personal-data")
    ExportView export(@PathVariable String ods, @PathVariable long id) {
        return ExportView.of(access.export(id));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Everything held about a person, as a PDF to give them")
    @GetMapping(value = "/api/v1/ics/{ods}/people/{id}/personal-data.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String ods, @PathVariable long id) {
        return DataRightsPages.pdfResponse(id, SubjectAccessReport.pdf(access.export(id)));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Erase a person everywhere, keeping the figures they are counted in")
    @PostMapping("/api/v1/ics/{ods}/people/{id}/erasure")
    Erased erase(@PathVariable String ods, @PathVariable long id) {
        return new Erased(access.erase(id, "person.erased"));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "The ICS's retention period for people whose appointments have all ended")
    @GetMapping("/api/v1/ics/{ods}/retention")
    Period period(@PathVariable String ods) {
        return new Period(retention.years());
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Set or clear the ICS's retention period")
    @PutMapping("/api/v1/ics/{ods}/retention")
    Period setPeriod(@PathVariable String ods, @RequestBody Period body) {
        Integer years = body.eraseAfterYears();
        if (years != null && (years < 1 || years > 50)) {
            throw new InvalidInput("erase_after_years", "Retention period must be between 1 and 50 years, or null");
        }
        retention.setYears(years);
        return new Period(retention.years());
    }
}
