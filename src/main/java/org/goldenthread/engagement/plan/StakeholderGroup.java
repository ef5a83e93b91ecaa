package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A group or network the ICS means to hear from, and how many activities in the plan reach it. */
public record StakeholderGroup(
        long id,
        String name,
        String kind,
        @JsonProperty("estimated_size") @Nullable Integer estimatedSize,
        @Nullable String owner,
        int activities) {}
