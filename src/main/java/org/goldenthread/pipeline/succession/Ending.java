package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An appointment whose term ends within the horizon asked for, with whether its seat is critical
 * and how many successors are ready now to take it.
 */
public record Ending(
        @JsonProperty("appointment_id") long appointmentId,
        @JsonProperty("person_id") long personId,
        String person,
        @JsonProperty("seat_id") long seatId,
        String seat,
        String forum,
        String level,
        @Nullable String place,
        @JsonProperty("end_date") LocalDate endDate,
        @JsonProperty("critical_seat_id") @Nullable Long criticalSeatId,
        @JsonProperty("ready_now_successors") int readyNowSuccessors) {

    public boolean critical() {
        return criticalSeatId != null;
    }
}
