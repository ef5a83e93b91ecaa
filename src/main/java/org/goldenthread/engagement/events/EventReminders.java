package org.goldenthread.engagement.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Chores;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reminds everyone with a place two days before their event. Runs every hour, one ICS at a time in
 * its own scope; each person is reminded once, whenever in those two days the round first finds them.
 */
@Component
class EventReminders {

    private static final Logger log = LoggerFactory.getLogger(EventReminders.class);
    static final Duration AHEAD = Duration.ofDays(2);

    private final TenantDirectory tenants;
    private final ScopedTransactions transactions;
    private final JdbcClient jdbc;
    private final Events events;
    private final EventMail mail;
    private final Clock clock;
    private final Chores chores;
    private final EventLinks links;

    EventReminders(
            TenantDirectory tenants,
            ScopedTransactions transactions,
            JdbcClient jdbc,
            Events events,
            EventMail mail,
            Clock clock,
            Chores chores,
            EventLinks links) {
        this.chores = chores;
        this.links = links;
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    /** Hourly, by one instance for all, so two instances never remind one person twice. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!mail.isSetUp()) {
            return;
        }
        chores.schedule("event.reminders", Duration.ofHours(1), Duration.ofMinutes(7), () -> {
            int sent = remind(clock.instant(), mail.baseForRounds());
            if (sent > 0) {
                log.info("Sent {} event reminders", sent);
            }
        });
    }

    /** Reminds those with a place on events starting within two days of {@code now}; returns how many. */
    int remind(Instant now, String base) {
        int sent = 0;
        for (Tenant tenant : Scope.systemPlatform().run(tenants::activeTenants)) {
            sent += transactions.run(Scope.system(tenant), () -> remindInScope(now, base));
        }
        return sent;
    }

    private int remindInScope(Instant now, String base) {
        record Due(long registration, long event, String email) {}
        List<Due> due = jdbc.sql("""
                        update engagement_registration r set reminded = true
                          from engagement_event e
                         where e.id = r.event_id and r.status = 'registered' and not r.reminded
                           and e.starts_at > :now and e.starts_at <= :until
                        returning r.id, r.event_id, r.email""")
                .param("now", java.sql.Timestamp.from(now))
                .param("until", java.sql.Timestamp.from(now.plus(AHEAD)))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
        List<EventMail.Letter> letters = new ArrayList<>();
        for (Due d : due) {
            letters.add(mail.reminder(
                    events.event(d.event()), d.email(), base + "/event-place/" + links.issue(d.registration())));
        }
        mail.sendAfterCommit(letters);
        return letters.size();
    }
}
