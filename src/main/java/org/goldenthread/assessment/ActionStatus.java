package org.goldenthread.assessment;

import org.goldenthread.platform.Coded;

/** How far an action has got. Done and dropped actions are never overdue. */
public enum ActionStatus implements Coded {
    NOT_STARTED("not_started", "Not started"),
    IN_PROGRESS("in_progress", "In progress"),
    DONE("done", "Done"),
    DROPPED("dropped", "Dropped");

    private final String code;
    private final String label;

    ActionStatus(String code, String label) {
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

    public boolean isFinished() {
        return this == DONE || this == DROPPED;
    }
}
