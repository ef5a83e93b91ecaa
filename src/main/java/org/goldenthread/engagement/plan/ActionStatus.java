package org.goldenthread.engagement.plan;

import org.goldenthread.platform.Coded;

/** Where an action taken on what was heard stands. */
enum ActionStatus implements Coded {
    PLANNED("planned", "Planned"),
    UNDER_WAY("under_way", "Under way"),
    DONE("done", "Done");

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
}
