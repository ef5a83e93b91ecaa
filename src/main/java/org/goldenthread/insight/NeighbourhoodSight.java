package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        List<Landscape.NeighbourhoodSummary> rows = new ArrayList<>();
        for (Neighbourhood n : snapshot.neighbourhoods) {
            if (!snapshot.inView(n.place())) {
                continue;
            }
            // neighbourhood names are unique within an ICS, so a forum's names its neighbourhood
            List<Forum> there = snapshot.allForums.stream()
                    .filter(f -> n.name().equalsIgnoreCase(f.neighbourhood()))
                    .toList();
            Set<Long> forumIds = new HashSet<>();
            there.forEach(f -> forumIds.add(f.id()));
            Set<Long> leaders = new HashSet<>();
            Set<Long> clinicalAndCare = new HashSet<>();
            for (Appointment a : snapshot.allCurrent) {
                Forum forum = snapshot.forumOf(a);
                if (forum != null && forumIds.contains(forum.id())) {
                    leaders.add(a.personId());
                    if (snapshot.isClinicalOrCare(a.profession())) {
                        clinicalAndCare.add(a.personId());
                    }
                }
            }
            rows.add(new Landscape.NeighbourhoodSummary(
                    n.name(),
                    n.place(),
                    there.size(),
                    leaders.size(),
                    clinicalAndCare.size(),
                    there.stream().anyMatch(linesOfSight::hasLineOfSight)));
        }
        return List.copyOf(rows);
    }
}
