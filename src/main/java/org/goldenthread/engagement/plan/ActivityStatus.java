package org.goldenthread.engagement.plan;

import org.goldenthread.platform.Coded;

/** Where an activity in the plan stands. */
enum ActivityStatus implements Coded {
    PLANNED("planned", "Planned"),
    UNDER_WAY("under_way", "Under way"),
    DONE("done", "Done"),
    CANCELLED("cancelled", "Cancelled");

    private final String code;
    private final String label;

    ActivityStatus(String code, String label) {
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
