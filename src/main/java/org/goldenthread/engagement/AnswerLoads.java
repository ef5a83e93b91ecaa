package org.goldenthread.engagement;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
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

    private static final Set<Role> RESULTS_READERS = Set.of(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST);

    private final SurveyResults results;
    private final Surveys surveys;
    private final Jobs jobs;
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
        long responses = surveys.responseCount(surveyId);
        if (responses <= LARGE) {
            return Optional.empty();
        }
        long id = running.computeIfAbsent(surveyId, survey -> start(survey, responses));
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

    private long start(long surveyId, long responses) {
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
                        progress.expect((int) Math.min(Integer.MAX_VALUE, responses));
                        return Map.of("survey", surveyId, "responses", results.load(surveyId, progress));
                    } finally {
                        running.remove(surveyId);
                    }
                });
        return job.id();
    }
}
