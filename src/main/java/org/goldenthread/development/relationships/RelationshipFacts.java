package org.goldenthread.development.relationships;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators may know about a programme's relationships: that meetings happened (how
 * many, when last, for how long), whether a pair has gone quiet, whether and why it ended, and the
 * reflections' ratings only in aggregate. Nothing a pair wrote is read here: the queries name no
 * goal text, note or reflection, so no page or API built on this can show one.
 */
@Component
class RelationshipFacts {

    record Programme(
            long id,
            String name,
            String kind,
            @JsonProperty("check_in_weeks") int checkInWeeks,
            @JsonProperty("quiet_weeks") int quietWeeks) {}

    record Side(
            @JsonProperty("person_id") long personId,
            @JsonProperty("person_ref") String personRef,
            String name,
            @JsonProperty("link_emailed_on") @Nullable LocalDate linkEmailedOn) {}

    record Fact(
            long id,
            Side giver,
            Side receiver,
            @Nullable Integer rank,
            @JsonProperty("started_on") LocalDate startedOn,
            int meetings,
            @JsonProperty("last_met_on") @Nullable LocalDate lastMetOn,
            @JsonProperty("total_minutes") int totalMinutes,
            @JsonProperty("goals_agreed") int goalsAgreed,
            @JsonProperty("goals_met") int goalsMet,
            @JsonProperty("next_check_in") @Nullable LocalDate nextCheckIn,
            boolean quiet,
            @JsonProperty("ended_on") @Nullable LocalDate endedOn,
            @JsonProperty("end_reason") @Nullable String endReason,
            int reflections) {

        @JsonProperty("ended")
        public boolean ended() {
            return endedOn != null;
        }

        public String totalTime() {
            return Lengths.of(totalMinutes);
        }
    }

    /**
     * The reflections' ratings together: how many there are, and the average of the first
     * k·⌊n/k⌋ in the order given (k the ICS's smallest group size), none while fewer than k. Whoever
     * reads the average sees which relationship just reflected, so it moves only when k more have:
     * the change is a group of k, never one person's rating.
     */
    record Ratings(
            int reflections,
            int released,
            @Nullable Double average,
            boolean suppressed,
            @JsonProperty("min_group_size") int minGroupSize) {

        @JsonProperty("held_back")
        public int heldBack() {
            return reflections - released;
        }
    }

    record Overview(Programme programme, List<Fact> relationships, Ratings ratings, LocalDate today) {

        @JsonProperty("quiet")
        public long quiet() {
            return relationships.stream().filter(Fact::quiet).count();
        }

        @JsonProperty("active")
        public long active() {
            return relationships.stream().filter(f -> !f.ended()).count();
        }
    }

    private record Row(
            long id,
            long giverId,
            long receiverId,
            @Nullable Integer rank,
            LocalDate startedOn,
            @Nullable LocalDate endedOn,
            @Nullable String endReason,
            int meetings,
            @Nullable LocalDate lastMetOn,
            int totalMinutes,
            int goalsAgreed,
            int goalsMet,
            int reflections,
            @Nullable LocalDate giverEmailedOn,
            @Nullable LocalDate receiverEmailedOn) {}

    private final JdbcClient jdbc;
    private final Register register;
    private final SmallNumbers smallNumbers;
    private final Audit audit;
    private final Clock clock;

    RelationshipFacts(JdbcClient jdbc, Register register, SmallNumbers smallNumbers, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.smallNumbers = smallNumbers;
        this.audit = audit;
        this.clock = clock;
    }

    Overview overview(long programmeId) {
        return overview(programmeId, LocalDate.now(clock));
    }

    /** The programme's relationships as they stand on {@code today}: quiet is judged against that day. */
    @Transactional(readOnly = true)
    Overview overview(long programmeId, LocalDate today) {
        Programme programme = programme(programmeId);
        List<Row> rows =
                jdbc.sql("""
                        select r.id, r.giver_id, r.receiver_id, r.rank, r.started_on, r.ended_on, r.end_reason,
                               coalesce(m.meetings, 0) as meetings, m.last_met_on,
                               coalesce(m.total_minutes, 0) as total_minutes,
                               coalesce(g.agreed, 0) as goals_agreed, coalesce(g.met, 0) as goals_met,
                               (select count(*) from relationship_reflection f where f.relationship_id = r.id)
                                   as reflections,
                               (select l.emailed_on from relationship_link l
                                 where l.relationship_id = r.id and l.person_id = r.giver_id) as giver_emailed_on,
                               (select l.emailed_on from relationship_link l
                                 where l.relationship_id = r.id and l.person_id = r.receiver_id) as receiver_emailed_on
                          from relationship r
                          left join (select relationship_id, count(*) as meetings, max(met_on) as last_met_on,
                                            sum(minutes) as total_minutes
                                       from relationship_meeting group by relationship_id) m
                                 on m.relationship_id = r.id
                          left join (select relationship_id, count(*) as agreed, count(met_on) as met
                                       from relationship_goal group by relationship_id) g
                                 on g.relationship_id = r.id
                         where r.programme_id = :programme
                         order by r.ended_on nulls first, r.started_on, r.id""").param("programme", programmeId).query(Row.class).list();
        Set<Long> pairedPeople = new HashSet<>();
        rows.forEach(r -> {
            pairedPeople.add(r.giverId());
            pairedPeople.add(r.receiverId());
        });
        Map<Long, Person> people = register.people(pairedPeople);
        List<Fact> facts =
                rows.stream().map(r -> fact(programme, r, people, today)).toList();
        return new Overview(programme, facts, ratings(programmeId), today);
    }

