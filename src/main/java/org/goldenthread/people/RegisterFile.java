package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Text;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.ForumDetails;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
import org.goldenthread.structure.SeatDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole register as one flat table, the spreadsheet ICS teams keep today: one row per
 * appointment, plus a row for each person without one, each seat never filled and each forum
 * without seats. Importing adds and updates (it never deletes), so the same file twice changes
 * nothing, and exporting then importing gives back exactly what was exported.
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

    private static final List<String> PERSON = COLUMNS.subList(0, 10);
    private static final List<String> FORUM =
            List.of("level", "place", "neighbourhood", "forum", "forum_kind", "decision_rights", "reports_to");
    private static final List<String> SEAT = List.of("seat", "seat_type", "professionally_agnostic");
    private static final List<String> TERMS =
            List.of("start_date", "end_date", "route", "protected_hours_per_week", "hours_used_per_week");
    /** Columns parsed as numbers or dates, where a leading minus sign is a sign, not a formula. */
    private static final Set<String> TYPED =
            Set.of("start_date", "end_date", "protected_hours_per_week", "hours_used_per_week");
    /** The structure module's field names, as the file's columns call them. */
    private static final Map<String, String> STRUCTURE_FIELDS =
            Map.of("name", "forum", "kind", "forum_kind", "title", "seat");

    private static final int MAX_CELL = 1000;
    private static final int MAX_PROBLEMS = 500;

    private final Register register;
    private final Forums forums;
    private final JdbcClient jdbc;

    RegisterFile(Register register, Forums forums, JdbcClient jdbc) {
        this.register = register;
        this.forums = forums;
        this.jdbc = jdbc;
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

    /** One data row of the file, by column name, with its row number (the header is row 1). */
    record Row(int number, Map<String, String> cells) {

        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }

        boolean any(List<String> columns) {
            return columns.stream().anyMatch(c -> get(c) != null);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads CSV bytes: UTF-8 (a leading byte-order mark is fine), comma-separated, header first. */
    public static List<List<String>> readCsv(byte[] bytes) {
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            int row = (int) text.substring(0, text.indexOf('\0'))
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            throw new InvalidInput(
                    List.of(Problem.at(row, null, "The file contains a NUL character, so it is not a CSV text file")));
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInput(
                    List.of(
                            Problem.at(
                                    rows.size() + 1,
                                    null,
                                    "The file is not valid CSV after this row: a quoted value is not closed or a quote is out of place")));
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            int row = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    row++;
                }
            }
            throw new InvalidInput(List.of(Problem.at(
                    row,
                    null,
                    String.format(
                            "The file is not UTF-8 text: byte 0x%02X on this row is not valid UTF-8. "
                                    + "Save it as \"CSV UTF-8\" and try again",
                            bytes[bad] & 0xFF))));
        }
    }

    private static int firstInvalidUtf8(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        decoder.decode(in, out, true);
        return in.position();
    }

    // ---------------------------------------------------------------- importing

    /**
     * Imports rows (header first). With {@code validRowsOnly} false nothing is changed unless every
     * row is good; with it true, rows with problems are left out and reported, and the rest go in.
     */
    @Transactional
    public Outcome importRows(List<List<String>> table, boolean validRowsOnly) {
        // one import at a time per ICS, so two uploads cannot race on the same new forum or person
        jdbc.sql("select pg_advisory_xact_lock(hashtext('register-import'), cast(:ics as integer))")
                .param("ics", Scope.currentTenant().id())
                .query(Object.class)
                .single();
        List<Row> rows = rows(table);
        List<Problem> problems = check(rows);
        List<Integer> skipped = new ArrayList<>();
        List<Problem> reported = new ArrayList<>(problems);
        if (!problems.isEmpty()) {
            if (!validRowsOnly || problems.stream().anyMatch(p -> p.row() == null || p.row() == 1)) {
                throw new InvalidInput(capped(problems));
            }
            // leaving a row out can make another row wrong (say, a forum it reported to), so repeat
            for (int round = 0; round < 10 && !problems.isEmpty(); round++) {
                Set<Integer> bad = problems.stream().map(Problem::row).collect(Collectors.toSet());
                skipped.addAll(bad);
                rows = rows.stream().filter(r -> !bad.contains(r.number())).toList();
                problems = check(rows);
                reported.addAll(problems);
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(capped(reported));
            }
        }
        Outcome done = apply(rows);
        return new Outcome(
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
                capped(reported));
    }

    private static List<Problem> capped(List<Problem> problems) {
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

    /** Checks the header and turns the other rows into named cells; header problems stop here. */
    private static List<Row> rows(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new InvalidInput(List.of(Problem.at(1, null, "The file is empty; it needs at least the header row")));
        }
        List<String> header = table.get(0).stream()
                .map(h -> h == null ? "" : h.trim().toLowerCase(Locale.ROOT))
                .toList();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                problems.add(Problem.at(1, column, "This column appears more than once"));
            } else if (!COLUMNS.contains(column)) {
                problems.add(Problem.at(
                        1,
                        column.isEmpty() ? null : abbreviate(column),
                        column.isEmpty() ? "A column has no name" : "This is not a column of the register file"));
            }
        }
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                problems.add(Problem.at(1, column, "This column is missing"));
            }
        }
        if (!problems.isEmpty()) {
            problems.add(Problem.at(1, null, "The header must name these columns: " + String.join(",", COLUMNS)));
            throw new InvalidInput(capped(problems));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                // a blank line is nothing; a row of separators is a row someone meant to fill in
                if (cells.size() > 1) {
                    problems.add(Problem.at(i + 1, null, "This row has only empty cells; fill it in or remove it"));
                }
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(Problem.at(
                        i + 1,
                        null,
                        "This row has " + cells.size() + " values but the header has " + header.size() + " columns"));
                continue;
            }
            Map<String, String> named = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String reason = Text.unstorable(cells.get(c));
                if (reason != null) {
                    problems.add(Problem.at(i + 1, header.get(c), reason));
                }
                named.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(i + 1, named));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(capped(problems));
        }
        return rows;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Undoes export's guard against formulas: a leading apostrophe before = + - @ is dropped. */
    private static String unguard(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && isFormulaStart(value.charAt(1))) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The file's values as the domain sees them, with every problem found on the way. */
    private static final class Reading {
        final List<Problem> problems = new ArrayList<>();
        final Map<String, PersonDetails> people = new LinkedHashMap<>();
        final Map<String, Integer> personRow = new HashMap<>();
        final Map<String, ForumDetails> forumsByName = new LinkedHashMap<>();
        final Map<String, SeatDetails> seatsByKey = new LinkedHashMap<>();
        final Map<String, Row> rowsByKey = new HashMap<>();
        final List<Row> appointments = new ArrayList<>();

        String cell(Row row, String column) {
            String raw = row.get(column);
            if (raw == null) {
                return null;
            }
            if (raw.length() > MAX_CELL) {
                problems.add(Problem.at(row.number(), column, "The value is longer than " + MAX_CELL + " characters"));
                return null;
            }
            if (!TYPED.contains(column) && isFormulaStart(raw.charAt(0))) {
                problems.add(
                        Problem.at(
                                row.number(),
                                column,
                                "The value starts with '" + raw.charAt(0)
                                        + "', so a spreadsheet would run it as a formula; remove it, or put an apostrophe before it"));
                return null;
            }
            return unguard(raw);
        }
    }

    private List<Problem> check(List<Row> rows) {
        Reading in = new Reading();
        Map<String, Integer> identical = new HashMap<>();
        for (Row row : rows) {
            String whole =
                    COLUMNS.stream().map(c -> Objects.toString(row.get(c), "")).collect(Collectors.joining("\u0001"));
            Integer first = identical.putIfAbsent(whole, row.number());
            if (first != null) {
                in.problems.add(Problem.at(row.number(), null, "This row repeats row " + first));
                continue;
            }
            readRow(in, row);
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
        return in.problems;
    }

    private void readRow(Reading in, Row row) {
        int n = row.number();
        boolean hasPerson = row.any(PERSON);
        boolean hasForum = row.any(FORUM);
        boolean hasSeat = row.any(SEAT);
        boolean hasTerms = row.any(TERMS);
        String ref = in.cell(row, "person_ref");
        String forum = in.cell(row, "forum");
        String seat = in.cell(row, "seat");
        if (hasPerson) {
            PersonDetails person = new PersonDetails(
                    ref,
                    in.cell(row, "given_name"),
                    in.cell(row, "family_name"),
                    in.cell(row, "email"),
                    in.cell(row, "profession"),
                    in.cell(row, "registration_number"),
                    in.cell(row, "employer"),
                    in.cell(row, "employer_ods"),
                    in.cell(row, "sector"),
                    in.cell(row, "career_stage"),
                    n);
            if (ref == null) {
                in.problems.add(Problem.at(n, "person_ref", "Enter a reference for this person, unique in the ICS"));
            } else if (!in.people.containsKey(ref)) {
                in.people.put(ref, person);
                in.personRow.put(ref, n);
            } else {
                conflicts(
                        in,
                        n,
                        "person " + ref,
                        in.personRow.get(ref),
                        in.people.get(ref).normalised(),
                        person.normalised(),
                        PERSON);
            }
        }
        if (hasForum || hasSeat) {
            if (forum == null) {
                in.problems.add(Problem.at(n, "forum", "Enter the name of the forum"));
            } else {
                ForumDetails details = new ForumDetails(
                        forum,
                        in.cell(row, "level"),
                        in.cell(row, "forum_kind"),
                        in.cell(row, "decision_rights"),
                        in.cell(row, "place"),
                        in.cell(row, "neighbourhood"),
                        in.cell(row, "reports_to"),
                        n);
                ForumDetails first = in.forumsByName.putIfAbsent(forum, details);
                if (first != null) {
                    conflicts(in, n, "forum " + forum, first.row(), forumCells(first), forumCells(details), FORUM);
                }
            }
        }
        if (hasSeat) {
            if (seat == null) {
                in.problems.add(Problem.at(n, "seat", "Enter the title of the seat"));
            } else if (forum != null) {
                Boolean agnostic = parseBoolean(in, row, "professionally_agnostic");
                SeatDetails details = new SeatDetails(forum, seat, in.cell(row, "seat_type"), agnostic, null, n);
                SeatDetails first = in.seatsByKey.putIfAbsent(Forums.seatKey(forum, seat), details);
                if (first != null
                        && (!Objects.equals(first.seatType(), details.seatType())
                                || !Objects.equals(first.professionallyAgnostic(), details.professionallyAgnostic()))) {
                    in.problems.add(Problem.at(
                            n,
                            Objects.equals(first.seatType(), details.seatType())
                                    ? "professionally_agnostic"
                                    : "seat_type",
                            "Seat " + seat + " on " + forum + " is described differently on row " + first.row()));
                }
            }
        }
        if (hasPerson && hasForum && !hasSeat) {
            in.problems.add(Problem.at(
                    n,
                    "seat",
                    "People are appointed to seats: enter the seat on " + forum
                            + ", or clear the forum columns for a person without an appointment"));
        }
        if (hasTerms && !(hasPerson && hasSeat)) {
            in.problems.add(
                    Problem.at(
                            n,
                            hasPerson ? "seat" : "person_ref",
                            "Start and end dates, route and hours belong to an appointment, which needs both a person and a seat"));
        }
        if (hasPerson && hasSeat) {
            LocalDate start = parseDate(in, row, "start_date");
            LocalDate end = parseDate(in, row, "end_date");
            BigDecimal protectedHours = parseHours(in, row, "protected_hours_per_week");
            BigDecimal used = parseHours(in, row, "hours_used_per_week");
            String route = in.cell(row, "route");
            boolean parsed = row.get("start_date") == null || start != null;
            if (parsed) {
                in.problems.addAll(Register.checkTerms(n, start, end, route, protectedHours, used));
            }
            if (ref != null && forum != null && seat != null && start != null) {
                String key = ref + "\u0000" + Forums.seatKey(forum, seat) + "\u0000" + start;
                Row first = in.rowsByKey.putIfAbsent(key, row);
                if (first != null) {
                    in.problems.add(Problem.at(
                            n,
                            "start_date",
                            ref + " is already appointed to " + seat + " on " + forum + " from " + start + " on row "
                                    + first.number()));
                } else {
                    in.appointments.add(row);
                }
            }
        }
    }

    private static Map<String, String> forumCells(ForumDetails f) {
        Map<String, String> cells = new HashMap<>();
        cells.put("level", f.level());
        cells.put("place", f.place());
        cells.put("neighbourhood", f.neighbourhood());
        cells.put("forum", f.name());
        cells.put("forum_kind", f.kind());
        cells.put("decision_rights", f.decisionRights());
        cells.put("reports_to", f.reportsTo());
        return cells;
    }

    private static Map<String, String> personCells(PersonDetails p) {
        Map<String, String> cells = new HashMap<>();
        cells.put("person_ref", p.personRef());
        cells.put("given_name", p.givenName());
        cells.put("family_name", p.familyName());
        cells.put("email", p.email());
        cells.put("profession", p.profession());
        cells.put("registration_number", p.registrationNumber());
        cells.put("employer", p.employer());
        cells.put("employer_ods", p.employerOds());
        cells.put("sector", p.sector());
        cells.put("career_stage", p.careerStage());
        return cells;
    }

    private static void conflicts(
            Reading in, int row, String what, int firstRow, Object first, Object again, List<String> columns) {
        Map<String, String> a = first instanceof PersonDetails p ? personCells(p) : (Map<String, String>) first;
        Map<String, String> b = again instanceof PersonDetails p ? personCells(p) : (Map<String, String>) again;
        for (String column : columns) {
            if (!Objects.equals(a.get(column), b.get(column))) {
                in.problems.add(Problem.at(
                        row,
                        column,
                        "Conflicting details for " + what + ": row " + firstRow
                                + " has '" + Objects.toString(a.get(column), "") + "' but this row has '"
                                + Objects.toString(b.get(column), "") + "'"));
            }
        }
    }

    private static LocalDate parseDate(Reading in, Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Dates.parse(value);
        } catch (DateTimeParseException e) {
            in.problems.add(
                    Problem.at(
                            row.number(),
                            column,
                            "'" + abbreviate(value)
                                    + "' is not a date from 1900-01-01 to 2200-12-31; write dates as YYYY-MM-DD, like 2026-04-01"));
            return null;
        }
    }

    private static BigDecimal parseHours(Reading in, Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            in.problems.add(Problem.at(
                    row.number(), column, "'" + abbreviate(value) + "' is not a number of hours, like 2 or 2.5"));
            return null;
        }
    }

    private static Boolean parseBoolean(Reading in, Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y" -> true;
            case "false", "no", "n" -> false;
            default -> {
                in.problems.add(Problem.at(row.number(), column, "'" + abbreviate(value) + "' is not true or false"));
                yield null;
            }
        };
    }

    private Outcome apply(List<Row> rows) {
        Reading in = new Reading();
        rows.forEach(r -> readRow(in, r));
        Forums.Merged structure =
                forums.merge(new ArrayList<>(in.forumsByName.values()), new ArrayList<>(in.seatsByKey.values()));
        Register.Merged people = register.mergePeople(new ArrayList<>(in.people.values()));
        List<Register.Tenure> tenures = new ArrayList<>();
        for (Row row : in.appointments) {
            String route = row.get("route");
            tenures.add(new Register.Tenure(
                    people.ids().get(unguard(row.get("person_ref"))),
                    structure.seatIds().get(Forums.seatKey(unguard(row.get("forum")), unguard(row.get("seat")))),
                    LocalDate.parse(row.get("start_date")),
                    row.get("end_date") == null ? null : LocalDate.parse(row.get("end_date")),
                    route,
                    hours(row.get("protected_hours_per_week")),
                    hours(row.get("hours_used_per_week"))));
        }
        int[] appointments = register.mergeTenures(tenures);
        return new Outcome(
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

    private static BigDecimal hours(String value) {
        return value == null ? null : new BigDecimal(value);
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
        List<Forum> forumList = forums.forums().stream()
                .filter(f -> footprint.covers(f.place()))
                .toList();
        Map<String, Forum> forumByName = new HashMap<>();
        Map<String, Integer> forumOrder = new HashMap<>();
        for (int i = 0; i < forumList.size(); i++) {
            forumByName.put(forumList.get(i).name(), forumList.get(i));
            forumOrder.put(forumList.get(i).name(), i);
        }
        List<Seat> seats = forums.seats().stream()
                .filter(s -> forumByName.containsKey(s.forum()))
                .toList();
        Map<Long, Person> people = new HashMap<>();
        register.people(footprint).forEach(p -> people.put(p.id(), p));
        List<Appointment> appointments = register.appointments(footprint);
        Set<Long> seatsHeld = appointments.stream().map(Appointment::seatId).collect(Collectors.toSet());
        Set<Long> peopleAppointed =
                appointments.stream().map(Appointment::personId).collect(Collectors.toSet());
        Set<String> forumsWithSeats = seats.stream().map(Seat::forum).collect(Collectors.toSet());
        Map<Long, Seat> seatById = new HashMap<>();
        seats.forEach(s -> seatById.put(s.id(), s));

        record Line(int forumOrder, String seat, String start, String ref, List<String> cells) {}
        List<Line> lines = new ArrayList<>();
        for (Appointment a : appointments) {
            Seat seat = seatById.get(a.seatId());
            Forum forum = forumByName.get(seat.forum());
            lines.add(new Line(
                    forumOrder.get(forum.name()),
                    seat.title(),
                    a.startDate().toString(),
                    a.personRef(),
                    line(people.get(a.personId()), forum, seat, a)));
        }
        for (Seat seat : seats) {
            if (!seatsHeld.contains(seat.id())) {
                Forum forum = forumByName.get(seat.forum());
                lines.add(new Line(forumOrder.get(forum.name()), seat.title(), "", "", line(null, forum, seat, null)));
            }
        }
        for (Forum forum : forumList) {
            if (!forumsWithSeats.contains(forum.name())) {
                lines.add(new Line(forumOrder.get(forum.name()), "", "", "", line(null, forum, null, null)));
            }
        }
        for (Person person : people.values()) {
            if (!peopleAppointed.contains(person.id())) {
                lines.add(new Line(Integer.MAX_VALUE, "", "", person.personRef(), line(person, null, null, null)));
            }
        }
        lines.sort(Comparator.comparingInt(Line::forumOrder)
                .thenComparing(Line::seat)
                .thenComparing(Line::start)
                .thenComparing(Line::ref));
        List<List<String>> table = new ArrayList<>();
        table.add(COLUMNS);
        lines.forEach(l -> table.add(l.cells()));
        return table;
    }

    private static List<String> line(Person p, Forum f, Seat s, Appointment a) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        if (p == null) {
            PERSON.forEach(c -> cells.add(""));
        } else {
            cells.addAll(List.of(
                    v(p.personRef()),
                    v(p.givenName()),
                    v(p.familyName()),
                    v(p.email()),
                    v(p.profession()),
                    v(p.registrationNumber()),
                    v(p.employer()),
                    v(p.employerOds()),
                    v(p.sector()),
                    v(p.careerStage())));
        }
        if (f == null) {
            FORUM.forEach(c -> cells.add(""));
        } else {
            cells.addAll(List.of(
                    v(f.level()),
                    v(f.place()),
                    v(f.neighbourhood()),
                    v(f.name()),
                    v(f.kind()),
                    v(f.decisionRights()),
                    v(f.reportsTo())));
        }
        if (s == null) {
            SEAT.forEach(c -> cells.add(""));
        } else {
            cells.addAll(List.of(v(s.title()), v(s.seatType()), String.valueOf(s.professionallyAgnostic())));
        }
        if (a == null) {
            TERMS.forEach(c -> cells.add(""));
        } else {
            cells.addAll(List.of(
                    a.startDate().toString(),
                    a.endDate() == null ? "" : a.endDate().toString(),
                    v(a.route()),
                    number(a.protectedHoursPerWeek()),
                    number(a.hoursUsedPerWeek())));
        }
        return cells;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A text cell, with an apostrophe before anything a spreadsheet would take for a formula. */
    private static String v(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && isFormulaStart(value.charAt(0)) ? "'" + value : value;
    }

    public String exportCsv() {
        return exportCsv(Footprint.wholeIcs());
    }

    public String exportCsv(Footprint footprint) {
        StringBuilder out = new StringBuilder();
        try (var printer =
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(out)) {
            for (List<String> row : exportRows(footprint)) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The register as a workbook with one sheet; every cell is text so that codes and dates stay as written. */
    public byte[] exportXlsx() {
        return exportXlsx(Footprint.wholeIcs());
    }

    public byte[] exportXlsx(Footprint footprint) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Golden Thread", "1.0");
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Register");
            List<List<String>> rows = exportRows(footprint);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (!value.isEmpty()) {
                        sheet.value(r, c, value);
                    }
                }
            }
            sheet.style(0, 0).bold().set();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads the first sheet of a workbook, header first; dates typed as dates become ISO dates. */
    public static List<List<String>> readXlsx(byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            List<org.dhatim.fastexcel.reader.Row> sheet =
                    workbook.getFirstSheet().read();
            List<String> header = List.of();
            int expected = 0;
            for (org.dhatim.fastexcel.reader.Row row : sheet) {
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                int width = rows.isEmpty() ? row.getCellCount() : Math.max(expected, row.getCellCount());
                List<String> cells = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    org.dhatim.fastexcel.reader.Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
                    String column = c < header.size() ? header.get(c) : "";
                    cells.add(cellText(cell, column));
                }
                if (rows.isEmpty()) {
                    header = cells.stream()
                            .map(h -> h.trim().toLowerCase(Locale.ROOT))
                            .toList();
                    expected = header.size();
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput(List.of(Problem.at(
                    1,
                    null,
                    "The file could not be read as an Excel workbook (.xlsx); save it as .xlsx or as CSV UTF-8")));
        }
        return rows;
    }

    private static String cellText(org.dhatim.fastexcel.reader.Cell cell, String column) {
        if (cell == null || cell.getType() == org.dhatim.fastexcel.reader.CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                && (column.equals("start_date") || column.equals("end_date"))) {
            // Excel keeps dates as days since 30 December 1899
            return LocalDate.of(1899, 12, 30)
                    .plusDays(cell.asNumber().longValue())
                    .toString();
        }
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA) {
            return "=" + cell.getFormula();
        }
        return cell.getText();
    }
}
