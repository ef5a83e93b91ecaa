package org.goldenthread.people;

import static org.goldenthread.people.RegisterFile.COLUMNS;
import static org.goldenthread.people.RegisterFile.FORUM;
import static org.goldenthread.people.RegisterFile.PERSON;
import static org.goldenthread.people.RegisterFile.SEAT;
import static org.goldenthread.people.RegisterFile.TERMS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.Footprint;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;

/**
 * Writes the register as the file, CSV or an Excel workbook: a row per appointment, then a row for each
 * seat never filled, each forum without seats and each person without an appointment, in a stable
 * order, so that importing what was exported changes nothing.
 */
final class RegisterExport {

    private final Register register;
    private final Forums forums;

    RegisterExport(Register register, Forums forums) {
        this.register = register;
        this.forums = forums;
    }

    /**
     * The part of the register in sight of a footprint: the forums of its places with their seats and
     * appointments, and the people in its places who hold none of those seats.
     */
    List<List<String>> exportRows(Footprint footprint) {
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
            Seat seat = within(seatById, a.seatId());
            Forum forum = within(forumByName, seat.forum());
            lines.add(new Line(
                    within(forumOrder, forum.name()),
                    seat.title(),
                    a.startDate().toString(),
                    a.personRef(),
                    line(within(people, a.personId()), forum, seat, a)));
        }
        for (Seat seat : seats) {
            if (!seatsHeld.contains(seat.id())) {
                Forum forum = within(forumByName, seat.forum());
                lines.add(new Line(
                        within(forumOrder, forum.name()), seat.title(), "", "", line(null, forum, seat, null)));
            }
        }
        for (Forum forum : forumList) {
            if (!forumsWithSeats.contains(forum.name())) {
                lines.add(new Line(within(forumOrder, forum.name()), "", "", "", line(null, forum, null, null)));
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

    /** Every appointment, seat and forum exported lies in the same footprint, so each finds what it refers to. */
    private static <K, V> V within(Map<K, V> map, K key) {
        return Objects.requireNonNull(map.get(key), () -> "nothing exported for " + key);
    }

    private static List<String> line(@Nullable Person p, @Nullable Forum f, @Nullable Seat s, @Nullable Appointment a) {
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
        return CsvText.cell(value);
    }

    String exportCsv(Footprint footprint) {
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

    byte[] exportXlsx(Footprint footprint) {
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
}
