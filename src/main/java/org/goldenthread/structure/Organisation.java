package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A provider, council, charity or other body whose people take part in leadership. */
public record Organisation(
        long id,
        String name,
        @JsonProperty("ods_code") @Nullable String odsCode,
        String sector,
        @Nullable String place) {}
