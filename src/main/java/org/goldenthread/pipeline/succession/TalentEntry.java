package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Someone in the talent pool: who, how they came in (their own interest, a nomination by whom and
 * why, or an application), what they are interested in, how ready they are, what would help them
 * grow, whether they may be contacted, and when their place in the pool is next reviewed.
 */
public record TalentEntry(
        long id,
        @JsonProperty("person_id") long personId,
        @JsonProperty("person_ref") String personRef,
        String person,
        String profession,
        String origin,
        @JsonProperty("nominated_by") @Nullable String nominatedBy,
        @JsonProperty("nomination_reason") @Nullable String nominationReason,
        List<String> levels,
        @JsonProperty("forum_kinds") List<String> forumKinds,
        @Nullable String topics,
        String readiness,
        @JsonProperty("development_needs") @Nullable String developmentNeeds,
        @JsonProperty("consent_to_contact") boolean consentToContact,
        @JsonProperty("review_on") @Nullable LocalDate reviewOn,
        @JsonProperty("added_on") LocalDate addedOn) {

    /** Whether the entry's review falls on or before this day. */
    public boolean reviewDueOn(LocalDate day) {
        return reviewOn != null && !reviewOn.isAfter(day);
    }
}
