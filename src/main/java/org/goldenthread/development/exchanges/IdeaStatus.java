package org.goldenthread.development.exchanges;

import org.goldenthread.platform.Coded;

/** How far an improvement idea brought back from an exchange has got. */
public enum IdeaStatus implements Coded {
    PROPOSED("proposed", "Proposed"),
    TRIED("tried", "Tried"),
    ADOPTED("adopted", "Adopted");

    private final String code;
    private final String label;

    IdeaStatus(String code, String label) {
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
