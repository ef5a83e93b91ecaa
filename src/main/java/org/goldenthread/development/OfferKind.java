package org.goldenthread.development;

import org.goldenthread.platform.Coded;

/** What kind of development an offer is. */
public enum OfferKind implements Coded {
    PROGRAMME("programme", "Programme"),
    COURSE("course", "Course"),
    COACHING("coaching", "Coaching"),
    MENTORING("mentoring", "Mentoring"),
    REVERSE_MENTORING("reverse_mentoring", "Reverse mentoring"),
    BUDDYING("buddying", "Buddying"),
    WORKPLACE_EXCHANGE("workplace_exchange", "Workplace exchange"),
    ACTION_LEARNING_SET("action_learning_set", "Action learning set"),
    NETWORK("network", "Network"),
    SAFE_SPACE_CONVERSATION("safe_space_conversation", "Safe-space conversation");

    private final String code;
    private final String label;

    OfferKind(String code, String label) {
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
