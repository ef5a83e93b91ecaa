package org.goldenthread.development.feedback;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One 360° round for one leader: the framework it started with, its closing date, what it promised
 * raters. It belongs to the address the leader had on the register when it started, so that editing
 * the register later cannot hand it to somebody else.
 */
record Round(
        long id,
        long personId,
        String leader,
        @Nullable String leaderEmail,
        BehaviourFramework framework,
        LocalDate openedOn,
        LocalDate closesOn,
        @Nullable LocalDate closedOn,
        boolean managerShown,
        boolean leaderType,
        boolean sealed) {

    /** Closed early by hand, or past the end of its closing date. */
    public boolean isClosed(LocalDate today) {
        return closedOn != null || today.isAfter(closesOn);
    }

    /** The day it closed or will close. */
    public LocalDate closing() {
        return closedOn != null ? closedOn : closesOn;
    }
}
