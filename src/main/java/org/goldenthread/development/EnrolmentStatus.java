package org.goldenthread.development;

import org.goldenthread.platform.Coded;

/** Where someone's enrolment on an offer stands. Applied, accepted and completed enrolments take a place; a waitlisted one waits for one; a withdrawn one gives its place back. */
public enum EnrolmentStatus implements Coded {
    APPLIED("applied", "Applied"),
    ACCEPTED("accepted", "Accepted"),
    WAITLISTED("waitlisted", "On the waitlist"),
    COMPLETED("completed", "Completed"),
    WITHDRAWN("withdrawn", "Withdrawn");

    private final String code;
    private final String label;

    EnrolmentStatus(String code, String label) {
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
