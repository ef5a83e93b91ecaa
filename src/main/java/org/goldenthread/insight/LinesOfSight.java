package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Seat;

/**
 * Whether each forum's reporting lines reach the ICB board, and what the forum map needs to draw
 * them: the forums the lines pass through and how full each forum's seats are.
 */
final class LinesOfSight {

    private final Snapshot snapshot;

    LinesOfSight(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * The chain of reports-to lines from a forum up to a system-level board, both included; empty
     * when the chain stops short of one. A system board is its own line of sight.
     */
    List<Forum> lineOfSight(Forum forum) {
        List<Forum> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Forum at = forum; at != null && seen.add(at.id()); at = snapshot.forum(at.reportsToId())) {
            chain.add(at);
            if (at.isSystemBoard()) {
                return chain;
            }
        }
        return List.of();
    }

    boolean hasLineOfSight(Forum forum) {
        return !lineOfSight(forum).isEmpty();
    }

    List<Forum> forumsWithoutLineOfSight() {
        return snapshot.forums.stream().filter(f -> !hasLineOfSight(f)).toList();
    }

    /**
     * Seats on each forum, and how many are held today, by forum id: for every forum, since the map
     * also draws forums outside the place chosen when a chosen forum reports through them.
     */
    Map<Long, int[]> seatsFilledByForum() {
        Set<Long> held = snapshot.allCurrent.stream().map(Appointment::seatId).collect(Collectors.toSet());
        Map<Long, int[]> counts = new HashMap<>();
        for (Seat s : snapshot.allSeats) {
            int[] c = counts.computeIfAbsent(s.forumId(), id -> new int[2]);
            c[0]++;
            if (held.contains(s.id())) {
                c[1]++;
            }
        }
        return counts;
    }

    /** The forums in view plus every forum their lines of sight pass through, for drawing them in context. */
    List<Forum> withChainsUp(List<Forum> chosen) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Forum f : chosen) {
            Set<Long> seen = new HashSet<>();
            for (Forum at = f; at != null && seen.add(at.id()); at = snapshot.forum(at.reportsToId())) {
                ids.add(at.id());
            }
        }
        return snapshot.allForums.stream().filter(f -> ids.contains(f.id())).toList();
    }
}
