package org.goldenthread.structure;

import org.goldenthread.platform.Coded;

/** The tier of the ICS a forum works at. */
public enum Level implements Coded {
    SYSTEM("system", "System"),
    PLACE("place", "Place"),
    NEIGHBOURHOOD("neighbourhood", "Neighbourhood"),
    PROVIDER_COLLABORATIVE("provider_collaborative", "Provider collaborative"),
    CLINICAL_NETWORK("clinical_network", "Clinical network");

    private final String code;
    private final String label;

    Level(String code, String label) {
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
