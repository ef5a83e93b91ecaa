package org.goldenthread.development;

import org.goldenthread.platform.Coded;

/** How far an offer's provider reaches: one place, the ICS, the region or the country. */
public enum ProviderScope implements Coded {
    PLACE("place", "Place"),
    ICS("ics", "Integrated care system"),
    REGIONAL("regional", "Regional"),
    NATIONAL("national", "National");

    private final String code;
    private final String label;

    ProviderScope(String code, String label) {
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
