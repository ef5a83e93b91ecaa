package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A place within an ICS, usually a local authority footprint of a few hundred thousand people. */
public record Place(
        long id,
        String name,
        @JsonProperty("local_authority") @Nullable String localAuthority,
        @Nullable Integer population,
        @JsonProperty("neighbourhoods") int neighbourhoodCount,
        @JsonProperty("organisations") int organisationCount) {}
