package org.goldenthread.engagement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Progress;
import org.goldenthread.platform.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Taking in responses: one at a time as they are submitted, or a whole file of them (say, from
 * the hosted tool an ICS used before). A file goes in completely or not at all.
 */
@Service
public class Responses {

    private static final int BATCH = 5_000;
    private static final int MAX_PROBLEMS = 500;

    private final Surveys surveys;
    private final SurveyResults results;
    private final javax.sql.DataSource dataSource;
    private final tools.jackson.databind.ObjectMapper json;
    private final Intake intake;

    Responses(
            Surveys surveys,
            SurveyResults results,
            javax.sql.DataSource dataSource,
            tools.jackson.databind.ObjectMapper json,
            Intake intake) {
        this.surveys = surveys;
        this.intake = intake;
        this.results = results;
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Submits one response. Sending it again with the same idempotency key stores nothing more.
     * On its own (from the API) it is committed before this returns, in one statement with any
     * others arriving at the same moment ({@link Intake}); inside a caller's transaction (a
     * respondent's draft) it is one statement that goes with that transaction.
     *
     * @return true when it was stored now, false when the key had been seen
     */
    public boolean submit(long surveyId, Map<String, String> answers, String idempotencyKey) {
        for (int attempt = 1; ; attempt++) {
            Surveys.Collecting survey = surveys.collecting(surveyId);
            if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
                throw new InvalidInput("idempotency_key", "An idempotency key is 1 to 100 characters");
            }
            List<Problem> problems = new ArrayList<>();
            Map<String, String> byColumn = new HashMap<>();
            for (Map.Entry<String, String> e : answers.entrySet()) {
                String column = survey.columnsByLowerCase().get(e.getKey().toLowerCase(Locale.ROOT));
                if (column == null) {
                    problems.add(Problem.of("answers." + e.getKey(), "The survey has no question " + e.getKey()));
                } else {
                    byColumn.put(column, e.getValue());
                }
            }
            Answers.Encoded encoded = survey.answers().encode(byColumn, null, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            // inside a caller's transaction (a respondent's draft) it must go with that transaction
            Surveys.Single single = new Surveys.Single(survey, encoded, idempotencyKey);
            Surveys.Outcome outcome = TransactionSynchronizationManager.isActualTransactionActive()
                    ? surveys.storeSingles(List.of(single)).get(0)
                    : intake.store(single);
            switch (outcome) {
                case STORED:
                    return true;
                case SEEN:
                    return false;
                case CHANGED:
                    // read afresh: its questions may have changed, or it may be gone
                    surveys.forget(surveyId);
                    if (attempt == 3) {
                        throw new IllegalStateException(
                                "Survey " + surveyId + " keeps changing; the response was not stored");
                    }
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }

    private static @Nullable String canonical(List<String> columns, String name) {
        return columns.stream()
                .filter(c -> c.equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElse(null);
    }

    /**
     * Stores batches on the importing transaction's own connection from a second thread, so that
     * reading and checking the next rows overlaps with the database storing the last ones; on two
     * cores that is most of the import's time. At most one batch is in flight, so the connection
     * is never used by two threads at once, and it all commits or rolls back with the transaction.
     */
    private final class BatchWriter implements AutoCloseable {
        private final long surveyId;
        private final java.sql.Connection connection =
                org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
        private final org.springframework.jdbc.core.simple.JdbcClient onConnection =
                org.springframework.jdbc.core.simple.JdbcClient.create(
                        new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
        private final java.util.concurrent.ExecutorService thread =
                java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "response-import"));
        private java.util.concurrent.@Nullable Future<Integer> inFlight;
        private int stored;

        BatchWriter(long surveyId) {
            this.surveyId = surveyId;
        }

        void write(List<Answers.Encoded> batch) {
            finish();
            inFlight = thread.submit(() -> surveys.store(onConnection, surveyId, batch, null));
        }

        /** Waits for the batch in flight and returns how many responses have been stored. */
        int finish() {
            if (inFlight != null) {
                try {
                    stored += inFlight.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    // not IllegalStateException: the reading loop takes that for a fault in the CSV
                    throw new RuntimeException("The import was interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
                } finally {
                    inFlight = null;
                }
            }
            return stored;
        }

        @Override
        public void close() {
            try {
                if (inFlight != null) {
                    inFlight.cancel(false);
                    try {
                        inFlight.get();
                    } catch (Exception ignored) {
                        // the import is failing already; the transaction rolls the batch back
                    }
                }
            } finally {
                thread.shutdown();
                org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** What a file import did. */
    public record Imported(int responses) {}

    /**
     * Imports a CSV of responses, one row per respondent and a column per question code (plus
     * {@code <code>_other} and {@code <code>_comment}). It reads as it goes, so a million rows need
     * not fit in memory, and stops storing at the first problem but keeps reading to report the rest.
     */
    @Transactional
    public Imported importCsv(long surveyId, InputStream body) {
        return importCsv(surveyId, body, Progress.NONE);
    }

    /** Imports as {@link #importCsv(long, InputStream)} does, reporting how far it has gone. */
    @Transactional
    public Imported importCsv(long surveyId, InputStream body, Progress progress) {
        Surveys.Survey survey = surveys.survey(surveyId);
        Answers encoder = new Answers(survey.definition());
        List<Problem> problems = new ArrayList<>();
        int stored = 0;
        int rows = 0;
        // the stored rows' columns, built as they go, so that results need not read them back one by one
        long before = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("select coalesce(max(id), 0) from survey_response where survey_id = :survey")
                .param("survey", surveyId)
                .query(Long.class)
                .single();
        AnswerMatrix columns = new AnswerMatrix(
                surveyId,
                new AnswerLayout(survey.definition()).slots(),
                survey.definition().questions().size());
        try (BatchWriter writer = new BatchWriter(surveyId);
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(new BufferedReader(
                                new InputStreamReader(
                                        withoutBom(body),
                                        StandardCharsets.UTF_8
                                                .newDecoder()
                                                .onMalformedInput(CodingErrorAction.REPORT)
                                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                                1 << 16))) {
            List<String> header = null;
            List<Answers.Encoded> batch = new ArrayList<>(BATCH);
            try {
                for (CSVRecord record : parser) {
                    int row = (int) record.getRecordNumber();
                    if (header == null) {
                        header = header(record.toList(), encoder.columns());
                        continue;
                    }
                    rows++;
                    progress.read(rows);
                    if (record.size() != header.size()) {
                        problems.add(new Problem(
                                row,
                                null,
                                "This row has " + record.size() + " values but the header has " + header.size()
                                        + " columns"));
                        continue;
                    }
                    Map<String, String> values = new HashMap<>(header.size() * 2);
                    boolean storable = true;
                    for (int c = 0; c < header.size(); c++) {
                        String reason = Text.unstorable(record.get(c));
                        if (reason != null) {
                            problems.add(new Problem(row, header.get(c), reason));
                            storable = false;
                        }
                        values.put(header.get(c), record.get(c));
                    }
                    if (!storable) {
                        continue;
                    }
                    Answers.Encoded encoded = encoder.encode(values, row, problems);
                    progress.checked(rows);
                    if (problems.size() > MAX_PROBLEMS) {
                        break;
                    }
                    // after the first problem nothing more is stored, but reading goes on to report the rest
                    if (problems.isEmpty()) {
                        batch.add(encoded);
                        columns.add(encoded.closed(), encoded.numbers());
                        if (batch.size() == BATCH) {
                            writer.write(batch);
                            progress.stored(rows);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                problems.add(
                        new Problem(
                                rows + 2,
                                null,
                                cause instanceof CharacterCodingException
                                        ? "The file is not UTF-8 text from this row on; save it as \"CSV UTF-8\" and try again"
                                        : "The file is not valid CSV from this row on: a quoted value is not closed or a quote is out of place"));
            }
            if (header == null) {
                problems.add(
                        new Problem(1, null, "The file is empty; it needs a header row naming the question codes"));
            }
            if (problems.isEmpty()) {
                writer.write(batch);
            }
            stored = writer.finish();
            if (problems.isEmpty()) {
                progress.stored(stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            if (problems.size() > MAX_PROBLEMS) {
                problems = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
                problems.add(Problem.of(null, "…and more problems after these; nothing was imported"));
            }
            throw new InvalidInput(problems);
        }
        results.imported(surveyId, columns, before);
        // whoever imports a file looks at the results next: have the answers in memory by then
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            results.warm(surveyId);
                        }
                    });
        }
        return new Imported(stored);
    }

    /** Checks the header against the survey; returns the canonical column name for each position. */
    private static List<String> header(List<String> cells, List<String> columns) {
        List<Problem> problems = new ArrayList<>();
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : cells) {
            String name = cell == null ? "" : cell.trim();
            String column = canonical(columns, name);
            if (column == null) {
                problems.add(new Problem(
                        1,
                        name.isEmpty() ? null : name.length() > 40 ? name.substring(0, 40) + "…" : name,
                        name.isEmpty()
                                ? "A column has no name"
                                : "The survey has no question or text column called " + name));
            } else if (!seen.add(column)) {
                problems.add(new Problem(1, column, "This column appears more than once"));
            }
            header.add(column);
        }
        if (!problems.isEmpty()) {
            problems.add(new Problem(1, null, "The columns can be: " + String.join(", ", columns)));
            throw new InvalidInput(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        }
        return header;
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] start = new byte[3];
        int read = pushback.readNBytes(start, 0, 3);
        if (!(read == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
            pushback.unread(start, 0, read);
        }
        return pushback;
    }

    /**
     * Every response as a row of text, header first, in the response file's own layout (so an
     * export imports again): for an anonymous survey, those released so far (see {@link Release}). Rows are read with a cursor and handed on one by one, so a large survey
     * is never held in memory. Text a spreadsheet would run as a formula gets an apostrophe in front.
     */
    @Transactional(readOnly = true)
    public void export(long surveyId, java.util.function.Consumer<List<String>> rows) {
        SurveyDefinition definition = surveys.survey(surveyId).definition();
        List<String> columns = new Answers(definition).columns();
        AnswerLayout layout = new AnswerLayout(definition);
        rows.accept(columns);
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        jdbc.setFetchSize(5_000);
        Release release = surveys.release(surveyId);
        jdbc.query(
                "select r.closed, r.numbers, r.texts from survey_response r where r.survey_id = ?" + release.keeps("r")
                        + " order by " + release.order("r"),
                rs -> {
                    Integer[] stored = (Integer[]) rs.getArray(1).getArray();
                    int[] closed = new int[stored.length];
                    for (int i = 0; i < stored.length; i++) {
                        closed[i] = stored[i] == null ? 0 : stored[i];
                    }
                    Double[] numbers = (Double[]) rs.getArray(2).getArray();
                    Map<String, String> texts = json.readValue(
                            rs.getString(3), new tools.jackson.core.type.TypeReference<Map<String, String>>() {});
                    List<String> row = new ArrayList<>(columns.size());
                    for (int q = 0; q < definition.questions().size(); q++) {
                        Question question = definition.questions().get(q);
                        row.add(
                                switch (question.questionType()) {
                                    case TEXT -> CsvText.guarded(texts.getOrDefault(question.code(), ""));
                                    case NUMBER ->
                                        q < numbers.length && numbers[q] != null
                                                ? java.math.BigDecimal.valueOf(numbers[q])
                                                        .stripTrailingZeros()
                                                        .toPlainString()
                                                : "";
                                    default -> labels(question, layout, closed, q);
                                });
                        if (question.hasOther()) {
                            row.add(CsvText.guarded(texts.getOrDefault(question.code() + "_other", "")));
                        }
                        if (question.hasComment()) {
                            row.add(CsvText.guarded(texts.getOrDefault(question.code() + "_comment", "")));
                        }
                    }
                    rows.accept(row);
                },
                surveyId);
    }

    private static String labels(Question question, AnswerLayout layout, int[] closed, int q) {
        List<String> choices = question.choices();
        List<String> chosen = new ArrayList<>();
        for (int o = 1; o <= choices.size(); o++) {
            if (layout.chose(closed, q, o)) {
                chosen.add(choices.get(o - 1));
            }
        }
        return String.join(";", chosen);
    }
}
