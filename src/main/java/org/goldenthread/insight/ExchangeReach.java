package org.goldenthread.insight;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.goldenthread.development.ExchangeActivity;
import org.goldenthread.people.Appointment;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Workplace exchanges for everything in view, each level and each place, grouped as {@link
 * DevelopmentReach} groups leaders. An exchange belongs to a group when either of its two people holds a
 * current appointment there, so one pair may count at two levels or in two places, but once in each.
 * For the whole ICS every pair counts, whether or not its people lead.
 */
final class ExchangeReach {

    private final Snapshot snapshot;
    private final List<ExchangeActivity.Exchange> exchanges;

    ExchangeReach(Snapshot snapshot, List<ExchangeActivity.Exchange> exchanges) {
        this.snapshot = snapshot;
        this.exchanges = exchanges;
    }

    List<ExchangeFigures> figures(Audience audience, SmallNumbers small) {
        return snapshot.inGroups(
                (group, name, inGroup, wholeIcs) -> group(group, name, inGroup, wholeIcs, audience, small));
    }

    private ExchangeFigures group(
            String group,
            @Nullable String name,
            Predicate<Appointment> inGroup,
            boolean everyPair,
            Audience audience,
            SmallNumbers small) {
        Set<Long> leaders = snapshot.current.stream()
                .filter(inGroup)
                .map(Appointment::personId)
                .collect(Collectors.toSet());
        List<ExchangeActivity.Exchange> here = exchanges.stream()
                .filter(e -> everyPair || leaders.contains(e.giverId()) || leaders.contains(e.receiverId()))
                .toList();
        return ExchangeFigures.of(group, name, ExchangeActivity.Facts.of(here), audience, small);
    }
}
