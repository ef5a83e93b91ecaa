package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A person as someone describes them, from a form, the API or a register file row ({@code row}). */
public record PersonDetails(
        @JsonProperty("person_ref") @Nullable String personRef,
        @JsonProperty("given_name") @Nullable String givenName,
        @JsonProperty("family_name") @Nullable String familyName,
        @Nullable String email,
        @Nullable String profession,
        @JsonProperty("registration_number") @Nullable String registrationNumber,
        @Nullable String employer,
        @JsonProperty("employer_ods") @Nullable String employerOds,
        @Nullable String sector,
        @JsonProperty("career_stage") @Nullable String careerStage,
        @JsonIgnore @Nullable Integer row) {

    /** The same description tidied as it is stored: trimmed, blanks as nulls, codes as written. */
    PersonDetails normalised() {
        return new PersonDetails(
                clean(personRef),
                clean(givenName),
                clean(familyName),
                clean(email),
                clean(profession),
                upper(clean(registrationNumber)),
                clean(employer),
                upper(clean(employerOds)),
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

    private static @Nullable String upper(@Nullable String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
