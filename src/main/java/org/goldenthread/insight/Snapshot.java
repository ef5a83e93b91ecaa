package org.goldenthread.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Neighbourhood;
import org.goldenthread.structure.Organisation;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;

/**
 * The map and register of one ICS as read in one transaction, on one day, optionally narrowed to the
 * forums of one place, with the look-ups every family of figures shares. Read once and handed to each
 * family, so that every figure on a page is computed from the same values.
 *
 * <p>The fields without "all" in their name are in view (the place's forums, seats and appointments);
 * the others are the whole ICS's, for figures that follow a person or a reporting line out of the place.
 */
final class Snapshot {

    final LocalDate today;
    /** The place narrowed to, as the ICS map spells it, or null for the whole ICS. */
    final @Nullable String place;

    final List<Forum> allForums;
    final List<Forum> forums;
    final List<Seat> allSeats;
    final List<Seat> seats;
    final List<Appointment> allAppointments;
    /** Appointments current today anywhere in the ICS. */
    final List<Appointment> allCurrent;
    /** Appointments current today on forums in view. */
    final List<Appointment> current;

    final List<Organisation> organisations;
    final List<Profession> professions;
    /** The codes of the clinical and care professions, sorted. */
    final List<String> clinicalAndCare;

    final List<String> places;
    /** Every neighbourhood of the ICS, by place and then name. */
    final List<Neighbourhood> neighbourhoods;

    private final Map<Long, Forum> forumById = new HashMap<>();
    private final Map<Long, Seat> seatById = new HashMap<>();
    private final Map<Long, Person> personById = new HashMap<>();

    Snapshot(
            LocalDate today,
            @Nullable String place,
            List<Forum> forums,
            List<Seat> seats,
            List<Appointment> appointments,
            List<Person> people,
            List<Organisation> organisations,
            List<Profession> professions,
            List<String> places,
            List<Neighbourhood> neighbourhoods) {
        this.today = today;
        this.place = place;
        this.allForums = List.copyOf(forums);
        forums.forEach(f -> forumById.put(f.id(), f));
        this.forums = forums.stream().filter(this::inScope).toList();
        seats.forEach(s -> seatById.put(s.id(), s));
        this.allSeats = List.copyOf(seats);
        this.seats =
                seats.stream().filter(s -> inScope(forumById.get(s.forumId()))).toList();
        people.forEach(p -> personById.put(p.id(), p));
        this.allAppointments = List.copyOf(appointments);
        this.allCurrent =
                appointments.stream().filter(a -> a.isCurrentOn(today)).toList();
        this.current = allCurrent.stream().filter(a -> inScope(forumOf(a))).toList();
        this.organisations = List.copyOf(organisations);
        this.professions = List.copyOf(professions);
        this.clinicalAndCare = professions.stream()
                .filter(Profession::clinicalAndCare)
                .map(Profession::code)
                .sorted()
                .toList();
        this.places = List.copyOf(places);
        this.neighbourhoods = List.copyOf(neighbourhoods);
    }

    // A place's forums are its place and neighbourhood forums and any other forum placed there
    // (a provider collaborative or network may name one); system forums belong to no place.
    private boolean inScope(@Nullable Forum forum) {
        return place == null || (forum != null && place.equalsIgnoreCase(forum.place()));
    }

    /** Figures for one group of leaders: its kind and name, which appointments are in it, and whether it is the whole ICS. */
    interface Grouping<T> {
        T of(String group, @Nullable String name, java.util.function.Predicate<Appointment> inGroup, boolean wholeIcs);
    }

    /**
     * Figures for everything in view ({@code group} "all"), each level ("level", its code) and each
     * place in view ("place", its name), in that order: the groups every development figure is given for.
     */
    <T> List<T> inGroups(Grouping<T> figures) {
        List<T> rows = new java.util.ArrayList<>();
        rows.add(figures.of("all", null, a -> true, place == null));
        for (org.goldenthread.structure.Level level : org.goldenthread.structure.Level.values()) {
            rows.add(figures.of("level", level.code(), a -> level.code().equals(levelOf(a)), false));
        }
        for (String p : places) {
            if (inView(p)) {
                rows.add(figures.of("place", p, a -> p.equalsIgnoreCase(placeOf(a)), false));
            }
        }
        return rows;
    }

    /** Whether a place of the ICS is in view: every place for the whole ICS, else only the one chosen. */
    boolean inView(String aPlace) {
        return place == null || place.equalsIgnoreCase(aPlace);
    }

    @Nullable
    Forum forum(@Nullable Long id) {
        return id == null ? null : forumById.get(id);
    }

    Forum forumOf(Seat seat) {
        // a seat sits on a forum of the same ICS (a foreign key), and the snapshot holds them all
        return Objects.requireNonNull(forumById.get(seat.forumId()));
    }

    @Nullable
    Forum forumOf(Appointment a) {
        Seat seat = seatById.get(a.seatId());
        return seat == null ? null : forumById.get(seat.forumId());
    }

    @Nullable
    String levelOf(Appointment a) {
        Forum forum = forumOf(a);
        return forum == null ? null : forum.level();
    }

    @Nullable
    String placeOf(Appointment a) {
        Forum forum = forumOf(a);
        return forum == null ? null : forum.place();
    }

    @Nullable
    Person person(long id) {
        return personById.get(id);
    }

    boolean isClinicalOrCare(String profession) {
        return clinicalAndCare.contains(profession);
    }

    /** A profession's name from the reference list; its code if the list no longer has it. */
    String professionName(String code) {
        return professions.stream()
                .filter(p -> p.code().equals(code))
                .map(Profession::name)
                .findFirst()
                .orElse(code);
    }

    /** A sum of hours a week; hours not recorded count as none. Hours are kept to one decimal place. */
    static BigDecimal hours(List<Appointment> appointments, Function<Appointment, BigDecimal> field) {
        return appointments.stream()
                .map(field)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(1, RoundingMode.HALF_UP);
    }
}
