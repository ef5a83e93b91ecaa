package org.goldenthread.engagement.plan;

import org.goldenthread.platform.Coded;

/** How an activity in the plan reaches people. */
enum ActivityKind implements Coded {
    SURVEY("survey", "Survey"),
    ROUNDTABLE("roundtable", "Roundtable"),
    WEBINAR("webinar", "Webinar"),
    FOCUS_GROUP("focus_group", "Focus group"),
    NEWSLETTER("newsletter", "Newsletter"),
    ONE_TO_ONE("one_to_one", "One-to-one");

    private final String code;
    private final String label;

    ActivityKind(String code, String label) {
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
