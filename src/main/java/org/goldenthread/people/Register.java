package org.goldenthread.people;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The leadership register of the ICS in scope: its people and their appointments to seats.
 * Every change is audited with the record before and after, because this is people data.
 */
@Service
public class Register {

    private static final BigDecimal MAX_PROTECTED = BigDecimal.valueOf(48);
    private static final BigDecimal MAX_USED = BigDecimal.valueOf(80);

    private static final String PEOPLE = """
            select id, person_ref, given_name, family_name, email, profession, registration_number, employer,
                   employer_ods, sector, career_stage
              from person""";

    private static final String APPOINTMENTS = """
            select a.id, a.person_id, p.person_ref, p.given_name || ' ' || p.family_name as person, p.profession,
                   p.career_stage, a.seat_id, s.forum, s.title as seat, a.start_date, a.end_date, a.route,
                   a.protected_hours_per_week, a.hours_used_per_week, a.funded_by, a.backfilled
              from appointment a
              join person p on p.id = a.person_id
              join seats_on_forums() s on s.id = a.seat_id""";

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Professions professions;
    private final Forums forums;
    private final ObjectMapper json;

    Register(JdbcClient jdbc, Audit audit, Professions professions, Forums forums, ObjectMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.professions = professions;
        this.forums = forums;
        this.json = json;
    }

    /*
     * A place lead sees the register of the places they lead. A person is in a place when they hold or
     * have held a seat on one of its forums (its place and neighbourhood forums and any other forum
     * placed there), or when their employer, by ODS code, is an organisation there: the same people
     * Insight counts as a place's own leaders. Appointments are in a place when their seat's forum is.
     * Places, seats, forums and organisations are the structure module's: read through the functions
     * it offers.
     */
    private static final String PLACES_IN_SIGHT = "select id from place_names() where lower(name) in (:places)";

    private static final String PEOPLE_IN_PLACES = """
            select a.person_id from appointment a
              join seats_on_forums() s on s.id = a.seat_id
             where s.place_id in (%1$s)
            union
            select pe.id from person pe
              join organisations_in_places() o on o.ods_code = pe.employer_ods
             where o.place_id in (%1$s)""".formatted(PLACES_IN_SIGHT);

    /** Every person in the ICS's register. */
    public List<Person> people() {
        return people(Footprint.wholeIcs());
    }

    /** The people in sight of this footprint. */
    public List<Person> people(Footprint footprint) {
        if (footprint.isWholeIcs()) {
            return jdbc.sql(PEOPLE + " order by family_name, given_name, person_ref")
                    .query(Person.class)
                    .list();
        }
        if (footprint.keys().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PEOPLE + " where id in (" + PEOPLE_IN_PLACES + ") order by family_name, given_name, person_ref")
                .param("places", footprint.keys())
                .query(Person.class)
                .list();
    }

    /** The people with these ids (those in the ICS), by id: for a programme or a set, not the whole register. */
    public Map<Long, Person> people(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Person> people = new LinkedHashMap<>();
        jdbc.sql(PEOPLE + " where id = any (:ids) order by family_name, given_name, person_ref")
                .param("ids", ids.toArray(Long[]::new))
                .query(Person.class)
                .list()
                .forEach(p -> people.put(p.id(), p));
        return people;
    }

