package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.people.PersonDetails;
import org.jspecify.annotations.Nullable;

/**
 * A talent pool entry as a form or the API describes it. To add someone, give either {@code
 * person_id} (someone in the register) or {@code person} (someone to add to the register first).
 * When changing an entry, what is left out (null) keeps its value; an empty list clears one.
 */
public record TalentDetails(
        @JsonProperty("person_id") @Nullable Long personId,
        @Nullable PersonDetails person,
        @Nullable String origin,
        @JsonProperty("nominated_by") @Nullable String nominatedBy,
        @JsonProperty("nomination_reason") @Nullable String nominationReason,
        @Nullable List<String> levels,
        @JsonProperty("forum_kinds") @Nullable List<String> forumKinds,
        @Nullable String topics,
        @Nullable String readiness,
        @JsonProperty("development_needs") @Nullable String developmentNeeds,
        @JsonProperty("consent_to_contact") @Nullable Boolean consentToContact,
        @JsonProperty("review_on") @Nullable LocalDate reviewOn) {}
