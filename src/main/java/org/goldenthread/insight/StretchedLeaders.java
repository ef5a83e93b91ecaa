package org.goldenthread.insight;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;

/** Leaders stretched across too many tables: those holding {@value #MANY_SEATS} or more seats today. */
final class StretchedLeaders {

    /** A leader holding this many current seats or more is stretched across too many tables. */
    static final int MANY_SEATS = 3;

    private final Snapshot snapshot;

    StretchedLeaders(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * Leaders holding {@value #MANY_SEATS} or more current seats anywhere in the ICS, in order of reference.
     * Narrowed to a place, it lists those of them with a seat there: the load is on the person,
     * wherever it falls.
     */
    List<Landscape.ManySeats> leadersWithManySeats() {
        Set<Long> here = snapshot.current.stream().map(Appointment::personId).collect(Collectors.toSet());
        return snapshot.allCurrent.stream()
                .collect(Collectors.groupingBy(Appointment::personId, LinkedHashMap::new, Collectors.toList()))
                .values()
                .stream()
                .filter(list ->
                        list.size() >= MANY_SEATS && here.contains(list.get(0).personId()))
                .map(list -> new Landscape.ManySeats(
                        list.get(0).personRef(),
                        list.get(0).person(),
                        list.get(0).profession(),
                        list.stream()
                                .map(a -> a.forum() + " – " + a.seat())
                                .sorted()
                                .toList()))
                .sorted(Comparator.comparing(Landscape.ManySeats::personRef))
                .toList();
    }
}
