package org.goldenthread.pipeline.equality;

import org.goldenthread.platform.Coded;

/** Whether someone considers themselves disabled, as the Workforce Disability Equality Standard asks. */
public enum Disability implements Coded {
    YES("yes", "Disabled"),
    NO("no", "Not disabled"),
    NOT_STATED("not_stated", "Not stated");

    private final String code;
    private final String label;

    Disability(String code, String label) {
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
