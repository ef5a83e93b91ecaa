package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes that pair people, with their participants, the mentors each mentee ranked and the
 * pairs an administrator locked in or forbade. Every change to those bumps the programme's
 * participants version, which is what keeps a proposal made before a change from being confirmed.
 */
@Component
public class Programmes {

    /** A programme; {@code participantsVersion} changes whenever its participants, preferences or rules do. */
    public record Programme(
            long id,
            String name,
            String kind,
            @JsonProperty("cross_organisation") boolean crossOrganisation,
            @JsonProperty("participants_version") int participantsVersion) {

        public String kindLabel() {
            return Coded.parse(ProgrammeKind.class, kind)
                    .map(ProgrammeKind::label)
                    .orElse(kind);
        }
    }

    /** What creates a programme, as the API and the page send it. */
    public record NewProgramme(
            @Nullable String name,
            @Nullable String kind,
            @JsonProperty("cross_organisation") @Nullable Boolean crossOrganisation) {}

    /**
     * Someone taking part, with their register details and, for a mentee, the mentors they ranked. In
     * an exchange a mentor is a host (whose workplace the pair visits first) and a mentee a visitor.
     */
    public record Participant(
            @JsonProperty("person_ref") String personRef,
            String name,
            String role,
            @Nullable Integer capacity,
            List<String> preferences,
            @JsonProperty("person_id") long personId,
            @Nullable String employer,
            @JsonProperty("employer_ods") @Nullable String employerOds,
            @Nullable String email,
            @Nullable String sector) {}

    /** A pair an administrator locked in or forbade. */
    public record Rule(String mentor, String mentee, String rule) {}

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Register register;

