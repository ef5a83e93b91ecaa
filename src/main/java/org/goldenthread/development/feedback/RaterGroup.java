package org.goldenthread.development.feedback;

import org.goldenthread.platform.Coded;

/** Who a rater is to the leader. Each group's answers show only when enough of its raters answered. */
public enum RaterGroup implements Coded {
    LINE_MANAGER("line_manager", "Line manager", "Line manager", "their line manager"),
    PEER("peer", "Peer", "Peers", "a peer"),
    DIRECT_REPORT("direct_report", "Someone they lead", "People they lead", "someone they lead"),
    PARTNER(
            "partner",
            "Partner in another organisation",
            "Partners in other organisations",
            "a partner in another organisation"),
    PATIENT(
            "patient",
            "Patient or expert by experience",
            "Patients and experts by experience",
            "a patient or expert by experience"),
    OTHER("other", "Other", "Others they work with", "someone they work with");

    private final String code;
    private final String label;
    private final String plural;
    private final String who;

    RaterGroup(String code, String label, String plural, String who) {
        this.code = code;
        this.label = label;
        this.plural = plural;
        this.who = who;
    }

    /** What a rater in this group is to the leader, as a sentence says it: "a peer". */
    public String who() {
        return who;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The group as a heading over its answers. */
    public String plural() {
        return plural;
    }

    static RaterGroup of(String code) {
        return Coded.parse(RaterGroup.class, code).orElseThrow();
    }
}
