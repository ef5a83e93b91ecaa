package org.goldenthread.development.relationships;

import org.goldenthread.platform.Coded;

/** Why a relationship ended, as whoever ended it said. */
public enum EndReason implements Coded {
    GOALS_MET("goals_met", "Our goals were met"),
    PROGRAMME_ENDED("programme_ended", "The programme ended"),
    NOT_WORKING("not_working", "It was not working for us"),
    MOVED_ROLE("moved_role", "One of us moved role"),
    OTHER("other", "Another reason");

    private final String code;
    private final String label;

    EndReason(String code, String label) {
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
