package org.goldenthread.people;

import org.goldenthread.platform.Coded;

/** How far into their career a professional is; early and mid-career leaders are the pipeline. */
public enum CareerStage implements Coded {
    STUDENT("student", "Student or trainee"),
    EARLY("early", "Early career"),
    MID("mid", "Mid career"),
    SENIOR("senior", "Senior");

    private final String code;
    private final String label;

    CareerStage(String code, String label) {
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
