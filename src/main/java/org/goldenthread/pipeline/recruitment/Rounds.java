package org.goldenthread.pipeline.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recruitment rounds of the ICS in scope. A round belongs to the place of its seat's forum, so
 * a place lead sees and runs only the rounds for seats in the places they lead; a round outside
 * the caller's footprint is answered as not there.
 */
@Service
public class Rounds {

    /** A term ending within this many days makes a seat one to recruit to soon. */
    static final int ENDING_SOON_DAYS = 180;

    record Stored(
            long id,
            long seatId,
            @Nullable String roleDescription,
            LocalDate opensOn,
            LocalDate closesOn,
            LocalDate createdOn) {}

    private final JdbcClient jdbc;
    private final Forums forums;
    private final Register register;
    private final Audit audit;

    Rounds(JdbcClient jdbc, Forums forums, Register register, Audit audit) {
        this.jdbc = jdbc;
        this.forums = forums;
        this.register = register;
        this.audit = audit;
    }

    /** The rounds in sight of this footprint, the latest advert first. */
    public List<Round> rounds(Footprint footprint) {
        List<Stored> stored = jdbc.sql("""
                        select id, seat_id, role_description, opens_on, closes_on, created_on
                          from recruitment_round order by opens_on desc, id desc""").query(Stored.class).list();
        return described(stored, footprint);
    }

    /** One round, answered as not found when it is not in this ICS or outside the footprint. */
    public Round round(long id, Footprint footprint) {
        List<Stored> stored = jdbc.sql("""
                        select id, seat_id, role_description, opens_on, closes_on, created_on
                          from recruitment_round where id = :id""").param("id", id).query(Stored.class).list();
        List<Round> found = described(stored, footprint);
        if (found.isEmpty()) {
            throw new NotFound("No recruitment round with id " + id + " in sight");
        }
        return found.get(0);
    }

