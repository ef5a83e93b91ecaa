package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A person as someone describes them, from a form, the API or a register file row ({@code row}). */
public record PersonDetails(
        @JsonProperty("person_ref") String personRef,
        @JsonProperty("given_name") String givenName,
        @JsonProperty("family_name") String familyName,
        String email,
        String profession,
        @JsonProperty("registration_number") String registrationNumber,
        String employer,
        @JsonProperty("employer_ods") String employerOds,
        String sector,
        @JsonProperty("career_stage") String careerStage,
        @JsonIgnore Integer row) {

    /** The same description tidied as it is stored: trimmed, blanks as nulls, codes as written. */
    PersonDetails normalised() {
        return new PersonDetails(
                clean(personRef),
                clean(givenName),
                clean(familyName),
                clean(email),
                clean(profession),
                clean(registrationNumber) == null
                        ? null
                        : clean(registrationNumber).toUpperCase(java.util.Locale.ROOT),
                clean(employer),
                clean(employerOds) == null ? null : clean(employerOds).toUpperCase(java.util.Locale.ROOT),
                clean(sector),
                clean(careerStage),
                row);
    }

    PersonDetails withoutRow() {
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

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
