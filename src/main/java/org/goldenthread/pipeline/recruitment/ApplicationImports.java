package org.goldenthread.pipeline.recruitment;

import java.time.Duration;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.springframework.stereotype.Component;

/**
 * A round's applications file imported as a background job, so a large file shows its progress and
 * a closed tab or a proxy's timeout loses nothing. The job's result is the outcome the call made
 * while waiting would give; its problems are the same problems.
 */
@Component
class ApplicationImports {

    /** How long a page waits for a small file's outcome before showing progress instead. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private final Applications applications;
    private final Jobs jobs;
    private final ScopedTransactions transactions;

    ApplicationImports(Applications applications, Jobs jobs, ScopedTransactions transactions) {
        this.applications = applications;
        this.jobs = jobs;
        this.transactions = transactions;
    }

    /** The page that shows this round's import jobs; {id} is the job's. */
    static String link(String ods, long round) {
        return "/ics/" + ods + "/recruitment/" + round + "/imports/{id}";
    }

    Job start(Round round, String fileName, byte[] bytes, Footprint footprint) {
        return jobs.start(
                "applications_import",
                fileName,
                link(Scope.currentTenant().odsCode(), round.id()),
                progress -> transactions.run(
                        Scope.current(), () -> applications.importFile(round, bytes, footprint, progress)));
    }
}
