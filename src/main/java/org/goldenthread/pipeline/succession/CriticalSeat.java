package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.pipeline.Readiness;
import org.jspecify.annotations.Nullable;

/**
 * A seat marked critical, where it sits, who holds it today and until when, and the people named to
 * succeed them.
 */
public record CriticalSeat(
        long id,
        @JsonProperty("seat_id") long seatId,
        String seat,
        String forum,
        String level,
        @Nullable String place,
        @Nullable String reason,
        @JsonProperty("marked_on") LocalDate markedOn,
        @Nullable String holder,
        @JsonProperty("holder_ends_on") @Nullable LocalDate holderEndsOn,
        List<Successor> successors) {

    /** A person named to succeed to a critical seat, and how soon they could. */
    public record Successor(
            long id,
            @JsonProperty("person_id") long personId,
            String person,
            String readiness,
            @JsonProperty("named_on") LocalDate namedOn) {}

    @JsonProperty("has_ready_now_successor")
    public boolean hasReadyNowSuccessor() {
        return successors.stream().anyMatch(s -> Readiness.READY_NOW.code().equals(s.readiness()));
    }
}
