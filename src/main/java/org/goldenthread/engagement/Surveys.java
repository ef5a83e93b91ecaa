package org.goldenthread.engagement;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.people.Profession;
import org.goldenthread.people.Professions;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Signals;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** The surveys of the ICS in scope: their definitions, and storing the responses they collect. */
@Service
public class Surveys {

    /** Enough for every open survey on a national platform; beyond it the memory starts afresh. */
    private static final int MAX_REMEMBERED = 1_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Audit audit;
    private final Professions professions;
    private final Map<CollectingKey, Collecting> collecting = new java.util.concurrent.ConcurrentHashMap<>();

    private final Signals signals;

    private final SurveyFigures figures;
    private final SmallNumbers smallNumbers;

    Surveys(
            JdbcClient jdbc,
            ObjectMapper json,
            Audit audit,
            Professions professions,
            Signals signals,
            SurveyFigures figures,
            SmallNumbers smallNumbers) {
        this.figures = figures;
        this.smallNumbers = smallNumbers;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.professions = professions;
        this.signals = signals;
        // another instance changed a survey: what this one remembers of it is out of date
        signals.listen(SIGNAL, detail -> {
            if (detail.equals(Signals.EVERYTHING)) {
                collecting.clear();
            } else {
                forget(Long.parseLong(detail));
            }
        });
    }

    private static final String SIGNAL = "survey";

    /** Forgets a survey here now, and on every instance once the change commits. */
    private void changed(long surveyId) {
        forget(surveyId);
        signals.send(SIGNAL, Long.toString(surveyId));
    }

    /**
     * Where a survey is in its life: a draft takes no responses whatever its dates; a live survey
     * takes them between its opening and closing dates; a closed one was closed by hand.
     */
    public enum Status {
        DRAFT,
        LIVE,
        CLOSED;

        /** As stored and as the API shows it: draft, live or closed. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String stored) {
            return valueOf(stored.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A survey as stored, with its definition. */
    public record Survey(
            long id,
            SurveyDefinition definition,
            @JsonProperty("opens_on") LocalDate opensOn,
            @JsonProperty("closes_on") LocalDate closesOn,
            Status status) {

        public boolean isOpenOn(LocalDate day) {
            return status == Status.LIVE
                    && (opensOn == null || !day.isBefore(opensOn))
                    && (closesOn == null || !day.isAfter(closesOn));
        }

        public boolean isDraft() {
            return status == Status.DRAFT;
        }
    }

    /**
     * A survey in the list. {@code responses} is null, and {@code responses_hidden} true, for an
     * anonymous survey with 1 to k−1 responses unless the caller may have its raw responses (see
     * {@link #shownCount}).
     */
    public record Listed(
            long id,
            String code,
            String title,
            boolean anonymous,
            @JsonProperty("opens_on") LocalDate opensOn,
            @JsonProperty("closes_on") LocalDate closesOn,
            @Nullable Long responses,
            @JsonProperty("responses_hidden") boolean responsesHidden,
            String status) {}

    public List<Listed> surveys() {
        return jdbc.sql("""
                        select s.id, s.code, s.title, s.anonymous, s.opens_on, s.closes_on, s.status, s.created_by,
                               (select count(*) from survey_response r where r.survey_id = s.id) as responses
                          from survey s order by s.created_at desc""")
                .query((rs, n) -> {
                    ResponseCount count = shownCount(
                            rs.getBoolean("anonymous"),
                            rs.getLong("responses"),
                            rs.getObject("created_by", Long.class));
                    return new Listed(
                            rs.getLong("id"),
                            rs.getString("code"),
                            rs.getString("title"),
                            rs.getBoolean("anonymous"),
                            rs.getObject("opens_on", LocalDate.class),
                            rs.getObject("closes_on", LocalDate.class),
                            count.count(),
                            count.hidden(),
                            rs.getString("status"));
                })
                .list();
    }

    /**
     * How many responses a survey has, as the caller may see it: the number, or null and hidden for
     * an anonymous survey with 1 to k−1 of them (none is no small group, and a survey's owners need
     * to see that nobody has answered yet).
     */
    public record ResponseCount(@Nullable Long count, boolean hidden) {}

