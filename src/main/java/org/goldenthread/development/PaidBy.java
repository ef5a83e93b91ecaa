package org.goldenthread.development;

import org.goldenthread.platform.Coded;

/** Who pays for an offer that is not free. */
public enum PaidBy implements Coded {
    ICS("ics", "The ICS"),
    EMPLOYER("employer", "The participant's employer"),
    PARTICIPANT("participant", "The participant"),
    SPONSOR("sponsor", "Another funder");

    private final String code;
    private final String label;

    PaidBy(String code, String label) {
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
