package org.goldenthread.pipeline.equality;

import org.goldenthread.platform.Coded;

/** Ethnic group, as the ONS 2021 census's high-level groups; not stated is a choice like any other. */
public enum EthnicGroup implements Coded {
    WHITE("white", "White"),
    MIXED("mixed", "Mixed or multiple ethnic groups"),
    ASIAN("asian", "Asian, Asian British or Asian Welsh"),
    BLACK("black", "Black, Black British, Black Welsh, Caribbean or African"),
    OTHER("other", "Other ethnic group"),
    NOT_STATED("not_stated", "Not stated");

    private final String code;
    private final String label;

    EthnicGroup(String code, String label) {
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
