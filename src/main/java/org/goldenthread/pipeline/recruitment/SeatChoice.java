package org.goldenthread.pipeline.recruitment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A seat offered for a new round, with why it may need one: vacant, its holder's term ending on a
 * day, or held with no end in sight.
 *
 * @param endsOn the day the current holder's appointment ends, when it does
 */
record SeatChoice(
        long seatId,
        String forum,
        String title,
        boolean vacant,
        @Nullable LocalDate endsOn) {}
