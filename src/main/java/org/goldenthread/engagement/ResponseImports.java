package org.goldenthread.engagement;

import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Upload;
import org.springframework.stereotype.Component;

/**
 * Response files imported in the background. The file is received whole first, so the person or
 * client that sent it need not wait; the import itself is the same all-or-nothing import as when
 * the caller waits, in one transaction of its own.
 */
@Component
class ResponseImports {

    /** Files with more rows than this are imported in the background, even through the API. */
    static final int LARGE = 5_000;

    private final Responses responses;
    private final Jobs jobs;
    private final ScopedTransactions transactions;

    ResponseImports(Responses responses, Jobs jobs, ScopedTransactions transactions) {
        this.responses = responses;
        this.jobs = jobs;
        this.transactions = transactions;
    }

    static boolean large(Upload upload) {
        return upload.lines() - 1 > LARGE;
    }

    /** Starts the import of a received file as a job; the job deletes the file when it ends. */
    Job start(long surveyId, String fileName, Upload upload) {
        String link = "/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + surveyId + "/responses/imports/{id}";
        return jobs.start("survey_responses_import", fileName, link, progress -> {
            try (upload) {
                progress.expect((int) Math.max(0, Math.min(Integer.MAX_VALUE, upload.lines() - 1)));
                return transactions.run(Scope.current(), () -> responses.importCsv(surveyId, upload.open(), progress));
            }
        });
    }

    /** Imports a received file while the caller waits, and deletes it. */
    Responses.Imported importNow(long surveyId, Upload upload) {
        try (upload) {
            return responses.importCsv(surveyId, upload.open());
        }
    }
}
