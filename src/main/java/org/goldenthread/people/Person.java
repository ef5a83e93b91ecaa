package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Someone on the leadership register of an ICS, known in files by the ICS's own reference for them. */
public record Person(
        long id,
        @JsonProperty("person_ref") String personRef,
        @JsonProperty("given_name") String givenName,
        @JsonProperty("family_name") String familyName,
        String email,
        String profession,
        @JsonProperty("registration_number") String registrationNumber,
        String employer,
        @JsonProperty("employer_ods") String employerOds,
        String sector,
        @JsonProperty("career_stage") String careerStage) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    PersonDetails details() {
        return new PersonDetails(
                personRef,
                givenName,
                familyName,
                email,
                profession,
                registrationNumber,
                employer,
                employerOds,
                sector,
                careerStage,
                null);
    }
}
