package org.goldenthread.development.relationships;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * When a pair is next expected to meet, and whether it has gone quiet, counted from their latest
 * meeting or, before they have met, from the day the relationship started. Logging a meeting is
 * the check-in: a pair that meets at least every {@code checkInWeeks} is never overdue.
 */
record CheckIns(LocalDate startedOn, @Nullable LocalDate lastMetOn, int checkInWeeks, int quietWeeks) {

    public LocalDate since() {
        return lastMetOn == null || lastMetOn.isBefore(startedOn) ? startedOn : lastMetOn;
    }

    public LocalDate nextCheckIn() {
        return since().plusWeeks(checkInWeeks);
    }

    public boolean checkInOverdue(LocalDate today) {
        return today.isAfter(nextCheckIn());
    }

    /** No meeting for the programme's quiet weeks (whole weeks, counted in days). */
    public boolean quietOn(LocalDate today) {
        return !today.isBefore(since().plusWeeks(quietWeeks));
    }
}
