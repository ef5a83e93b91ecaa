package org.goldenthread.pipeline.recruitment;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An application to a round, as pages and the API show it. It never carries the applicant's
 * equality answers: those are recorded apart and only ever counted.
 *
 * @param eligible whether the seat is open to the applicant's profession; null when the seat names none
 * @param inTalentPool whether the applicant is in the ICS's talent pool
 */
public record Application(
        long id,
        @JsonProperty("round_id") long roundId,
        @JsonProperty("applicant_ref") String applicantRef,
        @JsonProperty("person_id") @Nullable Long personId,
        @JsonProperty("given_name") String givenName,
        @JsonProperty("family_name") String familyName,
        @Nullable String email,
        String profession,
        @JsonProperty("career_stage") @Nullable String careerStage,
        String stage,
        @JsonProperty("appointment_id") @Nullable Long appointmentId,
        @Nullable Boolean eligible,
        @JsonProperty("in_talent_pool") boolean inTalentPool) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** Not appointed from this round: one who may be offered a place in the talent pool. */
    public boolean unsuccessful() {
        return !Stage.APPOINTED.code().equals(stage);
    }
}
