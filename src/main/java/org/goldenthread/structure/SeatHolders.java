package org.goldenthread.structure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who sits in seats, for the forum page: appointments belong to the people module, which provides
 * this, so that structure need not know how people are kept.
 */
public interface SeatHolders {

    /**
     * A seat's occupancy today: its holder (null when vacant) with their profession and the day
     * they took it, and for a vacant seat the day its last holder left (null if never held).
     */
    record Holding(
            long seatId,
            @Nullable String holder,
            @Nullable String profession,
            @Nullable LocalDate since,
            @Nullable LocalDate lastLeft) {

        /** Whether someone holds the seat today: {@code since} is set exactly then, named or not. */
        public boolean held() {
            return since != null;
        }

        /** The same occupancy without saying who: whether the seat is held, and since when. */
        public Holding withoutHolder() {
            return new Holding(seatId, null, null, since, lastLeft);
        }
    }

    /** Occupancy of each of these seats that has ever been held; seats never held are absent. */
    Map<Long, Holding> holdingsOf(Collection<Long> seatIds);
}
