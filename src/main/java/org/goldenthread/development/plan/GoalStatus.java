package org.goldenthread.development.plan;

import org.goldenthread.platform.Coded;

/** Where a goal in a development plan stands. */
enum GoalStatus implements Coded {
    OPEN("open", "Working on it"),
    MET("met", "Met"),
    DROPPED("dropped", "Set aside");

    private final String code;
    private final String label;

    GoalStatus(String code, String label) {
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
