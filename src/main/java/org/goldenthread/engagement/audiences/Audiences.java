package org.goldenthread.engagement.audiences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Place;
import org.goldenthread.structure.SeatType;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** The ICS's segments: kept, checked against what the register and the map know, and counted live. */
@Component
public class Audiences {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Population population;
    private final IcsMap map;
    private final Forums forums;
    private final Audit audit;

    Audiences(JdbcClient jdbc, ObjectMapper json, Population population, IcsMap map, Forums forums, Audit audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.population = population;
        this.map = map;
        this.forums = forums;
        this.audit = audit;
    }

    public List<Segment> segments() {
        return jdbc.sql("select id, name, criteria::text as criteria, include_contacts from engagement_segment order by"
                        + " lower(name)")
                .query((rs, n) -> new Segment(
                        rs.getLong("id"),
                        rs.getString("name"),
                        json.readValue(rs.getString("criteria"), Criteria.class),
                        rs.getBoolean("include_contacts")))
                .list();
    }

    public Segment segment(long id) {
        return segments().stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("No segment with id " + id + " in this ICS"));
    }

    /**
     * Everyone the criteria reach today who has an address, once each. An address is judged by the
     * entry that stands for it, as registering for an event and reach judge it: where register entries
     * share an address, the one added first (see {@link Population#inSightByEmail()}). A place lead
     * reaches the register of the places they lead (and the ICS's contacts).
     */
    public List<Member> members(Criteria criteria, boolean includeContacts) {
        check(criteria);
        List<Member> reached = new ArrayList<>();
        for (Member m : population.inSightByEmail().values()) {
            if (m.onRegister() ? criteria.matches(m) : includeContacts && criteria.matchesContact(m)) {
                reached.add(m);
            }
        }
        return List.copyOf(reached);
    }

    public List<Member> members(long segmentId) {
        Segment s = segment(segmentId);
        return members(s.criteria(), s.includeContacts());
    }

    /** What a segment reaches now: with an address to invite, and on the register without one. */
    public record Count(
            int reachable,

            @com.fasterxml.jackson.annotation.JsonProperty("without_email")
            int withoutEmail) {}

    public Count count(Criteria criteria, boolean includeContacts) {
        int reachable = members(criteria, includeContacts).size();
        int withoutEmail = (int) population.inSight().stream()
                .filter(m -> m.email().isBlank() && criteria.matches(m))
                .count();
        return new Count(reachable, withoutEmail);
    }

    @Transactional
    public Segment create(@Nullable String name, Criteria criteria, boolean includeContacts) {
        List<Problem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            problems.add(Problem.of("name", "Enter a name of 1 to 120 characters"));
        } else if (segments().stream().anyMatch(s -> s.name().equalsIgnoreCase(trimmed))) {
            problems.add(Problem.of("name", "There is already a segment called '" + trimmed + "'"));
        }
        problems.addAll(problems(criteria));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into engagement_segment (name, criteria, include_contacts)
                        values (:name, cast(:criteria as jsonb), :contacts) returning id""")
                .param("name", trimmed)
                .param("criteria", json.writeValueAsString(criteria))
                .param("contacts", includeContacts)
                .query(Long.class)
                .single();
        Segment segment = new Segment(id, trimmed, criteria, includeContacts);
        audit.record("create", "engagement_segment", id, null, segment);
        return segment;
    }

    /** Refuses criteria naming anything the ICS does not have, each by its field. */
    public void check(Criteria criteria) {
        List<Problem> problems = problems(criteria);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private List<Problem> problems(Criteria c) {
        List<Problem> problems = new ArrayList<>();
        unknown(problems, "levels", "Level", c.levels(), codes(Level.values()), "a level");
        Set<String> places = map.places().stream().map(Place::name).collect(Collectors.toSet());
        unknown(problems, "places", "Place", c.places(), places::contains, "a place in this ICS");
        Set<String> forumNames = forums.forums().stream().map(Forum::name).collect(Collectors.toSet());
        unknown(problems, "forums", "Forum", c.forums(), forumNames::contains, "a forum in this ICS");
        unknown(problems, "seat_types", "Seat type", c.seatTypes(), codes(SeatType.values()), "a seat type");
        unknown(
                problems,
                "professions",
                "Profession",
                c.professions(),
                p -> population.profession(p).isPresent(),
                "a profession on the list");
        Set<String> groups = population.professionGroups();
        unknown(
                problems,
                "profession_groups",
                "Profession group",
                c.professionGroups(),
                groups::contains,
                "a" + " profession group");
        unknown(problems, "sectors", "Sector", c.sectors(), codes(Sector.values()), "a sector");
        unknown(
                problems,
                "career_stages",
                "Career stage",
                c.careerStages(),
                codes(org.goldenthread.people.CareerStage.values()),
                "a career stage");
        return problems;
    }

    private static Predicate<String> codes(Coded[] values) {
        Set<String> codes = Arrays.stream(values).map(Coded::code).collect(Collectors.toSet());
        return codes::contains;
    }

    private static void unknown(
            List<Problem> problems,
            String field,
            String label,
            List<String> given,
            Predicate<String> known,
            String what) {
        for (String value : given) {
            if (!known.test(value)) {
                problems.add(Problem.of(field, label + ": '" + value + "' is not " + what));
            }
        }
    }

    @Transactional
    public void delete(long id) {
        Segment before = segment(id);
        int used = jdbc.sql("select count(*) from engagement_event where segment_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        if (used > 0) {
            throw new InvalidInput("segment", "The segment decides who may come to an event, so it cannot be deleted");
        }
        jdbc.sql("delete from engagement_segment where id = :id")
                .param("id", id)
                .update();
        audit.record("delete", "engagement_segment", id, before, null);
    }
}
