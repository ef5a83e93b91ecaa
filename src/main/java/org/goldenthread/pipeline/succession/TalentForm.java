package org.goldenthread.pipeline.succession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.people.PersonDetails;
import org.goldenthread.pipeline.TalentPool.Origin;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The talent pool forms: nominating someone (from the register, or someone new described by the
 * person fields), changing an entry, and a person's own interest (which leaves the nomination and
 * review fields empty).
 */
record TalentForm(
        @BindParam("person_id") @Nullable String personId,
        @BindParam("person_ref") @Nullable String personRef,
        @BindParam("given_name") @Nullable String givenName,
        @BindParam("family_name") @Nullable String familyName,
        @Nullable String email,
        @Nullable String profession,
        @BindParam("career_stage") @Nullable String careerStage,
        @BindParam("nominated_by") @Nullable String nominatedBy,
        @BindParam("nomination_reason") @Nullable String nominationReason,
        @Nullable List<String> levels,
        @BindParam("forum_kinds") @Nullable List<String> forumKinds,
        @Nullable String topics,
        @Nullable String readiness,
        @BindParam("development_needs") @Nullable String developmentNeeds,
        @BindParam("consent_to_contact") @Nullable String consentToContact,
        @BindParam("review_on") @Nullable String reviewOn) {

    static TalentForm empty() {
        return new TalentForm(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static TalentForm of(TalentEntry e) {
        return new TalentForm(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                e.nominatedBy(),
                e.nominationReason(),
                e.levels(),
                e.forumKinds(),
                e.topics(),
                e.readiness(),
                e.developmentNeeds(),
                String.valueOf(e.consentToContact()),
                e.reviewOn() == null ? null : e.reviewOn().toString());
    }

    private boolean describesSomeoneNew() {
        return FormValues.text(givenName) != null
                || FormValues.text(familyName) != null
                || FormValues.text(personRef) != null
                || FormValues.text(profession) != null;
    }

    /** A nomination, from the register or of someone new to add to it. */
    TalentDetails nomination() {
        Long chosen = FormValues.id(personId);
        PersonDetails someoneNew = chosen == null && describesSomeoneNew()
                ? new PersonDetails(
                        personRef, givenName, familyName, email, profession, null, null, null, null, careerStage, null)
                : null;
        return details(chosen, someoneNew, Origin.NOMINATION.code(), readiness);
    }

    /** A change to an entry: every field the form shows is given, so an emptied one is cleared. */
    TalentDetails change() {
        TalentDetails d = details(null, null, null, readiness);
        return new TalentDetails(
                null,
                null,
                null,
                d.nominatedBy() == null ? "" : d.nominatedBy(),
                d.nominationReason() == null ? "" : d.nominationReason(),
                d.levels(),
                d.forumKinds(),
                d.topics() == null ? "" : d.topics(),
                d.readiness(),
                d.developmentNeeds() == null ? "" : d.developmentNeeds(),
                d.consentToContact(),
                d.reviewOn());
    }

    private TalentDetails details(
            @Nullable Long person,
            @Nullable PersonDetails someoneNew,
            @Nullable String origin,
            @Nullable String ready) {
        List<Problem> problems = new ArrayList<>();
        LocalDate review = FormValues.date("review_on", "Review date", reviewOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new TalentDetails(
                person,
                someoneNew,
                origin,
                FormValues.text(nominatedBy),
                FormValues.text(nominationReason),
                levels == null ? List.of() : levels,
                forumKinds == null ? List.of() : forumKinds,
                FormValues.text(topics),
                ready == null ? "" : ready,
                FormValues.text(developmentNeeds),
                "true".equals(consentToContact),
                review);
    }
}
