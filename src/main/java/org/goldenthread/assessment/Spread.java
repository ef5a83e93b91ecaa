package org.goldenthread.assessment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** How far the contributors' ratings of one indicator agree. */
record Spread(
        int ratings, @Nullable Integer lowest, @Nullable Integer highest) {

    static Spread of(List<Cycle.Rating> ratings) {
        return new Spread(
                ratings.size(),
                ratings.stream().map(Cycle.Rating::level).min(Integer::compare).orElse(null),
                ratings.stream().map(Cycle.Rating::level).max(Integer::compare).orElse(null));
    }

    public boolean viewsDiffer() {
        return lowest != null && !lowest.equals(highest);
    }

    public String text() {
        if (ratings == 0) {
            return "No ratings yet";
        }
        return (viewsDiffer() ? lowest + " to " + highest : String.valueOf(lowest)) + " from " + ratings
                + (ratings == 1 ? " rating" : " ratings");
    }
}
