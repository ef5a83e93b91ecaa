package org.goldenthread.development.time;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leader's own record of the time their system roles took, week by week, with a check-in on how
 * the week went. What they record sets each appointment's hours used a week on the register (the
 * average of the weeks recorded in the last quarter), which Insight sets against the time agreed.
 * A check-in is theirs alone: nobody else sees it, and it is not written to the audit log, whose
 * entries carry who and when.
 */
@Component
class TimeLog {

    /** The weeks open for recording: this one and this many before it. */
    static final int WEEKS_BACK = 3;
    /** The weeks an appointment's hours used are averaged over. */
    static final int QUARTER = 13;

    static final int MOST_HOURS = 80;
    static final int LONGEST_NOTE = 2000;

    /** One of the caller's roles (appointments) in a week they may record. */
    record Role(
            @JsonProperty("appointment_id") long appointmentId,
            String seat,
            String forum,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("end_date") @Nullable LocalDate endDate,

            @JsonProperty("protected_hours_per_week") @Nullable
            BigDecimal agreed,

            @JsonProperty("hours_used_per_week") @Nullable BigDecimal used) {

        public String name() {
            return seat + ", " + forum;
        }

        boolean heldIn(LocalDate monday) {
            return !startDate.isAfter(monday.plusDays(6)) && (endDate == null || !endDate.isBefore(monday));
        }
    }

