package org.goldenthread.engagement.events;

import org.goldenthread.platform.Coded;

/** What sort of gathering an event is. */
public enum EventKind implements Coded {
    ROUNDTABLE("roundtable", "Roundtable"),
    WEBINAR("webinar", "Webinar"),
    FOCUS_GROUP("focus_group", "Focus group"),
    WORKSHOP("workshop", "Workshop");

    private final String code;
    private final String label;

    EventKind(String code, String label) {
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
