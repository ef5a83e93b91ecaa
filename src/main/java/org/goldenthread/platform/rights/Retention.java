package org.goldenthread.platform.rights;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Chores;
import org.goldenthread.platform.DataSubjects;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each ICS's retention period, and the daily job that applies it: a person of the register whose
 * last appointment ended more than that many years ago, and who holds none now, is erased as an
 * administrator would erase them. People never appointed (in the talent pool, say) are left to
 * their administrators. Each person is erased in a transaction of their own, audited as done by
 * the retention period.
 */
@Component
public class Retention {

    static final String ERASED_BY_RETENTION = "person.erased_after_retention";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final ScopedTransactions transactions;
    private final ObjectProvider<DataSubjects> subjects;
    private final SubjectAccess access;
    private final Audit audit;
    private final Clock clock;
    private final Chores chores;

    Retention(
            JdbcClient jdbc,
            TenantDirectory tenants,
            ScopedTransactions transactions,
            ObjectProvider<DataSubjects> subjects,
            SubjectAccess access,
            Audit audit,
            Clock clock,
            Chores chores) {
        this.chores = chores;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.transactions = transactions;
        this.subjects = subjects;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The retention period of the ICS in scope, in years; null when people are kept until erased by hand. */
    public @Nullable Integer years() {
        return jdbc.sql("select erase_after_years from ics where id = :id")
                .param("id", Scope.currentTenant().id())
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional()
                .orElse(null);
    }

    public void setYears(@Nullable Integer years) {
        Integer before = years();
        jdbc.sql("update ics set erase_after_years = :years where id = :id")
                .param("years", years)
                .param("id", Scope.currentTenant().id())
                .update();
        java.util.Map<String, Object> was = new java.util.HashMap<>();
        was.put("erase_after_years", before);
        java.util.Map<String, Object> now = new java.util.HashMap<>();
        now.put("erase_after_years", years);
        audit.record("ics.retention_changed", "ics", Scope.currentTenant().odsCode(), was, now);
    }

    /** Daily, by one instance for all. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        chores.schedule("retention", Duration.ofDays(1), Duration.ofMinutes(10), () -> {
            int erased = apply();
            if (erased > 0) {
                log.info("Erased {} people whose retention period had run out", erased);
            }
        });
    }

    /** Erases everyone due in every ICS with a retention period; returns how many. */
    public int apply() {
        Map<Long, Integer> periods = new java.util.HashMap<>();
        Scope.systemPlatform()
                .run(() -> jdbc.sql("select id, erase_after_years from ics where erase_after_years is not null")
                        .query((rs, n) -> periods.put(rs.getLong(1), rs.getInt(2)))
                        .list());
        DataSubjects register = subjects.getIfAvailable();
        if (periods.isEmpty() || register == null) {
            return 0;
        }
        int erased = 0;
        for (Tenant tenant : Scope.systemPlatform().run(tenants::activeTenants)) {
            Integer years = periods.get(tenant.id());
            if (years == null) {
                continue;
            }
            LocalDate cutOff = LocalDate.now(clock).minusYears(years);
            List<Long> due = transactions.run(Scope.system(tenant), () -> register.lastAppointmentEndedBefore(cutOff));
            for (long person : due) {
                transactions.run(Scope.system(tenant), () -> access.erase(person, ERASED_BY_RETENTION));
                erased++;
            }
        }
        return erased;
    }
}
