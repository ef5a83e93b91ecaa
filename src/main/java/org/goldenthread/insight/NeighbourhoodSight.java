package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.goldenthread.people.Appointment;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Neighbourhood;

/**
 * Whether each neighbourhood in view is heard at the ICB board: it is when a forum there reports, line by
 * line, up to a system-level board. A neighbourhood with no forum at all is counted too, since it is the
 * gap a list of forums can never show.
 */
final class NeighbourhoodSight {

    private final Snapshot snapshot;
    private final LinesOfSight linesOfSight;

    NeighbourhoodSight(Snapshot snapshot, LinesOfSight linesOfSight) {
        this.snapshot = snapshot;
        this.linesOfSight = linesOfSight;
    }

    /** Every neighbourhood of the places in view, in the map's order (by place, then name). */
    List<Landscape.NeighbourhoodSummary> byNeighbourhood() {
        // neighbourhood names are unique within an ICS, so a forum's names its neighbourhood
        Map<String, List<Forum>> forums = new HashMap<>();
        for (Forum f : snapshot.allForums) {
            if (f.neighbourhood() != null) {
                forums.computeIfAbsent(key(f.neighbourhood()), k -> new ArrayList<>())
                        .add(f);
            }
        }
        Map<String, Set<Long>> leaders = new HashMap<>();
        Map<String, Set<Long>> clinicalAndCare = new HashMap<>();
        for (Appointment a : snapshot.allCurrent) {
            Forum forum = snapshot.forumOf(a);
            if (forum == null || forum.neighbourhood() == null) {
                continue;
            }
            String hood = key(forum.neighbourhood());
            leaders.computeIfAbsent(hood, k -> new HashSet<>()).add(a.personId());
            if (snapshot.isClinicalOrCare(a.profession())) {
                clinicalAndCare.computeIfAbsent(hood, k -> new HashSet<>()).add(a.personId());
            }
        }
        List<Landscape.NeighbourhoodSummary> rows = new ArrayList<>();
        for (Neighbourhood n : snapshot.neighbourhoods) {
            if (!snapshot.inView(n.place())) {
                continue;
            }
            String hood = key(n.name());
            List<Forum> there = forums.getOrDefault(hood, List.of());
            rows.add(new Landscape.NeighbourhoodSummary(
                    n.name(),
                    n.place(),
                    there.size(),
                    leaders.getOrDefault(hood, Set.of()).size(),
                    clinicalAndCare.getOrDefault(hood, Set.of()).size(),
                    there.stream().anyMatch(linesOfSight::hasLineOfSight)));
        }
        return List.copyOf(rows);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
