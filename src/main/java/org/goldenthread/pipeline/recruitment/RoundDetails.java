package org.goldenthread.pipeline.recruitment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A round as someone asks for it: the forum by name and the seat by title, as the register file names them. */
public record RoundDetails(
        @Nullable String forum,
        @Nullable String seat,
        @JsonProperty("opens_on") @Nullable LocalDate opensOn,
        @JsonProperty("closes_on") @Nullable LocalDate closesOn,
        @JsonProperty("role_description") @Nullable String roleDescription) {}