    private static Fact fact(Programme programme, Row r, Map<Long, Person> people, LocalDate today) {
        CheckIns checkIns =
                new CheckIns(r.startedOn(), r.lastMetOn(), programme.checkInWeeks(), programme.quietWeeks());
        boolean open = r.endedOn() == null;
        return new Fact(
                r.id(),
                side(people, r.giverId(), r.giverEmailedOn()),
                side(people, r.receiverId(), r.receiverEmailedOn()),
                r.rank(),
                r.startedOn(),
                r.meetings(),
                r.lastMetOn(),
                r.totalMinutes(),
                r.goalsAgreed(),
                r.goalsMet(),
                open ? checkIns.nextCheckIn() : null,
                open && checkIns.quietOn(today),
                r.endedOn(),
                r.endReason(),
                r.reflections());
    }

    private static Side side(Map<Long, Person> people, long personId, @Nullable LocalDate emailedOn) {
        Person person = people.get(personId);
        return person == null
                ? new Side(personId, "", "Someone no longer on the register", emailedOn)
                : new Side(personId, person.personRef(), person.fullName(), emailedOn);
    }

    private Ratings ratings(long programmeId) {
        int reflections = jdbc.sql("""
                        select count(*) from relationship_reflection f join relationship r on r.id = f.relationship_id
                         where r.programme_id = :programme""")
                .param("programme", programmeId)
                .query(Integer.class)
                .single();
        int k = smallNumbers.minGroupSize();
        int released = reflections / k * k;
        Double average = released == 0
                ? null
                : jdbc.sql("""
                                select avg(rating)::float8 from (
                                    select f.rating from relationship_reflection f
                                      join relationship r on r.id = f.relationship_id
                                     where r.programme_id = :programme
                                     order by f.given_seq limit :released) first""")
                        .param("programme", programmeId)
                        .param("released", released)
                        .query(Double.class)
                        .single();
        Double rounded = average == null ? null : Math.round(average * 10) / 10.0;
        return new Ratings(reflections, released, rounded, released == 0, k);
    }

    Programme programme(long programmeId) {
        return jdbc.sql("select id, name, kind, check_in_weeks, quiet_weeks from programme where id = :id")
                .param("id", programmeId)
                .query(Programme.class)
                .optional()
                .orElseThrow(() -> new NotFound("No programme with id " + programmeId + " in this ICS"));
    }

    /** One relationship of the programme, locked for a change; not found when it belongs to another. */
    record Pair(
            long id,
            long giverId,
            long receiverId,
            @Nullable LocalDate endedOn,
            LocalDate startedOn) {}

    Pair pair(long programmeId, long relationshipId) {
        return jdbc.sql("""
                        select id, giver_id, receiver_id, ended_on, started_on from relationship
                         where id = :id and programme_id = :programme for update""")
                .param("id", relationshipId)
                .param("programme", programmeId)
                .query(Pair.class)
                .optional()
                .orElseThrow(() -> new NotFound("No relationship with id " + relationshipId + " in this programme"));
    }

    /** An administrator ends a relationship for both people, who may each still give a reflection. */
    @Transactional
    void end(long programmeId, long relationshipId, @Nullable String reasonCode) {
        EndReason reason = (reasonCode == null
                        ? java.util.Optional.<EndReason>empty()
                        : org.goldenthread.platform.Coded.parse(EndReason.class, reasonCode))
                .orElseThrow(() -> new InvalidInput(
                        "reason",
                        "Choose why the relationship is ending: "
                                + org.goldenthread.platform.Coded.choices(EndReason.class)));
        Pair pair = pair(programmeId, relationshipId);
        if (pair.endedOn() != null) {
            throw new InvalidInput("reason", "The relationship has already ended");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate endedOn = today.isBefore(pair.startedOn()) ? pair.startedOn() : today;
        jdbc.sql("update relationship set ended_on = :ended, end_reason = :reason where id = :id")
                .param("ended", endedOn)
                .param("reason", reason.code())
                .param("id", relationshipId)
                .update();
        audit.record(
                "relationship.ended",
                "relationship",
                relationshipId,
                Map.of("ended", false),
                Map.of("ended_on", endedOn.toString(), "end_reason", reason.code()));
    }
}
