package org.goldenthread.engagement.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The plan's activities month by month, each month in the past, this month or to come. */
record Timeline(List<Month> months) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    enum When {
        PAST,
        NOW,
        UPCOMING
    }

    record Month(String label, When when, List<Activity> activities) {

        public boolean past() {
            return when == When.PAST;
        }

        public boolean now() {
            return when == When.NOW;
        }
    }

    /** Activities fall in the month they start; months with none are left out. */
    static Timeline of(List<Activity> activities, LocalDate today) {
        Map<YearMonth, List<Activity>> byMonth = new TreeMap<>();
        for (Activity a : activities) {
            byMonth.computeIfAbsent(YearMonth.from(a.startsOn()), m -> new ArrayList<>())
                    .add(a);
        }
        YearMonth thisMonth = YearMonth.from(today);
        List<Month> months = new ArrayList<>();
        byMonth.forEach((month, list) -> months.add(new Month(
                month.format(MONTH),
                month.isBefore(thisMonth) ? When.PAST : month.equals(thisMonth) ? When.NOW : When.UPCOMING,
                List.copyOf(list))));
        return new Timeline(List.copyOf(months));
    }

    List<Month> past() {
        return months.stream().filter(m -> m.when() == When.PAST).toList();
    }

    List<Month> current() {
        return months.stream().filter(m -> m.when() != When.PAST).toList();
    }
}
