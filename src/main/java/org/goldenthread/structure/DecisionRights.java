package org.goldenthread.structure;

import org.goldenthread.platform.Coded;

/** How much say a forum has: it takes decisions, or recommends, advises or gives assurance to another. */
public enum DecisionRights implements Coded {
    DECIDES("decides", "Decides"),
    RECOMMENDS("recommends", "Recommends"),
    ADVISES("advises", "Advises"),
    ASSURES("assures", "Assures");

    private final String code;
    private final String label;

    DecisionRights(String code, String label) {
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
