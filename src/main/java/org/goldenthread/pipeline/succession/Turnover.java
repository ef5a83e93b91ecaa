package org.goldenthread.pipeline.succession;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turnover of leaders over the 12 months to a day: leavers ÷ average headcount.
 *
 * <p>The headcount on a day is the number of people holding at least one seat in the group that day.
 * The average headcount is the mean of the headcount on the first day of the window (the same day a
 * year before) and on its last. A leaver is someone whose last seat in the group ended during the
 * window: their appointment's last day falls on or after the first day and before the last, and on
 * the day after it they hold no seat in the group. Someone moving from one seat to another in the
 * group, or reappointed to the same seat, has not left; someone who leaves twice counts once.
 */
final class Turnover {

    /** One appointment: who, at which level, from when and to when (its last day, inclusive). */
    record Stint(
            long personId,
            String level,
            LocalDate start,
            @Nullable LocalDate end) {

        boolean heldOn(LocalDate day) {
            return !start.isAfter(day) && (end == null || !end.isBefore(day));
        }
    }

    /** A group's counts; {@code group} is a level's code or "all". */
    record Row(String group, int headcountAtStart, int headcountAtEnd, int leavers) {

        double averageHeadcount() {
            return (headcountAtStart + headcountAtEnd) / 2.0;
        }

        @Nullable
        Double rate() {
            return averageHeadcount() == 0 ? null : leavers / averageHeadcount();
        }
    }

    private Turnover() {}

    static Row of(String group, List<Stint> stints, LocalDate day) {
        LocalDate first = day.minusYears(1);
        Set<Long> leavers = stints.stream()
                .filter(s ->
                        s.end() != null && !s.end().isBefore(first) && s.end().isBefore(day))
                .filter(s -> stints.stream()
                        .noneMatch(o -> o.personId() == s.personId()
                                && o.heldOn(Objects.requireNonNull(s.end()).plusDays(1))))
                .map(Stint::personId)
                .collect(Collectors.toSet());
        return new Row(group, headcount(stints, first), headcount(stints, day), leavers.size());
    }

    private static int headcount(List<Stint> stints, LocalDate day) {
        return (int) stints.stream()
                .filter(s -> s.heldOn(day))
                .map(Stint::personId)
                .distinct()
                .count();
    }
}
