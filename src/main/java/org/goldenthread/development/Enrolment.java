package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Someone's enrolment on an offer. {@code offeredOn} is set when a place that came free was offered
 * to them from the waitlist.
 */
public record Enrolment(
        long id,
        @JsonProperty("offer_id") long offerId,
        String offer,
        @JsonProperty("person_id") long personId,
        @JsonProperty("person_ref") String personRef,
        String person,
        String status,
        @JsonProperty("applied_on") LocalDate appliedOn,
        @JsonProperty("changed_on") LocalDate changedOn,
        @JsonProperty("offered_on") @Nullable LocalDate offeredOn,
        @JsonProperty("completed_on") @Nullable LocalDate completedOn) {

    public boolean is(EnrolmentStatus s) {
        return s.code().equals(status);
    }

    /** Whether the person may still withdraw: anything but completed or already withdrawn. */
    @JsonIgnore
    public boolean isActive() {
        return is(EnrolmentStatus.APPLIED) || is(EnrolmentStatus.ACCEPTED) || is(EnrolmentStatus.WAITLISTED);
    }
}
