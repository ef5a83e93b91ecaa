package org.goldenthread.development;

import org.goldenthread.platform.Coded;

/**
 * What a programme that pairs or groups people is for. Mentoring, reverse mentoring, coaching and
 * buddying pair a giver (a mentor, coach or buddy) with a receiver; an exchange pairs two people who
 * host each other; an action learning programme forms sets rather than pairs.
 */
public enum ProgrammeKind implements Coded {
    MENTORING("mentoring", "Mentoring"),
    REVERSE_MENTORING("reverse_mentoring", "Reverse mentoring"),
    COACHING("coaching", "Coaching"),
    BUDDYING("buddying", "Buddying"),
    EXCHANGE("exchange", "Workplace exchange"),
    ACTION_LEARNING("action_learning", "Action learning");

    private final String code;
    private final String label;

    ProgrammeKind(String code, String label) {
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

    /** Whether the programme pairs people through matching (all but action learning, which forms sets). */
    public boolean pairs() {
        return this != ACTION_LEARNING;
    }
}