    Programmes(JdbcClient jdbc, Audit audit, Register register) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.register = register;
    }

    @Transactional
    public Programme create(NewProgramme p) {
        List<Problem> problems = new ArrayList<>();
        String name = p.name() == null ? "" : p.name().trim();
        if (name.isEmpty()) {
            problems.add(Problem.of("name", "Enter the name of the programme"));
        } else if (name.length() > 200) {
            problems.add(Problem.of("name", "The name must be 200 characters or fewer"));
        }
        ProgrammeKind kind = p.kind() == null
                ? null
                : Coded.parse(ProgrammeKind.class, p.kind().trim()).orElse(null);
        if (kind == null) {
            problems.add(Problem.of(
                    "kind",
                    p.kind() == null || p.kind().isBlank()
                            ? "Choose the kind of programme"
                            : "'" + p.kind() + "' is not a kind of programme; use "
                                    + Coded.choices(ProgrammeKind.class)));
        }
        if (p.crossOrganisation() == null) {
            problems.add(Problem.of(
                    "cross_organisation", "Say whether people with the same employer may be paired (true or false)"));
        }
        if (kind == ProgrammeKind.EXCHANGE && Boolean.FALSE.equals(p.crossOrganisation())) {
            problems.add(Problem.of(
                    "cross_organisation",
                    "A workplace exchange always pairs people from different employers; set cross_organisation to"
                            + " true"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id;
        try {
            id = jdbc.sql("insert into programme (name, kind, cross_organisation) values (:name, :kind, :cross)"
                            + " returning id")
                    .param("name", name)
                    .param("kind", Objects.requireNonNull(kind).code()) // refused above when missing
                    .param("cross", p.crossOrganisation())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("name", "There is already a programme called '" + name + "'; choose another name");
        }
        Programme created = get(id);
        audit.record("create", "programme", id, null, created);
        return created;
    }

    public List<Programme> all() {
        return jdbc.sql("select id, name, kind, cross_organisation, participants_version from programme order by name")
                .query(Programme.class)
                .list();
    }

    public Programme get(long id) {
        return find(id, "");
    }

    /** The programme, locked until the transaction ends, so that its version cannot move meanwhile. */
    Programme lock(long id) {
        return find(id, " for update");
    }

    private Programme find(long id, String locking) {
        return jdbc.sql("select id, name, kind, cross_organisation, participants_version from programme where id = :id"
                        + locking)
                .param("id", id)
                .query(Programme.class)
                .optional()
                .orElseThrow(() -> new NotFound("No programme with id " + id + " in this ICS"));
    }

    void changed(long id) {
        jdbc.sql("update programme set participants_version = participants_version + 1 where id = :id")
                .param("id", id)
                .update();
    }

    private record Row(
            long id, long personId, String role, @Nullable Integer capacity) {}

    private record Ranked(long participantId, int rank, long mentorId) {}

    /** Mentors first, then mentees, each in the order of the register (family name, given name). */
    public List<Participant> participants(long programmeId) {
        List<Row> rows = jdbc.sql("select id, person_id, role, capacity from programme_participant"
                        + " where programme_id = :p order by id")
                .param("p", programmeId)
                .query(Row.class)
                .list();
        List<Ranked> ranked =
                jdbc.sql("""
                        select pp.participant_id, pp.rank, pp.mentor_id
                          from participant_preference pp
                          join programme_participant me on me.id = pp.participant_id
                         where me.programme_id = :p
                         order by pp.participant_id, pp.rank""").param("p", programmeId).query(Ranked.class).list();
        // in the register's order (family name, given name), as people(ids) answers
        Map<Long, Person> people =
                register.people(rows.stream().map(Row::personId).collect(Collectors.toSet()));
        Map<Long, Integer> order = new HashMap<>();
        people.keySet().forEach(id -> order.put(id, order.size()));
        Map<Long, String> refOfParticipant = new HashMap<>();
        rows.forEach(
                r -> refOfParticipant.put(r.id(), person(people, r.personId()).personRef()));
        Map<Long, List<String>> preferences = new HashMap<>();
        ranked.forEach(r -> preferences
                .computeIfAbsent(r.participantId(), k -> new ArrayList<>())
                .add(refOfParticipant.get(r.mentorId())));
        return rows.stream()
                .sorted(java.util.Comparator.comparing((Row r) -> r.role().equals("mentee"))
                        .thenComparing(r -> order.getOrDefault(r.personId(), Integer.MAX_VALUE)))
                .map(r -> {
                    Person p = person(people, r.personId());
                    return new Participant(
                            p.personRef(),
                            p.fullName(),
                            r.role(),
                            r.capacity(),
                            List.copyOf(preferences.getOrDefault(r.id(), List.of())),
                            p.id(),
                            p.employer(),
                            p.employerOds(),
                            p.email(),
                            p.sector());
                })
                .toList();
    }

    private record Stored(long mentorPerson, long menteePerson, String rule) {}

    public List<Rule> rules(long programmeId) {
        List<Stored> stored =
                jdbc.sql("""
                        select m.person_id as mentor_person, e.person_id as mentee_person, r.rule
                          from pairing_rule r
                          join programme_participant m on m.id = r.mentor_id
                          join programme_participant e on e.id = r.mentee_id
                         where r.programme_id = :p
                         order by r.rule, m.id, e.id""").param("p", programmeId).query(Stored.class).list();
        Set<Long> ids = new HashSet<>();
        stored.forEach(s -> {
            ids.add(s.mentorPerson());
            ids.add(s.menteePerson());
        });
        Map<Long, String> refs = new HashMap<>();
        register.people(ids).forEach((id, p) -> refs.put(id, p.personRef()));
        return stored.stream()
                .map(s -> new Rule(ref(refs, s.mentorPerson()), ref(refs, s.menteePerson()), s.rule()))
                .toList();
    }

    // participants reference the ICS's person table (foreign key), all of which the register lists
    private static Person person(Map<Long, Person> people, long id) {
        return Objects.requireNonNull(people.get(id));
    }

    private static String ref(Map<Long, String> refs, long personId) {
        return Objects.requireNonNull(refs.get(personId));
    }
}
