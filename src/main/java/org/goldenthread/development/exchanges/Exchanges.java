package org.goldenthread.development.exchanges;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.development.ProgrammeKind;
import org.goldenthread.development.Programmes;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visits and closing event of a workplace exchange, as administrators arrange them. A confirmed
 * pair is a relationship of an exchange programme: visit 1 is at the giver's workplace (the host
 * first), visit 2 at the receiver's. Arranging or changing a visit or the closing event emails its
 * invitation to everyone it concerns; a change keeps the event's UID and raises its sequence.
 * Administrators see whether reflections exist, never what they say.
 */
@Component
public class Exchanges {

    static final int LONGEST_PLACE = 300;

    /** One visit as arranged. */
    public record Visit(
            long id,
            @JsonProperty("relationship_id") long relationshipId,
            int number,
            @JsonIgnore long hostId,
            @JsonProperty("visits_on") LocalDate visitsOn,
            String place,
            String uid,
            int sequence) {}

    /** A cohort's closing event. */
    public record Closing(
            @JsonProperty("programme_id") long programmeId,
            @JsonProperty("held_on") LocalDate heldOn,
            String place,
            String uid,
            int sequence) {}

    /** Someone of a pair, as pages show them. */
    public record Side(
            @JsonIgnore long personId,
            @JsonProperty("person_ref") String personRef,
            String name,
            @Nullable String employer,
            @Nullable String sector) {

        @JsonIgnore
        public String sectorLabel() {
            return sector == null
                    ? "Sector not recorded"
                    : Sector.fromCode(sector).map(Sector::label).orElse(sector);
        }
    }

    /**
     * A pair as administrators see it: who, their visits, and how many of the four reflections
     * (each person on each visit) have been written, never what they say.
     */
    public record Pair(
            @JsonProperty("relationship_id") long relationshipId,
            Side first,
            Side second,
            @JsonProperty("first_visit") @Nullable Visit firstVisit,
            @JsonProperty("second_visit") @Nullable Visit secondVisit,
            int reflections,
            @JsonProperty("ended_on") @Nullable LocalDate endedOn) {

        public boolean acrossSectors() {
            return first.sector() != null
                    && second.sector() != null
                    && !first.sector().equals(second.sector());
        }

        /** Visit 1 or 2. */
        public @Nullable Visit visit(int number) {
            return number == 1 ? firstVisit : secondVisit;
        }

        public Side host(int number) {
            return number == 1 ? first : second;
        }
    }

    record Row(
            long id,
            long programmeId,
            long giverId,
            long receiverId,
            LocalDate startedOn,
            @Nullable LocalDate endedOn) {}

    private static final String VISIT = """
            select id, relationship_id, number, host_id, visits_on, place, uid, sequence from exchange_visit""";

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Register register;
    private final Audit audit;
    private final ExchangeMail mail;
    private final Clock clock;

    Exchanges(JdbcClient jdbc, Programmes programmes, Register register, Audit audit, ExchangeMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.register = register;
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
    }

    /** The programme, if it is an exchange; anything else is not found here. */
    public Programmes.Programme exchange(long programmeId) {
        Programmes.Programme programme = programmes.get(programmeId);
        if (!programme.kind().equals(ProgrammeKind.EXCHANGE.code())) {
            throw new NotFound("Programme " + programmeId + " is not a workplace exchange");
        }
        return programme;
    }

    /**
     * The programme of a pair, if it is an exchange: what every page and idea of an exchange pair
     * checks first, so that a mentoring or coaching link cannot reach them (ideas raised there would
     * be shown to the whole ICS, which only exchange pairs are told).
     */
    Programmes.Programme exchangeOf(long relationshipId) {
        return exchange(row(relationshipId).programmeId());
    }

