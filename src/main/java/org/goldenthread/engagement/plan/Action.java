package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the ICS does about what it heard: the theme it answers (if one), who, by when and how it stands. */
public record Action(
        long id,
        @JsonProperty("theme_id") @Nullable Long themeId,
        @JsonProperty("theme_name") @Nullable String themeName,
        String what,
        @Nullable String owner,
        @JsonProperty("due_on") @Nullable LocalDate dueOn,
        String status) {}
