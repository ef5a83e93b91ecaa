package org.goldenthread.development;

import java.time.Duration;
import java.util.List;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.springframework.stereotype.Component;

/**
 * A programme's participants file and the catalogue file imported as background jobs: the pages
 * always, the API for a large file or when asked. A job's result is what the call made while waiting
 * would answer, and a failed job lists the same problems.
 */
@Component
class DevelopmentImports {

    /** How long a page waits for a small file's outcome before showing progress instead. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private final ParticipantFile participants;
    private final Catalogue catalogue;
    private final Jobs jobs;
    private final ScopedTransactions transactions;

    DevelopmentImports(ParticipantFile participants, Catalogue catalogue, Jobs jobs, ScopedTransactions transactions) {
        this.participants = participants;
        this.catalogue = catalogue;
        this.jobs = jobs;
        this.transactions = transactions;
    }

    static String participantsLink(String ods, long programme) {
        return "/ics/" + ods + "/programmes/" + programme + "/participants/imports/{id}";
    }

    static String catalogueLink(String ods) {
        return "/ics/" + ods + "/development/catalogue/imports/{id}";
    }

    Job startParticipants(long programme, String fileName, byte[] csv) {
        return jobs.start(
                "participants_import",
                fileName,
                participantsLink(Scope.currentTenant().odsCode(), programme),
                progress -> transactions.run(Scope.current(), () -> participants.importCsv(programme, csv, progress)));
    }

    Job startCatalogue(String fileName, List<OfferDetails> rows) {
        return jobs.start(
                "catalogue_import",
                fileName,
                catalogueLink(Scope.currentTenant().odsCode()),
                progress -> transactions.run(Scope.current(), () -> catalogue.importAll(rows, progress)));
    }
}