    /** A survey's response count as the caller may see it; see {@link #shownCount(boolean, long, Long)}. */
    public ResponseCount shownCount(long surveyId) {
        return jdbc.sql("select anonymous, created_by from survey where id = :id")
                .param("id", surveyId)
                .query((rs, n) -> shownCount(
                        rs.getBoolean("anonymous"), responseCount(surveyId), rs.getObject("created_by", Long.class)))
                .optional()
                .orElseThrow(() -> new NotFound("No survey with id " + surveyId + " in this ICS"));
    }

    /**
     * Below k the number of responses to an anonymous survey is itself a small group: three
     * responses say that three colleagues answered, and watching it tick up says when each did. Those
     * who may have the raw responses (the survey's runners) see the exact count to follow progress, as
     * it tells them nothing the responses do not; everyone else sees only that there are fewer than k.
     */
    private ResponseCount shownCount(boolean anonymous, long responses, @Nullable Long createdBy) {
        if (anonymous && smallNumbers.hides(responses) && !runs(createdBy)) {
            return new ResponseCount(null, true);
        }
        return new ResponseCount(responses, false);
    }

    /** The threshold below which counts of an anonymous survey's responses are hidden. */
    public int minGroupSize() {
        return smallNumbers.minGroupSize();
    }

    public long responseCount(long surveyId) {
        return jdbc.sql("select count(*) from survey_response where survey_id = :id")
                .param("id", surveyId)
                .query(Long.class)
                .single();
    }

    /** Which of a survey's responses may be shown now; see {@link Release}. */
    Release release(long surveyId) {
        boolean anonymous = jdbc.sql("select anonymous from survey where id = :id")
                .param("id", surveyId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new NotFound("No survey with id " + surveyId + " in this ICS"));
        return Release.of(surveyId, anonymous, (int) responseCount(surveyId), smallNumbers.minGroupSize());
    }

    /** Whether a survey has more than {@code n} responses: counts no further than that, unlike {@link #responseCount}. */
    boolean hasMoreResponsesThan(long surveyId, int n) {
        return jdbc.sql("select count(*) from (select 1 from survey_response where survey_id = :id limit :n) r")
                        .param("id", surveyId)
                        .param("n", n + 1)
                        .query(Long.class)
                        .single()
                > n;
    }

    public Survey survey(long id) {
        return jdbc.sql("select id, definition, opens_on, closes_on, status from survey where id = :id")
                .param("id", id)
                .query((rs, n) -> new Survey(
                        rs.getLong("id"),
                        json.readValue(rs.getString("definition"), SurveyDefinition.class),
                        rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class),
                        Status.of(rs.getString("status"))))
                .optional()
                .orElseThrow(() -> new NotFound("No survey with id " + id + " in this ICS"));
    }

    /**
     * Whether the caller may have every response as it was given, free text included: ICS admins, and
     * place leads for the surveys they created. Raw rows escape both small-number suppression and
     * the rule that only those who code comments read them, so analysts never get them.
     */
    public boolean mayReadRawResponses(long surveyId) {
        return runs(surveyId);
    }

    /**
     * Whether the caller runs a survey: an ICS admin, or the place lead who created it. Only they
     * change it (its questions, dates, opening, closing, codebook), invite to it and add its
     * responses; every other place lead may read its results, as analysts do.
     */
    public boolean runs(long surveyId) {
        return runs(jdbc.sql("select created_by from survey where id = :id")
                .param("id", surveyId)
                .query(Long.class)
                .optional()
                .orElse(null));
    }

    /** Whether the caller runs a survey made by this user: an ICS admin, or the place lead who made it. */
    private boolean runs(@Nullable Long createdBy) {
        Caller caller = Scope.current().caller();
        if (caller == null) {
            // system work in the ICS, such as loading the demo; nobody reaches it through a link
            return true;
        }
        long ics = Scope.currentTenant().id();
        return caller.has(Role.ICS_ADMIN, ics)
                || caller.has(Role.PLACE_LEAD, ics) && createdBy != null && createdBy == caller.userId();
    }

