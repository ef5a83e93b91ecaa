package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Progress;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.structure.Forums;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole register as one flat table, the spreadsheet ICS teams keep today: one row per
 * appointment, plus a row for each person without one, each seat never filled and each forum
 * without seats. Importing adds and updates (it never deletes), so the same file twice changes
 * nothing, and exporting then importing gives back exactly what was exported.
 *
 * <p>This class holds the file's layout and its guard against formulas; reading an upload into rows
 * ({@link TableReader}), reading and checking the rows ({@link FileRow}, {@link RowReading}), storing
 * an import ({@link RegisterImport}) and writing the file ({@link RegisterExport}) are each done apart.
 */
@Service
public class RegisterFile {

    public static final List<String> COLUMNS = List.of(
            "person_ref",
            "given_name",
            "family_name",
            "email",
            "profession",
            "registration_number",
            "employer",
            "employer_ods",
            "sector",
            "career_stage",
            "level",
            "place",
            "neighbourhood",
            "forum",
            "forum_kind",
            "decision_rights",
            "reports_to",
            "seat",
            "seat_type",
            "professionally_agnostic",
            "start_date",
            "end_date",
            "route",
            "protected_hours_per_week",
            "hours_used_per_week");

    static final List<String> PERSON = COLUMNS.subList(0, 10);
    static final List<String> FORUM =
            List.of("level", "place", "neighbourhood", "forum", "forum_kind", "decision_rights", "reports_to");
    static final List<String> SEAT = List.of("seat", "seat_type", "professionally_agnostic");
    static final List<String> TERMS =
            List.of("start_date", "end_date", "route", "protected_hours_per_week", "hours_used_per_week");
    /** Columns parsed as numbers or dates, where a leading minus sign is a sign, not a formula. */
    static final Set<String> TYPED =
            Set.of("start_date", "end_date", "protected_hours_per_week", "hours_used_per_week");

    private static final int MAX_PROBLEMS = 500;

    /** Files with more rows than this are imported in the background, even through the API. */
    public static final int LARGE = 5_000;

    /** How an import treats rows with problems: refuse the whole file, or import the others. */
    static final Set<String> MODES = Set.of("all_or_nothing", "valid_rows");

    private final RegisterImport importing;
    private final RegisterExport exporting;

    private final Jobs jobs;
    private final ScopedTransactions transactions;

    RegisterFile(Register register, Forums forums, JdbcClient jdbc, Jobs jobs, ScopedTransactions transactions) {
        this.importing = new RegisterImport(register, forums, jdbc);
        this.exporting = new RegisterExport(register, forums);
        this.jobs = jobs;
        this.transactions = transactions;
    }

    /** What an import did, or would have done, and any rows it left out. */
    public record Outcome(
            int rows,
            @JsonProperty("people_added") int peopleAdded,
            @JsonProperty("people_changed") int peopleChanged,
            @JsonProperty("forums_added") int forumsAdded,
            @JsonProperty("forums_changed") int forumsChanged,
            @JsonProperty("seats_added") int seatsAdded,
            @JsonProperty("seats_changed") int seatsChanged,
            @JsonProperty("appointments_added") int appointmentsAdded,
            @JsonProperty("appointments_changed") int appointmentsChanged,
            @JsonProperty("skipped_rows") List<Integer> skippedRows,
            List<Problem> problems) {

        public int changes() {
            return peopleAdded
                    + peopleChanged
                    + forumsAdded
                    + forumsChanged
                    + seatsAdded
                    + seatsChanged
                    + appointmentsAdded
                    + appointmentsChanged;
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads CSV bytes: UTF-8 (a leading byte-order mark is fine), comma-separated, header first. */
    public static List<List<String>> readCsv(byte[] bytes) {
        return TableReader.readCsv(bytes);
    }

    /** Reads the first sheet of a workbook, header first; dates typed as dates become ISO dates. */
    public static List<List<String>> readXlsx(byte[] bytes) {
        return TableReader.readXlsx(bytes);
    }

    // ---------------------------------------------------------------- importing

    /**
     * Imports rows (header first). With {@code validRowsOnly} false nothing is changed unless every
     * row is good; with it true, rows with problems are left out and reported, and the rest go in.
     */
    @Transactional
    public Outcome importRows(List<List<String>> table, boolean validRowsOnly) {
        return importing.importRows(table, validRowsOnly, Progress.NONE);
    }

    /** Imports rows as {@link #importRows(List, boolean)} does, reporting how far it has gone. */
    @Transactional
    public Outcome importRows(List<List<String>> table, boolean validRowsOnly, Progress progress) {
        return importing.importRows(table, validRowsOnly, progress);
    }

    /**
     * Imports rows as a background job of the current ICS, whose page is the register file's page
     * for that job.
     */
    public Job startImport(String fileName, List<List<String>> table, boolean validRowsOnly) {
        String ods = Scope.currentTenant().odsCode();
        return jobs.start(
                "register_import",
                fileName,
                "/ics/" + ods + "/register/imports/{id}",
                progress ->
                        transactions.run(Scope.current(), () -> importing.importRows(table, validRowsOnly, progress)));
    }

    /** Problems in the order of the file, row by row and column by column: the first {@value #MAX_PROBLEMS}, then how many more. */
    static List<Problem> capped(List<Problem> problems) {
        List<Problem> sorted = problems.stream()
                .sorted(Comparator.comparing((Problem p) -> p.row() == null ? 0 : p.row())
                        .thenComparing(p -> p.field() == null ? -1 : COLUMNS.indexOf(p.field())))
                .distinct()
                .toList();
        if (sorted.size() <= MAX_PROBLEMS) {
            return sorted;
        }
        List<Problem> first = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
        first.add(Problem.of(null, "…and " + (sorted.size() - MAX_PROBLEMS) + " more problems not listed"));
        return first;
    }

    // ---------------------------------------------------------------- exporting

    /** The register as rows of cells, header first, in a stable order; cells are guarded against formulas. */
    public List<List<String>> exportRows() {
        return exportRows(Footprint.wholeIcs());
    }

    /**
     * The part of the register in sight of a footprint: the forums of its places with their seats and
     * appointments, and the people in its places who hold none of those seats.
     */
    public List<List<String>> exportRows(Footprint footprint) {
        return exporting.exportRows(footprint);
    }

    public String exportCsv() {
        return exportCsv(Footprint.wholeIcs());
    }

    public String exportCsv(Footprint footprint) {
        return exporting.exportCsv(footprint);
    }

    /** The register as a workbook with one sheet; every cell is text so that codes and dates stay as written. */
    public byte[] exportXlsx() {
        return exportXlsx(Footprint.wholeIcs());
    }

    public byte[] exportXlsx(Footprint footprint) {
        return exporting.exportXlsx(footprint);
    }
}
