package org.goldenthread.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Lets the platform find the people of the ICS in scope without knowing how the register keeps them; the people module provides it. */
public interface DataSubjects {

    /** The person, unless there is no such person or they have been erased already. */
    Optional<DataSubject> find(long personId);

    /** Whether the person was erased, and on which day. */
    Optional<LocalDate> erasedOn(long personId);

    /**
     * People not yet erased who have been appointed to seats, hold none now, and whose last
     * appointment ended before the day given: those a retention period has run out for.
     */
    List<Long> lastAppointmentEndedBefore(LocalDate day);
}
