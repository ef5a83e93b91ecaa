package org.goldenthread.platform;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How much of the ICS in scope the caller may see for one purpose: all of it, or only the places
 * they lead. A place lead is held to their places unless another role they hold allows the same
 * thing across the ICS (see {@link Scope#reach}).
 *
 * @param places the names of the places the caller leads, or {@code null} for the whole ICS
 */
public record Footprint(@Nullable List<String> places) {

    private static final Footprint WHOLE_ICS = new Footprint(null);

    public Footprint {
        places = places == null ? null : List.copyOf(places);
    }

    public static Footprint wholeIcs() {
        return WHOLE_ICS;
    }

    public static Footprint places(List<String> names) {
        return new Footprint(names);
    }

    public boolean isWholeIcs() {
        return places == null;
    }

    /** Whether data belonging to this place is in sight; data belonging to no place is only in sight of the whole ICS. */
    public boolean covers(String place) {
        return places == null || (place != null && places.stream().anyMatch(place::equalsIgnoreCase));
    }

    /** The place names in lower case, for comparing with names kept in the database without regard to case. */
    public List<String> keys() {
        return places == null
                ? List.of()
                : places.stream()
                        .map(p -> p.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
    }
}
