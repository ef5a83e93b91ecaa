package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A forum as someone describes it, by names rather than ids: from a form, the API or a row of the
 * register file ({@code row} says which, for error messages; null elsewhere).
 */
public record ForumDetails(
        @Nullable String name,
        @Nullable String level,
        @Nullable String kind,
        @JsonProperty("decision_rights") @Nullable String decisionRights,
        @Nullable String place,
        @Nullable String neighbourhood,
        @JsonProperty("reports_to") @Nullable String reportsTo,
        @JsonIgnore @Nullable Integer row) {

    public ForumDetails withRow(@Nullable Integer row) {
        return new ForumDetails(name, level, kind, decisionRights, place, neighbourhood, reportsTo, row);
    }
}
