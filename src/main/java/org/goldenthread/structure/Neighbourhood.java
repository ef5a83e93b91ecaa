package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A neighbourhood or primary care network of some 30,000 to 50,000 people, within a place. */
public record Neighbourhood(
        long id,
        String name,
        String place,
        @JsonProperty("ods_code") @Nullable String odsCode,
        @Nullable Integer population) {}
