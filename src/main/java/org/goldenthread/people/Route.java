package org.goldenthread.people;

import org.goldenthread.platform.Coded;

/** How someone came to hold a seat. */
public enum Route implements Coded {
    OPEN_RECRUITMENT("open_recruitment", "Open recruitment"),
    NOMINATION("nomination", "Nomination"),
    ELECTION("election", "Election"),
    EX_OFFICIO("ex_officio", "Ex officio");

    private final String code;
    private final String label;

    Route(String code, String label) {
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
