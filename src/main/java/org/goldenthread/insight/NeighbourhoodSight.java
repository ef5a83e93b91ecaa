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
import org.jspecify.annotations.Nullable;

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
        Map<String, List<Forum>> forums = new HashMap<>();
        for (Forum f : snapshot.allForums) {
            if (f.neighbourhood() != null) {
                forums.computeIfAbsent(key(f.place(), f.neighbourhood()), k -> new ArrayList<>())
                        .add(f);
            }
        }
        Map<String, Set<Long>> leaders = new HashMap<>();
        for (Appointment a : snapshot.allCurrent) {
            Forum forum = snapshot.forumOf(a);
            if (forum != null && forum.neighbourhood() != null) {
                leaders.computeIfAbsent(key(forum.place(), forum.neighbourhood()), k -> new HashSet<>())
                        .add(a.personId());
            }
        }
        List<Landscape.NeighbourhoodSummary> rows = new ArrayList<>();
        for (Neighbourhood n : snapshot.neighbourhoods) {
            if (!snapshot.inView(n.place())) {
                continue;
            }
            String hood = key(n.place(), n.name());
            List<Forum> there = forums.getOrDefault(hood, List.of());
            rows.add(new Landscape.NeighbourhoodSummary(
                    n.name(),
                    n.place(),
                    there.size(),
                    leaders.getOrDefault(hood, Set.of()).size(),
                    there.stream().anyMatch(linesOfSight::hasLineOfSight)));
        }
        return List.copyOf(rows);
    }

    /**
     * A neighbourhood by its place and its name, whatever their case: names are unique within one ICS,
     * and with the place they stay apart in a view of ICSs merged into one.
     */
    private static String key(@Nullable String place, String neighbourhood) {
        return (place == null ? "" : place.toLowerCase(Locale.ROOT)) + "\u001f"
                + neighbourhood.toLowerCase(Locale.ROOT);
    }
}