    /**
     * The people with these references, ignoring case and surrounding spaces (those in the ICS): for
     * a file or a request that names a few people, not the whole register.
     */
    public List<Person> peopleByRef(Collection<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PEOPLE
                        + " where lower(trim(person_ref)) = any (:refs) order by family_name, given_name, person_ref")
                .param(
                        "refs",
                        refs.stream()
                                .map(r -> r.trim().toLowerCase(java.util.Locale.ROOT))
                                .distinct()
                                .toArray(String[]::new))
                .query(Person.class)
                .list();
    }

    public Person person(long id) {
        return person(id, Footprint.wholeIcs());
    }

    /** One person, answered as not found when they are outside the footprint, as if they were not there. */
    public Person person(long id, Footprint footprint) {
        java.util.Optional<Person> found;
        if (footprint.isWholeIcs()) {
            found = jdbc.sql(PEOPLE + " where id = :id")
                    .param("id", id)
                    .query(Person.class)
                    .optional();
        } else if (footprint.keys().isEmpty()) {
            found = java.util.Optional.empty();
        } else {
            found = jdbc.sql(PEOPLE + " where id = :id and id in (" + PEOPLE_IN_PLACES + ")")
                    .param("id", id)
                    .param("places", footprint.keys())
                    .query(Person.class)
                    .optional();
        }
        return found.orElseThrow(() -> new NotFound("No person with id " + id + " in this ICS"));
    }

    /**
     * The register entry with this email address, ignoring case: how a signed-in person finds their
     * own entry. Where two entries share an address, the one added first.
     */
    public java.util.Optional<Person> personByEmail(String email) {
        return jdbc.sql(PEOPLE + " where lower(email) = lower(:email) order by id limit 1")
                .param("email", email.trim())
                .query(Person.class)
                .optional();
    }

    public List<Appointment> appointments() {
        return appointments(Footprint.wholeIcs());
    }

    /** The appointments in sight of this footprint: those to seats on forums of its places. */
    public List<Appointment> appointments(Footprint footprint) {
        return inSight(APPOINTMENTS, "true", footprint, " order by s.forum, s.title, a.start_date, p.person_ref")
                .query(Appointment.class)
                .list();
    }

    public List<Appointment> appointmentsOf(long personId) {
        return appointmentsOf(personId, Footprint.wholeIcs());
    }

    public List<Appointment> appointmentsOf(long personId, Footprint footprint) {
        return inSight(APPOINTMENTS, "a.person_id = :person", footprint, " order by a.start_date desc, s.forum")
                .param("person", personId)
                .query(Appointment.class)
                .list();
    }

    private JdbcClient.StatementSpec inSight(String select, String condition, Footprint footprint, String order) {
        if (footprint.isWholeIcs()) {
            return jdbc.sql(select + " where " + condition + order);
        }
        if (footprint.keys().isEmpty()) {
            return jdbc.sql(select + " where false" + order);
        }
        return jdbc.sql(select + " where " + condition + " and s.place_id in (" + PLACES_IN_SIGHT + ")" + order)
                .param("places", footprint.keys());
    }

    public Appointment appointment(long id) {
        return jdbc.sql(APPOINTMENTS + " where a.id = :id")
                .param("id", id)
                .query(Appointment.class)
                .optional()
                .orElseThrow(() -> new NotFound("No appointment with id " + id + " in this ICS"));
    }

    /** What is wrong with a description of a person, field by field; empty when nothing is. */
    public List<Problem> check(PersonDetails raw) {
        PersonDetails p = raw.normalised();
        Integer row = p.row();
        List<Problem> problems = new ArrayList<>();
        if (p.personRef() == null) {
            problems.add(new Problem(row, "person_ref", "Enter a reference for this person, unique in the ICS"));
        } else if (p.personRef().length() > 60) {
            problems.add(new Problem(row, "person_ref", "A person reference must be 60 characters or fewer"));
        }
        if (p.givenName() == null) {
            problems.add(new Problem(row, "given_name", "Enter the person's given name"));
        } else if (p.givenName().length() > 100) {
            problems.add(new Problem(row, "given_name", "The given name must be 100 characters or fewer"));
        }
        if (p.familyName() == null) {
            problems.add(new Problem(row, "family_name", "Enter the person's family name"));
        } else if (p.familyName().length() > 100) {
            problems.add(new Problem(row, "family_name", "The family name must be 100 characters or fewer"));
        }
        if (p.email() != null && !p.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            problems.add(new Problem(row, "email", "'" + p.email() + "' is not an email address"));
        }
        Profession profession = professions.find(p.profession()).orElse(null);
        if (profession == null) {
            problems.add(new Problem(
                    row,
                    "profession",
                    p.profession() == null
                            ? "Enter the person's profession"
                            : "'" + p.profession() + "' is not a known profession code"));
        } else {
            String reason = profession.registrationProblem(p.registrationNumber());
            if (reason != null) {
                problems.add(new Problem(row, "registration_number", reason));
            }
        }
        if (p.employer() != null && p.employer().length() > 200) {
            problems.add(new Problem(row, "employer", "The employer's name must be 200 characters or fewer"));
        }
        if (p.employerOds() != null && !p.employerOds().matches("^[A-Z0-9]{3,10}$")) {
            problems.add(new Problem(
                    row, "employer_ods", "'" + p.employerOds() + "' is not an ODS code (3 to 10 letters and digits)"));
        }
        if (p.sector() != null && Coded.parse(Sector.class, p.sector()).isEmpty()) {
            problems.add(new Problem(
                    row, "sector", "'" + p.sector() + "' is not a sector; use " + Coded.choices(Sector.class)));
        }
        if (p.careerStage() != null
                && Coded.parse(CareerStage.class, p.careerStage()).isEmpty()) {
            problems.add(new Problem(
                    row,
                    "career_stage",
                    "'" + p.careerStage() + "' is not a career stage; use " + Coded.choices(CareerStage.class)));
        }
        return problems;
    }

    /** What is wrong with the terms of an appointment; the seat and person are checked by the caller. */
    static List<Problem> checkTerms(
            @Nullable Integer row,
            java.time.@Nullable LocalDate start,
            java.time.@Nullable LocalDate end,
            @Nullable String route,
            @Nullable BigDecimal protectedHours,
            @Nullable BigDecimal usedHours) {
        List<Problem> problems = new ArrayList<>();
        if (start == null) {
            problems.add(new Problem(row, "start_date", "Enter the date the appointment started"));
        } else if (end != null && end.isBefore(start)) {
            problems.add(new Problem(row, "end_date", "The end date " + end + " is before the start date " + start));
        }
        if (route != null && !route.isBlank() && Coded.parse(Route.class, route).isEmpty()) {
            problems.add(new Problem(
                    row, "route", "'" + route + "' is not a route into a seat; use " + Coded.choices(Route.class)));
        }
        checkHours(problems, row, "protected_hours_per_week", protectedHours, MAX_PROTECTED);
        checkHours(problems, row, "hours_used_per_week", usedHours, MAX_USED);
        return problems;
    }

    private static void checkHours(
            List<Problem> problems, @Nullable Integer row, String field, @Nullable BigDecimal hours, BigDecimal max) {
        if (hours == null) {
            return;
        }
        if (hours.signum() < 0 || hours.compareTo(max) > 0) {
            problems.add(new Problem(row, field, "Hours a week must be between 0 and " + max));
        } else if (hours.stripTrailingZeros().scale() > 1) {
            problems.add(new Problem(row, field, "Give hours a week to one decimal place at most, like 2.5"));
        }
    }

    @Transactional
    public Person addPerson(PersonDetails details) {
        List<Problem> problems = new ArrayList<>(check(details));
        String ref = PersonDetails.clean(details.personRef());
        if (ref != null && idsByRef().containsKey(ref)) {
            problems.add(Problem.of("person_ref", "Someone in this ICS already has the reference " + ref));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        // check() has refused a person without a reference
        return person(Objects.requireNonNull(mergePeople(List.of(details)).ids().get(ref)));
    }

    @Transactional
    public Person updatePerson(long id, PersonDetails details) {
        Person before = person(id);
        PersonDetails same = new PersonDetails(
                before.personRef(),
                details.givenName(),
                details.familyName(),
                details.email(),
                details.profession(),
                details.registrationNumber(),
                details.employer(),
                details.employerOds(),
                details.sector(),
                details.careerStage(),
                null);
        List<Problem> problems = check(same);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        mergePeople(List.of(same));
        return person(id);
    }

    @Transactional
    public Appointment appoint(long personId, AppointmentDetails d) {
        Person person = person(personId);
        List<Problem> problems = new ArrayList<>(checkTerms(
                null, d.startDate(), d.endDate(), d.route(), d.protectedHoursPerWeek(), d.hoursUsedPerWeek()));
        String seat = null;
        if (d.seatId() == null) {
            problems.add(Problem.of("seat_id", "Choose the seat"));
        } else {
            try {
                seat = forums.seat(d.seatId()).title();
            } catch (NotFound e) {
                problems.add(Problem.of("seat_id", "There is no seat with id " + d.seatId() + " in this ICS"));
            }
        }
        if (seat != null
                && d.startDate() != null
                && jdbc.sql("""
                        select count(*) > 0 from appointment where person_id = :person and seat_id = :seat
                           and start_date = :start""")
                        .param("person", personId)
                        .param("seat", d.seatId())
                        .param("start", d.startDate())
                        .query(Boolean.class)
                        .single()) {
            problems.add(Problem.of(
                    "start_date",
                    person.fullName() + " already has an appointment to this seat from " + d.startDate()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into appointment (ics_id, person_id, seat_id, start_date, end_date, route,
                                                 protected_hours_per_week, hours_used_per_week, funded_by, backfilled)
                        values (:ics, :person, :seat, :start, :end, :route, :protected, :used, :funded, :backfilled)
                        returning id""")
                .param("ics", Scope.currentTenant().id())
                .param("person", personId)
                .param("seat", d.seatId())
                .param("start", d.startDate())
                .param("end", d.endDate())
                .param("route", PersonDetails.clean(d.route()))
                .param("protected", d.protectedHoursPerWeek())
                .param("used", d.hoursUsedPerWeek())
                .param("funded", PersonDetails.clean(d.fundedBy()))
                .param("backfilled", d.backfilled())
                .query(Long.class)
                .single();
        Appointment created = appointment(id);
        audit.record("appointment.created", "appointment", id, null, created);
        return created;
    }

    /**
     * Changes the terms of an appointment: its end, route, protected time, time used, funding.
     * Fields left out (null) keep their value; the seat, person and start do not change.
     */
    @Transactional
    public Appointment changeTerms(long id, AppointmentDetails d) {
        Appointment before = appointment(id);
        java.time.LocalDate end = d.endDate() != null ? d.endDate() : before.endDate();
        String route = d.route() != null ? d.route() : before.route();
        BigDecimal protectedHours =
                d.protectedHoursPerWeek() != null ? d.protectedHoursPerWeek() : before.protectedHoursPerWeek();
        BigDecimal used = d.hoursUsedPerWeek() != null ? d.hoursUsedPerWeek() : before.hoursUsedPerWeek();
        List<Problem> problems = checkTerms(null, before.startDate(), end, route, protectedHours, used);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        update appointment set end_date = :end, route = :route, protected_hours_per_week = :protected,
                               hours_used_per_week = :used, funded_by = :funded, backfilled = :backfilled
                         where id = :id""")
                .param("end", end)
                .param("route", PersonDetails.clean(route))
                .param("protected", protectedHours)
                .param("used", used)
                .param("funded", d.fundedBy() != null ? PersonDetails.clean(d.fundedBy()) : before.fundedBy())
                .param("backfilled", d.backfilled() != null ? d.backfilled() : before.backfilled())
                .param("id", id)
                .update();
        Appointment after = appointment(id);
        audit.record("appointment.updated", "appointment", id, before, after);
        return after;
    }

    /**
     * Sets the hours used a week on an appointment, or clears them (null: not known), as a leader's own
     * time log decides them; {@link #changeTerms} keeps a value left out, so cannot clear one.
     */
    @Transactional
    public Appointment setHoursUsed(long id, @Nullable BigDecimal hours) {
        Appointment before = appointment(id);
        List<Problem> problems = new ArrayList<>();
        checkHours(problems, null, "hours_used_per_week", hours, MAX_USED);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("update appointment set hours_used_per_week = :used where id = :id")
                .param("used", hours)
                .param("id", id)
                .update();
        Appointment after = appointment(id);
        audit.record("appointment.updated", "appointment", id, before, after);
        return after;
    }

    Map<String, Long> idsByRef() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, person_ref from person")
                .query((rs, n) -> ids.put(rs.getString("person_ref"), rs.getLong("id")))
                .list();
        return ids;
    }

    /**
     * Adds the people described who are new and updates those whose details differ, auditing
     * each change. Descriptions must have passed {@link #check}.
     *
     * @return every person's id by reference, and how many were added or changed
     */
    @Transactional
    public Merged mergePeople(List<PersonDetails> described) {
        Map<String, Person> existing = new HashMap<>();
        jdbc.sql(PEOPLE).query(Person.class).list().forEach(p -> existing.put(p.personRef(), p));
        List<PersonDetails> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Audit.Change> changes = new ArrayList<>();
        for (PersonDetails raw : described) {
            PersonDetails p = raw.normalised().withoutRow();
            Person before = existing.get(p.personRef());
            if (before == null) {
                inserts.add(p);
            } else if (!before.details().equals(p)) {
                Map<String, Object> row = json.convertValue(p, LinkedHashMap.class);
                row.put("id", before.id());
                updates.add(row);
                changes.add(new Audit.Change("person.updated", "person", before.id(), before, p));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.sql("""
                            insert into person (ics_id, person_ref, given_name, family_name, email, profession,
                                                registration_number, employer, employer_ods, sector, career_stage)
                            select :ics, r.person_ref, r.given_name, r.family_name, r.email, r.profession,
                                   r.registration_number, r.employer, r.employer_ods, r.sector, r.career_stage
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(person_ref text, given_name text,
                                   family_name text, email text, profession text, registration_number text,
                                   employer text, employer_ods text, sector text, career_stage text)""")
                    .param("ics", Scope.currentTenant().id())
                    .param("rows", json.writeValueAsString(inserts))
                    .update();
        }
        if (!updates.isEmpty()) {
            jdbc.sql("""
                            update person p set given_name = r.given_name, family_name = r.family_name, email = r.email,
                                   profession = r.profession, registration_number = r.registration_number,
                                   employer = r.employer, employer_ods = r.employer_ods, sector = r.sector,
                                   career_stage = r.career_stage
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(id bigint, given_name text,
                                   family_name text, email text, profession text, registration_number text,
                                   employer text, employer_ods text, sector text, career_stage text)
                             where p.id = r.id""").param("rows", json.writeValueAsString(updates)).update();
        }
        Map<String, Long> ids = idsByRef();
        for (PersonDetails p : inserts) {
            changes.add(new Audit.Change("person.created", "person", ids.get(p.personRef()), null, p));
        }
        audit.recordAll(changes);
        return new Merged(ids, inserts.size(), updates.size());
    }

    public record Merged(Map<String, Long> ids, int added, int changed) {}

    /** An appointment as a register file row gives it: who, which seat, and its terms. */
    record Tenure(
            long personId,
            long seatId,
            java.time.LocalDate startDate,
            java.time.@Nullable LocalDate endDate,
            @Nullable String route,
            @Nullable BigDecimal protectedHoursPerWeek,
            @Nullable BigDecimal hoursUsedPerWeek) {}

    /**
     * Adds the appointments that are new (by person, seat and start date) and updates the terms of
     * those that differ; funding and backfill, which files do not carry, are left alone.
     *
     * @return how many were added and how many changed
     */
    int[] mergeTenures(List<Tenure> tenures) {
        record Key(long personId, long seatId, java.time.LocalDate start) {}
        Map<Key, Appointment> existing = new HashMap<>();
        jdbc.sql(APPOINTMENTS)
                .query(Appointment.class)
                .list()
                .forEach(a -> existing.put(new Key(a.personId(), a.seatId(), a.startDate()), a));
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Audit.Change> changes = new ArrayList<>();
        for (Tenure t : tenures) {
            Appointment before = existing.get(new Key(t.personId(), t.seatId(), t.startDate()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("person_id", t.personId());
            row.put("seat_id", t.seatId());
            row.put("start_date", t.startDate().toString());
            row.put("end_date", t.endDate() == null ? null : t.endDate().toString());
            row.put("route", t.route());
            row.put("protected_hours_per_week", t.protectedHoursPerWeek());
            row.put("hours_used_per_week", t.hoursUsedPerWeek());
            if (before == null) {
                inserts.add(row);
            } else if (!Objects.equals(before.endDate(), t.endDate())
                    || !Objects.equals(before.route(), t.route())
                    || !sameNumber(before.protectedHoursPerWeek(), t.protectedHoursPerWeek())
                    || !sameNumber(before.hoursUsedPerWeek(), t.hoursUsedPerWeek())) {
                row.put("id", before.id());
                updates.add(row);
                changes.add(new Audit.Change("appointment.updated", "appointment", before.id(), before, row));
            }
        }
        if (!inserts.isEmpty()) {
            Map<String, Map<String, Object>> inserted = new HashMap<>();
            inserts.forEach(
                    r -> inserted.put(r.get("person_id") + "/" + r.get("seat_id") + "/" + r.get("start_date"), r));
            jdbc.sql("""
                            insert into appointment (ics_id, person_id, seat_id, start_date, end_date, route,
                                                     protected_hours_per_week, hours_used_per_week)
                            select :ics, r.person_id, r.seat_id, r.start_date, r.end_date, r.route,
                                   r.protected_hours_per_week, r.hours_used_per_week
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(person_id bigint, seat_id bigint,
                                   start_date date, end_date date, route text, protected_hours_per_week numeric,
                                   hours_used_per_week numeric)
                            returning id, person_id, seat_id, start_date""")
                    .param("ics", Scope.currentTenant().id())
                    .param("rows", json.writeValueAsString(inserts))
                    .query((rs, n) -> new Audit.Change(
                            "appointment.created",
                            "appointment",
                            rs.getLong("id"),
                            null,
                            inserted.get(rs.getLong("person_id") + "/" + rs.getLong("seat_id") + "/"
                                    + rs.getDate("start_date"))))
                    .list()
                    .forEach(changes::add);
        }
        if (!updates.isEmpty()) {
            jdbc.sql("""
                            update appointment a set end_date = r.end_date, route = r.route,
                                   protected_hours_per_week = r.protected_hours_per_week,
                                   hours_used_per_week = r.hours_used_per_week
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(id bigint, end_date date, route text,
                                   protected_hours_per_week numeric, hours_used_per_week numeric)
                             where a.id = r.id""").param("rows", json.writeValueAsString(updates)).update();
        }
        audit.recordAll(changes);
        return new int[] {inserts.size(), updates.size()};
    }

    private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
