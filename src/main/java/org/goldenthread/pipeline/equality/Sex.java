package org.goldenthread.pipeline.equality;

import org.goldenthread.platform.Coded;

/** Sex, as asked in equality monitoring. */
public enum Sex implements Coded {
    FEMALE("female", "Female"),
    MALE("male", "Male"),
    NOT_STATED("not_stated", "Not stated");

    private final String code;
    private final String label;

    Sex(String code, String label) {
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
