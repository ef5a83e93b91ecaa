package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A place at a forum's table that one person is appointed to at a time. */
public record Seat(
        long id,
        @JsonProperty("forum_id") long forumId,
        String forum,
        String title,
        @JsonProperty("seat_type") String seatType,
        @JsonProperty("professionally_agnostic") boolean professionallyAgnostic,
        @JsonProperty("expected_hours_per_week") BigDecimal expectedHoursPerWeek,
        @JsonProperty("created_on") LocalDate createdOn) {}
