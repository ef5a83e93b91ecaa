package org.goldenthread.engagement.collecting;

import java.time.Duration;
import org.goldenthread.platform.Chores;
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
 * own scope, as row-level security requires; once a day between all instances sharing the database.
 */
@Component
class DraftExpiry {

    private static final Logger log = LoggerFactory.getLogger(DraftExpiry.class);

    private final TenantDirectory tenants;
    private final ScopedTransactions transactions;
    private final JdbcClient jdbc;
    private final int days;
    private final Chores chores;

    DraftExpiry(
            TenantDirectory tenants,
            ScopedTransactions transactions,
            JdbcClient jdbc,
            Settings settings,
            Chores chores) {
        int days = settings.surveys().draftDays();
        if (days < 1) {
            throw new IllegalArgumentException("gt.surveys.draft-days must be at least 1, not " + days);
        }
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.days = days;
        this.chores = chores;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        chores.schedule("survey_draft.expiry", Duration.ofDays(1), Duration.ofMinutes(5), () -> {
            int removed = expire();
            if (removed > 0) {
                log.info("Deleted {} survey drafts not saved for {} days", removed, days);
            }
        });
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