    /** A week as recorded: hours per appointment and the check-in, if any. */
    record Week(
            @JsonProperty("week_starting") LocalDate starting,
            Map<Long, BigDecimal> hours,
            @Nullable String workload,
            @JsonProperty("time_kept") @Nullable String timeKept,
            @Nullable String note) {

        public BigDecimal total() {
            return hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A week as someone describes it in the form or the API, before it is checked. */
    record Recording(
            @Nullable String week,
            Map<Long, String> hours,
            @Nullable String workload,
            @JsonProperty("time_kept") @Nullable String timeKept,
            @Nullable String note) {}

    private final JdbcClient jdbc;
    private final Register register;
    private final Clock clock;

    TimeLog(JdbcClient jdbc, Register register, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
    }

    /** The caller's address, to which their check-ins show: see the migration's note on leader_email. */
    private static String leader() {
        return org.goldenthread.platform.Scope.currentCaller().email().strip().toLowerCase(java.util.Locale.ROOT);
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** This week and the {@link #WEEKS_BACK} before it, newest first. */
    List<LocalDate> openWeeks() {
        LocalDate monday = mondayOf(LocalDate.now(clock));
        List<LocalDate> weeks = new ArrayList<>();
        for (int i = 0; i <= WEEKS_BACK; i++) {
            weeks.add(monday.minusWeeks(i));
        }
        return weeks;
    }

    /** The person's appointments held in at least one open week, earliest started first. */
    List<Role> roles(Person person) {
        List<LocalDate> open = openWeeks();
        return register.appointmentsOf(person.id()).stream()
                .map(TimeLog::role)
                .filter(r -> open.stream().anyMatch(r::heldIn))
                .sorted(Comparator.comparing(Role::startDate).thenComparing(Role::forum))
                .toList();
    }

    static Role role(Appointment a) {
        return new Role(
                a.id(),
                a.seat(),
                a.forum(),
                a.startDate(),
                a.endDate(),
                a.protectedHoursPerWeek(),
                a.hoursUsedPerWeek());
    }

    /** The weeks the person recorded in the last quarter, newest first. */
    List<Week> recent(Person person) {
        LocalDate since = mondayOf(LocalDate.now(clock)).minusWeeks(QUARTER - 1L);
        Map<LocalDate, Map<Long, BigDecimal>> hours = new TreeMap<>(Comparator.reverseOrder());
        // the appointments are the people module's: their ids come through its API
        Long[] appointments = register.appointmentsOf(person.id()).stream()
                .map(Appointment::id)
                .toArray(Long[]::new);
        jdbc.sql("""
                        select week_starting, appointment_id, hours from time_entry
                         where appointment_id = any (:appointments) and week_starting >= :since""")
                .param("appointments", appointments)
                .param("since", since)
                .query((rs, n) -> hours.computeIfAbsent(
                                rs.getObject("week_starting", LocalDate.class), w -> new TreeMap<>())
                        .put(rs.getLong("appointment_id"), rs.getBigDecimal("hours")))
                .list();
        record CheckIn(
                LocalDate week,
                @Nullable String workload,
                @Nullable String timeKept,
                @Nullable String note) {}
        Map<LocalDate, CheckIn> checkIns = new TreeMap<>();
        jdbc.sql("""
                        select week_starting as week, workload, time_kept, note from wellbeing_check_in
                         where person_id = :person and leader_email = :leader and week_starting >= :since""")
                .param("person", person.id())
                .param("leader", leader())
                .param("since", since)
                .query(CheckIn.class)
                .list()
                .forEach(c -> checkIns.put(c.week(), c));
        checkIns.keySet().forEach(w -> hours.computeIfAbsent(w, x -> new TreeMap<>()));
        List<Week> weeks = new ArrayList<>();
        hours.forEach((week, h) -> {
            CheckIn c = checkIns.get(week);
            weeks.add(new Week(
                    week,
                    h,
                    c == null ? null : c.workload(),
                    c == null ? null : c.timeKept(),
                    c == null ? null : c.note()));
        });
        return weeks;
    }

    /** The week as recorded, or an empty one. */
    Week week(Person person, LocalDate monday) {
        return recent(person).stream()
                .filter(w -> w.starting().equals(monday))
                .findFirst()
                .orElse(new Week(monday, Map.of(), null, null, null));
    }

    /**
     * Records a week, replacing whatever was recorded for it, when every part of it is right;
     * nothing changes otherwise. Each role whose hours were given or cleared has its hours used a
     * week set again from the weeks recorded in the last quarter.
     */
    @Transactional
    Week record(Person person, Recording recording) {
        List<Problem> problems = new ArrayList<>();
        LocalDate monday = week(recording.week(), problems);
        List<Role> roles = roles(person);
        Map<Long, BigDecimal> hours = new LinkedHashMap<>();
        recording.hours().forEach((id, text) -> {
            String field = "hours-" + id;
            Role role = roles.stream()
                    .filter(r -> r.appointmentId() == id)
                    .findFirst()
                    .orElse(null);
            if (role == null) {
                problems.add(Problem.of(
                        field, "Appointment " + id + " is not one of your roles in the weeks open to record"));
                return;
            }
            BigDecimal h = hours(field, role, text, problems);
            if (h == null) {
                return;
            }
            if (monday != null && !role.heldIn(monday)) {
                problems.add(Problem.of(
                        field, "You did not hold " + role.name() + " in the week starting " + Dates.day(monday)));
                return;
            }
            hours.put(id, h);
        });
        BigDecimal total = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.valueOf(MOST_HOURS)) > 0) {
            problems.add(Problem.of(
                    "hours-"
                            + roles.stream()
                                    .map(Role::appointmentId)
                                    .filter(hours::containsKey)
                                    .findFirst()
                                    .orElseThrow(),
                    "Together these come to " + total.stripTrailingZeros().toPlainString()
                            + " hours; a week's time in system roles can be " + MOST_HOURS + " hours at most"));
        }
        String workload = code(Workload.class, "workload", recording.workload(), problems);
        String timeKept = code(TimeKept.class, "time_kept", recording.timeKept(), problems);
        String note = blankToNull(recording.note());
        if (note != null && note.length() > LONGEST_NOTE) {
            problems.add(
                    Problem.of("note", "Keep your note to " + LONGEST_NOTE + " characters; it has " + note.length()));
        }
        if (problems.isEmpty() && hours.isEmpty() && workload == null && timeKept == null && note == null) {
            problems.add(Problem.of(
                    roles.isEmpty() ? "workload" : "hours-" + roles.get(0).appointmentId(),
                    "Give the hours for at least one role, or answer the check-in"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Objects.requireNonNull(monday);
        List<Long> held = roles.stream()
                .filter(r -> r.heldIn(monday))
                .map(Role::appointmentId)
                .toList();
        // the roles whose hours this week had, or now have, each settled again below
        java.util.Set<Long> touched = new java.util.HashSet<>(hours.keySet());
        touched.addAll(jdbc.sql("""
                        delete from time_entry where week_starting = :week and appointment_id = any (:held)
                        returning appointment_id""")
                .param("week", monday)
                .param("held", held.toArray(Long[]::new))
                .query(Long.class)
                .list());
        hours.forEach((id, h) -> jdbc.sql("""
                        insert into time_entry (appointment_id, week_starting, hours) values (:id, :week, :hours)""")
                .param("id", id)
                .param("week", monday)
                .param("hours", h)
                .update());
        jdbc.sql("""
                        delete from wellbeing_check_in
                         where person_id = :person and leader_email = :leader and week_starting = :week""")
                .param("person", person.id())
                .param("leader", leader())
                .param("week", monday)
                .update();
        if (workload != null || timeKept != null || note != null) {
            jdbc.sql("""
                            insert into wellbeing_check_in (person_id, leader_email, week_starting, workload, time_kept, note)
                            values (:person, :leader, :week, :workload, :kept, :note)""")
                    .param("person", person.id())
                    .param("leader", leader())
                    .param("week", monday)
                    .param("workload", workload)
                    .param("kept", timeKept)
                    .param("note", note)
                    .update();
        }
        roles.stream().filter(r -> touched.contains(r.appointmentId())).forEach(this::settle);
        return week(person, monday);
    }

    /**
     * Sets the register's hours used a week from the weeks recorded in the last quarter; with none left
     * there (the last one cleared), the figure is not known rather than one the leader took back.
     */
    void settle(Role role) {
        LocalDate since = mondayOf(LocalDate.now(clock)).minusWeeks(QUARTER - 1L);
        BigDecimal average = jdbc.sql("""
                        select avg(hours) from time_entry where appointment_id = :id and week_starting >= :since""")
                .param("id", role.appointmentId())
                .param("since", since)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        BigDecimal used = average == null ? null : average.setScale(1, RoundingMode.HALF_UP);
        boolean same = used == null
                ? role.used() == null
                : role.used() != null && role.used().compareTo(used) == 0;
        if (!same) {
            register.setHoursUsed(role.appointmentId(), used);
        }
    }

    private @Nullable LocalDate week(@Nullable String text, List<Problem> problems) {
        String given = blankToNull(text);
        if (given == null) {
            problems.add(Problem.of("week", "Choose the week you are recording"));
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("week", "'" + given + "' is not a date; give the week's Monday as year-month-day"));
            return null;
        }
        List<LocalDate> open = openWeeks();
        if (!open.contains(day)) {
            problems.add(Problem.of(
                    "week",
                    "You can record the week starting " + Dates.day(open.get(0)) + " or one of the " + WEEKS_BACK
                            + " before it; " + Dates.day(day) + " is not one of them"));
            return null;
        }
        return day;
    }

    private static @Nullable BigDecimal hours(String field, Role role, @Nullable String text, List<Problem> problems) {
        String given = blankToNull(text);
        if (given == null) {
            return null;
        }
        BigDecimal h;
        try {
            h = new BigDecimal(given);
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "Enter the hours for " + role.name() + " as a number, like 3 or 2.5"));
            return null;
        }
        if (h.signum() < 0 || h.compareTo(BigDecimal.valueOf(MOST_HOURS)) > 0) {
            problems.add(Problem.of(field, "Hours for " + role.name() + " must be between 0 and " + MOST_HOURS));
            return null;
        }
        if (h.stripTrailingZeros().scale() > 1) {
            problems.add(
                    Problem.of(field, "Give the hours for " + role.name() + " to one decimal place at most, like 2.5"));
            return null;
        }
        return h;
    }

    private static <E extends Enum<E> & Coded> @Nullable String code(
            Class<E> type, String field, @Nullable String text, List<Problem> problems) {
        String given = blankToNull(text);
        if (given == null) {
            return null;
        }
        return Coded.parse(type, given).map(Coded::code).orElseGet(() -> {
            problems.add(Problem.of(field, "'" + given + "' is not an answer here; use " + Coded.choices(type)));
            return null;
        });
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