    /** The programme's pairs, in the order they were confirmed. */
    public List<Pair> pairs(long programmeId) {
        List<Row> rows = jdbc.sql("""
                        select id, programme_id, giver_id, receiver_id, started_on, ended_on from relationship
                         where programme_id = :p order by id""").param("p", programmeId).query(Row.class).list();
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.giverId());
            ids.add(r.receiverId());
        });
        Map<Long, Person> people = ids.isEmpty() ? Map.of() : register.people(ids);
        Map<Long, List<Visit>> visits = new HashMap<>();
        jdbc.sql(VISIT + " where relationship_id in (select id from relationship where programme_id = :p)")
                .param("p", programmeId)
                .query(Visit.class)
                .list()
                .forEach(v -> visits.computeIfAbsent(v.relationshipId(), k -> new ArrayList<>())
                        .add(v));
        record Written(long relationshipId, int reflections) {}
        Map<Long, Integer> reflections = new HashMap<>();
        jdbc.sql("""
                        select v.relationship_id, count(*) as reflections from exchange_reflection x
                          join exchange_visit v on v.id = x.visit_id
                         where v.relationship_id in (select id from relationship where programme_id = :p)
                         group by v.relationship_id""")
                .param("p", programmeId)
                .query(Written.class)
                .list()
                .forEach(w -> reflections.put(w.relationshipId(), w.reflections()));
        return rows.stream()
                .map(r -> {
                    List<Visit> of = visits.getOrDefault(r.id(), List.of());
                    return new Pair(
                            r.id(),
                            side(people, r.giverId()),
                            side(people, r.receiverId()),
                            of.stream().filter(v -> v.number() == 1).findFirst().orElse(null),
                            of.stream().filter(v -> v.number() == 2).findFirst().orElse(null),
                            reflections.getOrDefault(r.id(), 0),
                            r.endedOn());
                })
                .toList();
    }

    /** One pair of the programme; a relationship of any other programme is not found. */
    public Pair pair(long programmeId, long relationshipId) {
        return pairs(programmeId).stream()
                .filter(p -> p.relationshipId() == relationshipId)
                .findFirst()
                .orElseThrow(() -> new NotFound("No pair " + relationshipId + " in this exchange"));
    }

    static Side side(Map<Long, Person> people, long personId) {
        // a relationship's people are kept by foreign key to the register
        Person p = Objects.requireNonNull(people.get(personId));
        return new Side(p.id(), p.personRef(), p.fullName(), blankToNull(p.employer()), blankToNull(p.sector()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Optional<Visit> visit(long relationshipId, int number) {
        return jdbc.sql(VISIT + " where relationship_id = :r and number = :n")
                .param("r", relationshipId)
                .param("n", number)
                .query(Visit.class)
                .optional();
    }

    public Optional<Closing> closing(long programmeId) {
        return jdbc.sql(
                        "select programme_id, held_on, place, uid, sequence from exchange_closing where programme_id = :p")
                .param("p", programmeId)
                .query(Closing.class)
                .optional();
    }

    /**
     * Arranges visit 1 or 2 of a pair, or changes its day or place: checked, audited, and its
     * invitation emailed to both people. Saving the same day and place again changes nothing.
     */
    @Transactional
    public Visit arrangeVisit(
            long programmeId, long relationshipId, int number, @Nullable String visitsOn, @Nullable String place) {
        return arrangeVisit(programmeId, relationshipId, number, visitsOn, place, true);
    }

    /** As above; without {@code email} nobody is emailed (the demo's people are invented). */
    @Transactional
    public Visit arrangeVisit(
            long programmeId,
            long relationshipId,
            int number,
            @Nullable String visitsOn,
            @Nullable String place,
            boolean email) {
        Programmes.Programme programme = exchange(programmeId);
        if (number != 1 && number != 2) {
            throw new NotFound("An exchange pair has visits 1 and 2");
        }
        Pair pair = pair(programmeId, relationshipId);
        Row row = row(relationshipId);
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormValues.date("visits_on", "Date of the visit", visitsOn, problems);
        if (day == null && problems.isEmpty()) {
            problems.add(Problem.of("visits_on", "Enter the date of the visit"));
        } else if (day != null && day.isBefore(row.startedOn())) {
            problems.add(Problem.of(
                    "visits_on",
                    "Date of the visit must be on or after " + Dates.day(row.startedOn())
                            + ", when the pair was confirmed"));
        }
        String where = place(place, problems);
        if (pair.endedOn() != null) {
            problems.add(Problem.of("visits_on", "This pair's exchange has ended; its visits cannot be changed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LocalDate on = Objects.requireNonNull(day);
        Optional<Visit> before = visit(relationshipId, number);
        if (before.isPresent()
                && before.get().visitsOn().equals(on)
                && before.get().place().equals(where)) {
            return before.get();
        }
        jdbc.sql("""
                        insert into exchange_visit (relationship_id, number, host_id, visits_on, place)
                        values (:r, :n, :host, :on, :place)
                        on conflict (relationship_id, number)
                        do update set visits_on = excluded.visits_on, place = excluded.place,
                                      sequence = exchange_visit.sequence + 1""")
                .param("r", relationshipId)
                .param("n", number)
                .param("host", pair.host(number).personId())
                .param("on", on)
                .param("place", where)
                .update();
        Visit visit = visit(relationshipId, number).orElseThrow();
        audit.record(
                before.isPresent() ? "change" : "arrange",
                "exchange_visit",
                visit.id(),
                before.map(Exchanges::described).orElse(null),
                described(visit));
        if (email) {
            mail.sendAfterCommit(visitLetters(programme, pair, visit, before.isPresent()));
        }
        return visit;
    }

    private static Map<String, Object> described(Visit v) {
        return Map.of("visit", v.number(), "visits_on", v.visitsOn().toString(), "place", v.place());
    }

    /** Sets the cohort's closing event, or changes it; audited, and its invitation emailed to every pair. */
    @Transactional
    public Closing arrangeClosing(long programmeId, @Nullable String heldOn, @Nullable String place) {
        return arrangeClosing(programmeId, heldOn, place, true);
    }

    /** As above; without {@code email} nobody is emailed (the demo's people are invented). */
    @Transactional
    public Closing arrangeClosing(long programmeId, @Nullable String heldOn, @Nullable String place, boolean email) {
        Programmes.Programme programme = exchange(programmeId);
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormValues.date("held_on", "Date of the closing event", heldOn, problems);
        if (day == null && problems.isEmpty()) {
            problems.add(Problem.of("held_on", "Enter the date of the closing event"));
        }
        String where = place(place, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LocalDate on = Objects.requireNonNull(day);
        Optional<Closing> before = closing(programmeId);
        if (before.isPresent()
                && before.get().heldOn().equals(on)
                && before.get().place().equals(where)) {
            return before.get();
        }
        jdbc.sql("""
                        insert into exchange_closing (programme_id, held_on, place) values (:p, :on, :place)
                        on conflict (programme_id)
                        do update set held_on = excluded.held_on, place = excluded.place,
                                      sequence = exchange_closing.sequence + 1""")
                .param("p", programmeId)
                .param("on", on)
                .param("place", where)
                .update();
        Closing closing = closing(programmeId).orElseThrow();
        audit.record(
                before.isPresent() ? "change" : "arrange",
                "exchange_closing",
                programmeId,
                before.map(c -> Map.of("held_on", c.heldOn().toString(), "place", c.place()))
                        .orElse(null),
                Map.of("held_on", on.toString(), "place", where));
        List<Pair> pairs =
                pairs(programmeId).stream().filter(p -> p.endedOn() == null).toList();
        if (email) {
            mail.sendAfterCommit(closingLetters(programme, pairs, closing, before.isPresent()));
        }
        return closing;
    }

    private static String place(@Nullable String raw, List<Problem> problems) {
        String where = raw == null ? "" : raw.strip();
        if (where.isEmpty()) {
            problems.add(Problem.of("place", "Enter where it takes place"));
        } else if (where.length() > LONGEST_PLACE) {
            problems.add(Problem.of("place", "Place must be " + LONGEST_PLACE + " characters or fewer"));
        }
        return where;
    }

    Row row(long relationshipId) {
        return jdbc.sql("""
                        select id, programme_id, giver_id, receiver_id, started_on, ended_on from relationship
                         where id = :id""")
                .param("id", relationshipId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFound("No such pair"));
    }

    /** The invitation to a visit, for both people of the pair. */
    Invitation invitation(Programmes.Programme programme, Pair pair, Visit visit) {
        Side host = pair.host(visit.number());
        Side guest = visit.number() == 1 ? pair.second() : pair.first();
        return new Invitation(
                visit.uid(),
                visit.sequence(),
                visit.visitsOn(),
                "Exchange visit: " + guest.name() + " visits " + host.name(),
                visit.place(),
                guest.name() + " spends the day at " + host.name() + "'s workplace ("
                        + (host.employer() == null ? "employer not recorded" : host.employer()) + "), as part of "
                        + programme.name() + ". Visit " + visit.number() + " of 2: afterwards each of you writes a"
                        + " short reflection on your pair's page.",
                guests(pair));
    }

    /** The invitation to the closing event, for everyone of every pair. */
    Invitation invitation(Programmes.Programme programme, Closing closing) {
        List<Invitation.Guest> guests = new ArrayList<>();
        pairs(programme.id()).stream().filter(p -> p.endedOn() == null).forEach(p -> guests.addAll(guests(p)));
        return closingInvitation(programme, closing, guests);
    }

    private static Invitation closingInvitation(
            Programmes.Programme programme, Closing closing, List<Invitation.Guest> guests) {
        return new Invitation(
                closing.uid(),
                closing.sequence(),
                closing.heldOn(),
                "Closing event: " + programme.name(),
                closing.place(),
                "The closing event of " + programme.name() + ", for every exchange pair: what you saw, and the"
                        + " improvement ideas you brought back.",
                guests);
    }

    private List<Invitation.Guest> guests(Pair pair) {
        Map<Long, Person> people =
                register.people(List.of(pair.first().personId(), pair.second().personId()));
        return List.of(
                guest(people, pair.first().personId()),
                guest(people, pair.second().personId()));
    }

    private static Invitation.Guest guest(Map<Long, Person> people, long personId) {
        Person p = Objects.requireNonNull(people.get(personId));
        return new Invitation.Guest(p.fullName(), p.email());
    }

    private List<ExchangeMail.Letter> visitLetters(
            Programmes.Programme programme, Pair pair, Visit visit, boolean changed) {
        Invitation invitation = invitation(programme, pair, visit);
        String subject = (changed ? "Changed: " : "") + invitation.summary() + " on " + Dates.day(visit.visitsOn());
        List<ExchangeMail.Letter> letters = new ArrayList<>();
        for (Invitation.Guest g : invitation.guests()) {
            letters.add(new ExchangeMail.Letter(
                    g.email(),
                    subject,
                    "Dear " + g.name() + ",\n\n" + (changed ? "The visit has changed. " : "")
                            + invitation.description() + "\n\nWhen: " + Dates.day(visit.visitsOn()) + "\nWhere: "
                            + visit.place() + "\n\nThe invitation is attached: add it to your calendar, and it will"
                            + " update there if the date changes.\n",
                    invitation));
        }
        return letters;
    }

    private List<ExchangeMail.Letter> closingLetters(
            Programmes.Programme programme, List<Pair> pairs, Closing closing, boolean changed) {
        List<Invitation.Guest> guests = new ArrayList<>();
        pairs.forEach(p -> guests.addAll(guests(p)));
        Invitation invitation = closingInvitation(programme, closing, guests);
        String subject = (changed ? "Changed: " : "") + invitation.summary() + " on " + Dates.day(closing.heldOn());
        return guests.stream()
                .map(g -> new ExchangeMail.Letter(
                        g.email(),
                        subject,
                        "Dear " + g.name() + ",\n\n" + (changed ? "The closing event has changed. " : "")
                                + invitation.description() + "\n\nWhen: " + Dates.day(closing.heldOn())
                                + "\nWhere: " + closing.place() + "\n\nThe invitation is attached.\n",
                        invitation))
                .toList();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