    private List<Round> described(List<Stored> stored, Footprint footprint) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, Seat> seats = new HashMap<>();
        forums.seats().forEach(s -> seats.put(s.id(), s));
        Map<Long, Forum> forumsById = new HashMap<>();
        forums.forums().forEach(f -> forumsById.put(f.id(), f));
        Map<Long, Map<String, Integer>> counts =
                counts(stored.stream().map(Stored::id).toList());
        List<Round> rounds = new ArrayList<>();
        for (Stored r : stored) {
            Seat seat = seats.get(r.seatId());
            Forum forum = seat == null ? null : forumsById.get(seat.forumId());
            if (seat == null || forum == null || !footprint.covers(forum.place())) {
                continue;
            }
            rounds.add(new Round(
                    r.id(),
                    seat.id(),
                    seat.forum(),
                    seat.title(),
                    forum.place(),
                    r.roleDescription(),
                    r.opensOn(),
                    r.closesOn(),
                    r.createdOn(),
                    seat.professionallyAgnostic(),
                    seat.openToProfessions(),
                    seat.openToProfessionNames(),
                    counts.getOrDefault(r.id(), zeroCounts())));
        }
        return rounds;
    }

    private Map<Long, Map<String, Integer>> counts(List<Long> roundIds) {
        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        jdbc.sql("""
                        select round_id, stage, count(*) as n from recruitment_application
                         where round_id = any (:rounds) group by round_id, stage""")
                .param("rounds", roundIds.toArray(Long[]::new))
                .query((rs, n) -> counts.computeIfAbsent(rs.getLong("round_id"), id -> zeroCounts())
                        .put(rs.getString("stage"), rs.getInt("n")))
                .list();
        return counts;
    }

    private static Map<String, Integer> zeroCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            counts.put(stage.code(), 0);
        }
        return counts;
    }

    /**
     * Opens a round for a seat named by its forum and title. A place lead may open one only for a
     * seat on a forum of a place they lead.
     */
    @Transactional
    public Round open(RoundDetails details, Footprint footprint) {
        List<Problem> problems = new ArrayList<>();
        Seat seat = seat(details, problems);
        if (seat != null && !footprint.covers(forums.forum(seat.forumId()).place())) {
            throw new Forbidden("You may open rounds only for seats on the forums of the places you lead");
        }
        LocalDate opens = details.opensOn();
        LocalDate closes = details.closesOn();
        if (opens == null) {
            problems.add(Problem.of("opens_on", "Enter the date the advert opens"));
        } else {
            Dates.check("opens_on", opens, problems);
        }
        if (closes == null) {
            problems.add(Problem.of("closes_on", "Enter the date the advert closes"));
        } else {
            Dates.check("closes_on", closes, problems);
        }
        if (opens != null && closes != null && closes.isBefore(opens)) {
            problems.add(Problem.of(
                    "closes_on", "The advert must close on or after the day it opens (" + Dates.day(opens) + ")"));
        }
        String description =
                details.roleDescription() == null || details.roleDescription().isBlank()
                        ? null
                        : details.roleDescription().strip();
        if (description != null && description.length() > 10_000) {
            problems.add(Problem.of("role_description", "The role description must be 10,000 characters or fewer"));
        }
        if (!problems.isEmpty() || seat == null) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into recruitment_round (seat_id, role_description, opens_on, closes_on)
                        values (:seat, :description, :opens, :closes) returning id""")
                .param("seat", seat.id())
                .param("description", description)
                .param("opens", opens)
                .param("closes", closes)
                .query(Long.class)
                .single();
        Round round = round(id, footprint);
        audit.record("recruitment_round.created", "recruitment_round", id, null, round);
        return round;
    }

    private @Nullable Seat seat(RoundDetails details, List<Problem> problems) {
        String forumName = details.forum() == null ? "" : details.forum().trim();
        String title = details.seat() == null ? "" : details.seat().trim();
        if (forumName.isEmpty()) {
            problems.add(Problem.of("forum", "Name the forum the seat is on"));
        }
        if (title.isEmpty()) {
            problems.add(Problem.of("seat", "Name the seat, by its title on the forum"));
        }
        if (forumName.isEmpty() || title.isEmpty()) {
            return null;
        }
        Optional<Forum> forum =
                forums.forums().stream().filter(f -> f.name().equals(forumName)).findFirst();
        if (forum.isEmpty()) {
            problems.add(Problem.of("forum", "This ICS has no forum called " + forumName));
            return null;
        }
        Optional<Seat> seat = forums.seatsOf(forum.get().id()).stream()
                .filter(s -> s.title().equals(title))
                .findFirst();
        if (seat.isEmpty()) {
            problems.add(Problem.of("seat", forumName + " has no seat called " + title));
            return null;
        }
        return seat.get();
    }

    /**
     * The seats in sight to recruit to, those most in need first: vacant seats, then those whose
     * holder's term ends within {@value #ENDING_SOON_DAYS} days (soonest first), then the rest.
     */
    List<SeatChoice> seatsToOffer(Footprint footprint, LocalDate today) {
        Map<Long, Forum> forumsById = new HashMap<>();
        forums.forums().forEach(f -> forumsById.put(f.id(), f));
        Map<Long, Appointment> current = new HashMap<>();
        for (Appointment a : register.appointments(footprint)) {
            if (a.isCurrentOn(today)) {
                current.merge(a.seatId(), a, (x, y) -> later(x, y));
            }
        }
        List<SeatChoice> choices = new ArrayList<>();
        for (Seat s : forums.seats()) {
            Forum forum = forumsById.get(s.forumId());
            if (forum == null || !footprint.covers(forum.place())) {
                continue;
            }
            Appointment holder = current.get(s.id());
            choices.add(new SeatChoice(
                    s.id(), s.forum(), s.title(), holder == null, holder == null ? null : holder.endDate()));
        }
        LocalDate soon = today.plusDays(ENDING_SOON_DAYS);
        choices.sort(Comparator.comparingInt((SeatChoice c) ->
                        c.vacant() ? 0 : c.endsOn() != null && !c.endsOn().isAfter(soon) ? 1 : 2)
                .thenComparing(c -> c.vacant() || c.endsOn() == null ? LocalDate.MAX : c.endsOn())
                .thenComparing(SeatChoice::forum)
                .thenComparing(SeatChoice::title));
        return choices;
    }

    /** Of two overlapping holders, the one whose term runs longer (open-ended longest). */
    private static Appointment later(Appointment x, Appointment y) {
        if (x.endDate() == null) {
            return x;
        }
        if (y.endDate() == null) {
            return y;
        }
        return x.endDate().isAfter(y.endDate()) ? x : y;
    }
}