    /**
     * Refuses anyone who does not run the survey (403, saying they may not {@code what}): only ICS
     * admins, and the place lead who created it, add its responses and manage its invitations, so
     * that nobody else can sway a colleague's results or see who has not answered. An ICS admin runs
     * every survey, so their calls (the bulk of single responses) cost no query.
     */
    public void requireRuns(long surveyId, String what) {
        Caller caller = Scope.current().caller();
        if (caller == null || caller.has(Role.ICS_ADMIN, Scope.currentTenant().id())) {
            return;
        }
        Long createdBy = jdbc.sql("select created_by from survey where id = :id")
                .param("id", surveyId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, Long.class)))
                .optional()
                .orElseThrow(() -> new NotFound("No survey with id " + surveyId + " in this ICS"))
                .orElse(null);
        if (!runs(createdBy)) {
            throw new Forbidden("Only ICS admins, and the place lead who created this survey, may " + what);
        }
    }

    /** Refuses (403) anyone who may not have the raw responses; see {@link #mayReadRawResponses}. */
    public void requireRawResponses(long surveyId) {
        survey(surveyId);
        if (!mayReadRawResponses(surveyId)) {
            throw new Forbidden("Only ICS admins, and place leads for the surveys they created, may have the raw"
                    + " responses; the results and cross-tabs are open to you");
        }
    }

    /**
     * Checks and saves a new survey. Options drawn from a reference list are filled in now, so the
     * survey keeps the list it was asked with.
     */
    @Transactional
    public long create(SurveyDefinition definition, @Nullable LocalDate opensOn, @Nullable LocalDate closesOn) {
        return create(definition, opensOn, closesOn, false, Status.LIVE);
    }

    /**
     * Saves a complete survey as a draft: it takes no responses until someone opens it. Surveys
     * imported or started from a template on the pages begin this way, so nobody answers a survey
     * its owners have not yet checked.
     */
    @Transactional
    public long createUnopened(SurveyDefinition definition, @Nullable LocalDate opensOn, @Nullable LocalDate closesOn) {
        return create(definition, opensOn, closesOn, false, Status.DRAFT);
    }

    /** Starts a survey in the builder, with its questions still to come; it is a draft until opened. */
    @Transactional
    public long createDraft(SurveyDefinition definition, @Nullable LocalDate opensOn, @Nullable LocalDate closesOn) {
        return create(definition, opensOn, closesOn, true, Status.DRAFT);
    }

    private long create(
            SurveyDefinition definition,
            @Nullable LocalDate opensOn,
            @Nullable LocalDate closesOn,
            boolean incomplete,
            Status status) {
        List<Problem> problems = new ArrayList<>(DefinitionRules.check(definition, incomplete));
        checkDates(opensOn, closesOn, problems);
        if (problems.isEmpty()
                && jdbc.sql("select count(*) > 0 from survey where code = :code")
                        .param("code", definition.code())
                        .query(Boolean.class)
                        .single()) {
            problems.add(Problem.of("code", "This ICS already has a survey with the code " + definition.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        SurveyDefinition filled = new SurveyDefinition(
                definition.code(),
                definition.title().trim(),
                definition.keepsRespondentsAnonymous(),
                definition.introduction(),
                definition.questions() == null
                        ? List.of()
                        : definition.questions().stream().map(this::fillOptions).toList());
        long id = jdbc.sql("""
                        insert into survey (ics_id, code, title, anonymous, definition, opens_on, closes_on,
                                            created_by, status)
                        values (:ics, :code, :title, :anonymous, cast(:definition as jsonb), :opens, :closes,
                                :creator, :status)
                        returning id""")
                .param("ics", Scope.currentTenant().id())
                .param("code", filled.code())
                .param("title", filled.title())
                .param("anonymous", filled.keepsRespondentsAnonymous())
                .param("definition", json.writeValueAsString(filled))
                .param("opens", opensOn)
                .param("closes", closesOn)
                .param(
                        "creator",
                        Scope.current().caller() == null
                                ? null
                                : Scope.current().caller().userId())
                .param("status", status.stored())
                .query(Long.class)
                .single();
        audit.record("survey.created", "survey", id, null, filled);
        return id;
    }

    private Question fillOptions(Question q) {
        if (q.optionsFrom() == null) {
            return q;
        }
        List<String> options = q.optionsFrom().equals("professions")
                ? professions.all().stream().map(Profession::name).toList()
                : icsNames();
        return q.withOptions(options);
    }

    private static List<String> icsNames() {
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("reference/icbs.csv").getInputStream(), StandardCharsets.UTF_8)) {
            List<String> names = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                names.add(r.get("name"));
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("The reference list of ICBs is missing from the application", e);
        }
    }

    /**
     * A survey as responses are checked against it: its definition parsed once, with the version
     * of the row it was parsed from. A definition can change only until the first response, and
     * {@link #storeSingles} stores nothing if the row has changed since, so this copy is never stale
     * where it matters.
     */
    record Collecting(
            long id,
            String version,
            SurveyDefinition definition,
            Answers answers,
            Map<String, String> columnsByLowerCase) {}

    /** Remembered per ICS visibility as well as id: the copy was read under that ICS's row-level security. */
    private record CollectingKey(String visibleIcs, long surveyId) {}

    /** What became of one submitted response. */
    enum Outcome {
        STORED,
        /** its idempotency key had been used already, so nothing more was stored */
        SEEN,
        /** the survey changed (or went out of sight) since it was read: nothing stored, read it again */
        CHANGED
    }

    /**
     * The survey for collecting responses, from memory when this ICS has asked for it before. Each
     * single response would otherwise read and parse the whole definition again.
     */
    Collecting collecting(long surveyId) {
        CollectingKey key = new CollectingKey(Scope.current().visibleIcsArray(), surveyId);
        Collecting remembered = collecting.get(key);
        if (remembered != null) {
            return remembered;
        }
        Collecting read = jdbc.sql("select id, definition, xmin::text as version from survey where id = :id")
                .param("id", surveyId)
                .query((rs, n) -> {
                    SurveyDefinition definition = json.readValue(rs.getString("definition"), SurveyDefinition.class);
                    Answers answers = new Answers(definition);
                    Map<String, String> columns = new HashMap<>();
                    answers.columns().forEach(c -> columns.put(c.toLowerCase(java.util.Locale.ROOT), c));
                    return new Collecting(
                            rs.getLong("id"), rs.getString("version"), definition, answers, Map.copyOf(columns));
                })
                .optional()
                .orElseThrow(() -> new NotFound("No survey with id " + surveyId + " in this ICS"));
        if (collecting.size() >= MAX_REMEMBERED) {
            collecting.clear();
        }
        collecting.put(key, read);
        return read;
    }

    /** Drops a remembered survey after it turned out to have changed. */
    void forget(long surveyId) {
        collecting.keySet().removeIf(k -> k.surveyId() == surveyId);
    }

    /** One response sent on its own, as the API and a respondent's pages send them. */
    record Single(
            Collecting survey,
            Answers.Encoded response,
            @Nullable String idempotencyKey) {}

    /**
     * Stores single responses, of one survey or several, in one statement (so, outside a
     * transaction, one commit): each provided its survey row is still the version it was read at,
     * with the survey's own ICS, and none whose idempotency key was seen before. No two may share a
     * survey and a key, for then they could not be told apart as stored and seen. Outcomes come in
     * the order given.
     */
    List<Outcome> storeSingles(List<Single> singles) {
        int n = singles.size();
        Long[] surveyIds = new Long[n];
        String[] versions = new String[n];
        String[] closed = new String[n];
        String[] numbers = new String[n];
        String[] texts = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Single one = singles.get(i);
            Answers.Encoded e = one.response();
            surveyIds[i] = one.survey().id();
            versions[i] = one.survey().version();
            closed[i] = arrayLiteral(e.closed());
            numbers[i] = arrayLiteral(e.numbers());
            texts[i] = e.texts() == null || e.texts().isEmpty() ? "{}" : json.writeValueAsString(e.texts());
            keys[i] = one.idempotencyKey();
        }
        List<Outcome> outcomes = jdbc.sql("""
                        with single as (
                            select * from unnest(cast(:surveys as bigint[]), cast(:versions as text[]),
                                                 cast(:closed as text[]), cast(:numbers as text[]),
                                                 cast(:texts as text[]), cast(:keys as text[]))
                                     with ordinality as r(survey, version, closed, numbers, texts, key, n)),
                        unchanged as (
                            select r.n, s.ics_id
                              from single r join survey s on s.id = r.survey and s.xmin = cast(r.version as xid)),
                        stored as (
                            insert into survey_response (ics_id, survey_id, closed, numbers, texts, idempotency_key)
                            select u.ics_id, r.survey, cast(r.closed as int[]), cast(r.numbers as float8[]),
                                   cast(r.texts as jsonb), r.key
                              from single r join unchanged u on u.n = r.n
                             order by r.n
                            on conflict (survey_id, idempotency_key) do nothing
                            returning survey_id, idempotency_key)
                        select u.n is not null as unchanged,
                               r.key is null or exists (select 1 from stored s
                                                         where s.survey_id = r.survey and s.idempotency_key = r.key)
                                   as stored
                          from single r left join unchanged u on u.n = r.n
                         order by r.n""")
                .param("surveys", surveyIds)
                .param("versions", versions)
                .param("closed", closed)
                .param("numbers", numbers)
                .param("texts", texts)
                .param("keys", keys)
                .query((rs, row) -> !rs.getBoolean("unchanged")
                        ? Outcome.CHANGED
                        : rs.getBoolean("stored") ? Outcome.STORED : Outcome.SEEN)
                .list();
        if (outcomes.size() != n) {
            throw new IllegalStateException("Expected " + n + " outcomes, got " + outcomes.size());
        }
        figures.received(
                (int) outcomes.stream().filter(o -> o == Outcome.STORED).count());
        return outcomes;
    }

    /**
     * Stores encoded responses for one survey in a single statement, with the survey's own ICS (an
     * ICS merged into another keeps collecting under its own id). A response whose idempotency key
     * was seen before is not stored again.
     *
     * @return how many were stored
     */
    int store(long surveyId, List<Answers.Encoded> responses, @Nullable List<String> idempotencyKeys) {
        return store(jdbc, surveyId, responses, idempotencyKeys);
    }

    /** As {@link #store(long, List, List)}, through the given client (a connection another thread holds). */
    int store(JdbcClient jdbc, long surveyId, List<Answers.Encoded> responses, @Nullable List<String> idempotencyKeys) {
        // four parallel text arrays in PostgreSQL's own array notation, unnested into rows: far less
        // work on both sides than a JSON document of a batch's rows
        int n = responses.size();
        String[] closed = new String[n];
        String[] numbers = new String[n];
        String[] texts = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Answers.Encoded e = responses.get(i);
            closed[i] = arrayLiteral(e.closed());
            numbers[i] = arrayLiteral(e.numbers());
            texts[i] = e.texts() == null || e.texts().isEmpty() ? "{}" : json.writeValueAsString(e.texts());
            keys[i] = idempotencyKeys == null ? null : idempotencyKeys.get(i);
        }
        int stored = jdbc.sql("""
                        insert into survey_response (ics_id, survey_id, closed, numbers, texts, idempotency_key)
                        select s.ics_id, s.id, cast(r.closed as int[]), cast(r.numbers as float8[]),
                               cast(r.texts as jsonb), r.key
                          from survey s, unnest(cast(:closed as text[]), cast(:numbers as text[]),
                                                cast(:texts as text[]), cast(:keys as text[]))
                               as r(closed, numbers, texts, key)
                         where s.id = :survey
                        on conflict (survey_id, idempotency_key) do nothing""")
                .param("survey", surveyId)
                .param("closed", closed)
                .param("numbers", numbers)
                .param("texts", texts)
                .param("keys", keys)
                .update();
        figures.received(stored);
        return stored;
    }

    private static String arrayLiteral(int[] values) {
        StringBuilder b = new StringBuilder(values.length * 3 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i]);
        }
        return b.append('}').toString();
    }

    private static String arrayLiteral(Double[] values) {
        if (values == null) {
            return "{}";
        }
        StringBuilder b = new StringBuilder().append('{');
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i] == null ? "NULL" : values[i].toString());
        }
        return b.append('}').toString();
    }

    /**
     * Adds a question to a survey that has no responses yet; once people have answered, the
     * questions are fixed so that every response means the same thing.
     */
    @Transactional
    public void addQuestion(long surveyId, Question question) {
        Survey survey = survey(surveyId);
        requireRuns(surveyId, "change its questions");
        if (responseCount(surveyId) > 0) {
            throw new InvalidInput("code", "This survey has responses, so its questions can no longer change");
        }
        List<Question> questions = new ArrayList<>(
                survey.definition().questions() == null
                        ? List.of()
                        : survey.definition().questions());
        questions.add(question);
        SurveyDefinition changed = new SurveyDefinition(
                survey.definition().code(),
                survey.definition().title(),
                survey.definition().keepsRespondentsAnonymous(),
                survey.definition().introduction(),
                questions);
        List<Problem> problems = DefinitionRules.check(changed).stream()
                .filter(p -> p.field() != null && p.field().startsWith("questions[" + (questions.size() - 1) + "]"))
                .map(p -> Problem.of(p.field().substring(p.field().indexOf('.') + 1), p.reason()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<Question> filled = questions.stream().map(this::fillOptions).toList();
        SurveyDefinition saved = new SurveyDefinition(
                changed.code(), changed.title(), changed.anonymous(), changed.introduction(), filled);
        jdbc.sql("update survey set definition = cast(:definition as jsonb) where id = :id")
                .param("definition", json.writeValueAsString(saved))
                .param("id", surveyId)
                .update();
        changed(surveyId);
        audit.record("survey.question_added", "survey", surveyId, survey.definition(), saved);
    }

    /** Surveys open and close by the calendar in England, wherever the server runs. */
    public static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Europe/London"));
    }

    private static void checkDates(@Nullable LocalDate opensOn, @Nullable LocalDate closesOn, List<Problem> problems) {
        Dates.check("opens_on", opensOn, problems);
        Dates.check("closes_on", closesOn, problems);
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            problems.add(Problem.of("closes_on", "The survey cannot close before it opens"));
        }
    }

    private record Lifecycle(
            Status status,
            @Nullable LocalDate opensOn,
            @Nullable LocalDate closesOn) {}

    private Lifecycle lifecycle(Survey s) {
        return new Lifecycle(s.status(), s.opensOn(), s.closesOn());
    }

    private void saveLifecycle(long id, String action, Survey before, Lifecycle after) {
        jdbc.sql("update survey set status = :status, opens_on = :opens, closes_on = :closes where id = :id")
                .param("status", after.status().stored())
                .param("opens", after.opensOn())
                .param("closes", after.closesOn())
                .param("id", id)
                .update();
        changed(id);
        audit.record(action, "survey", id, lifecycle(before), after);
    }

    /**
     * Opens a survey to respondents from today. A closing date already past, or one set by closing
     * the survey by hand, is cleared, since keeping it would close the survey again at once.
     */
    @Transactional
    public void open(long id) {
        LocalDate today = today();
        Survey s = survey(id);
        requireRuns(id, "open it");
        if (s.isOpenOn(today)) {
            throw new InvalidInput("status", "The survey is open already");
        }
        LocalDate opens = s.opensOn() == null || s.opensOn().isAfter(today) ? today : s.opensOn();
        LocalDate closes = s.closesOn() == null || s.closesOn().isBefore(today) || s.status() == Status.CLOSED
                ? null
                : s.closesOn();
        saveLifecycle(id, "survey.opened", s, new Lifecycle(Status.LIVE, opens, closes));
    }

    /** Closes a survey now: nobody more can respond or be invited until it is opened again. */
    @Transactional
    public void close(long id) {
        LocalDate today = today();
        Survey s = survey(id);
        requireRuns(id, "close it");
        if (s.status() == Status.CLOSED) {
            throw new InvalidInput("status", "The survey is closed already");
        }
        LocalDate opens = s.opensOn() != null && s.opensOn().isAfter(today) ? null : s.opensOn();
        LocalDate closes = s.closesOn() == null || s.closesOn().isAfter(today) ? today : s.closesOn();
        saveLifecycle(id, "survey.closed", s, new Lifecycle(Status.CLOSED, opens, closes));
    }

    /** Sets when a survey opens and closes (null for no date); whether it is a draft or closed stays as it is. */
    @Transactional
    public void redate(long id, @Nullable LocalDate opensOn, @Nullable LocalDate closesOn) {
        Survey s = survey(id);
        requireRuns(id, "change its dates");
        List<Problem> problems = new ArrayList<>();
        checkDates(opensOn, closesOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        saveLifecycle(id, "survey.redated", s, new Lifecycle(s.status(), opensOn, closesOn));
    }

    /**
     * Deletes a survey nobody has answered, with its codebook, invitations and unsent drafts. A
     * survey with responses is kept: its answers are evidence, so it can only be closed.
     */
    @Transactional
    public void delete(long id) {
        Survey s = survey(id);
        requireRuns(id, "delete it");
        if (responseCount(id) > 0) {
            throw new InvalidInput("survey", "This survey has responses, so it cannot be deleted; close it instead");
        }
        jdbc.sql("delete from survey_draft where survey_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from survey_invitation where survey_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from survey_mailing where survey_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from survey_theme where survey_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from survey where id = :id").param("id", id).update();
        changed(id);
        audit.record("survey.deleted", "survey", id, s.definition(), null);
    }
}
