package org.goldenthread.development.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's time log: about two in three leaders with a role recorded most weeks of the last
 * twenty, near the time agreed but often under it, and checked in on most of them, so that the
 * register's time used and the monthly figures have something to show.
 */
@Component
class DemoTime {

    static final int WEEKS = 20;

    private final Register register;
    private final TimeLog log;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoTime(Register register, TimeLog log, JdbcClient jdbc, Clock clock) {
        this.register = register;
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Order(7)
    void on(DemoIcsCreated event) {
        new Scope(event.people().get(0), event.tenant(), false).run(this::record);
        event.partLoaded();
    }

    private void record() {
        Random random = new Random(20261203L);
        LocalDate thisWeek = TimeLog.mondayOf(LocalDate.now(clock));
        List<Appointment> appointments = new ArrayList<>(register.appointments());
        appointments.sort(Comparator.comparing(Appointment::id));
        List<Long> recorders = appointments.stream()
                .map(Appointment::personId)
                .distinct()
                .filter(p -> Math.floorMod(p * 7919, 3) != 0)
                .toList();
        List<String> ids = new ArrayList<>();
        List<String> weeks = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        List<TimeLog.Role> recorded = new ArrayList<>();
        for (Appointment a : appointments) {
            if (!recorders.contains(a.personId())) {
                continue;
            }
            TimeLog.Role role = TimeLog.role(a);
            double agreed = a.protectedHoursPerWeek() == null
                    ? 1.0
                    : a.protectedHoursPerWeek().doubleValue();
            boolean any = false;
            for (int w = 1; w <= WEEKS; w++) {
                LocalDate monday = thisWeek.minusWeeks(w);
                if (!role.heldIn(monday) || random.nextInt(10) < 2) {
                    continue;
                }
                // most weeks give the role less than agreed: the day job wins
                double h = Math.max(0, agreed * (0.3 + random.nextDouble() * 0.9));
                ids.add(String.valueOf(a.id()));
                weeks.add(monday.toString());
                hours.add(
                        BigDecimal.valueOf(h).setScale(1, RoundingMode.HALF_UP).toPlainString());
                any = true;
            }
            if (any) {
                recorded.add(role);
            }
        }
        jdbc.sql("""
                        insert into time_entry (appointment_id, week_starting, hours)
                        select * from unnest(cast(:ids as bigint[]), cast(:weeks as date[]), cast(:hours as numeric[]))""")
                .param("ids", ids.toArray(String[]::new))
                .param("weeks", weeks.toArray(String[]::new))
                .param("hours", hours.toArray(String[]::new))
                .update();
        recorded.forEach(log::settle);
        checkIns(recorders, thisWeek, random);
    }

    /** A check-in shows to its leader's address; demo people without one have a made-up one. */
    static String address(org.goldenthread.people.Person p) {
        return p.email() == null
                ? p.personRef().toLowerCase(java.util.Locale.ROOT) + "@demo.invalid"
                : p.email().toLowerCase(java.util.Locale.ROOT);
    }

    private void checkIns(List<Long> people, LocalDate thisWeek, Random random) {
        Workload[] workloads = {
            Workload.MANAGEABLE,
            Workload.MANAGEABLE,
            Workload.STRETCHED,
            Workload.STRETCHED,
            Workload.STRETCHED,
            Workload.UNMANAGEABLE
        };
        TimeKept[] kept = {TimeKept.FULLY, TimeKept.PARTLY, TimeKept.PARTLY, TimeKept.PARTLY, TimeKept.NOT_AT_ALL};
        java.util.Map<Long, String> addresses = new java.util.HashMap<>();
        register.people(people).forEach((id, p) -> addresses.put(id, address(p)));
        List<String> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> weeks = new ArrayList<>();
        List<String> workload = new ArrayList<>();
        List<String> timeKept = new ArrayList<>();
        for (long person : people) {
            for (int w = 1; w <= WEEKS; w++) {
                if (random.nextInt(10) < 4) {
                    continue;
                }
                ids.add(String.valueOf(person));
                emails.add(addresses.getOrDefault(person, "nobody@demo.invalid"));
                weeks.add(thisWeek.minusWeeks(w).toString());
                workload.add(workloads[random.nextInt(workloads.length)].code());
                timeKept.add(kept[random.nextInt(kept.length)].code());
            }
        }
        jdbc.sql("""
                        insert into wellbeing_check_in (person_id, leader_email, week_starting, workload, time_kept)
                        select * from unnest(cast(:ids as bigint[]), cast(:emails as text[]), cast(:weeks as date[]),
                                             cast(:workload as text[]), cast(:kept as text[]))""")
                .param("emails", emails.toArray(String[]::new))
                .param("ids", ids.toArray(String[]::new))
                .param("weeks", weeks.toArray(String[]::new))
                .param("workload", workload.toArray(String[]::new))
                .param("kept", timeKept.toArray(String[]::new))
                .update();
    }
}
