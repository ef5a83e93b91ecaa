package org.goldenthread.development;

import org.goldenthread.platform.Coded;

/** How an offer is delivered. */
public enum Delivery implements Coded {
    IN_PERSON("in_person", "In person"),
    ONLINE("online", "Online"),
    BLENDED("blended", "Blended (in person and online)"),
    SELF_PACED("self_paced", "Self-paced");

    private final String code;
    private final String label;

    Delivery(String code, String label) {
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
