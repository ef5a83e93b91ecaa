package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A group where leadership happens — a board, committee, senate, council, network, assembly or
 * working group — at one level of the ICS, with the forum it reports to (its line of sight).
 */
public record Forum(
        long id,
        String name,
        String level,
        String kind,
        @JsonProperty("decision_rights") String decisionRights,
        String place,
        String neighbourhood,
        @JsonProperty("reports_to") String reportsTo,
        @JsonProperty("reports_to_id") Long reportsToId,
        int seats) {

    public boolean isSystemBoard() {
        return Level.SYSTEM.code().equals(level) && ForumKind.BOARD.code().equals(kind);
    }
}
