package org.goldenthread.development.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A rater as the people running a round see them: who, in which group, and whether their link was
 * emailed. Whether this one rater responded is not shown anywhere; only each group's count is.
 */
record Rater(
        long id,
        @JsonProperty("rater_group") String raterGroup,
        String name,
        @Nullable String email,
        @JsonProperty("emailed_on") java.time.@Nullable LocalDate emailedOn) {}
