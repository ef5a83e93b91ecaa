package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.people.RegisterFile;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Progress;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's participants as a CSV file, {@code person_ref,role,capacity,preferences}. Every
 * person must already be in the register. A file is all or nothing, and it replaces the
 * participant list: people not in it leave the programme, people in it take the role, capacity and
 * preferences it gives, and locks and forbidden pairs stay for people still in the same roles.
 */
@Component
class ParticipantFile {

    static final List<String> COLUMNS = List.of("person_ref", "role", "capacity", "preferences");
    static final int MAX_PREFERENCES = 5;
    static final int MAX_ROWS = 20_000;

    /** One participant as the file gives them, checked. */
    record Entry(
            int row, Person person, String role, @Nullable Integer capacity, List<String> preferences) {}

    /** What an import did. */
    record Imported(
            int mentors,
            int mentees,
            int preferences,
            @JsonProperty("participants_version") int participantsVersion) {}

    private final JdbcClient jdbc;
    private final Register register;
    private final Programmes programmes;
    private final Audit audit;

    ParticipantFile(JdbcClient jdbc, Register register, Programmes programmes, Audit audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.programmes = programmes;
        this.audit = audit;
    }

    /** Reads and imports a CSV file, replacing the participants; refused whole, with every problem, if any row is wrong. */
    @Transactional
    Imported importCsv(long programmeId, byte[] csv) {
        return importCsv(programmeId, csv, Progress.NONE);
    }

    /** As above, reporting the rows read, checked and stored as it goes. */
    @Transactional
    Imported importCsv(long programmeId, byte[] csv, Progress progress) {
        Programmes.Programme programme = programmes.lock(programmeId);
        List<List<String>> table = RegisterFile.readCsv(csv);
        int rows = Math.max(0, table.size() - 1);
        progress.expect(rows);
        progress.read(rows);
        List<Entry> entries = check(table, people(table), programme);
        progress.checked(rows);
        Imported imported = replace(programmeId, entries);
        progress.stored(rows);
        audit.record("import", "programme_participants", programmeId, null, imported);
        return imported;
    }

    /**
     * Adds one person from the register to the participants, checked exactly as a file with the
     * present participants and this person in it would be.
     */
    @Transactional
    Imported add(long programmeId, String personRef, String role, String capacity, String preferences) {
        Programmes.Programme programme = programmes.lock(programmeId);
        boolean exchange = isExchange(programme);
        List<List<String>> table = new ArrayList<>();
        table.add(COLUMNS);
        for (Programmes.Participant p : programmes.participants(programmeId)) {
            table.add(List.of(
                    p.personRef(),
                    exchange ? ExchangeSides.sideOf(p.role()) : p.role(),
                    p.capacity() == null ? "" : p.capacity().toString(),
                    String.join(";", p.preferences())));
        }
        int newRow = table.size() + 1;
        table.add(List.of(personRef, role, capacity, preferences));
        List<Entry> entries;
        try {
            entries = check(table, people(table), programme);
        } catch (InvalidInput e) {
            // The form shows the new person's problems by field; problems elsewhere cannot be theirs.
            throw new InvalidInput(e.problems().stream()
                    .filter(p -> p.row() == null || p.row() == newRow)
                    .map(p -> Problem.of(p.field(), p.reason()))
                    .toList());
        }
        Imported imported = replace(programmeId, entries);
        audit.record("add", "programme_participant", programmeId, null, Map.of("person_ref", personRef.trim()));
        return imported;
    }

    /** The register's entries for the people a file names, in either column that names them, by lower-case reference. */
    private Map<String, Person> people(List<List<String>> table) {
        java.util.Set<String> refs = new java.util.HashSet<>();
        if (!table.isEmpty()) {
            List<String> header = table.get(0).stream()
                    .map(name -> name.trim().toLowerCase(Locale.ROOT))
                    .toList();
            for (int at : List.of(header.indexOf("person_ref"), header.indexOf("preferences"))) {
                for (List<String> values : table.subList(1, table.size())) {
                    if (at >= 0 && at < values.size()) {
                        Arrays.stream(values.get(at).split(";"))
                                .filter(ref -> !ref.isBlank())
                                .forEach(refs::add);
                    }
                }
            }
        }
        Map<String, Person> byRef = new HashMap<>();
        register.peopleByRef(refs).forEach(p -> byRef.put(p.personRef().trim().toLowerCase(Locale.ROOT), p));
        return byRef;
    }

