package org.goldenthread.development.time;

import org.goldenthread.platform.Coded;

/** Whether the protected time agreed for someone's system roles was theirs to use that week. */
enum TimeKept implements Coded {
    FULLY("fully", "Yes, all of it"),
    PARTLY("partly", "Some of it"),
    NOT_AT_ALL("not_at_all", "No");

    private final String code;
    private final String label;

    TimeKept(String code, String label) {
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
