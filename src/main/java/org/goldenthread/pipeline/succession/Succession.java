package org.goldenthread.pipeline.succession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.Forums;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Succession planning: the seats the ICS marks critical, the people named to succeed to them with
 * their readiness, and the terms coming to an end. A place lead plans for the seats on their places'
 * forums only; a seat outside their sight is answered as if it did not exist.
 */
@Service
public class Succession {

    /** How far ahead the succession page looks for terms ending, unless asked otherwise. */
    public static final int DEFAULT_HORIZON_DAYS = 180;

    static final int LONGEST_HORIZON_DAYS = 1830;

    private final JdbcClient jdbc;
    private final Register register;
    private final Forums forums;
    private final Audit audit;

    Succession(JdbcClient jdbc, Register register, Forums forums, Audit audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.forums = forums;
        this.audit = audit;
    }

    private record Marked(long id, long seatId, @Nullable String reason, LocalDate markedOn) {}

    private record Named(long id, long criticalSeatId, long personId, String readiness, LocalDate namedOn) {}

    /** The critical seats in sight, by forum and title, each with its successors (ready now first). */
    public List<CriticalSeat> criticalSeats(Footprint footprint, LocalDate today) {
        SeatMap seats = SeatMap.of(forums);
        List<Marked> marked =
                jdbc.sql("select id, seat_id, reason, marked_on from critical_seat").query(Marked.class).list().stream()
                        .filter(m -> seats.inSight(m.seatId(), footprint))
                        .toList();
        Map<Long, List<Named>> named = new HashMap<>();
        jdbc.sql("select id, critical_seat_id, person_id, readiness, named_on from successor order by id")
                .query(Named.class)
                .list()
                .forEach(n -> named.computeIfAbsent(n.criticalSeatId(), k -> new ArrayList<>())
                        .add(n));
        Map<Long, Person> people = register.people(named.values().stream()
                .flatMap(List::stream)
                .map(Named::personId)
                .distinct()
                .toList());
        Map<Long, Appointment> holders = new HashMap<>();
        register.appointments(footprint).stream()
                .filter(a -> a.isCurrentOn(today))
                .forEach(a ->
                        holders.merge(a.seatId(), a, (x, y) -> x.startDate().isAfter(y.startDate()) ? x : y));
        List<CriticalSeat> result = new ArrayList<>();
        for (Marked m : marked) {
            SeatMap.Placed seat = seats.seat(m.seatId()).orElseThrow();
            Appointment holder = holders.get(m.seatId());
            List<CriticalSeat.Successor> successors = named.getOrDefault(m.id(), List.of()).stream()
                    .filter(n -> people.containsKey(n.personId()))
                    .map(n -> new CriticalSeat.Successor(
                            n.id(),
                            n.personId(),
                            Objects.requireNonNull(people.get(n.personId())).fullName(),
                            n.readiness(),
                            n.namedOn()))
                    .sorted(Comparator.comparing(
                                    (CriticalSeat.Successor s) -> Coded.parse(Readiness.class, s.readiness())
                                            .map(Enum::ordinal)
                                            .orElse(9))
                            .thenComparing(CriticalSeat.Successor::person))
                    .toList();
            result.add(new CriticalSeat(
                    m.id(),
                    m.seatId(),
                    seat.title(),
                    seat.forum(),
                    seat.level(),
                    seat.place(),
                    m.reason(),
                    m.markedOn(),
                    holder == null ? null : holder.person(),
                    holder == null ? null : holder.endDate(),
                    successors));
        }
        result.sort(Comparator.comparing(CriticalSeat::forum).thenComparing(CriticalSeat::seat));
        return result;
    }

