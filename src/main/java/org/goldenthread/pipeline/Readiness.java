package org.goldenthread.pipeline;

import org.goldenthread.platform.Coded;

/** How soon someone in the talent pool could take on a leadership role. */
public enum Readiness implements Coded {
    READY_NOW("ready_now", "Ready now"),
    ONE_TO_TWO_YEARS("one_to_two_years", "Ready in 1 to 2 years"),
    THREE_YEARS_PLUS("three_years_plus", "Ready in 3 years or more");

    private final String code;
    private final String label;

    Readiness(String code, String label) {
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
