package org.goldenthread.pipeline.succession;

import org.goldenthread.platform.Coded;

/** Whether someone who left a seat would consider a leadership seat again. */
public enum WouldReturn implements Coded {
    YES("yes", "Yes"),
    MAYBE("maybe", "Perhaps"),
    NO("no", "No");

    private final String code;
    private final String label;

    WouldReturn(String code, String label) {
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
