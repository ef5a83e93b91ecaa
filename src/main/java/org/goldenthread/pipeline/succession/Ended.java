package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An appointment that has ended, and its exit conversation once one is recorded. */
public record Ended(
        @JsonProperty("appointment_id") long appointmentId,
        @JsonProperty("person_id") long personId,
        String person,
        @JsonProperty("seat_id") long seatId,
        String seat,
        String forum,
        String level,
        @JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        @Nullable ExitConversation conversation) {}
