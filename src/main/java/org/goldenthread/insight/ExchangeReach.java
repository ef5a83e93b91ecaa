package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.goldenthread.development.ExchangeActivity;
import org.goldenthread.people.Appointment;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Level;
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
        List<ExchangeFigures> rows = new ArrayList<>();
        rows.add(group("all", null, a -> true, snapshot.place == null, audience, small));
        for (Level level : Level.values()) {
            rows.add(group(
                    "level", level.code(), a -> level.code().equals(snapshot.levelOf(a)), false, audience, small));
        }
        for (String p : snapshot.places) {
            if (snapshot.inView(p)) {
                rows.add(group("place", p, a -> p.equalsIgnoreCase(snapshot.placeOf(a)), false, audience, small));
            }
        }
        return rows;
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
