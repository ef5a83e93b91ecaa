package org.goldenthread.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;

/** The time protected for leadership: how much is agreed and used, and who is not using theirs. */
final class ProtectedTime {

    /** Used hours under this share of agreed hours mark time that is agreed but not being used. */
    static final BigDecimal UNDER_USED_BELOW = new BigDecimal("0.75");

    private final Snapshot snapshot;

    ProtectedTime(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * Leaders not using the protected time agreed for them. Only appointments with hours agreed and
     * hours used both recorded count: an unrecorded figure is unknown, not zero.
     */
    List<Landscape.UnderUsedTime> underUsedTime() {
        Map<Long, List<Appointment>> byPerson = snapshot.current.stream()
                .filter(a -> a.protectedHoursPerWeek() != null
                        && a.protectedHoursPerWeek().signum() > 0)
                .filter(a -> a.hoursUsedPerWeek() != null)
                .collect(Collectors.groupingBy(Appointment::personId, LinkedHashMap::new, Collectors.toList()));
        List<Landscape.UnderUsedTime> under = new ArrayList<>();
        byPerson.forEach((id, list) -> {
            BigDecimal agreed = Snapshot.hours(list, Appointment::protectedHoursPerWeek);
            BigDecimal used = Snapshot.hours(list, Appointment::hoursUsedPerWeek);
            if (used.compareTo(agreed.multiply(UNDER_USED_BELOW)) < 0) {
                Appointment a = list.get(0);
                under.add(new Landscape.UnderUsedTime(
                        a.personRef(),
                        a.person(),
                        a.profession(),
                        list.size(),
                        agreed,
                        used,
                        Landscape.share(used, agreed)));
            }
        });
        under.sort(Comparator.comparingDouble(Landscape.UnderUsedTime::usedShare)
                .thenComparing(Landscape.UnderUsedTime::personRef));
        return under;
    }

    Landscape.TimeTotals timeTotals() {
        return new Landscape.TimeTotals(
                Snapshot.hours(snapshot.current, Appointment::protectedHoursPerWeek),
                Snapshot.hours(snapshot.current, Appointment::hoursUsedPerWeek),
                snapshot.current.size());
    }
}
