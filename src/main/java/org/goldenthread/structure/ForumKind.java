package org.goldenthread.structure;

import org.goldenthread.platform.Coded;

/** What sort of group a forum is. */
public enum ForumKind implements Coded {
    BOARD("board", "Board"),
    COMMITTEE("committee", "Committee"),
    SENATE("senate", "Clinical senate"),
    PROFESSIONAL_COUNCIL("professional_council", "Professional council"),
    NETWORK("network", "Network"),
    ASSEMBLY("assembly", "Assembly"),
    WORKING_GROUP("working_group", "Working group");

    private final String code;
    private final String label;

    ForumKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