    private static List<Entry> check(
            List<List<String>> table, Map<String, Person> people, Programmes.Programme programme) {
        return isExchange(programme)
                ? ExchangeSides.check(table, t -> check(t, people, false))
                : check(table, people, takesMembers(programme));
    }

    private static boolean isExchange(Programmes.Programme programme) {
        return programme.kind().equals(ProgrammeKind.EXCHANGE.code());
    }

    /** An action learning programme's participants are members of sets; every other kind pairs mentors and mentees. */
    private static boolean takesMembers(Programmes.Programme programme) {
        return programme.kind().equals(ProgrammeKind.ACTION_LEARNING.code());
    }

    /**
     * Refuses a file of the wrong shape (empty, a bad header, too many rows) before any row is read,
     * so the API can answer it at once whatever the file's size; gives the header's columns.
     */
    static Map<String, Integer> shape(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new InvalidInput(List.of(
                    Problem.at(1, null, "The file is empty; it needs the header row " + String.join(",", COLUMNS))));
        }
        Map<String, Integer> column = header(table.get(0));
        if (table.size() - 1 > MAX_ROWS) {
            throw new InvalidInput(List.of(Problem.at(
                    MAX_ROWS + 2, null, "A participants file has at most " + MAX_ROWS + " rows after the header")));
        }
        return column;
    }

    /**
     * Every problem in the table (header first), in row order; or the participants it describes.
     * With {@code members} (an action learning programme) the one role is {@code member}, with no
     * capacity or preferences; otherwise {@code mentor} and {@code mentee}.
     */
    static List<Entry> check(List<List<String>> table, Map<String, Person> people, boolean members) {
        Map<String, Integer> column = shape(table);
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<Long, Integer> rowOfPerson = new HashMap<>();
        Map<Long, String> roleOfPerson = new HashMap<>();
        for (int i = 1; i < table.size(); i++) {
            int row = i + 1;
            List<String> values = table.get(i);
            if (values.size() != COLUMNS.size()) {
                problems.add(Problem.at(
                        row,
                        null,
                        "The row has " + Plurals.of(values.size(), "value") + " but the header has " + COLUMNS.size()));
                continue;
            }
            String ref = cell(values, column, "person_ref").trim();
            String role = cell(values, column, "role").trim().toLowerCase(Locale.ROOT);
            String capacityText = cell(values, column, "capacity").trim();
            String preferenceText = cell(values, column, "preferences").trim();
            int before = problems.size();
            Person person = null;
            if (ref.isEmpty()) {
                problems.add(Problem.at(row, "person_ref", "Give the person's reference from the register"));
            } else {
                person = people.get(ref.toLowerCase(Locale.ROOT));
                if (person == null) {
                    problems.add(Problem.at(
                            row,
                            "person_ref",
                            "'" + ref + "' is not in the register; add them to the register first, then import this"
                                    + " file again"));
                }
            }
            if (members && !role.equals("member")) {
                problems.add(Problem.at(
                        row,
                        "role",
                        role.isEmpty()
                                ? "Give the role: member"
                                : "'" + role + "' is not a role in an action learning programme; use member"));
            } else if (!members && !role.equals("mentor") && !role.equals("mentee")) {
                problems.add(Problem.at(
                        row,
                        "role",
                        role.isEmpty()
                                ? "Give the role: mentor or mentee"
                                : "'" + role + "' is not a role; use mentor or mentee"
                                        + (role.equals("member")
                                                ? " (member is for action learning programmes)"
                                                : "")));
            }
            Integer capacity = null;
            if (role.equals("mentee") && !capacityText.isEmpty()) {
                problems.add(
                        Problem.at(row, "capacity", "Leave capacity blank for a mentee; only mentors have places"));
            } else if (role.equals("mentor")) {
                capacity = capacity(row, capacityText, problems);
            }
            List<String> listed = preferenceText.isEmpty()
                    ? List.of()
                    : Arrays.stream(preferenceText.split(";", -1))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
            if (role.equals("member") && !capacityText.isEmpty()) {
                problems.add(
                        Problem.at(row, "capacity", "Leave capacity blank for a member of an action learning set"));
            }
            if (role.equals("member") && !listed.isEmpty()) {
                problems.add(Problem.at(
                        row, "preferences", "Leave preferences blank for a member of an action learning set"));
            }
            if (role.equals("mentor") && !listed.isEmpty()) {
                problems.add(Problem.at(row, "preferences", "Leave preferences blank for a mentor; only mentees rank"));
            }
            if (listed.size() > MAX_PREFERENCES) {
                problems.add(Problem.at(
                        row,
                        "preferences",
                        "Lists " + listed.size() + " mentors; a mentee ranks at most " + MAX_PREFERENCES));
            }
            if (person != null) {
                Integer earlier = rowOfPerson.putIfAbsent(person.id(), row);
                if (earlier != null) {
                    // recorded together with the earlier row
                    String earlierRole = Objects.requireNonNull(roleOfPerson.get(person.id()));
                    problems.add(Problem.at(
                            row,
                            "person_ref",
                            earlierRole.equals(role)
                                    ? "'" + ref + "' is already on row " + earlier + "; list each person once"
                                    : "'" + ref + "' is already a " + earlierRole + " on row " + earlier
                                            + "; a person takes one role in a programme"));
                } else {
                    roleOfPerson.put(person.id(), role);
                }
            }
            if (problems.size() == before && person != null) {
                entries.add(new Entry(row, person, role, capacity, listed));
            }
        }
        checkPreferences(table, column, people, roleOfPerson, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(ordered(problems));
        }
        return entries;
    }

    /** A row's value in a column; header(..) refused any file missing one of COLUMNS. */
    private static String cell(List<String> values, Map<String, Integer> column, String name) {
        return values.get(Objects.requireNonNull(column.get(name), name));
    }

    private static Map<String, Integer> header(List<String> names) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(Problem.at(
                        1,
                        name.isEmpty()
                                ? "(column " + (i + 1) + ")"
                                : names.get(i).trim(),
                        "This is not a column of the participants file; the header is " + String.join(",", COLUMNS)));
            } else if (column.putIfAbsent(name, i) != null) {
                problems.add(Problem.at(1, name, "This column appears twice in the header"));
            }
        }
        for (String wanted : COLUMNS) {
            if (!column.containsKey(wanted)) {
                problems.add(Problem.at(1, wanted, "This column is missing from the header"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return column;
    }

    private static @Nullable Integer capacity(int row, String text, List<Problem> problems) {
        if (text.isEmpty()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.at(row, "capacity", "'" + text + "' is not a capacity; give a whole number from 1 to 10"));
        return null;
    }

    /** Each mentee's list names mentors of this file, once each, and never the mentee. */
    private static void checkPreferences(
            List<List<String>> table,
            Map<String, Integer> column,
            Map<String, Person> people,
            Map<Long, String> roleOfPerson,
            List<Problem> problems) {
        for (int i = 1; i < table.size(); i++) {
            List<String> values = table.get(i);
            if (values.size() != COLUMNS.size()
                    || !cell(values, column, "role").trim().equalsIgnoreCase("mentee")) {
                continue;
            }
            int row = i + 1;
            String self = cell(values, column, "person_ref").trim();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String listed : cell(values, column, "preferences").split(";", -1)) {
                String ref = listed.trim();
                if (ref.isEmpty()) {
                    continue;
                }
                Person mentor = people.get(ref.toLowerCase(Locale.ROOT));
                if (!seen.add(ref.toLowerCase(Locale.ROOT))) {
                    problems.add(Problem.at(row, "preferences", "Lists '" + ref + "' twice; rank each mentor once"));
                } else if (ref.equalsIgnoreCase(self)) {
                    problems.add(Problem.at(row, "preferences", "A mentee cannot list themselves as a mentor"));
                } else if (mentor == null) {
                    problems.add(Problem.at(
                            row,
                            "preferences",
                            "'" + ref + "' is not in the register; add them to the register and to this file as a"
                                    + " mentor first"));
                } else if (!"mentor".equals(roleOfPerson.get(mentor.id()))) {
                    problems.add(Problem.at(
                            row,
                            "preferences",
                            "'" + ref + "' is not a mentor in this file"
                                    + (roleOfPerson.containsKey(mentor.id()) ? " (they are a mentee)" : "")));
                }
            }
        }
    }

    private static List<Problem> ordered(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing((Problem p) -> p.row() == null ? 0 : p.row())
                .thenComparing(p -> p.field() == null ? -1 : COLUMNS.indexOf(p.field())));
        return sorted;
    }

    /** Replaces the participant list with these entries, keeping the ids (and so the rules) of people who stay. */
    private Imported replace(long programmeId, List<Entry> entries) {
        List<Long> staying = entries.stream().map(e -> e.person().id()).toList();
        jdbc.sql("delete from programme_participant where programme_id = :p"
                        + (staying.isEmpty() ? "" : " and person_id not in (:staying)"))
                .param("p", programmeId)
                .param("staying", staying.isEmpty() ? List.of(-1L) : staying)
                .update();
        Map<Long, Long> participantOf = new LinkedHashMap<>();
        for (Entry e : entries) {
            long id = jdbc.sql("""
                            insert into programme_participant (programme_id, person_id, role, capacity)
                            values (:p, :person, :role, :capacity)
                            on conflict (programme_id, person_id)
                            do update set role = excluded.role, capacity = excluded.capacity
                            returning id""")
                    .param("p", programmeId)
                    .param("person", e.person().id())
                    .param("role", e.role())
                    .param("capacity", e.capacity())
                    .query(Long.class)
                    .single();
            participantOf.put(e.person().id(), id);
        }
        // a rule holds only between a mentor and a mentee
        jdbc.sql("""
                        delete from pairing_rule r
                         where r.programme_id = :p
                           and (not exists (select 1 from programme_participant m where m.id = r.mentor_id and m.role = 'mentor')
                             or not exists (select 1 from programme_participant e where e.id = r.mentee_id and e.role = 'mentee'))""").param("p", programmeId).update();
        jdbc.sql("""
                        delete from participant_preference pp
                         using programme_participant me
                         where me.id = pp.participant_id and me.programme_id = :p""").param("p", programmeId).update();
        Map<String, Long> mentorByRef = new HashMap<>();
        entries.stream()
                .filter(e -> e.role().equals("mentor"))
                .forEach(e -> mentorByRef.put(
                        e.person().personRef().trim().toLowerCase(Locale.ROOT),
                        participantOf.get(e.person().id())));
        List<Long> participant = new ArrayList<>();
        List<Integer> rank = new ArrayList<>();
        List<Long> mentor = new ArrayList<>();
        for (Entry e : entries) {
            for (int i = 0; i < e.preferences().size(); i++) {
                participant.add(participantOf.get(e.person().id()));
                rank.add(i + 1);
                mentor.add(mentorByRef.get(e.preferences().get(i).toLowerCase(Locale.ROOT)));
            }
        }
        if (!participant.isEmpty()) {
            jdbc.sql("""
                            insert into participant_preference (participant_id, rank, mentor_id)
                            select * from unnest(cast(:participants as bigint[]), cast(:ranks as int[]),
                                                 cast(:mentors as bigint[]))""")
                    .param("participants", participant.toArray(new Long[0]))
                    .param("ranks", rank.toArray(new Integer[0]))
                    .param("mentors", mentor.toArray(new Long[0]))
                    .update();
        }
        programmes.changed(programmeId);
        int mentors =
                (int) entries.stream().filter(e -> e.role().equals("mentor")).count();
        return new Imported(
                mentors,
                entries.size() - mentors,
                participant.size(),
                programmes.get(programmeId).participantsVersion());
    }
}
