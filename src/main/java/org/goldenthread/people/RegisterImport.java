package org.goldenthread.people;

import static org.goldenthread.people.RegisterFile.COLUMNS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Progress;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.ForumDetails;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.SeatDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores an import: checks every row against the map and the register, leaves out the rows with
 * problems when asked to, then merges forums and seats, people and appointments, adding and updating
 * but never deleting. The caller holds the transaction.
 */
final class RegisterImport {

    /** The structure module's field names, as the file's columns call them. */
    private static final Map<String, String> STRUCTURE_FIELDS =
            Map.of("name", "forum", "kind", "forum_kind", "title", "seat");

    private final Register register;
    private final Forums forums;
    private final JdbcClient jdbc;

    RegisterImport(Register register, Forums forums, JdbcClient jdbc) {
        this.register = register;
        this.forums = forums;
        this.jdbc = jdbc;
    }

    /**
     * Imports rows (header first). With {@code validRowsOnly} false nothing is changed unless every
     * row is good; with it true, rows with problems are left out and reported, and the rest go in.
     */
    RegisterFile.Outcome importRows(List<List<String>> table, boolean validRowsOnly, Progress progress) {
        // one import at a time per ICS, so two uploads cannot race on the same new forum or person
        jdbc.sql("select pg_advisory_xact_lock(hashtext('register-import'), cast(:ics as integer))")
                .param("ics", Scope.currentTenant().id())
                .query(Object.class)
                .single();
        List<FileRow> rows = FileRow.rows(table);
        progress.expect(rows.size());
        progress.read(rows.size());
        List<Problem> problems = check(rows, progress);
        List<Integer> skipped = new ArrayList<>();
        List<Problem> reported = new ArrayList<>(problems);
        if (!problems.isEmpty()) {
            if (!validRowsOnly || problems.stream().anyMatch(p -> p.row() == null || p.row() == 1)) {
                throw new InvalidInput(RegisterFile.capped(problems));
            }
            // leaving a row out can make another row wrong (say, a forum it reported to), so repeat
            for (int round = 0; round < 10 && !problems.isEmpty(); round++) {
                Set<Integer> bad = problems.stream().map(Problem::row).collect(Collectors.toSet());
                skipped.addAll(bad);
                rows = rows.stream().filter(r -> !bad.contains(r.number())).toList();
                problems = check(rows, Progress.NONE);
                reported.addAll(problems);
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(RegisterFile.capped(reported));
            }
        }
        RegisterFile.Outcome done = apply(rows, progress);
        return new RegisterFile.Outcome(
                done.rows(),
                done.peopleAdded(),
                done.peopleChanged(),
                done.forumsAdded(),
                done.forumsChanged(),
                done.seatsAdded(),
                done.seatsChanged(),
                done.appointmentsAdded(),
                done.appointmentsChanged(),
                skipped.stream().sorted().toList(),
                RegisterFile.capped(reported));
    }

    private List<Problem> check(List<FileRow> rows, Progress progress) {
        RowReading in = new RowReading();
        Map<String, Integer> identical = new HashMap<>();
        int checked = 0;
        for (FileRow row : rows) {
            progress.checked(checked++);
            String whole =
                    COLUMNS.stream().map(c -> Objects.toString(row.get(c), "")).collect(Collectors.joining("\u0001"));
            Integer first = identical.putIfAbsent(whole, row.number());
            if (first != null) {
                in.problems.add(Problem.at(row.number(), null, "This row repeats row " + first));
                continue;
            }
            in.read(row);
        }
        List<ForumDetails> forumList = new ArrayList<>(in.forumsByName.values());
        List<SeatDetails> seatList = new ArrayList<>(in.seatsByKey.values());
        for (Problem p : forums.check(forumList, seatList)) {
            String field = STRUCTURE_FIELDS.getOrDefault(p.field(), p.field());
            in.problems.add(new Problem(p.row(), field, p.reason()));
        }
        for (PersonDetails p : in.people.values()) {
            in.problems.addAll(register.check(p));
        }
        progress.checked(rows.size());
        return in.problems;
    }

    /**
     * Stores the rows in three steps (forums and seats, people, appointments); after each, that part
     * of every row is stored, which is what the progress reports.
     */
    private RegisterFile.Outcome apply(List<FileRow> rows, Progress progress) {
        RowReading in = new RowReading();
        rows.forEach(in::read);
        progress.stored(0);
        Forums.Merged structure =
                forums.merge(new ArrayList<>(in.forumsByName.values()), new ArrayList<>(in.seatsByKey.values()));
        progress.stored(rows.size() / 3);
        Register.Merged people = register.mergePeople(new ArrayList<>(in.people.values()));
        progress.stored(rows.size() * 2 / 3);
        List<Register.Tenure> tenures = new ArrayList<>();
        for (FileRow row : in.appointments) {
            String route = row.get("route");
            tenures.add(new Register.Tenure(
                    merged(people.ids(), CsvText.unguarded(cell(row, "person_ref"))),
                    merged(
                            structure.seatIds(),
                            Forums.seatKey(
                                    CsvText.unguarded(cell(row, "forum")), CsvText.unguarded(cell(row, "seat")))),
                    LocalDate.parse(cell(row, "start_date")),
                    row.get("end_date") == null ? null : LocalDate.parse(cell(row, "end_date")),
                    route,
                    hours(row.get("protected_hours_per_week")),
                    hours(row.get("hours_used_per_week"))));
        }
        int[] appointments = register.mergeTenures(tenures);
        progress.stored(rows.size());
        return new RegisterFile.Outcome(
                rows.size(),
                people.added(),
                people.changed(),
                structure.forumsAdded(),
                structure.forumsChanged(),
                structure.seatsAdded(),
                structure.seatsChanged(),
                appointments[0],
                appointments[1],
                List.of(),
                List.of());
    }

    /** A cell the reading has refused to be empty. */
    private static String cell(FileRow row, String column) {
        return Objects.requireNonNull(row.get(column), "checked when read");
    }

    /** Every person and seat of an appointment row was read, and so merged, before the appointments. */
    private static long merged(Map<String, Long> ids, String key) {
        return Objects.requireNonNull(ids.get(key), "merged before the appointments");
    }

    private static @Nullable BigDecimal hours(@Nullable String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
