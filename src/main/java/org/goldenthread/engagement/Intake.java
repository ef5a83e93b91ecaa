package org.goldenthread.engagement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Single responses that arrive together are stored together: one statement and one commit for as
 * many as are waiting, rather than one each. Whoever arrives while no one is storing stores what
 * is waiting (its own response among it), and the others wait for that commit; so each caller is
 * answered only once its response is committed, and a response arriving alone is stored at once.
 * The commit (and with it the disk's flush) is what single responses wait for, so sharing it lets
 * the database take many more of them a second, with {@code synchronous_commit} on throughout.
 */
@Component
class Intake {

    /** At most this many in one statement, so that no caller waits behind an unbounded batch. */
    private static final int MOST = 256;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Surveys surveys;
    private final SurveyFigures figures;

    // guarded by this: responses waiting to be stored, and whether someone is storing now
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private boolean storing;

    Intake(JdbcClient jdbc, ObjectMapper json, Surveys surveys, SurveyFigures figures) {
        this.jdbc = jdbc;
        this.json = json;
        this.surveys = surveys;
        this.figures = figures;
    }

    /** One response on its way in, with the scope it was sent in (its ICS's row-level security). */
    private static final class Waiting {
        final Surveys.Collecting survey;
        final Answers.Encoded response;
        final String key;
        final Scope scope;
        final String settings;
        // guarded by Intake.this
        Surveys.@Nullable Outcome outcome;

        @Nullable
        RuntimeException failure;

        Waiting(Surveys.Collecting survey, Answers.Encoded response, String key, Scope scope) {
            this.survey = survey;
            this.response = response;
            this.key = key;
            this.scope = scope;
            // what the row-level-security policies read: only responses alike in these share a statement
            this.settings = scope.activeIcsId() + "|" + scope.visibleIcsArray() + "|" + scope.platform();
        }

        boolean done() {
            return outcome != null || failure != null;
        }
    }

    /**
     * Stores one response, committed before this returns, unless the survey row has changed since
     * it was read (then nothing is stored, as {@link Surveys#storeOne}).
     */
    Surveys.Outcome store(Surveys.Collecting survey, Answers.Encoded response, String key) {
        Waiting mine = new Waiting(survey, response, key, Scope.current());
        synchronized (this) {
            waiting.addLast(mine);
        }
        while (true) {
            List<Waiting> batch;
            synchronized (this) {
                while (!mine.done() && storing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // still waiting to be stored: it may yet be, so the caller cannot be told it was not
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while the response was being stored", e);
                    }
                }
                if (mine.done()) {
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return java.util.Objects.requireNonNull(mine.outcome);
                }
                if (waiting.isEmpty()) {
                    // write() finishes every response it takes, so this cannot happen; never wait on it
                    throw new IllegalStateException("A response was neither stored nor waiting");
                }
                storing = true;
                batch = next();
            }
            try {
                write(batch);
            } finally {
                synchronized (this) {
                    storing = false;
                    notifyAll();
                }
            }
        }
    }

    /**
     * The longest-waiting response and those waiting after it that can go in the same statement:
     * sent in the same scope, and not sharing an idempotency key with one already in it (two alike
     * in one statement could not both be told apart as stored and seen).
     */
    private List<Waiting> next() {
        List<Waiting> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String settings = waiting.getFirst().settings;
        for (Iterator<Waiting> i = waiting.iterator(); i.hasNext() && batch.size() < MOST; ) {
            Waiting w = i.next();
            if (w.settings.equals(settings) && (w.key == null || keys.add(w.survey.id() + ":" + w.key))) {
                batch.add(w);
                i.remove();
            }
        }
        return batch;
    }

    /**
     * Stores a batch in one statement (so one commit); if that fails, each on its own, so one bad row
     * fails only itself. Every response taken ends finished, stored or failed, whatever happens.
     */
    private void write(List<Waiting> batch) {
        try {
            writeAll(batch);
        } catch (RuntimeException | Error e) {
            for (Waiting w : batch) {
                synchronized (this) {
                    if (!w.done()) {
                        w.failure = new IllegalStateException("The response may not have been stored", e);
                    }
                }
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private void writeAll(List<Waiting> batch) {
        List<Surveys.Outcome> outcomes;
        try {
            outcomes = batch.get(0).scope.run(() -> insert(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                finish(batch.get(0), null, e);
                return;
            }
            for (Waiting w : batch) {
                try {
                    finish(w, w.scope.run(() -> surveys.storeOne(w.survey, w.response, w.key)), null);
                } catch (RuntimeException alone) {
                    finish(w, null, alone);
                }
            }
            return;
        }
        int stored = 0;
        for (int i = 0; i < batch.size(); i++) {
            stored += outcomes.get(i) == Surveys.Outcome.STORED ? 1 : 0;
            finish(batch.get(i), outcomes.get(i), null);
        }
        figures.received(stored);
    }

    private synchronized void finish(Waiting w, Surveys.@Nullable Outcome outcome, @Nullable RuntimeException failure) {
        w.outcome = outcome;
        w.failure = failure;
    }

    /**
     * One statement: each response is stored provided its survey row is still the version it was
     * read at, with the survey's own ICS; a key seen before stores nothing. Outcomes in the batch's order.
     */
    private List<Surveys.Outcome> insert(List<Waiting> batch) {
        int n = batch.size();
        Long[] surveyIds = new Long[n];
        String[] versions = new String[n];
        String[] closed = new String[n];
        String[] numbers = new String[n];
        String[] texts = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Waiting w = batch.get(i);
            surveyIds[i] = w.survey.id();
            versions[i] = w.survey.version();
            closed[i] = Surveys.arrayLiteral(w.response.closed());
            numbers[i] = Surveys.arrayLiteral(w.response.numbers());
            texts[i] = w.response.texts() == null || w.response.texts().isEmpty()
                    ? "{}"
                    : json.writeValueAsString(w.response.texts());
            keys[i] = w.key;
        }
        List<Surveys.Outcome> outcomes = jdbc.sql("""
                        with batch as (
                            select * from unnest(cast(:surveys as bigint[]), cast(:versions as text[]),
                                                 cast(:closed as text[]), cast(:numbers as text[]),
                                                 cast(:texts as text[]), cast(:keys as text[]))
                                     with ordinality as r(survey, version, closed, numbers, texts, key, n)),
                        unchanged as (
                            select b.n, s.ics_id
                              from batch b join survey s on s.id = b.survey and s.xmin = cast(b.version as xid)),
                        stored as (
                            insert into survey_response (ics_id, survey_id, closed, numbers, texts, idempotency_key)
                            select u.ics_id, b.survey, cast(b.closed as int[]), cast(b.numbers as float8[]),
                                   cast(b.texts as jsonb), b.key
                              from batch b join unchanged u on u.n = b.n
                             order by b.n
                            on conflict (survey_id, idempotency_key) do nothing
                            returning survey_id, idempotency_key)
                        select u.n is not null as unchanged,
                               b.key is null or exists (select 1 from stored s
                                                         where s.survey_id = b.survey and s.idempotency_key = b.key)
                                   as stored
                          from batch b left join unchanged u on u.n = b.n
                         order by b.n""")
                .param("surveys", surveyIds)
                .param("versions", versions)
                .param("closed", closed)
                .param("numbers", numbers)
                .param("texts", texts)
                .param("keys", keys)
                .query((rs, row) -> !rs.getBoolean("unchanged")
                        ? Surveys.Outcome.CHANGED
                        : rs.getBoolean("stored") ? Surveys.Outcome.STORED : Surveys.Outcome.SEEN)
                .list();
        if (outcomes.size() != n) {
            throw new IllegalStateException("Expected " + n + " outcomes, got " + outcomes.size());
        }
        return outcomes;
    }
}
