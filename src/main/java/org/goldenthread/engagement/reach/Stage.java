package org.goldenthread.engagement.reach;

import org.goldenthread.platform.Coded;

/** How far someone came: invited to a survey or an event, registered for and attended an event, or responded. */
public enum Stage implements Coded {
    INVITED("invited", "Invited"),
    REGISTERED("registered", "Registered"),
    ATTENDED("attended", "Attended"),
    RESPONDED("responded", "Responded");

    private final String code;
    private final String label;

    Stage(String code, String label) {
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

    /** "those invited", "those who responded": how a sentence names the people at this stage. */
    String those() {
        return switch (this) {
            case INVITED -> "those invited";
            case REGISTERED -> "those registered";
            case ATTENDED -> "those who attended";
            case RESPONDED -> "those who responded";
        };
    }
}
