package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A seat as someone describes it; {@code forum} names the forum it sits on. */
public record SeatDetails(
        @JsonIgnore String forum,
        String title,
        @JsonProperty("seat_type") String seatType,
        @JsonProperty("professionally_agnostic") Boolean professionallyAgnostic,
        @JsonProperty("expected_hours_per_week") BigDecimal expectedHoursPerWeek,
        @JsonIgnore Integer row) {}
