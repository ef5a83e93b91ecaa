package org.goldenthread.engagement.collecting;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Settings;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes drafts nobody has saved for a while: half-finished answers are kept for the respondent to
 * come back to, not for ever. Runs soon after start-up and then daily, one ICS at a time in its
 * own scope, as row-level security requires.
 */
@Component
class DraftExpiry {

    private static final Logger log = LoggerFactory.getLogger(DraftExpiry.class);

    private final TenantDirectory tenants;
    private final ScopedTransactions transactions;
    private final JdbcClient jdbc;
    private final int days;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "survey-draft-expiry");
        t.setDaemon(true);
        return t;
    });

    DraftExpiry(TenantDirectory tenants, ScopedTransactions transactions, JdbcClient jdbc, Settings settings) {
        int days = settings.surveys().draftDays();
        if (days < 1) {
            throw new IllegalArgumentException("gt.surveys.draft-days must be at least 1, not " + days);
        }
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.days = days;
    }

    @EventListener(ApplicationReadyEvent.class)
    @SuppressWarnings("FutureReturnValueIgnored") // a repeating task; it catches and logs its own failures
    void start() {
        daily.scheduleWithFixedDelay(
                () -> {
                    try {
                        int removed = expire();
                        if (removed > 0) {
                            log.info("Deleted {} survey drafts not saved for {} days", removed, days);
                        }
                    } catch (RuntimeException e) {
                        log.warn("Could not delete expired survey drafts; trying again tomorrow", e);
                    }
                },
                5,
                TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        daily.shutdownNow();
    }

    /** Deletes every draft last saved more than the configured number of days ago; returns how many. */
    int expire() {
        int removed = 0;
        for (Tenant tenant : Scope.systemPlatform().run(tenants::activeTenants)) {
            removed += transactions.run(
                    Scope.system(tenant),
                    () -> jdbc.sql("delete from survey_draft where saved_on < current_date - :days")
                            .param("days", days)
                            .update());
        }
        return removed;
    }
}
