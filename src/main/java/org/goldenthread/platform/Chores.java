package org.goldenthread.platform;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Housekeeping that several instances sharing one database do once between them, however many
 * there are and whenever each started: each instance asks often, and only the one that finds the
 * chore due (and moves it on in the same statement) does it. Two asking at once cannot both win:
 * the second waits for the first's row lock and then finds the chore no longer due.
 */
@Component
public class Chores {

    /** Which instance did a chore last, for whoever wonders: host, process and a random part. */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    /** How often an instance asks whether a chore is due, at most: a day's chore is still done within a minute. */
    private static final Duration MOST_ASKING = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Chores.class);

    private final JdbcClient jdbc;
    private final ScopedTransactions transactions;
    // two, so a long chore (expiring drafts in every ICS) does not hold up the mail rounds' watcher
    private final ScheduledExecutorService asking;

    Chores(JdbcClient jdbc, ScopedTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        AtomicInteger count = new AtomicInteger();
        this.asking = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "gt-chores-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Has {@code work} done every {@code every} by one instance or another, starting after {@code
     * first}. Its failures are logged, and it is tried again when next due.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // a repeating task; it catches and logs its own failures
    public void schedule(String chore, Duration every, Duration first, Runnable work) {
        long ask = Math.min(every.toMillis(), MOST_ASKING.toMillis());
        asking.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (claim(chore, every)) {
                            work.run();
                        }
                    } catch (RuntimeException e) {
                        log.warn("The chore {} failed; it is tried again when next due", chore, e);
                    }
                },
                first.toMillis(),
                ask,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        asking.shutdownNow();
    }

    /**
     * True if the chore is due and this instance is now the one to do it; it is next due {@code
     * every} from now, whether or not this instance gets it done.
     */
    public boolean claim(String chore, Duration every) {
        return transactions.run(Scope.systemPlatform(), () -> {
            jdbc.sql("insert into chore (name, due_at) values (:name, now()) on conflict (name) do nothing")
                    .param("name", chore)
                    .update();
            return jdbc.sql("""
                            update chore set due_at = now() + make_interval(secs => :every), done_by = :by,
                                   claimed_at = now()
                             where name = :name and due_at <= now()""")
                            .param("every", every.toMillis() / 1000.0)
                            .param("by", INSTANCE)
                            .param("name", chore)
                            .update()
                    == 1;
        });
    }
}
