package org.goldenthread.pipeline.succession;

import org.goldenthread.platform.Coded;

/** How someone came into the talent pool. */
public enum Origin implements Coded {
    INTEREST("interest", "Expressed interest"),
    NOMINATION("nomination", "Nominated"),
    RECRUITMENT("recruitment", "Applied for a seat");

    private final String code;
    private final String label;

    Origin(String code, String label) {
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
