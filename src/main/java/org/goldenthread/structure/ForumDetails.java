package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A forum as someone describes it, by names rather than ids: from a form, the API or a row of the
 * register file ({@code row} says which, for error messages; null elsewhere).
 */
public record ForumDetails(
        String name,
        String level,
        String kind,
        @JsonProperty("decision_rights") String decisionRights,
        String place,
        String neighbourhood,
        @JsonProperty("reports_to") String reportsTo,
        @JsonIgnore Integer row) {

    public ForumDetails withRow(Integer row) {
        return new ForumDetails(name, level, kind, decisionRights, place, neighbourhood, reportsTo, row);
    }
}
