package org.goldenthread.pipeline.succession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Footprint;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;

/**
 * Every seat of the ICS with the level and place of its forum, read once through the structure
 * module, so that succession and exits can say where a seat sits and whether a caller may see it.
 */
final class SeatMap {

    /** A seat where it sits: its forum's level and, for a forum that belongs to one, its place. */
    record Placed(
            long id,
            String title,
            String forum,
            String level,
            @Nullable String place) {

        String name() {
            return title + " on " + forum;
        }
    }

    private final Map<Long, Placed> seats = new HashMap<>();

    private SeatMap(List<Forum> forums, List<Seat> all) {
        Map<Long, Forum> byId = new HashMap<>();
        forums.forEach(f -> byId.put(f.id(), f));
        for (Seat s : all) {
            Forum f = byId.get(s.forumId());
            if (f != null) {
                seats.put(s.id(), new Placed(s.id(), s.title(), f.name(), f.level(), f.place()));
            }
        }
    }

    static SeatMap of(Forums forums) {
        return new SeatMap(forums.forums(), forums.seats());
    }

    Optional<Placed> seat(long id) {
        return Optional.ofNullable(seats.get(id));
    }

    /** Whether the seat is in sight of the footprint: a place lead sees the seats on their places' forums. */
    boolean inSight(long seatId, Footprint footprint) {
        Placed seat = seats.get(seatId);
        if (seat == null) {
            return false;
        }
        String place = seat.place();
        return footprint.isWholeIcs() || (place != null && footprint.covers(place));
    }

    /** Whether the seat is in one place, or anywhere when no place is asked for. */
    boolean inPlace(long seatId, @Nullable String place) {
        Placed seat = seats.get(seatId);
        return seat != null && (place == null || place.equalsIgnoreCase(seat.place()));
    }

    /** Whether any seat sits in a place of this name, ignoring case. */
    boolean hasPlace(String place) {
        return seats.values().stream().anyMatch(s -> place.equalsIgnoreCase(s.place()));
    }

    /** The seat's place in lower case, as a key, or empty for a seat in no place. */
    String placeOf(long seatId) {
        Placed seat = seats.get(seatId);
        return seat == null || seat.place() == null ? "" : seat.place().toLowerCase(java.util.Locale.ROOT);
    }

    @Nullable
    String levelOf(long seatId) {
        Placed seat = seats.get(seatId);
        return seat == null ? null : seat.level();
    }

    List<Placed> all() {
        return seats.values().stream()
                .sorted(java.util.Comparator.comparing(Placed::forum).thenComparing(Placed::title))
                .toList();
    }
}
