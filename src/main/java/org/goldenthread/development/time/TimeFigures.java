package org.goldenthread.development.time;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Time and wellbeing across the ICS, or the places a lead sees, month by month: how many people
 * recorded time, the hours they recorded against those agreed, and how their check-ins answered.
 *
 * <p>A month is shown only once nobody can record a week that starts in it any more (from the first
 * day of the month after next), so its figures never move afterwards: figures that moved as one
 * more person checked in would tell a reader, comparing before and after, how that person answered.
 * Each person counts once a month (their latest answer in it), and counts of 1 to k−1 are hidden,
 * with whatever else would give them away.
 */
@Component
class TimeFigures {

    static final int MONTHS = 3;

    /** One answer's count of people in each month; null where it is hidden. */
    record Row(String answer, String label, List<@Nullable Integer> people) {}

    record Hours(
            YearMonth month,
            @Nullable Integer people,
            @JsonProperty("roles_weeks") @Nullable Integer rolesWeeks,

            @JsonProperty("average_hours_recorded") @Nullable
            BigDecimal recorded,

            @JsonProperty("average_hours_agreed") @Nullable BigDecimal agreed) {}

    record Figures(
            List<YearMonth> months,
            @JsonProperty("next_month_shown_on") LocalDate nextShownOn,
            List<Hours> hours,
            List<Row> workload,
            @JsonProperty("time_kept") List<Row> timeKept,
            int k,
            @JsonProperty("whole_ics") boolean wholeIcs) {}

    private final JdbcClient jdbc;
    private final Register register;
    private final SmallNumbers smallNumbers;
    private final Clock clock;

    TimeFigures(JdbcClient jdbc, Register register, SmallNumbers smallNumbers, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.smallNumbers = smallNumbers;
        this.clock = clock;
    }

    /** The latest month shown on this day: the month before last. */
    static YearMonth latestShown(LocalDate today) {
        return YearMonth.from(today).minusMonths(2);
    }

    Figures figures(Footprint footprint) {
        LocalDate today = LocalDate.now(clock);
        YearMonth latest = latestShown(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(latest.minusMonths(i));
        }
        LocalDate from = months.get(0).atDay(1);
        LocalDate to = latest.plusMonths(1).atDay(1);
        Map<Long, Appointment> inSight = new HashMap<>();
        Map<Long, List<Appointment>> byPerson = new HashMap<>();
        register.appointments(footprint).forEach(a -> {
            inSight.put(a.id(), a);
            byPerson.computeIfAbsent(a.personId(), p -> new ArrayList<>()).add(a);
        });
        return new Figures(
                months,
                latest.plusMonths(3).atDay(1),
                hours(months, from, to, inSight),
                answers(months, from, to, byPerson, "workload", Workload.class),
                answers(months, from, to, byPerson, "time_kept", TimeKept.class),
                smallNumbers.minGroupSize(),
                footprint.isWholeIcs());
    }

    private List<Hours> hours(List<YearMonth> months, LocalDate from, LocalDate to, Map<Long, Appointment> inSight) {
        record Entry(long appointmentId, LocalDate week, BigDecimal hours) {}
        Map<YearMonth, List<Entry>> byMonth = new TreeMap<>();
        jdbc.sql("""
                        select appointment_id, week_starting as week, hours from time_entry
                         where week_starting >= :from and week_starting < :to""").param("from", from).param("to", to).query(Entry.class).list().stream()
                .filter(e -> inSight.containsKey(e.appointmentId()))
                .forEach(e -> byMonth.computeIfAbsent(YearMonth.from(e.week()), m -> new ArrayList<>())
                        .add(e));
        List<Hours> hours = new ArrayList<>();
        for (YearMonth month : months) {
            List<Entry> entries = byMonth.getOrDefault(month, List.of());
            Set<Long> people = new HashSet<>();
            BigDecimal recorded = BigDecimal.ZERO;
            BigDecimal agreed = BigDecimal.ZERO;
            int agreedCount = 0;
            for (Entry e : entries) {
                Appointment a = java.util.Objects.requireNonNull(inSight.get(e.appointmentId()));
                people.add(a.personId());
                recorded = recorded.add(e.hours());
                if (a.protectedHoursPerWeek() != null) {
                    agreed = agreed.add(a.protectedHoursPerWeek());
                    agreedCount++;
                }
            }
            if (smallNumbers.hides(people.size())) {
                hours.add(new Hours(month, null, null, null, null));
            } else {
                hours.add(new Hours(
                        month,
                        people.size(),
                        entries.size(),
                        entries.isEmpty() ? null : average(recorded, entries.size()),
                        agreedCount == 0 ? null : average(agreed, agreedCount)));
            }
        }
        return hours;
    }

    private static BigDecimal average(BigDecimal sum, int count) {
        return sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    /**
     * Each answer's count of people a month, each person once (their latest answer that month), for
     * people holding a role in sight during that month.
     */
    private <E extends Enum<E> & Coded> List<Row> answers(
            List<YearMonth> months,
            LocalDate from,
            LocalDate to,
            Map<Long, List<Appointment>> byPerson,
            String column,
            Class<E> type) {
        record Answer(long personId, LocalDate week, String answer) {}
        Map<YearMonth, Map<Long, Answer>> latest = new TreeMap<>();
        jdbc.sql("select person_id, week_starting as week, " + column + " as answer from wellbeing_check_in" + " where "
                        + column + " is not null and week_starting >= :from and week_starting < :to")
                .param("from", from)
                .param("to", to)
                .query(Answer.class)
                .list()
                .forEach(a -> latest.computeIfAbsent(YearMonth.from(a.week()), m -> new HashMap<>())
                        .merge(a.personId(), a, (x, y) -> x.week().isAfter(y.week()) ? x : y));
        E[] answers = type.getEnumConstants();
        int[][] raw = new int[answers.length + 1][months.size()];
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            for (Answer a : latest.getOrDefault(month, Map.of()).values()) {
                if (!heldDuring(byPerson.getOrDefault(a.personId(), List.of()), month)) {
                    continue;
                }
                for (int i = 0; i < answers.length; i++) {
                    if (answers[i].code().equals(a.answer())) {
                        raw[i][m]++;
                        raw[answers.length][m]++;
                    }
                }
            }
        }
        // each month is its own table: no total across months is shown anywhere to work a cell out from
        Integer[][] shown = new Integer[answers.length + 1][months.size()];
        for (int m = 0; m < months.size(); m++) {
            int[][] month = new int[answers.length + 1][1];
            for (int i = 0; i <= answers.length; i++) {
                month[i][0] = raw[i][m];
            }
            Integer[][] monthShown = smallNumbers.hideSmallCells(month, answers.length, 1);
            for (int i = 0; i <= answers.length; i++) {
                shown[i][m] = monthShown[i][0];
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= answers.length; i++) {
            rows.add(new Row(
                    i < answers.length ? answers[i].code() : "answered",
                    i < answers.length ? answers[i].label() : "People who answered",
                    java.util.Arrays.asList(shown[i])));
        }
        return rows;
    }

    private static boolean heldDuring(List<Appointment> appointments, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        return appointments.stream()
                .anyMatch(a -> !a.startDate().isAfter(last)
                        && (a.endDate() == null || !a.endDate().isBefore(first)));
    }
}
