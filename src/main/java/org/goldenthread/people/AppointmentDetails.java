package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An appointment as someone describes it in a form or through the API. */
public record AppointmentDetails(
        @JsonProperty("seat_id") @Nullable Long seatId,
        @JsonProperty("start_date") @Nullable LocalDate startDate,
        @JsonProperty("end_date") @Nullable LocalDate endDate,
        @Nullable String route,
        @JsonProperty("protected_hours_per_week") @Nullable BigDecimal protectedHoursPerWeek,
        @JsonProperty("hours_used_per_week") @Nullable BigDecimal hoursUsedPerWeek,
        @JsonProperty("funded_by") @Nullable String fundedBy,
        @Nullable Boolean backfilled) {}
