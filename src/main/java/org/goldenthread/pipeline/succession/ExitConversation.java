package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What was said when someone left a seat: why, whether they would consider coming back, and whether
 * they handed over, to someone in the register or to someone named in words.
 */
public record ExitConversation(
        long id,
        @JsonProperty("appointment_id") long appointmentId,
        @JsonProperty("held_on") LocalDate heldOn,
        String reason,
        @JsonProperty("reason_detail") @Nullable String reasonDetail,
        @JsonProperty("would_return") String wouldReturn,
        boolean handover,
        @JsonProperty("handover_to_person_id") @Nullable Long handoverToPersonId,
        @JsonProperty("handover_to") @Nullable String handoverTo) {}
