package org.goldenthread.pipeline.succession;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.people.Person;
import org.goldenthread.people.PersonDetails;
import org.goldenthread.people.Register;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.pipeline.TalentPool;
import org.goldenthread.pipeline.TalentPool.Origin;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.ForumKind;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ICS's talent pool: people who have said they are interested in leadership, people nominated
 * by an ICS admin or place lead, and applicants offered a place. Everyone in it is in the register,
 * perhaps without any appointment. A place lead sees the people in their places' part of the
 * register and those they put in the pool themselves.
 */
@Service
public class TalentPoolEntries {

    private static final String ENTRIES = """
            select id, person_id, origin, nominated_by, nomination_reason, levels, forum_kinds, topics, readiness,
                   development_needs, consent_to_contact, review_on, added_on, added_by
              from talent""";

    private final JdbcClient jdbc;
    private final Register register;
    private final Audit audit;
    private final TalentPool talentPool;

    TalentPoolEntries(JdbcClient jdbc, Register register, Audit audit, TalentPool talentPool) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
        this.talentPool = talentPool;
    }

    private record Row(
            long id,
            long personId,
            String origin,
            @Nullable String nominatedBy,
            @Nullable String nominationReason,
            List<String> levels,
            List<String> forumKinds,
            @Nullable String topics,
            String readiness,
            @Nullable String developmentNeeds,
            boolean consentToContact,
            @Nullable LocalDate reviewOn,
            LocalDate addedOn,
            @Nullable Long addedBy) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getString("origin"),
                rs.getString("nominated_by"),
                rs.getString("nomination_reason"),
                strings(rs.getArray("levels")),
                strings(rs.getArray("forum_kinds")),
                rs.getString("topics"),
                rs.getString("readiness"),
                rs.getString("development_needs"),
                rs.getBoolean("consent_to_contact"),
                rs.getObject("review_on", LocalDate.class),
                rs.getObject("added_on", LocalDate.class),
                rs.getObject("added_by", Long.class));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** The entries in sight, by family and given name. */
    public List<TalentEntry> entries(Footprint footprint, Caller caller) {
        List<Row> rows = jdbc.sql(ENTRIES).query(TalentPoolEntries::row).list();
        Set<Long> inSight = footprint.isWholeIcs()
                ? null
                : new HashSet<>(
                        register.people(footprint).stream().map(Person::id).toList());
        List<Row> seen = rows.stream()
                .filter(r -> inSight == null
                        || inSight.contains(r.personId())
                        || Objects.equals(r.addedBy(), caller.userId()))
                .toList();
        Map<Long, Person> people =
                register.people(seen.stream().map(Row::personId).distinct().toList());
        return seen.stream()
                .filter(r -> people.containsKey(r.personId()))
                .map(r -> entry(r, Objects.requireNonNull(people.get(r.personId()))))
                .sorted(Comparator.comparing((TalentEntry e) -> name(people, e)))
                .toList();
    }

    private static String name(Map<Long, Person> people, TalentEntry e) {
        Person p = Objects.requireNonNull(people.get(e.personId()));
        return p.familyName() + " " + p.givenName();
    }

    public TalentEntry entry(long id, Footprint footprint, Caller caller) {
        return entries(footprint, caller).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("No talent pool entry with id " + id + " in this ICS"));
    }

    /** The entry of the person with this id, whoever can see it: for someone's own entry. */
    public java.util.Optional<TalentEntry> ofPerson(long personId) {
        return jdbc.sql(ENTRIES + " where person_id = :person")
                .param("person", personId)
                .query(TalentPoolEntries::row)
                .optional()
                .map(r -> entry(r, register.person(r.personId())));
    }

    private static TalentEntry entry(Row r, Person p) {
        return new TalentEntry(
                r.id(),
                r.personId(),
                p.personRef(),
                p.fullName(),
                p.profession(),
                r.origin(),
                r.nominatedBy(),
                r.nominationReason(),
                r.levels(),
                r.forumKinds(),
                r.topics(),
                r.readiness(),
                r.developmentNeeds(),
                r.consentToContact(),
                r.reviewOn(),
                r.addedOn());
    }

    /**
     * Adds someone to the pool: a nomination (by whom defaults to the caller) or their own interest.
     * Someone not yet in the register is added to it first, without appointments, in the same
     * transaction, so a refused entry leaves the register as it was.
     */
    @Transactional
    public TalentEntry add(TalentDetails d, Footprint footprint, Caller caller, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Origin origin = Coded.parse(Origin.class, d.origin()).orElse(null);
        if (origin == null || origin == Origin.RECRUITMENT) {
            problems.add(Problem.of(
                    "origin",
                    blank(d.origin())
                            ? "Say whether this is a nomination or the person's own interest"
                            : "'" + d.origin() + "' is not a way into the pool here; use interest or nomination"));
        }
        String nominatedBy = text(d.nominatedBy());
        if (origin == Origin.NOMINATION && nominatedBy == null) {
            nominatedBy = caller.displayName() == null ? caller.email() : caller.displayName();
        }
        if (origin == Origin.NOMINATION && text(d.nominationReason()) == null) {
            problems.add(Problem.of("nomination_reason", "Say why you are nominating them"));
        }
        if (d.readiness() == null) {
            problems.add(Problem.of("readiness", "Choose how soon they could take on a leadership seat"));
        }
        problems.addAll(checkFields(d, nominatedBy));
        Long personId = d.personId();
        if (personId != null && d.person() != null) {
            problems.add(Problem.of("person_id", "Choose someone in the register or describe someone new, not both"));
        } else if (personId != null) {
            try {
                register.person(personId, footprint);
                if (ofPerson(personId).isPresent()) {
                    problems.add(Problem.of(
                            "person_id", register.person(personId).fullName() + " is already in the talent pool"));
                }
            } catch (NotFound e) {
                problems.add(Problem.of("person_id", "There is no person with id " + personId + " in your register"));
            }
        } else if (d.person() == null) {
            problems.add(Problem.of("person_id", "Choose someone in the register or describe someone new"));
        } else {
            register.check(d.person()).forEach(p -> problems.add(Problem.of(p.field(), p.reason())));
            problems.addAll(alreadyInRegister(d.person(), footprint));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (personId == null) {
            personId = register.addPerson(Objects.requireNonNull(d.person())).id();
        }
        talentPool.add(new TalentPool.Newcomer(
                personId,
                Objects.requireNonNull(origin),
                Coded.parse(Readiness.class, d.readiness()).orElseThrow(),
                origin == Origin.NOMINATION ? nominatedBy : null,
                origin == Origin.NOMINATION ? text(d.nominationReason()) : null,
                List.of(codes(d.levels())),
                List.of(codes(d.forumKinds())),
                text(d.topics()),
                text(d.developmentNeeds()),
                Boolean.TRUE.equals(d.consentToContact()),
                d.reviewOn(),
                today,
                caller.userId()));
        return ofPerson(personId).orElseThrow();
    }

    /** Changes an entry; what the description leaves out keeps its value. The person and origin stay. */
    @Transactional
    public TalentEntry update(long id, TalentDetails d, Footprint footprint, Caller caller) {
        TalentEntry before = entry(id, footprint, caller);
        List<Problem> problems = new ArrayList<>();
        if (d.personId() != null || d.person() != null || d.origin() != null) {
            problems.add(Problem.of(
                    d.origin() != null ? "origin" : "person_id",
                    "An entry keeps its person and how they came in; add a new entry instead"));
        }
        String nominatedBy = d.nominatedBy() != null ? text(d.nominatedBy()) : before.nominatedBy();
        if (Origin.NOMINATION.code().equals(before.origin()) && nominatedBy == null) {
            problems.add(Problem.of("nominated_by", "Say who nominated them"));
        }
        problems.addAll(checkFields(d, nominatedBy));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        update talent set nominated_by = :by, nomination_reason = :why, levels = :levels,
                               forum_kinds = :kinds, topics = :topics, readiness = :readiness,
                               development_needs = :needs, consent_to_contact = :consent, review_on = :review
                         where id = :id""")
                .param("by", nominatedBy)
                .param("why", d.nominationReason() != null ? text(d.nominationReason()) : before.nominationReason())
                .param(
                        "levels",
                        d.levels() != null ? codes(d.levels()) : before.levels().toArray(String[]::new))
                .param(
                        "kinds",
                        d.forumKinds() != null
                                ? codes(d.forumKinds())
                                : before.forumKinds().toArray(String[]::new))
                .param("topics", d.topics() != null ? text(d.topics()) : before.topics())
                .param("readiness", d.readiness() != null ? d.readiness().trim() : before.readiness())
                .param("needs", d.developmentNeeds() != null ? text(d.developmentNeeds()) : before.developmentNeeds())
                .param(
                        "consent",
                        d.consentToContact() != null ? d.consentToContact().booleanValue() : before.consentToContact())
                .param("review", d.reviewOn() != null ? d.reviewOn() : before.reviewOn())
                .param("id", id)
                .update();
        TalentEntry after = entry(id, footprint, caller);
        audit.record("talent.updated", "talent", id, before, after);
        return after;
    }

    /** What is wrong with the fields an entry shares between adding and changing; absent fields are fine. */
    private static List<Problem> checkFields(TalentDetails d, @Nullable String nominatedBy) {
        List<Problem> problems = new ArrayList<>();
        if (d.readiness() != null && Coded.parse(Readiness.class, d.readiness()).isEmpty()) {
            problems.add(Problem.of(
                    "readiness",
                    d.readiness().isBlank()
                            ? "Choose how soon they could take on a leadership seat"
                            : "'" + d.readiness() + "' is not a readiness; use " + Coded.choices(Readiness.class)));
        }
        for (String level : d.levels() == null ? List.<String>of() : d.levels()) {
            if (Coded.parse(Level.class, level).isEmpty()) {
                problems.add(Problem.of("levels", "'" + level + "' is not a level; use " + Coded.choices(Level.class)));
            }
        }
        for (String kind : d.forumKinds() == null ? List.<String>of() : d.forumKinds()) {
            if (Coded.parse(ForumKind.class, kind).isEmpty()) {
                problems.add(Problem.of(
                        "forum_kinds", "'" + kind + "' is not a kind of forum; use " + Coded.choices(ForumKind.class)));
            }
        }
        if (nominatedBy != null && nominatedBy.length() > 200) {
            problems.add(Problem.of("nominated_by", "Who nominated them must be 200 characters or fewer"));
        }
        tooLong(problems, "nomination_reason", "Why they were nominated", d.nominationReason());
        tooLong(problems, "topics", "The topics", d.topics());
        tooLong(problems, "development_needs", "The development needs", d.developmentNeeds());
        if (d.reviewOn() != null) {
            Dates.check("review_on", d.reviewOn(), problems);
        }
        return problems;
    }

    private static void tooLong(List<Problem> problems, String field, String name, @Nullable String value) {
        if (value != null && value.trim().length() > 2000) {
            problems.add(Problem.of(field, name + " must be 2,000 characters or fewer"));
        }
    }

    private static String[] codes(@Nullable List<String> codes) {
        return codes == null
                ? new String[0]
                : codes.stream().map(String::trim).distinct().toArray(String[]::new);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /**
     * Someone new must be new. An address already in the register is refused: a second entry with
     * it would be judged in its place wherever the address stands for a person (who may come to an
     * event, whom reach counts), and a place lead could so give anyone in the ICS another profession
     * or place. A reference already in the register is refused as the register refuses it. A place
     * lead hears the same words whether or not that person is in the places they lead, and never
     * who it is, so the answer tells them no more than that the address or reference is taken.
     */
    private List<Problem> alreadyInRegister(PersonDetails person, Footprint footprint) {
        List<Problem> problems = new ArrayList<>();
        String ref = text(person.personRef());
        if (ref != null
                && register.peopleByRef(List.of(ref)).stream()
                        .anyMatch(p -> p.personRef().equals(ref))) {
            problems.add(Problem.of(
                    "person_ref",
                    footprint.isWholeIcs()
                            ? "Someone in this ICS already has the reference " + ref
                            : "That reference is already in the register: if this is the person, choose them from"
                                    + " the register; otherwise give another reference"));
        }
        String email = text(person.email());
        if (email != null && register.personByEmail(email).isPresent()) {
            problems.add(Problem.of(
                    "email",
                    footprint.isWholeIcs()
                            ? "That address is already in the register: choose the person from the register instead"
                            : "That address is already in the register: choose the person from the register"
                                    + " instead, or ask an ICS administrator if they are not in the places you lead"));
        }
        return problems;
    }

    private static @Nullable String text(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A person's own description of their interest, for someone who may not be in the register yet. */
    public record Interest(
            @Nullable PersonDetails person,
            List<String> levels,
            List<String> forumKinds,
            @Nullable String topics,
            @Nullable String readiness,
            boolean consentToContact) {}

    /**
     * Records a signed-in person's own interest: adds them to the register (from the details they
     * give, with their account's email) when they are not in it, and to the pool, or updates what
     * they are interested in when they are in it already. Readiness they give only when they join.
     */
    @Transactional
    public TalentEntry expressInterest(Interest interest, Caller caller, LocalDate today) {
        Person self = register.personByEmail(caller.email()).orElse(null);
        TalentEntry existing = self == null ? null : ofPerson(self.id()).orElse(null);
        TalentDetails d = new TalentDetails(
                null,
                null,
                null,
                null,
                null,
                interest.levels(),
                interest.forumKinds(),
                interest.topics() == null ? "" : interest.topics(),
                existing == null ? interest.readiness() : null,
                null,
                interest.consentToContact(),
                null);
        if (existing != null) {
            return update(existing.id(), d, Footprint.wholeIcs(), caller);
        }
        List<Problem> problems = new ArrayList<>(checkFields(d, null));
        if (self == null) {
            if (interest.person() == null) {
                problems.add(Problem.of("given_name", "Enter your given name"));
            } else {
                register.check(interest.person()).forEach(p -> problems.add(Problem.of(p.field(), p.reason())));
            }
        }
        if (blank(interest.readiness())) {
            problems.add(Problem.of("readiness", "Choose how soon you could take on a leadership seat"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        TalentDetails joining = new TalentDetails(
                self == null ? null : self.id(),
                self == null ? interest.person() : null,
                Origin.INTEREST.code(),
                null,
                null,
                interest.levels(),
                interest.forumKinds(),
                interest.topics(),
                interest.readiness(),
                null,
                interest.consentToContact(),
                null);
        return add(joining, Footprint.wholeIcs(), caller, today);
    }
}
