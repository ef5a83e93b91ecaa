package org.goldenthread.pipeline.succession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.Footprint;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The talent pool as a CSV file for ICS admins. It carries what the pool holds and nothing else of
 * the person: no equality answers. An email address goes out only for someone who agreed to be
 * contacted. A cell that a spreadsheet would read as a formula is written as text.
 */
@Component
class TalentExport {

    static final List<String> COLUMNS = List.of(
            "person_ref",
            "name",
            "profession",
            "email",
            "origin",
            "nominated_by",
            "nomination_reason",
            "levels",
            "forum_kinds",
            "topics",
            "readiness",
            "development_needs",
            "consent_to_contact",
            "review_on",
            "added_on");

    private final TalentPoolEntries pool;
    private final org.goldenthread.people.Register register;
    private final Clock clock;

    TalentExport(TalentPoolEntries pool, org.goldenthread.people.Register register, Clock clock) {
        this.pool = pool;
        this.register = register;
        this.clock = clock;
    }

    ResponseEntity<byte[]> download(String ods, Caller caller) {
        List<TalentEntry> entries = pool.entries(Footprint.wholeIcs(), caller);
        var people = register.people(entries.stream().map(TalentEntry::personId).toList());
        StringBuilder out = new StringBuilder();
        try (var printer =
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(out)) {
            printer.printRecord(COLUMNS);
            for (TalentEntry e : entries) {
                var person = people.get(e.personId());
                List<String> row = new ArrayList<>();
                row.add(cell(e.personRef()));
                row.add(cell(e.person()));
                row.add(cell(e.profession()));
                row.add(cell(e.consentToContact() && person != null ? person.email() : null));
                row.add(cell(e.origin()));
                row.add(cell(e.nominatedBy()));
                row.add(cell(e.nominationReason()));
                row.add(String.join(";", e.levels()));
                row.add(String.join(";", e.forumKinds()));
                row.add(cell(e.topics()));
                row.add(cell(e.readiness()));
                row.add(cell(e.developmentNeeds()));
                row.add(String.valueOf(e.consentToContact()));
                row.add(e.reviewOn() == null ? "" : e.reviewOn().toString());
                row.add(e.addedOn().toString());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "talent-pool-" + ods + "-" + LocalDate.now(clock) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(@Nullable String value) {
        return CsvText.cell(value);
    }
}
