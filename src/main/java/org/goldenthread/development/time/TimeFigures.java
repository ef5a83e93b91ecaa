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
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Time and wellbeing across the ICS, or the places a lead sees, month by month: how many people
 * recorded time, the hours they recorded against those agreed, and how their check-ins answered.
 *
 * <p>A month is shown only once nobody can record a week that starts in it any more (from the first
 * day of the month after next), and is kept as first shown to each view, so its figures never move
 * afterwards: figures that moved as one more person checked in, or as the register was edited, would
 * tell a reader, comparing before and after, how that person answered. Each person counts once a
 * month (their latest answer in it), and counts of 1 to k−1 are hidden, with whatever else would give
 * them away.
 */
@Component
class TimeFigures {

    static final int MONTHS = 3;

    /** One answer's count of people in each month; null where it is hidden. */
    record Row(String answer, String label, List<@Nullable Integer> people) {}

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
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
    private final ObjectMapper json;

    TimeFigures(JdbcClient jdbc, Register register, SmallNumbers smallNumbers, Clock clock, ObjectMapper json) {
        this.json = json;
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
        List<Month> shown = months.stream().map(m -> month(footprint, m)).toList();
        return new Figures(
                months,
                latest.plusMonths(3).atDay(1),
                shown.stream().map(Month::hours).toList(),
                rows(shown, Workload.class, Month::workload),
                rows(shown, TimeKept.class, Month::timeKept),
                smallNumbers.minGroupSize(),
                footprint.isWholeIcs());
    }

    /** One month as shown to one view: counts per answer with the total last, null where hidden. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Month(
            Hours hours,
            List<@Nullable Integer> workload,
            @JsonProperty("time_kept") List<@Nullable Integer> timeKept,
            int k) {

        /** As kept, with more hidden if k has risen since; a lower k never shows what was hidden. */
        Month under(int now) {
            if (now <= k) {
                return this;
            }
            Integer people = hours.people();
            boolean few = people != null && people > 0 && people < now;
            return new Month(
                    few ? new Hours(hours.month(), null, null, null, null) : hours,
                    stricter(workload, now),
                    stricter(timeKept, now),
                    now);
        }

