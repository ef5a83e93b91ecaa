package org.goldenthread.insight;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.structure.Forum;

/** Each place in view at a glance, from the vacancies and lines of sight worked out for the same snapshot. */
final class PlaceSummaries {

    private final Snapshot snapshot;
    private final Vacancies vacancies;
    private final LinesOfSight linesOfSight;
    /** The neighbourhoods in view, as the landscape keeps them. */
    private final java.util.function.Supplier<List<Landscape.NeighbourhoodSummary>> neighbourhoods;

    PlaceSummaries(
            Snapshot snapshot,
            Vacancies vacancies,
            LinesOfSight linesOfSight,
            java.util.function.Supplier<List<Landscape.NeighbourhoodSummary>> neighbourhoods) {
        this.snapshot = snapshot;
        this.vacancies = vacancies;
        this.linesOfSight = linesOfSight;
        this.neighbourhoods = neighbourhoods;
    }

    List<Landscape.PlaceSummary> byPlace() {
        Map<String, Landscape.PlaceSummary> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Landscape.Vacancy> vacant = vacancies.vacancies();
        List<Landscape.NeighbourhoodSummary> hoods = neighbourhoods.get();
        for (String p : snapshot.places) {
            if (!snapshot.inView(p)) {
                continue;
            }
            List<Forum> there = snapshot.forums.stream()
                    .filter(f -> p.equalsIgnoreCase(f.place()))
                    .toList();
            Set<Long> ids = there.stream().map(Forum::id).collect(Collectors.toSet());
            int leaders = (int) snapshot.current.stream()
                    .filter(a -> p.equalsIgnoreCase(snapshot.placeOf(a)))
                    .map(Appointment::personId)
                    .distinct()
                    .count();
            int seats =
                    (int) vacant.stream().filter(v -> ids.contains(v.forumId())).count();
            int blind = (int)
                    there.stream().filter(f -> !linesOfSight.hasLineOfSight(f)).count();
            List<Landscape.NeighbourhoodSummary> itsHoods =
                    hoods.stream().filter(n -> p.equalsIgnoreCase(n.place())).toList();
            int hoodsBlind =
                    (int) itsHoods.stream().filter(n -> !n.lineOfSight()).count();
            result.put(
                    p, new Landscape.PlaceSummary(p, there.size(), leaders, seats, blind, itsHoods.size(), hoodsBlind));
        }
        return List.copyOf(result.values());
    }
}
