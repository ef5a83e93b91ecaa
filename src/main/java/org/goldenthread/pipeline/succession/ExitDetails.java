package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An exit conversation as a form or the API describes it; {@code handover_to} names someone not in the register. */
public record ExitDetails(
        @JsonProperty("held_on") @Nullable LocalDate heldOn,
        @Nullable String reason,
        @JsonProperty("reason_detail") @Nullable String reasonDetail,
        @JsonProperty("would_return") @Nullable String wouldReturn,
        @Nullable Boolean handover,
        @JsonProperty("handover_to_person_id") @Nullable Long handoverToPersonId,
        @JsonProperty("handover_to") @Nullable String handoverTo) {}