    public CriticalSeat criticalSeat(long id, Footprint footprint, LocalDate today) {
        return criticalSeats(footprint, today).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("No critical seat with id " + id + " in this ICS"));
    }

    /** Marks a seat critical; a seat the caller cannot see is refused as if it did not exist. */
    @Transactional
    public CriticalSeat mark(@Nullable Long seatId, @Nullable String reason, Footprint footprint, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        SeatMap seats = SeatMap.of(forums);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (seatId == null) {
            problems.add(Problem.of("seat_id", "Choose the seat to mark as critical"));
        } else if (!seats.inSight(seatId, footprint)) {
            problems.add(Problem.of("seat_id", "There is no seat with id " + seatId + " that you plan for"));
        } else if (jdbc.sql("select count(*) > 0 from critical_seat where seat_id = :seat")
                .param("seat", seatId)
                .query(Boolean.class)
                .single()) {
            problems.add(
                    Problem.of("seat_id", seats.seat(seatId).orElseThrow().name() + " is already marked as critical"));
        }
        if (why != null && why.length() > 2000) {
            problems.add(Problem.of("reason", "The reason must be 2,000 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into critical_seat (seat_id, reason, marked_on) values (:seat, :reason, :today)
                        returning id""")
                .param("seat", seatId)
                .param("reason", why)
                .param("today", today)
                .query(Long.class)
                .single();
        CriticalSeat marked = criticalSeat(id, footprint, today);
        audit.record("critical_seat.marked", "critical_seat", id, null, marked);
        return marked;
    }

    /** No longer treats the seat as critical; its successors are forgotten with it. */
    @Transactional
    public void unmark(long id, Footprint footprint, LocalDate today) {
        CriticalSeat before = criticalSeat(id, footprint, today);
        jdbc.sql("delete from critical_seat where id = :id").param("id", id).update();
        audit.record("critical_seat.unmarked", "critical_seat", id, before, null);
    }

    /**
     * Names someone from the register as a successor, or changes the readiness of someone named
     * already. A place lead names people in their sight of the register; the seat's holder today
     * cannot succeed themselves.
     */
    @Transactional
    public CriticalSeat nameSuccessor(
            long criticalSeatId,
            @Nullable Long personId,
            @Nullable String readiness,
            Footprint footprint,
            LocalDate today) {
        CriticalSeat seat = criticalSeat(criticalSeatId, footprint, today);
        List<Problem> problems = new ArrayList<>();
        Person person = null;
        if (personId == null) {
            problems.add(Problem.of("person_id", "Choose the person to name as a successor"));
        } else {
            try {
                person = register.person(personId, footprint);
            } catch (NotFound e) {
                problems.add(Problem.of("person_id", "There is no person with id " + personId + " in your register"));
            }
        }
        if (Coded.parse(Readiness.class, readiness).isEmpty()) {
            problems.add(Problem.of(
                    "readiness",
                    readiness == null || readiness.isBlank()
                            ? "Choose how soon they could take the seat"
                            : "'" + readiness + "' is not a readiness; use " + Coded.choices(Readiness.class)));
        }
        if (person != null
                && register.appointmentsOf(person.id()).stream()
                        .anyMatch(a -> a.seatId() == seat.seatId() && a.isCurrentOn(today))) {
            problems.add(Problem.of("person_id", person.fullName() + " holds this seat today"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        insert into successor (critical_seat_id, person_id, readiness, named_on)
                        values (:seat, :person, :readiness, :today)
                        on conflict (critical_seat_id, person_id) do update set readiness = excluded.readiness""")
                .param("seat", criticalSeatId)
                .param("person", personId)
                .param("readiness", Objects.requireNonNull(readiness).trim())
                .param("today", today)
                .update();
        CriticalSeat after = criticalSeat(criticalSeatId, footprint, today);
        audit.record("successor.named", "critical_seat", criticalSeatId, seat, after);
        return after;
    }

    @Transactional
    public CriticalSeat removeSuccessor(long criticalSeatId, long successorId, Footprint footprint, LocalDate today) {
        CriticalSeat before = criticalSeat(criticalSeatId, footprint, today);
        if (before.successors().stream().noneMatch(s -> s.id() == successorId)) {
            throw new NotFound("No successor with id " + successorId + " for this seat");
        }
        jdbc.sql("delete from successor where id = :id")
                .param("id", successorId)
                .update();
        CriticalSeat after = criticalSeat(criticalSeatId, footprint, today);
        audit.record("successor.removed", "critical_seat", criticalSeatId, before, after);
        return after;
    }

    /** The horizon asked for, in days, or a problem naming the field. */
    public static int horizon(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_HORIZON_DAYS;
        }
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 1 && days <= LONGEST_HORIZON_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput(
                "horizon", "Enter how many days ahead to look, as a whole number from 1 to " + LONGEST_HORIZON_DAYS);
    }

    /**
     * Appointments in sight held today whose term ends within the horizon (today included), soonest
     * first, with whether their seat is critical and how many successors are ready now.
     */
    public List<Ending> ending(Footprint footprint, int horizonDays, LocalDate today) {
        LocalDate last = today.plusDays(horizonDays);
        SeatMap seats = SeatMap.of(forums);
        Map<Long, CriticalSeat> critical = new HashMap<>();
        criticalSeats(footprint, today).forEach(c -> critical.put(c.seatId(), c));
        return register.appointments(footprint).stream()
                .filter(a -> a.isCurrentOn(today)
                        && a.endDate() != null
                        && !a.endDate().isAfter(last))
                .filter(a -> seats.inSight(a.seatId(), footprint))
                .map(a -> {
                    SeatMap.Placed seat = seats.seat(a.seatId()).orElseThrow();
                    CriticalSeat c = critical.get(a.seatId());
                    return new Ending(
                            a.id(),
                            a.personId(),
                            a.person(),
                            a.seatId(),
                            seat.title(),
                            seat.forum(),
                            seat.level(),
                            seat.place(),
                            a.endDate(),
                            c == null ? null : c.id(),
                            c == null
                                    ? 0
                                    : (int) c.successors().stream()
                                            .filter(s ->
                                                    Readiness.READY_NOW.code().equals(s.readiness()))
                                            .count());
                })
                .sorted(Comparator.comparing(Ending::endDate).thenComparing(Ending::forum))
                .toList();
    }
}
