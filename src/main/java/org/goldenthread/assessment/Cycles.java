package org.goldenthread.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Place;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The assessment cycles of the ICS in scope: opening one against a framework, contributors'
 * ratings, the agreed ratings, evidence, actions, closing (which freezes the live evidence) and
 * sharing a closed cycle, anonymously, for peer benchmarking.
 */
@Service
public class Cycles {

    private static final String CYCLES = """
            select c.id, c.title, c.framework_id, c.framework, p.name as place, c.opened_on, c.closed_on,
                   c.contribution is not null as shared, c.previous_cycle_id
              from cycle c left join place p on p.id = c.place_id""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Audit audit;
    private final Frameworks frameworks;
    private final IcsMap map;
    private final LiveEvidence live;
    private final Surveys surveys;

    Cycles(
            JdbcClient jdbc,
            ObjectMapper json,
            Audit audit,
            Frameworks frameworks,
            IcsMap map,
            LiveEvidence live,
            Surveys surveys) {
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.frameworks = frameworks;
        this.map = map;
        this.live = live;
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

    private List<Cycle.Action> ofCyclesInSight(List<Cycle.Action> actions, Footprint footprint) {
        if (footprint.isWholeIcs()) {
            return actions;
        }
        java.util.Set<Long> inSight =
                cycles(footprint).stream().map(Cycle::id).collect(java.util.stream.Collectors.toSet());
        return actions.stream().filter(a -> inSight.contains(a.cycleId())).toList();
    }

    /**
     * Opens a cycle against a copy of the framework as it stands, citing as evidence each indicator's
     * proposed live figures that need no survey chosen.
     */
    @Transactional
    public long open(long frameworkId, String title, String place, LocalDate openedOn) {
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
                .param("title", title.trim())
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
    private Cycle openCycle(long id) {
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

    private static Framework.Indicator indicator(Cycle cycle, String code) {
        return cycle.framework()
                .indicator(code)
                .orElseThrow(() -> new InvalidInput("indicator", "This cycle's framework has no indicator " + code));
    }

    private static void checkLevel(Cycle cycle, Integer level) {
        int size = cycle.framework().scale().size();
        if (level == null || level < 1 || level > size) {
            throw new InvalidInput("level", "Choose a level from 1 to " + size);
        }
    }

    private static String narrative(String text, String field) {
        if (text != null && text.length() > 5000) {
            throw new InvalidInput(field, "Keep this to 5,000 characters or fewer");
        }
        return text == null || text.isBlank() ? null : text.trim();
    }

    // ------------------------------------------------------------------ ratings

    /** Records (or changes) the caller's own rating of one indicator. */
    @Transactional
    public void rate(long cycleId, String indicatorCode, Integer level, String narrative) {
        Cycle cycle = openCycle(cycleId);
        indicator(cycle, indicatorCode);
        checkLevel(cycle, level);
        String text = narrative(narrative, "narrative");
        long user = Scope.currentCaller().userId();
        Map<String, Object> before = jdbc.sql(
                        "select level, narrative from rating where cycle_id = :c and indicator = :i"
                                + " and user_id = :u")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("u", user)
                .query((rs, n) -> Map.<String, Object>of("indicator", indicatorCode, "level", rs.getInt(1)))
                .optional()
                .orElse(null);
        jdbc.sql("""
                        insert into rating (cycle_id, indicator, user_id, level, narrative) values (:c, :i, :u, :l, :n)
                        on conflict (cycle_id, indicator, user_id)
                        do update set level = excluded.level, narrative = excluded.narrative, rated_at = now()""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("u", user)
                .param("l", level)
                .param("n", text)
                .update();
        audit.record("rating.given", "cycle", cycleId, before, Map.of("indicator", indicatorCode, "level", level));
    }

    private static final String RATINGS = """
            select r.indicator, r.user_id, u.display_name as rater, r.level, r.narrative, r.rated_at
              from rating r join app_user u on u.id = r.user_id where r.cycle_id = :c""";

    /** Everyone's ratings: for the lead, who weighs them. */
    public List<Cycle.Rating> ratings(long cycleId) {
        return jdbc.sql(RATINGS + " order by r.indicator, r.level, u.display_name")
                .param("c", cycleId)
                .query(Cycle.Rating.class)
                .list();
    }

    /** The caller's own ratings: contributors rate without seeing each other's. */
    public List<Cycle.Rating> myRatings(long cycleId) {
        return jdbc.sql(RATINGS + " and r.user_id = :u order by r.indicator")
                .param("c", cycleId)
                .param("u", Scope.currentCaller().userId())
                .query(Cycle.Rating.class)
                .list();
    }

    /** Records the rating the contributors' views settle on, with the reason. */
    @Transactional
    public void agree(long cycleId, String indicatorCode, Integer level, String rationale) {
        Cycle cycle = openCycle(cycleId);
        indicator(cycle, indicatorCode);
        checkLevel(cycle, level);
        String why = narrative(rationale, "rationale");
        if (why == null) {
            throw new InvalidInput("rationale", "Say why this is the agreed rating, so the board can follow it");
        }
        Map<String, Object> before = jdbc.sql(
                        "select level, rationale from agreed_rating where cycle_id = :c" + " and indicator = :i")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .query((rs, n) -> Map.<String, Object>of(
                        "indicator", indicatorCode, "level", rs.getInt(1), "rationale", rs.getString(2)))
                .optional()
                .orElse(null);
        jdbc.sql("""
                        insert into agreed_rating (cycle_id, indicator, level, rationale, agreed_by)
                        values (:c, :i, :l, :r, :u)
                        on conflict (cycle_id, indicator) do update set level = excluded.level,
                            rationale = excluded.rationale, agreed_by = excluded.agreed_by, agreed_at = now()""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("l", level)
                .param("r", why)
                .param("u", Scope.currentCaller().userId())
                .update();
        audit.record(
                "rating.agreed",
                "cycle",
                cycleId,
                before,
                Map.of("indicator", indicatorCode, "level", level, "rationale", why));
    }

    public List<Cycle.Agreed> agreed(long cycleId) {
        return jdbc.sql("""
                        select a.indicator, a.level, a.rationale, u.display_name as agreed_by, a.agreed_at
                          from agreed_rating a join app_user u on u.id = a.agreed_by
                         where a.cycle_id = :c order by a.indicator""").param("c", cycleId).query(Cycle.Agreed.class).list();
    }

    // ------------------------------------------------------------------ evidence

    /** Cites a live figure for an indicator. Survey figures name the survey, and net agreement a question of it. */
    @Transactional
    public void cite(long cycleId, String indicatorCode, String metricCode, Long surveyId, String question) {
        Cycle cycle = openCycle(cycleId);
        indicator(cycle, indicatorCode);
        Metric metric = Coded.parse(Metric.class, metricCode)
                .orElseThrow(() -> new InvalidInput("metric", "Choose one of " + Coded.choices(Metric.class)));
        if (metric.needsSurvey() && surveyId == null) {
            throw new InvalidInput("survey", "Choose the survey this figure comes from");
        }
        String q = null;
        if (metric.needsQuestion()) {
            if (question == null || question.isBlank()) {
                throw new InvalidInput("question", "Choose the survey question");
            }
            // reading the survey proves it is this ICS's (another ICS's is not found)
            var asked = surveys.survey(surveyId)
                    .definition()
                    .question(question.trim())
                    .orElseThrow(() -> new InvalidInput("question", "The survey has no question " + question.trim()));
            if (!asked.questionType().isAgreement()) {
                throw new InvalidInput(
                        "question", asked.code() + " is not an agreement question, so it has no net" + " agreement");
            }
            q = asked.code();
        } else if (metric.needsSurvey()) {
            surveys.survey(surveyId);
        }
        int added = jdbc.sql("""
                        insert into evidence_binding (cycle_id, indicator, metric, survey_id, question)
                        values (:c, :i, :m, :s, :q) on conflict do nothing""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("m", metric.code())
                .param("s", metric.needsSurvey() ? surveyId : null)
                .param("q", q)
                .update();
        if (added == 0) {
            throw new InvalidInput("metric", "This figure is already cited for " + indicatorCode);
        }
        audit.record(
                "evidence.cited", "cycle", cycleId, null, Map.of("indicator", indicatorCode, "metric", metric.code()));
    }

    @Transactional
    public void uncite(long cycleId, long evidenceId) {
        openCycle(cycleId);
        Map<String, Object> before = jdbc.sql(
                        "select indicator, metric from evidence_binding where id = :id and cycle_id = :c")
                .param("id", evidenceId)
                .param("c", cycleId)
                .query((rs, n) -> Map.<String, Object>of(
                        "evidence", evidenceId, "indicator", rs.getString(1), "metric", rs.getString(2)))
                .optional()
                .orElseThrow(() -> new NotFound("No evidence " + evidenceId + " in this cycle"));
        jdbc.sql("delete from evidence_binding where id = :id")
                .param("id", evidenceId)
                .update();
        audit.record("evidence.uncited", "cycle", cycleId, before, null);
    }

    private record Binding(
            long id,
            String indicator,
            String metric,
            Long surveyId,
            String question,
            BigDecimal value,
            String shown,
            String label,
            Instant snapshotAt) {}

    /** The cited figures: computed now for an open cycle, as frozen at closing for a closed one. */
    public List<Cycle.Evidence> evidence(long cycleId) {
        return evidence(cycleId, null);
    }

    private List<Cycle.Evidence> evidence(long cycleId, LiveEvidence.Reading asOf) {
        Cycle cycle = cycle(cycleId);
        List<Binding> bindings =
                jdbc.sql("""
                        select id, indicator, metric, survey_id, question, value, shown, label, snapshot_at
                          from evidence_binding where cycle_id = :c order by indicator, id""").param("c", cycleId).query(Binding.class).list();
        if (!cycle.isOpen()) {
            return bindings.stream()
                    .map(b -> new Cycle.Evidence(
                            b.id(),
                            b.indicator(),
                            b.metric(),
                            b.label(),
                            b.surveyId(),
                            b.question(),
                            b.value(),
                            b.shown(),
                            null,
                            b.snapshotAt()))
                    .toList();
        }
        LiveEvidence.Reading reading = asOf != null ? asOf : live.reading(cycle.place());
        Instant now = Instant.now();
        return bindings.stream()
                .map(b -> {
                    LiveEvidence.Value v = reading.safely(b.metric(), b.surveyId(), b.question());
                    return new Cycle.Evidence(
                            b.id(),
                            b.indicator(),
                            b.metric(),
                            v.label(),
                            b.surveyId(),
                            b.question(),
                            v.value(),
                            v.shown(),
                            v.detail(),
                            now);
                })
                .toList();
    }

    @Transactional
    public long attachLink(long cycleId, String indicatorCode, String title, String url) {
        Cycle cycle = openCycle(cycleId);
        indicator(cycle, indicatorCode);
        List<Problem> problems = new ArrayList<>();
        itemTitle(title, problems);
        if (url == null || !url.trim().matches("^https?://\\S+$") || url.trim().length() > 2000) {
            problems.add(Problem.of("url", "Give a web address starting https:// or http://"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into evidence_item (cycle_id, indicator, title, url, added_by)
                        values (:c, :i, :t, :u, :by) returning id""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("t", title.trim())
                .param("u", url.trim())
                .param("by", Scope.currentCaller().userId())
                .query(Long.class)
                .single();
        audit.record(
                "evidence.attached", "cycle", cycleId, null, Map.of("indicator", indicatorCode, "title", title.trim()));
        return id;
    }

    /** The kinds of document accepted, by extension; anything else could carry active content. */
    static final Map<String, String> FILE_TYPES = Map.of(
            "pdf",
            "application/pdf",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "csv",
            "text/csv",
            "txt",
            "text/plain",
            "png",
            "image/png",
            "jpg",
            "image/jpeg");

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    @Transactional
    public long attachFile(long cycleId, String indicatorCode, String title, String fileName, byte[] content) {
        Cycle cycle = openCycle(cycleId);
        indicator(cycle, indicatorCode);
        List<Problem> problems = new ArrayList<>();
        itemTitle(title, problems);
        // keep the last path segment, without control or bidi characters that could disguise it
        String name = fileName == null
                ? ""
                : fileName.replaceAll("^.*[/\\\\]", "")
                        .replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
                        .trim();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (content == null || content.length == 0) {
            problems.add(Problem.of("file", "Choose a file to attach"));
        } else if (content.length > MAX_FILE_BYTES) {
            problems.add(Problem.of("file", "The file must be 10 MB or smaller"));
        } else if (!FILE_TYPES.containsKey(extension)) {
            problems.add(Problem.of("file", "Attach a PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG file"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into evidence_item (cycle_id, indicator, title, file_name, content_type, content, added_by)
                        values (:c, :i, :t, :f, :ct, :content, :by) returning id""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("t", title.trim())
                .param("f", name)
                .param("ct", FILE_TYPES.get(extension))
                .param("content", content)
                .param("by", Scope.currentCaller().userId())
                .query(Long.class)
                .single();
        audit.record("evidence.attached", "cycle", cycleId, null, Map.of("indicator", indicatorCode, "file", name));
        return id;
    }

    private static void itemTitle(String title, List<Problem> problems) {
        if (title == null || title.isBlank()) {
            problems.add(Problem.of("title", "Say what the evidence is"));
        } else if (title.trim().length() > 200) {
            problems.add(Problem.of("title", "Keep the title to 200 characters or fewer"));
        }
    }

    /** Removes an attached link or document while the cycle is open: the ICS admin, or whoever attached it. */
    @Transactional
    public void removeItem(long cycleId, long itemId, boolean lead) {
        openCycle(cycleId);
        Map<String, Object> before = jdbc.sql("""
                        select indicator, title, added_by from evidence_item where id = :id and cycle_id = :c""")
                .param("id", itemId)
                .param("c", cycleId)
                .query((rs, n) -> Map.<String, Object>of(
                        "indicator", rs.getString(1), "title", rs.getString(2), "added_by", rs.getLong(3)))
                .optional()
                .orElseThrow(() -> new NotFound("No attached evidence " + itemId + " in this cycle"));
        if (!lead && (long) before.get("added_by") != Scope.currentCaller().userId()) {
            throw new org.goldenthread.platform.Forbidden(
                    "Only the ICS administrator or whoever attached it can remove it");
        }
        jdbc.sql("delete from evidence_item where id = :id").param("id", itemId).update();
        audit.record("evidence.removed", "cycle", cycleId, before, null);
    }

    public List<Cycle.Item> items(long cycleId) {
        return jdbc.sql("""
                        select e.id, e.indicator, e.title, e.url, e.file_name, e.content_type,
                               e.added_by as added_by_id, u.display_name as added_by, e.added_at
                          from evidence_item e join app_user u on u.id = e.added_by
                         where e.cycle_id = :c order by e.indicator, e.added_at""").param("c", cycleId).query(Cycle.Item.class).list();
    }

    public record File(String name, String contentType, byte[] content) {}

    public File file(long cycleId, long itemId) {
        return jdbc.sql("select file_name, content_type, content from evidence_item where id = :id and cycle_id = :c"
                        + " and content is not null")
                .param("id", itemId)
                .param("c", cycleId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new NotFound("No attached file " + itemId + " in this cycle"));
    }

    // ------------------------------------------------------------------ actions

    private static final String ACTIONS = "select id, cycle_id, indicator, title, owner, due_on, status from action";

    /** Adds an action against a gap. Actions may be added after closing: the plan outlives the rating. */
    @Transactional
    public long addAction(long cycleId, String indicatorCode, String title, String owner, LocalDate dueOn) {
        Cycle cycle = cycle(cycleId);
        indicator(cycle, indicatorCode);
        List<Problem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.trim().length() > 300) {
            problems.add(Problem.of("title", "Say what will be done, in 300 characters or fewer"));
        }
        if (owner == null || owner.isBlank() || owner.trim().length() > 200) {
            problems.add(Problem.of("owner", "Name who owns the action"));
        }
        if (dueOn == null) {
            problems.add(Problem.of("due_on", "Give the date it is due"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into action (cycle_id, indicator, title, owner, due_on)
                        values (:c, :i, :t, :o, :d) returning id""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("t", title.trim())
                .param("o", owner.trim())
                .param("d", dueOn)
                .query(Long.class)
                .single();
        audit.record(
                "action.added",
                "action",
                id,
                null,
                Map.of(
                        "indicator",
                        indicatorCode,
                        "title",
                        title.trim(),
                        "owner",
                        owner.trim(),
                        "due_on",
                        dueOn.toString()));
        return id;
    }

    @Transactional
    public void setStatus(long cycleId, long actionId, String status) {
        ActionStatus chosen = Coded.parse(ActionStatus.class, status)
                .orElseThrow(() -> new InvalidInput("status", "Choose one of " + Coded.choices(ActionStatus.class)));
        Cycle.Action before = jdbc.sql(ACTIONS + " where id = :id and cycle_id = :c")
                .param("id", actionId)
                .param("c", cycleId)
                .query(Cycle.Action.class)
                .optional()
                .orElseThrow(() -> new NotFound("No action " + actionId + " in this cycle"));
        jdbc.sql("update action set status = :s, updated_at = now() where id = :id")
                .param("s", chosen.code())
                .param("id", actionId)
                .update();
        audit.record(
                "action.status",
                "action",
                actionId,
                Map.of("status", before.status()),
                Map.of("status", chosen.code()));
    }

    public List<Cycle.Action> actions(long cycleId) {
        return jdbc.sql(ACTIONS + " where cycle_id = :c order by due_on, id")
                .param("c", cycleId)
                .query(Cycle.Action.class)
                .list();
    }

    /** The actions of every cycle in sight, soonest due first. */
    public List<Cycle.Action> allActions(Footprint footprint) {
        return ofCyclesInSight(
                jdbc.sql(ACTIONS + " order by due_on, id")
                        .query(Cycle.Action.class)
                        .list(),
                footprint);
    }

    /** Actions of any cycle in sight past their due date and neither done nor dropped. */
    public List<Cycle.Action> overdue(LocalDate today, Footprint footprint) {
        return ofCyclesInSight(
                jdbc.sql(ACTIONS + " where due_on < :today and status not in ('done', 'dropped') order by due_on, id")
                        .param("today", today)
                        .query(Cycle.Action.class)
                        .list(),
                footprint);
    }

    // ------------------------------------------------------------------ closing and sharing

    /**
     * Closes a cycle once every indicator has an agreed rating, freezing each cited figure at its
     * value today so the cycle's report never changes afterwards.
     */
    @Transactional
    public void close(long cycleId, LocalDate closedOn) {
        Cycle cycle = openCycle(cycleId);
        Set<String> agreed = new HashSet<>(
                agreed(cycleId).stream().map(Cycle.Agreed::indicator).toList());
        List<String> missing = cycle.framework()
                .indicators()
                .map(Framework.Indicator::code)
                .filter(c -> !agreed.contains(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput(
                    "cycle",
                    "Agree a rating for every indicator before closing; still to agree: " + String.join(", ", missing));
        }
        if (closedOn == null || closedOn.isBefore(cycle.openedOn()) || closedOn.isAfter(LocalDate.now())) {
            throw new InvalidInput(
                    "closed_on",
                    "A cycle closes on or after the day it opened (" + cycle.openedOn() + ") and no later than today");
        }
        // the report keeps the figures of the day the cycle closed: leadership figures are read from the
        // appointments current that day; survey figures are their results now, surveys being closed by then
        Instant asOf = closedOn.isBefore(LocalDate.now())
                ? closedOn.plusDays(1)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant()
                        .minusSeconds(1)
                : Instant.now();
        for (Cycle.Evidence e : evidence(cycleId, live.reading(cycle.place(), closedOn))) {
            jdbc.sql("update evidence_binding set value = :v, shown = :s, label = :l, snapshot_at = :at where id = :id")
                    .param("v", e.value())
                    .param("s", e.shown())
                    .param("l", e.label())
                    .param("at", java.sql.Timestamp.from(asOf))
                    .param("id", e.id())
                    .update();
        }
        Long previous = jdbc.sql("""
                        select id from cycle
                         where closed_on is not null and id <> :id and framework->>'code' = :code
                           and place_id is not distinct from (select place_id from cycle where id = :id)
                         order by closed_on desc, id desc limit 1""")
                .param("id", cycleId)
                .param("code", cycle.frameworkCode())
                .query(Long.class)
                .optional()
                .orElse(null);
        jdbc.sql("update cycle set closed_on = :d, previous_cycle_id = :p where id = :id")
                .param("d", closedOn)
                .param("p", previous)
                .param("id", cycleId)
                .update();
        audit.record(
                "cycle.closed",
                "cycle",
                cycleId,
                Map.of("status", "open"),
                Map.of("status", "closed", "closed_on", closedOn.toString()));
    }

    /**
     * Adds a closed cycle's agreed ratings to the anonymous pool other ICSs compare against, in place
     * of whatever this ICS shared before for the same framework.
     */
    @Transactional
    public void share(long cycleId) {
        Cycle cycle = cycle(cycleId);
        if (cycle.isOpen()) {
            throw new InvalidInput("cycle", "Only a closed cycle can be shared");
        }
        // lock the whole series, shared or not, so two shares at once cannot both add a contribution
        List<UUID> previous = jdbc
                .sql("select contribution from cycle where framework->>'code' = :code for update")
                .param("code", cycle.frameworkCode())
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        for (UUID old : previous) {
            jdbc.sql("delete from benchmark_rating where contribution = :u")
                    .param("u", old)
                    .update();
        }
        jdbc.sql("update cycle set contribution = null where framework->>'code' = :code")
                .param("code", cycle.frameworkCode())
                .update();
        UUID contribution = UUID.randomUUID();
        int scale = cycle.framework().scale().size();
        for (Cycle.Agreed a : agreed(cycleId)) {
            jdbc.sql("""
                            insert into benchmark_rating (contribution, framework_code, indicator, level, scale_size)
                            values (:u, :f, :i, :l, :s)""")
                    .param("u", contribution)
                    .param("f", cycle.frameworkCode())
                    .param("i", a.indicator())
                    .param("l", a.level())
                    .param("s", scale)
                    .update();
        }
        jdbc.sql("update cycle set contribution = :u where id = :id")
                .param("u", contribution)
                .param("id", cycleId)
                .update();
        audit.record("cycle.shared", "cycle", cycleId, null, Map.of("framework", cycle.frameworkCode()));
    }
}
