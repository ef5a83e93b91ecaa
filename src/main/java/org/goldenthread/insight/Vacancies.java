package org.goldenthread.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Organisation;
import org.goldenthread.structure.Seat;
import org.goldenthread.structure.SeatType;

/**
 * Seats nobody holds today and since when, the places whose leaders were drawn up to system seats
 * while theirs stand empty, and how many seats for experts by experience are filled.
 */
final class Vacancies {

    private final Snapshot snapshot;

    Vacancies(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** Vacant seats in view, longest vacant first. */
    List<Landscape.Vacancy> vacancies() {
        Set<Long> held = heldSeats();
        Map<Long, LocalDate> lastEnded = new HashMap<>();
        for (Appointment a : snapshot.allAppointments) {
            if (a.endDate() != null && a.endDate().isBefore(snapshot.today)) {
                lastEnded.merge(a.seatId(), a.endDate(), (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        List<Landscape.Vacancy> vacancies = new ArrayList<>();
        for (Seat s : snapshot.seats) {
            if (held.contains(s.id())) {
                continue;
            }
            LocalDate ended = lastEnded.get(s.id());
            LocalDate since = ended == null ? s.createdOn() : ended.plusDays(1);
            Forum f = snapshot.forumOf(s);
            vacancies.add(new Landscape.Vacancy(
                    s.id(),
                    s.title(),
                    s.seatType(),
                    f.name(),
                    f.id(),
                    f.level(),
                    f.place(),
                    since,
                    Math.max(0, ChronoUnit.DAYS.between(since, snapshot.today)),
                    ended != null));
        }
        vacancies.sort(Comparator.comparingLong(Landscape.Vacancy::days)
                .reversed()
                .thenComparing(Landscape.Vacancy::forum)
                .thenComparing(Landscape.Vacancy::seat));
        return vacancies;
    }

    private Set<Long> heldSeats() {
        return snapshot.current.stream().map(Appointment::seatId).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ places drawn on by the system

    /**
     * Places whose leaders were drawn up to system seats while seats at the place stand vacant. A
     * person belongs to a place when they hold or have held a seat on one of its forums, or when
     * their employer (by ODS code) is an organisation there.
     */
    List<Landscape.DrawnPlace> placesDrawnOn() {
        Map<String, Integer> vacantByPlace = new HashMap<>();
        vacancies().stream()
                .filter(v -> v.place() != null)
                .forEach(v -> vacantByPlace.merge(v.place().toLowerCase(Locale.ROOT), 1, Integer::sum));
        Map<Long, List<Appointment>> systemSeats = snapshot.allCurrent.stream()
                .filter(a -> Level.SYSTEM.code().equals(snapshot.levelOf(a)))
                .collect(Collectors.groupingBy(Appointment::personId, LinkedHashMap::new, Collectors.toList()));
        List<Landscape.DrawnPlace> drawn = new ArrayList<>();
        for (String p : snapshot.places) {
            if (!snapshot.inView(p)) {
                continue;
            }
            int vacant = vacantByPlace.getOrDefault(p.toLowerCase(Locale.ROOT), 0);
            if (vacant == 0) {
                continue;
            }
            List<Landscape.DrawnLeader> leaders = drawnFrom(p, systemSeats);
            if (!leaders.isEmpty()) {
                drawn.add(new Landscape.DrawnPlace(p, vacant, leaders));
            }
        }
        return drawn;
    }

    /** The leaders of one place among those holding system seats, by reference. */
    private List<Landscape.DrawnLeader> drawnFrom(String place, Map<Long, List<Appointment>> systemSeats) {
        Set<String> employers = snapshot.organisations.stream()
                .filter(o -> place.equalsIgnoreCase(o.place()) && o.odsCode() != null)
                .map(Organisation::odsCode)
                .collect(Collectors.toSet());
        Set<Long> everAtPlace = new HashSet<>();
        Set<Long> nowAtPlace = new HashSet<>();
        for (Appointment a : snapshot.allAppointments) {
            Forum f = snapshot.forumOf(a);
            if (f != null && place.equalsIgnoreCase(f.place())) {
                everAtPlace.add(a.personId());
                if (a.isCurrentOn(snapshot.today)) {
                    nowAtPlace.add(a.personId());
                }
            }
        }
        List<Landscape.DrawnLeader> leaders = new ArrayList<>();
        systemSeats.forEach((personId, list) -> {
            Person person = snapshot.person(personId);
            boolean employedThere =
                    person != null && person.employerOds() != null && employers.contains(person.employerOds());
            if (everAtPlace.contains(personId) || employedThere) {
                Appointment a = list.get(0);
                leaders.add(new Landscape.DrawnLeader(
                        a.personRef(),
                        a.person(),
                        a.profession(),
                        list.stream()
                                .map(s -> s.forum() + " – " + s.seat())
                                .sorted()
                                .toList(),
                        nowAtPlace.contains(personId)));
            }
        });
        leaders.sort(Comparator.comparing(Landscape.DrawnLeader::personRef));
        return leaders;
    }

    // ------------------------------------------------------------------ experts by experience

    /** Expert-by-experience seats defined and held at each level that has any. */
    List<Landscape.ExpertSeats> expertSeats() {
        Set<Long> held = heldSeats();
        List<Landscape.ExpertSeats> result = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Seat> ebe = snapshot.seats.stream()
                    .filter(s -> SeatType.EXPERT_BY_EXPERIENCE.code().equals(s.seatType()))
                    .filter(s -> level.code().equals(snapshot.forumOf(s).level()))
                    .toList();
            if (!ebe.isEmpty()) {
                result.add(new Landscape.ExpertSeats(level.code(), ebe.size(), (int)
                        ebe.stream().filter(s -> held.contains(s.id())).count()));
            }
        }
        return result;
    }
}
