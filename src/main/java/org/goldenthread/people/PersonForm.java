package org.goldenthread.people;

import org.springframework.web.bind.annotation.BindParam;

/** The form that adds a person to the register or changes their details (their reference stays). */
record PersonForm(
        @BindParam("person_ref") String personRef,
        @BindParam("given_name") String givenName,
        @BindParam("family_name") String familyName,
        String email,
        String profession,
        @BindParam("registration_number") String registrationNumber,
        String employer,
        @BindParam("employer_ods") String employerOds,
        String sector,
        @BindParam("career_stage") String careerStage) {

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
