package org.goldenthread.development.time;

import org.goldenthread.platform.Coded;

/** How a week's system work sat alongside someone's day job, in their own judgement. */
enum Workload implements Coded {
    MANAGEABLE("manageable", "Manageable"),
    STRETCHED("stretched", "Stretched, but I coped"),
    UNMANAGEABLE("unmanageable", "Not manageable");

    private final String code;
    private final String label;

    Workload(String code, String label) {
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
