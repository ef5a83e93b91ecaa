package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A person's tenure in a seat, with the protected time agreed for it and the time actually used. */
public record Appointment(
        long id,
        @JsonProperty("person_id") long personId,
        @JsonProperty("person_ref") String personRef,
        String person,
        String profession,
        @JsonProperty("career_stage") String careerStage,
        @JsonProperty("seat_id") long seatId,
        String forum,
        String seat,
        @JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        String route,
        @JsonProperty("protected_hours_per_week") BigDecimal protectedHoursPerWeek,
        @JsonProperty("hours_used_per_week") BigDecimal hoursUsedPerWeek,
        @JsonProperty("funded_by") String fundedBy,
        Boolean backfilled) {

    /** Held on that day: started by then and not ended before it. */
    public boolean isCurrentOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
