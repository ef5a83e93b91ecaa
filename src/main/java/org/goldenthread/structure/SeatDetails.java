package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A seat as someone describes it; {@code forum} names the forum it sits on. */
public record SeatDetails(
        @JsonIgnore @Nullable String forum,
        @Nullable String title,
        @JsonProperty("seat_type") @Nullable String seatType,
        @JsonProperty("professionally_agnostic") @Nullable Boolean professionallyAgnostic,
        @JsonProperty("expected_hours_per_week") @Nullable BigDecimal expectedHoursPerWeek,
        @JsonIgnore @Nullable Integer row) {}
