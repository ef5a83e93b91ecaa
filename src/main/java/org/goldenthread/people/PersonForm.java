package org.goldenthread.people;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The form that adds a person to the register or changes their details (their reference stays). */
record PersonForm(
        @BindParam("person_ref") @Nullable String personRef,
        @BindParam("given_name") @Nullable String givenName,
        @BindParam("family_name") @Nullable String familyName,
        @Nullable String email,
        @Nullable String profession,
        @BindParam("registration_number") @Nullable String registrationNumber,
        @Nullable String employer,
        @BindParam("employer_ods") @Nullable String employerOds,
        @Nullable String sector,
        @BindParam("career_stage") @Nullable String careerStage) {

    static PersonForm empty() {
        return new PersonForm(null, null, null, null, null, null, null, null, null, null);
    }

    static PersonForm of(Person p) {
        return new PersonForm(
                null,
                p.givenName(),
                p.familyName(),
                p.email(),
                p.profession(),
                p.registrationNumber(),
                p.employer(),
                p.employerOds(),
                p.sector(),
                p.careerStage());
    }

    /** The details as entered; a reference only when adding, since it never changes. */
    PersonDetails details(boolean withReference) {
        return new PersonDetails(
                withReference ? personRef : null,
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
