package org.goldenthread.pipeline.recruitment;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The page form for one application. Its three equality questions are voluntary; when the form
 * comes back with a problem they are shown empty again, so a page never carries someone's answers.
 */
record ApplicationForm(
        @BindParam("applicant_ref") @Nullable String applicantRef,
        @BindParam("person_ref") @Nullable String personRef,
        @BindParam("given_name") @Nullable String givenName,
        @BindParam("family_name") @Nullable String familyName,
        @Nullable String email,
        @Nullable String profession,
        @BindParam("career_stage") @Nullable String careerStage,
        @Nullable String stage,
        @BindParam("ethnic_group") @Nullable String ethnicGroup,
        @Nullable String sex,
        @Nullable String disability) {

    static ApplicationForm empty() {
        return new ApplicationForm(null, null, null, null, null, null, null, "applied", null, null, null);
    }

    /** The same form without the equality answers, to show again. */
    ApplicationForm withoutAnswers() {
        return new ApplicationForm(
                applicantRef,
                personRef,
                givenName,
                familyName,
                email,
                profession,
                careerStage,
                stage,
                null,
                null,
                null);
    }

    /** Whether any equality question was answered, so the page can ask for the answers again. */
    boolean answered() {
        return ethnicGroup != null || sex != null || disability != null;
    }

    ApplicantDetails details(String reference) {
        return new ApplicantDetails(
                reference,
                personRef,
                givenName,
                familyName,
                email,
                profession,
                careerStage,
                stage,
                ethnicGroup,
                sex,
                disability,
                null);
    }
}
