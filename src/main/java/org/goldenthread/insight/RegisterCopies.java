package org.goldenthread.insight;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Neighbourhood;
import org.goldenthread.structure.Organisation;
import org.goldenthread.structure.Place;
import org.goldenthread.structure.Seat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The latest copy of each ICS's map and register that Insight has read, kept between requests,
 * because reading and mapping thousands of rows took most of each insight call. A copy is used only
 * while the database's count of changes to the register (the platform's {@code change_counts}, which
 * every write to the map or the register adds to) is the one it was read with; the count is read in
 * the caller's transaction, so it goes with exactly the rows that transaction would read, on every
 * instance sharing the database.
 */
@Component
class RegisterCopies {

    /** The ICS's map and register as read when its changes were counted as {@code changes}. */
    record Copy(
            String changes,
            List<Forum> forums,
            List<Seat> seats,
            List<Appointment> appointments,
            List<Person> people,
            List<Organisation> organisations,
            List<String> places,
            List<Neighbourhood> neighbourhoods,
            Map<Worked, Landscape> landscapes) {

        /** The most landscapes kept with one copy: a few places, today and the odd past day. */
        private static final int MOST_KEPT = 32;

        /**
         * The landscape worked out from this copy for one place (or none) on one day with these
         * development facts, kept so that its figures are worked out once, not on every call.
         */
        Landscape landscape(Worked worked, java.util.function.Supplier<Landscape> work) {
            Landscape kept = landscapes.get(worked);
            if (kept != null) {
                return kept;
            }
            if (landscapes.size() >= MOST_KEPT) {
                landscapes.clear();
            }
            Landscape fresh = work.get();
            landscapes.put(worked, fresh);
            return fresh;
        }
    }

    /** What a landscape depends on besides the copy of the register. */
    record Worked(
            @org.jspecify.annotations.Nullable String place,
            java.time.LocalDate day,
            org.goldenthread.development.DevelopmentActivity.Facts development,
            List<org.goldenthread.development.ExchangeActivity.Exchange> exchanges) {}

    private final JdbcClient jdbc;
    private final Forums forums;
    private final IcsMap map;
    private final Register register;
    private final Map<Long, Copy> byIcs = new ConcurrentHashMap<>();

    RegisterCopies(JdbcClient jdbc, Forums forums, IcsMap map, Register register) {
        this.jdbc = jdbc;
        this.forums = forums;
        this.map = map;
        this.register = register;
    }

    /**
     * The map and register of the ICS in scope as the caller's transaction sees them: the copy kept
     * if nothing has changed since it was read, else a fresh one, which is kept in its place.
     */
    Copy current() {
        String changes =
                jdbc.sql("select change_counts('register')").query(String.class).single();
        Long ics = Scope.current().activeIcsId();
        Copy kept = ics == null ? null : byIcs.get(ics);
        if (kept != null && kept.changes().equals(changes)) {
            return kept;
        }
        Copy fresh = new Copy(
                changes,
                List.copyOf(forums.forums()),
                List.copyOf(forums.seats()),
                List.copyOf(register.appointments()),
                List.copyOf(register.people()),
                List.copyOf(map.organisations()),
                map.places().stream().map(Place::name).toList(),
                List.copyOf(map.neighbourhoods()),
                new ConcurrentHashMap<>());
        if (ics != null) {
            byIcs.put(ics, fresh);
        }
        return fresh;
    }

    /** Drops every copy, so that the next call of each ICS reads afresh: for comparing the two. */
    void forgetAll() {
        byIcs.clear();
    }
}
