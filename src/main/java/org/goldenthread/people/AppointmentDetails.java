package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An appointment as someone describes it in a form or through the API. */
public record AppointmentDetails(
        @JsonProperty("seat_id") Long seatId,
        @JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        String route,
        @JsonProperty("protected_hours_per_week") BigDecimal protectedHoursPerWeek,
        @JsonProperty("hours_used_per_week") BigDecimal hoursUsedPerWeek,
        @JsonProperty("funded_by") String fundedBy,
        Boolean backfilled) {}
