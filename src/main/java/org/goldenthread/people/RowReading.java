package org.goldenthread.people;

import static org.goldenthread.people.FileRow.abbreviate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.ForumDetails;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.SeatDetails;
import org.jspecify.annotations.Nullable;

/**
 * The register file's values as the domain sees them, read row by row, with every problem found on
 * the way: the people, forums and seats it describes (each once, however many rows repeat it) and the
 * rows that appoint someone. Checking what the values say against the register and the map is the
 * import's part; this reads only what each row says and whether the rows agree with each other.
 */
final class RowReading {

    private static final int MAX_CELL = 1000;

    final List<Problem> problems = new ArrayList<>();
    final Map<String, PersonDetails> people = new LinkedHashMap<>();
    final Map<String, ForumDetails> forumsByName = new LinkedHashMap<>();
    final Map<String, SeatDetails> seatsByKey = new LinkedHashMap<>();
    final List<FileRow> appointments = new ArrayList<>();
    private final Map<String, Integer> personRow = new HashMap<>();
    private final Map<String, FileRow> rowsByKey = new HashMap<>();

    /** A cell's text, or null, with a problem for a value too long or one a spreadsheet would run. */
    @Nullable
    String cell(FileRow row, String column) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_CELL) {
            problems.add(Problem.at(row.number(), column, "The value is longer than " + MAX_CELL + " characters"));
            return null;
        }
        if (!RegisterFile.TYPED.contains(column) && CsvText.isFormulaStart(raw.charAt(0))) {
            problems.add(
                    Problem.at(
                            row.number(),
                            column,
                            "The value starts with '" + raw.charAt(0)
                                    + "', so a spreadsheet would run it as a formula; remove it, or put an apostrophe before it"));
            return null;
        }
        return CsvText.unguarded(raw);
    }

    /** Reads one row: a person, a forum, a seat, or an appointment of the person to the seat, or several. */
    void read(FileRow row) {
        boolean hasPerson = row.any(RegisterFile.PERSON);
        boolean hasForum = row.any(RegisterFile.FORUM);
        boolean hasSeat = row.any(RegisterFile.SEAT);
        boolean hasTerms = row.any(RegisterFile.TERMS);
        String ref = cell(row, "person_ref");
        String forum = cell(row, "forum");
        String seat = cell(row, "seat");
        if (hasPerson) {
            readPerson(row, ref);
        }
        if (hasForum || hasSeat) {
            readForum(row, forum);
        }
        if (hasSeat) {
            readSeat(row, forum, seat);
        }
        int n = row.number();
        if (hasPerson && hasForum && !hasSeat) {
            problems.add(Problem.at(
                    n,
                    "seat",
                    "People are appointed to seats: enter the seat on " + forum
                            + ", or clear the forum columns for a person without an appointment"));
        }
        if (hasTerms && !(hasPerson && hasSeat)) {
            problems.add(
                    Problem.at(
                            n,
                            hasPerson ? "seat" : "person_ref",
                            "Start and end dates, route and hours belong to an appointment, which needs both a person and a seat"));
        }
        if (hasPerson && hasSeat) {
            readAppointment(row, ref, forum, seat);
        }
    }

    private void readPerson(FileRow row, @Nullable String ref) {
        int n = row.number();
        PersonDetails person = new PersonDetails(
                ref,
                cell(row, "given_name"),
                cell(row, "family_name"),
                cell(row, "email"),
                cell(row, "profession"),
                cell(row, "registration_number"),
                cell(row, "employer"),
                cell(row, "employer_ods"),
                cell(row, "sector"),
                cell(row, "career_stage"),
                n);
        if (ref == null) {
            problems.add(Problem.at(n, "person_ref", "Enter a reference for this person, unique in the ICS"));
        } else if (!people.containsKey(ref)) {
            people.put(ref, person);
            personRow.put(ref, n);
        } else {
            conflicts(
                    n,
                    "person " + ref,
                    Objects.requireNonNull(personRow.get(ref), "kept with the person"),
                    personCells(people.get(ref).normalised()),
                    personCells(person.normalised()),
                    RegisterFile.PERSON);
        }
    }

    private void readForum(FileRow row, @Nullable String forum) {
        int n = row.number();
        if (forum == null) {
            problems.add(Problem.at(n, "forum", "Enter the name of the forum"));
            return;
        }
        ForumDetails details = new ForumDetails(
                forum,
                cell(row, "level"),
                cell(row, "forum_kind"),
                cell(row, "decision_rights"),
                cell(row, "place"),
                cell(row, "neighbourhood"),
                cell(row, "reports_to"),
                n);
        ForumDetails first = forumsByName.putIfAbsent(forum, details);
        if (first != null) {
            conflicts(
                    n,
                    "forum " + forum,
                    Objects.requireNonNull(first.row(), "read from a row"),
                    forumCells(first),
                    forumCells(details),
                    RegisterFile.FORUM);
        }
    }

    private void readSeat(FileRow row, @Nullable String forum, @Nullable String seat) {
        int n = row.number();
        if (seat == null) {
            problems.add(Problem.at(n, "seat", "Enter the title of the seat"));
        } else if (forum != null) {
            Boolean agnostic = parseBoolean(row, "professionally_agnostic");
            SeatDetails details = new SeatDetails(forum, seat, cell(row, "seat_type"), agnostic, null, null, n);
            SeatDetails first = seatsByKey.putIfAbsent(Forums.seatKey(forum, seat), details);
            if (first != null
                    && (!Objects.equals(first.seatType(), details.seatType())
                            || !Objects.equals(first.professionallyAgnostic(), details.professionallyAgnostic()))) {
                problems.add(Problem.at(
                        n,
                        Objects.equals(first.seatType(), details.seatType()) ? "professionally_agnostic" : "seat_type",
                        "Seat " + seat + " on " + forum + " is described differently on row " + first.row()));
            }
        }
    }

    private void readAppointment(FileRow row, @Nullable String ref, @Nullable String forum, @Nullable String seat) {
        int n = row.number();
        LocalDate start = parseDate(row, "start_date");
        LocalDate end = parseDate(row, "end_date");
        BigDecimal protectedHours = parseHours(row, "protected_hours_per_week");
        BigDecimal used = parseHours(row, "hours_used_per_week");
        String route = cell(row, "route");
        boolean parsed = row.get("start_date") == null || start != null;
        if (parsed) {
            problems.addAll(Register.checkTerms(n, start, end, route, protectedHours, used));
        }
        if (ref != null && forum != null && seat != null && start != null) {
            String key = ref + "\u0000" + Forums.seatKey(forum, seat) + "\u0000" + start;
            FileRow first = rowsByKey.putIfAbsent(key, row);
            if (first != null) {
                problems.add(Problem.at(
                        n,
                        "start_date",
                        ref + " is already appointed to " + seat + " on " + forum + " from " + start + " on row "
                                + first.number()));
            } else {
                appointments.add(row);
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

    private void conflicts(
            int row,
            String what,
            int firstRow,
            Map<String, String> first,
            Map<String, String> again,
            List<String> columns) {
        for (String column : columns) {
            if (!Objects.equals(first.get(column), again.get(column))) {
                problems.add(Problem.at(
                        row,
                        column,
                        "Conflicting details for " + what + ": row " + firstRow
                                + " has '" + Objects.toString(first.get(column), "") + "' but this row has '"
                                + Objects.toString(again.get(column), "") + "'"));
            }
        }
    }

    private @Nullable LocalDate parseDate(FileRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Dates.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(
                    Problem.at(
                            row.number(),
                            column,
                            "'" + abbreviate(value)
                                    + "' is not a date from 1900-01-01 to 2200-12-31; write dates as YYYY-MM-DD, like 2026-04-01"));
            return null;
        }
    }

    private @Nullable BigDecimal parseHours(FileRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(Problem.at(
                    row.number(), column, "'" + abbreviate(value) + "' is not a number of hours, like 2 or 2.5"));
            return null;
        }
    }

    private @Nullable Boolean parseBoolean(FileRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y" -> true;
            case "false", "no", "n" -> false;
            default -> {
                problems.add(Problem.at(row.number(), column, "'" + abbreviate(value) + "' is not true or false"));
                yield null;
            }
        };
    }
}
