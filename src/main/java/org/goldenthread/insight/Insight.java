package org.goldenthread.insight;

import java.time.Clock;
import java.time.LocalDate;
import org.goldenthread.development.DevelopmentActivity;
import org.goldenthread.development.ExchangeActivity;
import org.goldenthread.people.Professions;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Place;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the ICS map, the register and the development module's facts for the ICS in scope into a
 * {@link Landscape}: the map and register from the copy kept while neither changes ({@link
 * RegisterCopies}), the development facts, which are few, afresh.
 */
@Service
class Insight {

    private final IcsMap map;
    private final RegisterCopies copies;
    private final Professions professions;
    private final DevelopmentActivity development;
    private final ExchangeActivity exchanges;
    private final Clock clock;

    Insight(
            IcsMap map,
            RegisterCopies copies,
            Professions professions,
            DevelopmentActivity development,
            ExchangeActivity exchanges,
            Clock clock) {
        this.development = development;
        this.exchanges = exchanges;
        this.map = map;
        this.copies = copies;
        this.professions = professions;
        this.clock = clock;
    }

    /** The names of the ICS's places, for choosing one. */
    public java.util.List<String> placeNames() {
        return map.places().stream().map(Place::name).toList();
    }

    /**
     * The leadership of the ICS today, narrowed to a place when one is named. The reads share one
     * repeatable-read snapshot, so an import committing half-way through cannot make the figures
     * disagree with each other.
     *
     * @throws InvalidInput naming {@code place} when the ICS has no such place
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Landscape landscape(@Nullable String place) {
        return landscape(place, LocalDate.now(clock));
    }

    /**
     * The leadership as it stood on a past day, from the appointments current then (the register
     * keeps each appointment's dates), for figures that must be those of their own day.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Landscape landscape(@Nullable String place, LocalDate day) {
        RegisterCopies.Copy copy = copies.current();
        var places = copy.places();
        String chosen = null;
        if (place != null && !place.isBlank()) {
            chosen = places.stream()
                    .filter(p -> p.equalsIgnoreCase(place.trim()))
                    .findFirst()
                    .orElseThrow(
                            () -> new InvalidInput("place", "This ICS has no place called '" + place.trim() + "'"));
        }
        var facts = development.on(day);
        var exchanged = exchanges.on(day);
        String narrowed = chosen;
        return copy.landscape(
                new RegisterCopies.Worked(narrowed, day, facts, exchanged),
                () -> new Landscape(
                        day,
                        narrowed,
                        copy.forums(),
                        copy.seats(),
                        copy.appointments(),
                        copy.people(),
                        copy.organisations(),
                        professions.all(),
                        places,
                        copy.neighbourhoods(),
                        facts,
                        exchanged));
    }
}
