package org.goldenthread.pipeline.recruitment;

import org.goldenthread.platform.Coded;

/** How far an application got: appointed implies shortlisted; withdrawn may follow either of the first two. */
public enum Stage implements Coded {
    APPLIED("applied", "Applied"),
    SHORTLISTED("shortlisted", "Shortlisted"),
    APPOINTED("appointed", "Appointed"),
    WITHDRAWN("withdrawn", "Withdrawn");

    private final String code;
    private final String label;

    Stage(String code, String label) {
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
