package org.goldenthread.engagement;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Progress;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.stereotype.Component;

/**
 * Reading a large survey's answers into memory (after a restart, or once they were let go to make
 * room for others) as a job, which the results page shows with its progress rather than hanging
 * for as long as the reading takes. Whoever may see the results may follow it: the first to open
 * them starts it, the next ones are shown the same job. An API call for the results waits for it
 * instead, as it always waited for the answers. A survey of a few thousand responses is read while
 * the page waits, as before.
 */
@Component
class AnswerLoads {

    /** Surveys with more responses than this have their answers read as a job. */
    static final int LARGE = 5_000;
    /** Answers read in this time show the results straight away, without a progress card first. */
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    /** Longer than a million responses take to read row by row on a busy machine. */
    private static final Duration API_PATIENCE = Duration.ofMinutes(10);
    /** How often a job reports how many responses it holds while they are read. */
    private static final Duration REPORT = Duration.ofMillis(100);

    private static final Set<Role> RESULTS_READERS = Set.of(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST);

    private final SurveyResults results;
    private final Surveys surveys;
    private final Jobs jobs;
    /** Threads that count and read for the jobs; a job waits on them from its own. */
    private final ExecutorService helpers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "survey-answers-load");
        t.setDaemon(true);
        return t;
    });
    // the job this instance runs to read a survey's answers, by survey: answers live in one instance's memory
    private final Map<Long, Long> running = new ConcurrentHashMap<>();

    AnswerLoads(SurveyResults results, Surveys surveys, Jobs jobs) {
        this.results = results;
        this.surveys = surveys;
        this.jobs = jobs;
    }

    /**
     * The job still reading a survey's answers, started now if they are not in memory and there are
     * many; empty once the results can be worked out at once.
     */
    Optional<Job> pending(long surveyId) {
        Optional<Job> under = underWay(surveyId);
        if (under.isPresent() || results.holds(surveyId)) {
            return under;
        }
        // only as far as needed here: the job counts them all, for its progress, while the page waits for it
        if (!surveys.hasMoreResponsesThan(surveyId, LARGE)) {
            return Optional.empty();
        }
        long id = running.computeIfAbsent(surveyId, this::start);
        return jobs.await(id, PATIENCE).filter(job -> !job.finished());
    }

    /** Waits, for an API call, until the answers are in memory, reading them as a job if need be. */
    void await(long surveyId) {
        pending(surveyId).ifPresent(job -> jobs.await(job.id(), API_PATIENCE));
    }

    /** The job reading a survey's answers, if one is under way; none is started. */
    Optional<Job> underWay(long surveyId) {
        Long id = running.get(surveyId);
        if (id == null) {
            return Optional.empty();
        }
        // jobs of the current ICS only: a survey id of another ICS finds nothing
        Optional<Job> job = jobs.job(id).filter(j -> !j.finished());
        if (job.isEmpty()) {
            running.remove(surveyId, id);
        }
        return job;
    }

    private long start(long surveyId) {
        Surveys.Survey survey = surveys.survey(surveyId);
        String link = "/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + surveyId + "/results";
        Job job = jobs.startReading(
                "survey_answers_load",
                "Answers to " + survey.definition().title(),
                link,
                Job.Measure.RESPONSES,
                RESULTS_READERS,
                progress -> {
                    try {
                        return Map.of("survey", surveyId, "responses", read(surveyId, progress));
                    } finally {
                        running.remove(surveyId);
                    }
                });
        return job.id();
    }

    /**
     * Reads a survey's answers while counting its responses for the progress, side by side: the
     * count walks every row (each checked against the ICS), which takes as long as reading the
     * stored blocks, so the reading does not wait for it, nor for it to finish. The job's progress
     * is reported from the job's own thread, as it expects, every {@link #REPORT} meanwhile.
     *
     * @return how many responses it holds
     */
    private int read(long surveyId, Progress progress) {
        Scope scope = Scope.current();
        AtomicInteger held = new AtomicInteger();
        CompletableFuture<Long> counting =
                CompletableFuture.supplyAsync(() -> scope.run(() -> surveys.responseCount(surveyId)), helpers);
        CompletableFuture<Integer> reading =
                CompletableFuture.supplyAsync(() -> scope.run(() -> results.load(surveyId, new Held(held))), helpers);
        boolean expected = false;
        while (true) {
            if (!expected && counting.isDone() && !counting.isCompletedExceptionally()) {
                progress.expect((int) Math.min(Integer.MAX_VALUE, counting.join()));
                expected = true;
            }
            try {
                int responses = reading.get(REPORT.toMillis(), TimeUnit.MILLISECONDS);
                progress.stored(responses);
                return responses;
            } catch (TimeoutException stillReading) {
                progress.stored(held.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reading.cancel(true);
                throw new IllegalStateException("Stopped while reading the answers of survey " + surveyId, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Keeps the count of responses held, for the job's thread to report. */
    private record Held(AtomicInteger count) implements Progress {
        @Override
        public void expect(int rows) {}

        @Override
        public void read(int rows) {}

        @Override
        public void checked(int rows) {}

        @Override
        public void stored(int rows) {
            count.set(rows);
        }
    }

    @PreDestroy
    void stop() {
        helpers.shutdownNow();
    }
}
