package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bench strength: the share of critical seats with at least one successor ready now. It counts
 * seats, not people, so it is shown as it is; with no critical seats there is no figure.
 */
public record BenchStrength(
        @JsonProperty("critical_seats") int criticalSeats,
        @JsonProperty("with_ready_now_successor") int withReadyNowSuccessor,
        @Nullable Double share) {

    public static BenchStrength of(List<CriticalSeat> seats) {
        int ready =
                (int) seats.stream().filter(CriticalSeat::hasReadyNowSuccessor).count();
        return new BenchStrength(seats.size(), ready, seats.isEmpty() ? null : (double) ready / seats.size());
    }

    /** "67%", or a dash when there are no critical seats. */
    public String percent() {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }
}
