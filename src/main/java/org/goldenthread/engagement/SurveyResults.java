package org.goldenthread.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Progress;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Settings;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a survey's responses say: counts and percentages per option, intervals, net agreement,
 * means and medians, filtered by any closed answers, and cross-tabs of two closed questions with
 * a chi-square test. Breakdowns hide groups smaller than the privacy threshold.
 */
@Service
public class SurveyResults {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SurveyResults.class);

    /** z for a 95% interval. */
    private static final double Z = 1.959963984540054;

    private final Surveys surveys;
    private final DataSource dataSource;
    private final TransactionTemplate readOnly;
    private final SmallNumbers smallNumbers;
    private final CrossTabSuppression suppression;
    private final long memoryLimit;
    private final Map<Long, AnswerMatrix> matrices = new ConcurrentHashMap<>();
    /** Definitions read for results, by survey; see {@link #definition}. */
    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    /** Each survey's unfiltered figures as last worked out; see {@link #everyone}. */
    private final Map<Long, Everyone> everyone = new ConcurrentHashMap<>();
    /** New responses a survey's answers gain before their blocks are stored again. */
    static final int STORE_AFTER = 1024;

    private final AnswerBlocks blocks;
    private final JdbcClient jdbc;
    private final TransactionTemplate writing;
    /** One survey at a time is loaded in the background, so a burst of imports cannot crowd out requests. */
    private final ExecutorService warming = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "survey-results-warming");
        t.setDaemon(true);
        return t;
    });

    SurveyResults(
            Surveys surveys,
            DataSource dataSource,
            SmallNumbers smallNumbers,
            PlatformTransactionManager transactions,
            Settings settings) {
        long memoryMegabytes = settings.surveys().resultsMemoryMb();
        this.surveys = surveys;
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.blocks = new AnswerBlocks(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.smallNumbers = smallNumbers;
        this.suppression = new CrossTabSuppression(smallNumbers);
        if (memoryMegabytes < 0) {
            throw new IllegalArgumentException(
                    "gt.surveys.results-memory-mb must be 0 (a quarter of the heap) or more");
        }
        this.memoryLimit = memoryMegabytes == 0 ? Runtime.getRuntime().maxMemory() / 4 : memoryMegabytes << 20;
    }

    /**
     * Loads a survey's answers into memory in the background, in the caller's scope, so that the first
     * results after an import are as quick as the rest. Call once the responses are committed.
     */
    void warm(long surveyId) {
        Scope scope = Scope.current();
        warming.execute(() -> {
            try {
                scope.run(() -> answers(surveyId, definition(surveyId)));
            } catch (RuntimeException e) {
                // only a head start: the first results call reads whatever this did not
                log.warn("Could not load the answers of survey {} in advance", surveyId, e);
            }
        });
    }

    @PreDestroy
    void stopWarming() {
        warming.shutdownNow();
    }

    /** Lets go of the surveys read longest ago until the rest fit; the one in use stays whatever its size. */
    private void keepWithinMemory(long inUse) {
        long total = matrices.values().stream().mapToLong(AnswerMatrix::bytes).sum();
        if (total <= memoryLimit) {
            return;
        }
        List<Map.Entry<Long, AnswerMatrix>> oldestFirst = new ArrayList<>(matrices.entrySet());
        oldestFirst.sort(java.util.Comparator.comparingLong(e -> e.getValue().lastRead()));
        for (Map.Entry<Long, AnswerMatrix> e : oldestFirst) {
            if (total <= memoryLimit) {
                break;
            }
            if (e.getKey() != inUse && matrices.remove(e.getKey(), e.getValue())) {
                total -= e.getValue().bytes();
            }
        }
    }

    /** Lets go of a survey's answers held in memory, as a restart would; for benchmarks and tests. */
    void letGo(long surveyId) {
        matrices.remove(surveyId);
        known.remove(surveyId);
        everyone.remove(surveyId);
    }

    /** Whether a survey's answers are in memory, so that its results need read only what came since. */
    boolean holds(long surveyId) {
        return matrices.containsKey(surveyId);
    }

    /**
     * Reads a survey's answers into memory, from its stored blocks and then its rows, telling {@code
     * progress} how many it holds as it goes; the work of an {@link AnswerLoads} job.
     *
     * @return how many responses it holds
     */
    int load(long surveyId, Progress progress) {
        return answers(surveyId, definition(surveyId), progress).size();
    }

    /** The surveys whose answers are held in memory now, for tests and diagnostics. */
    java.util.Set<Long> held() {
        return java.util.Set.copyOf(matrices.keySet());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Share(
            String label,
            // null when hidden: a filter's count of 1 to k−1, or one that would give such a count away
            @Nullable Integer count,
            @Nullable BigDecimal percent,
            @JsonProperty("ci_low") @Nullable BigDecimal ciLow,
            @JsonProperty("ci_high") @Nullable BigDecimal ciHigh) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResult(
            String code,
            String type,
            String text,
            int answered,
            int skipped,
            @Nullable List<Share> options,
            @JsonProperty("net_agreement") @Nullable Share netAgreement,
            @Nullable BigDecimal mean,
            @Nullable BigDecimal median) {}

    /**
     * A survey's results; {@code responses} is left out when the whole survey is still too small to
     * show, since "how many more are needed" would tell the exact number.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Results(
            @Nullable Integer responses,
            List<String> filter,
            boolean suppressed,
            @Nullable String note,
            List<QuestionResult> questions,
            // an anonymous survey's responses not yet in the figures (see Release); null for none
            @JsonProperty("held_back") @Nullable Integer heldBack) {}

    /**
     * Whether an anonymous survey has too few responses to show any figure: with fewer than k
     * respondents in all, every count is a small group, and the answers of a handful of people a
     * reader may know could be read straight off the results.
     */
    boolean tooFewToShow(SurveyDefinition definition, int responses) {
        return definition.keepsRespondentsAnonymous() && responses < smallNumbers.minGroupSize();
    }

    /** Says that no figures are shown yet, naming only the threshold, never the number so far. */
    String tooFewNote() {
        int k = smallNumbers.minGroupSize();
        return "This anonymous survey has fewer than " + k + " responses, so no results are shown yet, to protect"
                + " respondents. Results appear once it has " + k + " responses.";
    }

    /** A survey's definition as read for one ICS, and where its answers sit. */
    private record Known(long icsId, SurveyDefinition definition, AnswerLayout layout) {}

    /**
     * A survey's definition and layout for its results. Its questions cannot change once it has
     * responses (nor can it be deleted), so while its answers are held with some, the definition
     * read before serves, decoded once, rather than read and parsed again on every call. It is read
     * again for a caller of another ICS (to whom the survey is then not found), for a survey with no
     * responses held, and where the answers held do not fit it.
     */
    private Known definition(long surveyId) {
        long ics = Scope.currentTenant().id();
        Known k = known.get(surveyId);
        AnswerMatrix held = matrices.get(surveyId);
        // questions are only ever added, so answers held for as many as it has were read for this definition
        if (k != null
                && k.icsId() == ics
                && held != null
                && held.size() > 0
                && fits(held, k.layout().slots(), k.definition().questions().size())) {
            return k;
        }
        SurveyDefinition definition = surveys.survey(surveyId).definition();
        Known read = new Known(ics, definition, new AnswerLayout(definition));
        known.put(surveyId, read);
        return read;
    }

    /** A closed answer to filter on: question position and option number (1-based). */
    record Condition(int question, int option) {}

    private AnswerMatrix.Snapshot answers(long surveyId, Known survey) {
        return answers(surveyId, survey, Progress.NONE);
    }

    private AnswerMatrix.Snapshot answers(long surveyId, Known survey, Progress progress) {
        int slots = survey.layout().slots();
        int questions = survey.definition().questions().size();
        AnswerMatrix held = matrices.get(surveyId);
        AnswerMatrix matrix =
                held != null && fits(held, slots, questions) ? held : held(surveyId, slots, questions, progress);
        matrix.catchUp(dataSource, readOnly, Long.MAX_VALUE, progress);
        keepWithinMemory(surveyId);
        onceCommitted(matrix, () -> store(matrix));
        return matrix.snapshot();
    }

    /**
     * Runs work on answers just read once the caller's transaction has committed, or at once outside
     * one. Read inside a transaction, they hold its own responses not yet committed (the demo's load
     * reads its pulse survey so): stored or checked before the commit they would be wrong, and if it
     * rolls back they are let go, so that a response that never was does not stay counted.
     */
    private void onceCommitted(AnswerMatrix matrix, Runnable work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        Scope scope = Scope.current();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    scope.run(work);
                } else {
                    matrices.remove(matrix.surveyId(), matrix);
                }
            }
        });
    }

    private static boolean fits(AnswerMatrix held, int slots, int questions) {
        return held.slots() == slots && held.questions() == questions;
    }

    /** The survey's answers held in memory, read from its stored blocks where it has none yet; one survey at a time. */
    private AnswerMatrix held(long surveyId, int slots, int questions, Progress progress) {
        synchronized (blocks) {
            AnswerMatrix held = matrices.get(surveyId);
            if (held != null && fits(held, slots, questions)) {
                return held;
            }
            // a survey gains questions only while it has no responses, so starting afresh costs nothing
            AnswerMatrix stored = blocks.load(surveyId, slots, questions, readOnly, progress);
            AnswerMatrix matrix = stored != null ? stored : new AnswerMatrix(surveyId, slots, questions);
            matrices.put(surveyId, matrix);
            if (stored != null) {
                onceCommitted(stored, () -> check(stored));
            }
            return matrix;
        }
    }

    /**
     * Counts, in the background, whether blocks just read hold every response up to their last; if
     * not (a response committed late, below ids already stored), lets them go, with what was read
     * from them, so that the next results read the rows and store the blocks afresh.
     */
    private void check(AnswerMatrix stored) {
        Scope scope = Scope.current();
        int size = stored.size();
        long lastId = stored.lastId();
        try {
            warming.execute(() -> {
                try {
                    scope.run(() -> {
                        if (!readOnly.execute(status -> blocks.match(stored.surveyId(), size, lastId))) {
                            log.warn(
                                    "The stored answers of survey {} miss responses; reading its rows",
                                    stored.surveyId());
                            matrices.remove(stored.surveyId(), stored);
                            writing.executeWithoutResult(status -> blocks.drop(stored.surveyId()));
                        }
                    });
                } catch (RuntimeException e) {
                    log.warn("Could not check the stored answers of survey {}", stored.surveyId(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    /**
     * Stores the blocks that gained responses, in the background, once enough have arrived to be
     * worth it: a restart then reads at most that many rows one by one.
     */
    private void store(AnswerMatrix matrix) {
        if (matrix.size() - matrix.saved() < STORE_AFTER || !matrix.startSaving()) {
            return;
        }
        Scope scope = Scope.current();
        try {
            warming.execute(() -> {
                try {
                    AnswerMatrix.Blocks taken = matrix.blocks(matrix.saved());
                    scope.run(() -> writing.executeWithoutResult(status -> blocks.save(matrix.surveyId(), taken)));
                    matrix.saved(taken.size());
                } catch (RuntimeException e) {
                    matrix.savingFailed();
                    // the answers stay right in memory; a restart reads more rows one by one
                    log.warn("Could not store the answer columns of survey {}", matrix.surveyId(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            matrix.savingFailed();
        }
    }

    /**
     * Stores, within an import's transaction, the columns of the responses it stored, after the
     * survey's earlier ones: its own rows are not read back one by one, so the first results after
     * a large import need only what is already in memory. Nothing is stored when other responses
     * arrived among the import's own (results then read the rows as ever).
     *
     * @param before the id of the survey's last response when the import began
     */
    void imported(long surveyId, AnswerMatrix rows, long before) {
        if (rows.size() == 0) {
            return;
        }
        Surveys.Survey survey = surveys.survey(surveyId);
        int slots = new AnswerLayout(survey.definition()).slots();
        int questions = survey.definition().questions().size();
        Long[] after = jdbc.sql(
                        "select count(*), max(id) from survey_response where survey_id = :survey and id > :before")
                .param("survey", surveyId)
                .param("before", before)
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (after[0] != rows.size()) {
            return;
        }
        AnswerMatrix stored = blocks.load(surveyId, slots, questions, readOnly);
        if (stored != null && !blocks.match(surveyId, stored.size(), stored.lastId())) {
            stored = null;
        }
        AnswerMatrix all = stored != null ? stored : new AnswerMatrix(surveyId, slots, questions);
        int from = all.size();
        all.catchUp(dataSource, readOnly, before, Progress.NONE);
        AnswerMatrix.Blocks added = rows.blocks(0);
        for (int b = 0; b < added.columns().size(); b++) {
            all.append(
                    added.columns().get(b),
                    Math.min(AnswerMatrix.BLOCK, rows.size() - b * AnswerMatrix.BLOCK),
                    after[1]);
        }
        blocks.save(surveyId, all.blocks(from));
        all.saved(all.size());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    matrices.merge(surveyId, all, (held, built) -> held.lastId() > built.lastId() ? held : built);
                }
            });
        }
    }

    /**
     * Reads filters, one condition each, such as {@code Q14:Yes} or
     * {@code Q14:No, I am a non-clinician or manager}: the question's code, a colon, then one option
     * exactly as labelled (in any case). A code has no colon, so everything after the first colon is
     * the label, commas and colons included. Blank filters (the "Everyone" choice) are passed over;
     * every other must name an option, or the whole request is refused: a filter is never ignored.
     */
    List<Condition> conditions(SurveyDefinition definition, @Nullable List<String> filters) {
        List<Condition> conditions = new ArrayList<>();
        for (String given : filters(filters)) {
            int colon = given.indexOf(':');
            String code = colon < 0 ? given : given.substring(0, colon).trim();
            int q = definition.position(code);
            if (colon < 0
                    || q < 0
                    || !definition.questions().get(q).questionType().isClosed()) {
                throw new InvalidInput(
                        "filter",
                        "Filter by a closed question and one of its options, like Q14:Yes;"
                                + " '" + cut(given) + "' is not one. Give each condition as a filter of its own"
                                + " (filter=Q14:Yes&filter=Q5:Agree)");
            }
            String wanted = given.substring(colon + 1).trim();
            List<String> choices = definition.questions().get(q).choices();
            int option = -1;
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).trim().equalsIgnoreCase(wanted)) {
                    option = i + 1;
                }
            }
            if (option < 0) {
                throw new InvalidInput(
                        "filter",
                        "'" + cut(wanted) + "' is not an option of " + code
                                + "; give one condition per filter, with the option exactly as labelled");
            }
            conditions.add(new Condition(q, option));
        }
        return conditions;
    }

    /** The filters given, trimmed, without blanks. */
    static List<String> filters(@Nullable List<String> given) {
        return given == null
                ? List.of()
                : given.stream()
                        .filter(f -> f != null && !f.isBlank())
                        .map(String::trim)
                        .toList();
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    public Results results(long surveyId, @Nullable List<String> filter) {
        Known survey = definition(surveyId);
        SurveyDefinition definition = survey.definition();
        List<Condition> conditions = conditions(definition, filter);
        AnswerMatrix.Snapshot received = answers(surveyId, survey);
        Release release = release(surveyId, definition, received);
        AnswerMatrix.Snapshot a = received.first(release.released());
        if (tooFewToShow(definition, received.size())) {
            return new Results(null, filterList(filter), true, tooFewNote(), List.of(), null);
        }
        @Nullable Integer heldBack = heldBack(release);
        AnswerLayout layout = survey.layout();
        Tallies.Rows rows = Tallies.where(layout, a, conditions);
        int n = rows.count();
        List<String> filterList = filterList(filter);
        int minGroup = smallNumbers.minGroupSize();
        if (!conditions.isEmpty() && n < minGroup) {
            // none is shown as 0, which identifies nobody; 1 to k−1 as no number at all
            return new Results(
                    n == 0 ? 0 : null,
                    filterList,
                    true,
                    "Fewer than " + minGroup
                            + " responses match this filter, so the results are hidden to protect respondents",
                    List.of(),
                    heldBack);
        }
        // a filtered count is a cell of a cross-tab, so it is hidden as the cross-tab would hide it
        List<QuestionResult> all = conditions.isEmpty() ? List.of() : everyone(surveyId, survey, a);
        List<Tallies.Rows> others = conditions.isEmpty() ? List.of() : Tallies.besides(layout, a, conditions, rows);
        List<QuestionResult> questions = new ArrayList<>();
        boolean hidden = false;
        for (int q = 0; q < definition.questions().size(); q++) {
            Question question = definition.questions().get(q);
            QuestionResult result = question(question, q, layout, a, rows);
            if (!conditions.isEmpty()) {
                List<QuestionResult> beside = new ArrayList<>();
                for (Tallies.Rows group : others) {
                    beside.add(question(question, q, layout, a, group));
                }
                beside.add(rest(all.get(q), result, beside));
                result = protect(result, beside, question.questionType() != QuestionType.MULTI);
                hidden |= hides(result);
            }
            questions.add(result);
        }
        if (conditions.isEmpty()) {
            everyone.put(surveyId, new Everyone(survey, a.size(), questions));
        }
        return new Results(
                n,
                filterList,
                false,
                hidden
                        ? "Counts of fewer than " + minGroup
                                + " respondents are hidden, with others that would let them"
                                + " be worked out from the unfiltered results or from a filter with one condition fewer"
                        : null,
                questions,
                heldBack);
    }

    /** Which of the answers held may be shown; see {@link Release}. */
    private Release release(long surveyId, SurveyDefinition definition, AnswerMatrix.Snapshot received) {
        return Release.of(
                surveyId, definition.keepsRespondentsAnonymous(), received.size(), smallNumbers.minGroupSize());
    }

    /**
     * Says why {@code heldBack} responses are not in an anonymous survey's figures yet, for pages
     * and reports; null for none.
     */
    public @Nullable String heldBackNote(@Nullable Integer heldBack) {
        return heldBack == null ? null : Release.note(heldBack, smallNumbers.minGroupSize());
    }

    private static @Nullable Integer heldBack(Release release) {
        return release.heldBack() == 0 ? null : release.heldBack();
    }

    /**
     * A filtered question's result as it may be shown, beside the same question's results for the
     * groups of respondents the filter leaves out. Its counts are hidden as a cross-tab's cells
     * would be; a mean and median only when the filter's group and every other group has k
     * answers or none, since the unfiltered mean less the filtered one gives the rest's away.
     */
    private QuestionResult protect(QuestionResult kept, List<QuestionResult> beside, boolean exact) {
        int minGroup = smallNumbers.minGroupSize();
        if (kept.mean() != null
                && (kept.answered() < minGroup || beside.stream().anyMatch(b -> smallNumbers.hides(b.answered())))) {
            return new QuestionResult(
                    kept.code(), kept.type(), kept.text(), kept.answered(), kept.skipped(), null, null, null, null);
        }
        List<Share> options = kept.options();
        if (options == null) {
            return kept;
        }
        int[][] counts = new int[beside.size() + 1][options.size()];
        int[] answered = new int[beside.size() + 1];
        for (int g = 0; g <= beside.size(); g++) {
            QuestionResult group = g == 0 ? kept : beside.get(g - 1);
            answered[g] = group.answered();
            for (int o = 0; o < options.size(); o++) {
                counts[g][o] = countOf(group, o);
            }
        }
        Integer[] shown = suppression.suppressGroups(counts, answered, exact)[0];
        List<Share> protectedOptions = new ArrayList<>();
        for (int o = 0; o < options.size(); o++) {
            protectedOptions.add(
                    shown[o] == null ? new Share(options.get(o).label(), null, null, null, null) : options.get(o));
        }
        Share net = kept.netAgreement();
        if (net != null && (shown[0] == null || shown[1] == null)) {
            net = new Share(net.label(), null, null, null, null);
        }
        return new QuestionResult(
                kept.code(),
                kept.type(),
                kept.text(),
                kept.answered(),
                kept.skipped(),
                protectedOptions,
                net,
                kept.mean(),
                kept.median());
    }

    /** A survey's unfiltered figures, for the definition and number of responses they were worked out from. */
    private record Everyone(Known survey, int responses, List<QuestionResult> questions) {}

    /**
     * The unfiltered figures, as last worked out if the answers have not changed since: a filtered
     * result is protected beside the rest's counts, which are these less the filter's.
     */
    private List<QuestionResult> everyone(long surveyId, Known survey, AnswerMatrix.Snapshot a) {
        Everyone kept = everyone.get(surveyId);
        if (kept != null && kept.survey() == survey && kept.responses() == a.size()) {
            return kept.questions();
        }
        Tallies.Rows rows = Tallies.Rows.all(a.size());
        List<QuestionResult> questions = new ArrayList<>();
        for (int q = 0; q < survey.definition().questions().size(); q++) {
            questions.add(question(survey.definition().questions().get(q), q, survey.layout(), a, rows));
        }
        everyone.put(surveyId, new Everyone(survey, a.size(), questions));
        return questions;
    }

    /** Those no group counted so far holds: everyone's counts less the filter's and the other groups'. */
    private static QuestionResult rest(QuestionResult all, QuestionResult kept, List<QuestionResult> groups) {
        int answered = all.answered() - kept.answered();
        for (QuestionResult g : groups) {
            answered -= g.answered();
        }
        List<Share> options = null;
        if (all.options() != null) {
            options = new ArrayList<>();
            for (int o = 0; o < all.options().size(); o++) {
                int count = countOf(all, o) - countOf(kept, o);
                for (QuestionResult g : groups) {
                    count -= countOf(g, o);
                }
                options.add(new Share(all.options().get(o).label(), count, null, null, null));
            }
        }
        return new QuestionResult(all.code(), all.type(), all.text(), answered, 0, options, null, null, null);
    }

    /** A count worked out and not yet hidden. */
    private static int countOf(QuestionResult result, int option) {
        return Objects.requireNonNull(
                Objects.requireNonNull(result.options()).get(option).count(), "a count before suppression");
    }

    /** Whether any figure of a filtered result is hidden. */
    private static boolean hides(QuestionResult result) {
        return result.options() != null && result.options().stream().anyMatch(o -> o.count() == null)
                || QuestionType.NUMBER.code().equals(result.type()) && result.mean() == null && result.answered() > 0;
    }

    private static List<String> filterList(@Nullable List<String> filter) {
        return filters(filter);
    }

    private static QuestionResult question(
            Question question, int q, AnswerLayout layout, AnswerMatrix.Snapshot a, Tallies.Rows rows) {
        QuestionType type = question.questionType();
        int n = rows.count();
        if (type == QuestionType.NUMBER) {
            Tallies.Figures figures = Tallies.smallNumbers(a, q, rows);
            if (figures == null) {
                figures = numberFigures(Tallies.numbers(a, q, rows));
            }
            int answered = figures.answered();
            BigDecimal mean = answered > 0 ? round(figures.sum() / answered) : null;
            BigDecimal median = answered > 0 ? round(figures.median()) : null;
            return new QuestionResult(
                    question.code(), type.code(), question.text(), answered, n - answered, null, null, mean, median);
        }
        if (!type.isClosed()) {
            int answered = n - Tallies.histogram(a.closed()[layout.slot(q)], rows, 1)[0];
            return new QuestionResult(
                    question.code(), type.code(), question.text(), answered, n - answered, null, null, null, null);
        }
        List<String> choices = question.choices();
        int[] counts = new int[choices.size() + 1];
        int answered;
        if (layout.multi(q)) {
            for (int w = 0; w < layout.width(q); w++) {
                AnswerMatrix.Column column = a.closed()[layout.slot(q) + w];
                if (column.bytes() != null) {
                    Tallies.spreadBits(
                            Tallies.histogram(column, rows, 0), counts, w * AnswerLayout.BITS + 1, choices.size());
                } else {
                    countBits(column, rows, w, counts);
                }
            }
            answered = layout.width(q) == 1
                    ? n - Tallies.histogram(a.closed()[layout.slot(q)], rows, 1)[0]
                    : Tallies.answeredAny(layout, a, q, rows);
        } else {
            int[] histogram = Tallies.histogram(a.closed()[layout.slot(q)], rows, choices.size() + 1);
            answered = n - histogram[0];
            System.arraycopy(histogram, 1, counts, 1, choices.size());
        }
        List<Share> options = new ArrayList<>();
        for (int o = 1; o <= choices.size(); o++) {
            options.add(share(choices.get(o - 1), counts[o], answered));
        }
        Share net = type.isAgreement() ? share("Strongly agree or agree", counts[1] + counts[2], answered) : null;
        return new QuestionResult(
                question.code(), type.code(), question.text(), answered, n - answered, options, net, null, null);
    }

    /** How many numbers there are, their sum and their median, for numbers of any size. */
    static Tallies.Figures numberFigures(double[] values) {
        int answered = values.length;
        if (answered == 0) {
            return new Tallies.Figures(0, 0, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        // selection rather than a full sort: a million numbers take milliseconds, not a tenth of a second
        double upper = select(values, answered, answered / 2);
        double middle = answered % 2 == 1 ? upper : (select(values, answered / 2, answered / 2 - 1) + upper) / 2;
        return new Tallies.Figures(answered, sum, middle);
    }

    /** Adds to each option's count the rows with its bit set in slot {@code w} of a question's, a column of ints. */
    private static void countBits(AnswerMatrix.Column column, Tallies.Rows rows, int w, int[] counts) {
        for (int r = rows.next(0); r >= 0; r = rows.next(r + 1)) {
            for (int bits = column.get(r); bits != 0; bits &= bits - 1) {
                int option = w * AnswerLayout.BITS + Integer.numberOfTrailingZeros(bits) + 1;
                if (option < counts.length) {
                    counts[option]++;
                }
            }
        }
    }

    /** A count as a percentage of those who answered (2 d.p.) with its 95% Wilson score interval. */
    static Share share(String label, int count, int answered) {
        if (answered == 0) {
            return new Share(label, count, null, null, null);
        }
        double p = (double) count / answered;
        double z2 = Z * Z;
        double denominator = 1 + z2 / answered;
        double centre = (p + z2 / (2.0 * answered)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / answered + z2 / (4.0 * answered * answered)) / denominator;
        return new Share(
                label,
                count,
                percent(count, answered),
                round(Math.max(0, centre - half) * 100),
                round(Math.min(1, centre + half) * 100));
    }

    static BigDecimal percent(long count, long of) {
        return BigDecimal.valueOf(count)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------ cross-tabs

    /** A cell; a null count is hidden, because it is small or would let a small one be worked out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(
            @Nullable Integer count,
            @JsonProperty("row_percent") @Nullable BigDecimal rowPercent,
            @JsonProperty("col_percent") @Nullable BigDecimal colPercent) {}

    /** A row: every option of the row question is listed, whatever it holds, so listing tells nothing. */
    public record Line(String label, @Nullable Integer total, List<Cell> cells) {}

    public record Column(String label, @Nullable Integer total) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChiSquare(
            BigDecimal statistic,
            int df,
            @JsonProperty("p_value") BigDecimal pValue) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CrossTab(
            String row,
            String col,
            @Nullable Integer responses,
            List<String> filter,
            List<Column> columns,
            List<Line> rows,
            @JsonProperty("hidden_cells") int hiddenCells,
            @JsonProperty("chi_square") @Nullable ChiSquare chiSquare,
            @Nullable String note,
            @JsonProperty("held_back") @Nullable Integer heldBack) {}

    public CrossTab crossTab(long surveyId, String rowCode, String colCode, @Nullable List<String> filter) {
        Known survey = definition(surveyId);
        SurveyDefinition definition = survey.definition();
        int rq = closedQuestion(definition, rowCode, "row");
        int cq = closedQuestion(definition, colCode, "col");
        if (rq == cq) {
            throw new InvalidInput("col", "Choose two different questions");
        }
        List<Condition> conditions = conditions(definition, filter);
        AnswerMatrix.Snapshot received = answers(surveyId, survey);
        Release release = release(surveyId, definition, received);
        AnswerMatrix.Snapshot a = received.first(release.released());
        if (tooFewToShow(definition, received.size())) {
            return new CrossTab(
                    definition.questions().get(rq).code(),
                    definition.questions().get(cq).code(),
                    null,
                    filterList(filter),
                    List.of(),
                    List.of(),
                    0,
                    null,
                    tooFewNote(),
                    null);
        }
        Question rowQ = definition.questions().get(rq);
        Question colQ = definition.questions().get(cq);
        AnswerLayout layout = survey.layout();
        int[][] raw = CrossTabCounts.count(layout, a, Tallies.where(layout, a, conditions), rowQ, rq, colQ, cq);
        Integer[][] shown = suppression.suppress(
                raw, rowQ.questionType() != QuestionType.MULTI && colQ.questionType() != QuestionType.MULTI);
        int hidden = CrossTabSuppression.hiddenCells(shown);
        // the statistic is worked out from every count, hidden ones too, and assumes one cell per respondent
        ChiSquare test =
                hidden > 0 || rowQ.questionType() == QuestionType.MULTI || colQ.questionType() == QuestionType.MULTI
                        ? null
                        : PearsonChiSquare.of(raw);
        return new CrossTab(
                rowQ.code(),
                colQ.code(),
                shown[raw.length - 1][raw[0].length - 1],
                filterList(filter),
                CrossTabTotals.columns(colQ.choices(), shown),
                CrossTabTotals.lines(rowQ.choices(), shown),
                hidden,
                test,
                crossTabNote(hidden, test),
                heldBack(release));
    }

    private @Nullable String crossTabNote(int hidden, @Nullable ChiSquare test) {
        int minGroup = smallNumbers.minGroupSize();
        return hidden > 0
                ? "Counts of fewer than " + minGroup + " respondents are hidden, with others that"
                        + " would let them be worked out from the totals; no test is shown on a table with hidden counts"
                : test == null
                        ? "No chi-square test: it needs each respondent in exactly one cell and"
                                + " enough respondents in every row and column (expected counts of 5 or more in at least four"
                                + " cells in five, and none below 1)"
                        : null;
    }

    private static int closedQuestion(SurveyDefinition definition, String code, String field) {
        int q = code == null ? -1 : definition.position(code.trim());
        if (q < 0 || !definition.questions().get(q).questionType().isClosed()) {
            throw new InvalidInput(
                    List.of(Problem.of(field, "Choose a question with options; '" + code + "' is not one")));
        }
        return q;
    }

    /**
     * The k-th smallest of the first {@code n} values (0-based), by quickselect. It reorders the
     * values so that the k smallest come first, which is why the lower median of an even count can
     * then be found among the first n/2.
     */
    static double select(double[] values, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }
}