        private static List<@Nullable Integer> stricter(List<@Nullable Integer> column, int k) {
            int[][] raw = new int[column.size()][1];
            Integer[][] shown = new Integer[column.size()][1];
            for (int i = 0; i < column.size(); i++) {
                Integer n = column.get(i);
                // a cell hidden before stands in as a small count: it stays hidden, and hides no more
                raw[i][0] = n == null ? 1 : n;
                shown[i][0] = n == null || (n > 0 && n < k) ? null : n;
            }
            SmallNumbers.hideBeside(shown, raw);
            List<@Nullable Integer> out = new ArrayList<>();
            for (Integer[] row : shown) {
                out.add(row[0]);
            }
            return out;
        }
    }

    /** The month as first shown to this view, kept; worked out and kept now if it never was. */
    private Month month(Footprint footprint, YearMonth month) {
        String scope = footprint.isWholeIcs()
                ? "ics"
                : "places:"
                        + String.join("|", footprint.keys().stream().sorted().toList());
        LocalDate first = month.atDay(1);
        java.util.Optional<Month> kept = kept(scope, first);
        if (kept.isPresent()) {
            return kept.get().under(smallNumbers.minGroupSize());
        }
        Month worked = work(footprint, month);
        // two first readers at once: the one kept first stands, and both show it
        jdbc.sql("""
                        insert into time_month_figures (scope, month, figures) values (:scope, :month, cast(:figures as jsonb))
                        on conflict do nothing""")
                .param("scope", scope)
                .param("month", first)
                .param("figures", json.writeValueAsString(worked))
                .update();
        return kept(scope, first).orElse(worked).under(smallNumbers.minGroupSize());
    }

    private java.util.Optional<Month> kept(String scope, LocalDate month) {
        return jdbc.sql("select figures::text from time_month_figures where scope = :scope and month = :month")
                .param("scope", scope)
                .param("month", month)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, Month.class));
    }

    private Month work(Footprint footprint, YearMonth month) {
        Counts counts = counts(footprint, month);
        // a place's counts are also hidden where the whole ICS's, as shown (and kept first if need be),
        // differ from them by a small group: set side by side, the two would tell about the few between
        Month whole = footprint.isWholeIcs() ? null : month(Footprint.wholeIcs(), month);
        Hours hours =
                hidden(counts.people(), whole == null ? null : whole.hours().people())
                        ? new Hours(month, null, null, null, null)
                        : new Hours(
                                month,
                                counts.people(),
                                counts.entries(),
                                counts.entries() == 0 ? null : average(counts.recorded(), counts.entries()),
                                counts.agreedCount() == 0 ? null : average(counts.agreed(), counts.agreedCount()));
        return new Month(
                hours,
                column(counts.workload(), whole == null ? null : whole.workload()),
                column(counts.timeKept(), whole == null ? null : whole.timeKept()),
                smallNumbers.minGroupSize());
    }

    /** Whether a count must be hidden: small itself, or a small step from the whole ICS's count as shown. */
    private boolean hidden(int count, @Nullable Integer whole) {
        return smallNumbers.hides(count) || (whole != null && smallNumbers.hides(whole - count));
    }

    /** One answer's counts with their total last, hidden as one table with its total. */
    private List<@Nullable Integer> column(int[] raw, @Nullable List<@Nullable Integer> whole) {
        int[][] table = new int[raw.length][1];
        Integer[][] shown = new Integer[raw.length][1];
        for (int i = 0; i < raw.length; i++) {
            table[i][0] = raw[i];
            shown[i][0] = hidden(raw[i], whole == null ? null : whole.get(i)) ? null : raw[i];
        }
        SmallNumbers.hideBeside(shown, table);
        List<@Nullable Integer> column = new ArrayList<>();
        for (Integer[] row : shown) {
            column.add(row[0]);
        }
        return column;
    }

    private static <E extends Enum<E> & Coded> List<Row> rows(
            List<Month> months, Class<E> type, java.util.function.Function<Month, List<@Nullable Integer>> answers) {
        E[] codes = type.getEnumConstants();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= codes.length; i++) {
            List<@Nullable Integer> people = new ArrayList<>();
            for (Month m : months) {
                people.add(answers.apply(m).get(i));
            }
            rows.add(new Row(
                    i < codes.length ? codes[i].code() : "answered",
                    i < codes.length ? codes[i].label() : "People who answered",
                    people));
        }
        return rows;
    }

    private static BigDecimal average(BigDecimal sum, int count) {
        return sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    /** A month's raw counts for one view: each answer with the total last. */
    private record Counts(
            int people,
            int entries,
            BigDecimal recorded,
            BigDecimal agreed,
            int agreedCount,
            int[] workload,
            int[] timeKept) {}

    private Counts counts(Footprint footprint, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        Map<Long, Appointment> inSight = new HashMap<>();
        Map<Long, List<Appointment>> byPerson = new HashMap<>();
        register.appointments(footprint).forEach(a -> {
            inSight.put(a.id(), a);
            byPerson.computeIfAbsent(a.personId(), p -> new ArrayList<>()).add(a);
        });
        record Entry(long appointmentId, BigDecimal hours) {}
        Set<Long> people = new HashSet<>();
        BigDecimal recorded = BigDecimal.ZERO;
        BigDecimal agreed = BigDecimal.ZERO;
        int entries = 0;
        int agreedCount = 0;
        for (Entry e : jdbc.sql("""
                        select appointment_id, hours from time_entry where week_starting >= :from and week_starting < :to""")
                .param("from", from)
                .param("to", to)
                .query(Entry.class)
                .list()) {
            Appointment a = inSight.get(e.appointmentId());
            if (a == null) {
                continue;
            }
            people.add(a.personId());
            entries++;
            recorded = recorded.add(e.hours());
            if (a.protectedHoursPerWeek() != null) {
                agreed = agreed.add(a.protectedHoursPerWeek());
                agreedCount++;
            }
        }
        return new Counts(
                people.size(),
                entries,
                recorded,
                agreed,
                agreedCount,
                answers(from, to, month, byPerson, "workload", Workload.class),
                answers(from, to, month, byPerson, "time_kept", TimeKept.class));
    }

    /** Each answer's count of people, each person once (their latest answer that month), with the total last. */
    private <E extends Enum<E> & Coded> int[] answers(
            LocalDate from,
            LocalDate to,
            YearMonth month,
            Map<Long, List<Appointment>> byPerson,
            String column,
            Class<E> type) {
        record Answer(long personId, LocalDate week, String answer) {}
        Map<Long, Answer> latest = new HashMap<>();
        jdbc.sql("select person_id, week_starting as week, " + column + " as answer from wellbeing_check_in" + " where "
                        + column + " is not null and week_starting >= :from and week_starting < :to")
                .param("from", from)
                .param("to", to)
                .query(Answer.class)
                .list()
                .forEach(a -> latest.merge(a.personId(), a, (x, y) -> x.week().isAfter(y.week()) ? x : y));
        E[] codes = type.getEnumConstants();
        int[] counts = new int[codes.length + 1];
        for (Answer a : latest.values()) {
            if (!heldDuring(byPerson.getOrDefault(a.personId(), List.of()), month)) {
                continue;
            }
            for (int i = 0; i < codes.length; i++) {
                if (codes[i].code().equals(a.answer())) {
                    counts[i]++;
                    counts[codes.length]++;
                }
            }
        }
        return counts;
    }

    private static boolean heldDuring(List<Appointment> appointments, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        return appointments.stream()
                .anyMatch(a -> !a.startDate().isAfter(last)
                        && (a.endDate() == null || !a.endDate().isBefore(first)));
    }
}
