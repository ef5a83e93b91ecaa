package org.goldenthread.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Place;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The assessment cycles of the ICS in scope: opening one against a framework, and finding one. What
 * happens in a cycle is kept by {@link Ratings}, {@link Citations}, {@link Attachments}, {@link
 * Actions} and {@link Closings}, which all take the cycle from here.
 */
@Service
public class Cycles {

    private static final String CYCLES = """
            select c.id, c.title, c.framework_id, c.framework, p.name as place, c.opened_on, c.closed_on,
                   c.contribution is not null as shared, c.previous_cycle_id
              from cycle c left join place_names() p on p.id = c.place_id""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Audit audit;
    private final Frameworks frameworks;
    private final IcsMap map;

    Cycles(JdbcClient jdbc, ObjectMapper json, Audit audit, Frameworks frameworks, IcsMap map) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.frameworks = frameworks;
        this.map = map;
    }

    private Cycle row(ResultSet rs, int n) throws SQLException {
        return new Cycle(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getLong("framework_id"),
                json.readValue(rs.getString("framework"), Framework.class),
                rs.getString("place"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                rs.getBoolean("shared"),
                rs.getObject("previous_cycle_id", Long.class));
    }

    /** Every cycle, oldest first, so a list reads as a history. */
    public List<Cycle> cycles() {
        return jdbc.sql(CYCLES + " order by c.opened_on, c.id").query(this::row).list();
    }

    public Cycle cycle(long id) {
        return jdbc.sql(CYCLES + " where c.id = :id")
                .param("id", id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> new NotFound("No assessment cycle with id " + id + " in this ICS"));
    }

    /**
     * Whether a cycle is in sight of a footprint. A cycle for the whole ICS is everyone's to see and
     * rate; a cycle for one place is for those who see that place.
     */
    static boolean inSight(Cycle cycle, Footprint footprint) {
        return footprint.isWholeIcs() || cycle.place() == null || footprint.covers(cycle.place());
    }

    /** One cycle, answered as not found when it is another place's, as if it were not there. */
    public Cycle cycle(long id, Footprint footprint) {
        Cycle cycle = cycle(id);
        if (!inSight(cycle, footprint)) {
            throw new NotFound("No assessment cycle with id " + id + " in this ICS");
        }
        return cycle;
    }

    public List<Cycle> cycles(Footprint footprint) {
        return cycles().stream().filter(c -> inSight(c, footprint)).toList();
    }

    /**
     * Opens a cycle against a copy of the framework as it stands, citing as evidence each indicator's
     * proposed live figures that need no survey chosen.
     */
    @Transactional
    public long open(long frameworkId, @Nullable String title, @Nullable String place, @Nullable LocalDate openedOn) {
        Framework framework = frameworks.framework(frameworkId).framework();
        List<Problem> problems = new ArrayList<>();
        if (framework.indicators().findAny().isEmpty()) {
            problems.add(
                    Problem.of("framework", framework.title() + " has no indicators yet; add them before assessing"));
        }
        if (title == null || title.isBlank()) {
            problems.add(Problem.of("title", "Give the cycle a title, like 2026/27 self-assessment"));
        } else if (title.trim().length() > 200) {
            problems.add(Problem.of("title", "The title must be 200 characters or fewer"));
        } else if (cycles().stream().anyMatch(c -> c.title().equalsIgnoreCase(title.trim()))) {
            problems.add(Problem.of("title", "This ICS already has a cycle called " + title.trim()));
        }
        Long placeId = null;
        if (place != null && !place.isBlank()) {
            placeId = map.places().stream()
                    .filter(p -> p.name().equalsIgnoreCase(place.trim()))
                    .map(Place::id)
                    .findFirst()
                    .orElse(null);
            if (placeId == null) {
                problems.add(Problem.of("place", "This ICS has no place called '" + place.trim() + "'"));
            }
        }
        if (openedOn == null) {
            problems.add(Problem.of("opened_on", "Give the day the cycle opens"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into cycle (framework_id, title, place_id, framework, opened_on)
                        values (:framework, :title, :place, cast(:copy as jsonb), :opened) returning id""")
                .param("framework", frameworkId)
                // a missing title was refused above
                .param("title", Objects.requireNonNull(title).trim())
                .param("place", placeId)
                .param("copy", json.writeValueAsString(framework))
                .param("opened", openedOn)
                .query(Long.class)
                .single();
        framework
                .indicators()
                .forEach(i -> i.evidence().stream()
                        .map(code -> Coded.parse(Metric.class, code).orElseThrow())
                        .filter(m -> !m.needsSurvey())
                        .forEach(m -> jdbc.sql(
                                        "insert into evidence_binding (cycle_id, indicator, metric) values (:c, :i, :m)"
                                                + " on conflict do nothing")
                                .param("c", id)
                                .param("i", i.code())
                                .param("m", m.code())
                                .update()));
        audit.record("cycle.opened", "cycle", id, null, Map.of("title", title.trim(), "framework", framework.code()));
        return id;
    }
    /** The cycle, locked until the transaction ends, so nothing can change it while it closes. */
    Cycle openCycle(long id) {
        jdbc.sql("select id from cycle where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional();
        Cycle cycle = cycle(id);
        if (!cycle.isOpen()) {
            throw new InvalidInput(
                    "cycle", cycle.title() + " is closed; its ratings and evidence can no longer change");
        }
        return cycle;
    }

    static Framework.Indicator indicator(Cycle cycle, String code) {
        return cycle.framework()
                .indicator(code)
                .orElseThrow(() -> new InvalidInput("indicator", "This cycle's framework has no indicator " + code));
    }

    static void checkLevel(Cycle cycle, @Nullable Integer level) {
        int size = cycle.framework().scale().size();
        if (level == null || level < 1 || level > size) {
            throw new InvalidInput("level", "Choose a level from 1 to " + size);
        }
    }

    static @Nullable String narrative(@Nullable String text, String field) {
        if (text != null && text.length() > 5000) {
            throw new InvalidInput(field, "Keep this to 5,000 characters or fewer");
        }
        return text == null || text.isBlank() ? null : text.trim();
    }
}
