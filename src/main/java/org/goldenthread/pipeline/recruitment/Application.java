package org.goldenthread.pipeline.recruitment;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An application to a round, as pages and the API show it. It never carries the applicant's
 * equality answers: those are recorded apart and only ever counted.
 *
 * @param eligible whether the seat is open to the applicant's profession; null when the seat names none
 * @param personId the applicant's person in the register; null when not linked, or linked to someone
 *     outside the caller's places
 * @param inTalentPool whether the applicant is in the ICS's talent pool; null when the caller may not
 *     see the person
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
        @JsonProperty("in_talent_pool") @Nullable Boolean inTalentPool) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** The application without its person, for a caller who may not see them. */
    Application withoutPerson() {
        return new Application(
                id,
                roundId,
                applicantRef,
                null,
                givenName,
                familyName,
                email,
                profession,
                careerStage,
                stage,
                appointmentId,
                eligible,
                null);
    }

    /** Not appointed from this round: one who may be offered a place in the talent pool. */
    public boolean unsuccessful() {
        return !Stage.APPOINTED.code().equals(stage);
    }
}
