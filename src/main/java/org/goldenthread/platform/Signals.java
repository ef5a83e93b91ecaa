package org.goldenthread.platform;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.goldenthread.platform.database.DatabaseServer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every instance sharing the database that something it may hold in memory has changed (an
 * ICS renamed, a survey edited), through PostgreSQL's {@code LISTEN/NOTIFY}. A signal sent inside a
 * transaction reaches the others only if and when it commits, so nobody reads the old row back into
 * memory after forgetting it.
 *
 * <p>Each instance listens on a connection of its own, on a thread of its own. When that connection
 * breaks it connects again, and since signals sent meanwhile are lost, every listener is then told
 * that anything may have changed ({@link #EVERYTHING}). Until it listens, the instance is not ready
 * for traffic (the health indicator says so), for it could not know when to forget.
 */
@Component
public class Signals implements HealthIndicator {

    /** What a listener is given when signals may have been missed: forget everything of this topic. */
    public static final String EVERYTHING = "";

    private static final String CHANNEL = "gt_changed";
    private static final Logger log = LoggerFactory.getLogger(Signals.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final long MOST_BACKOFF_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final DatabaseServer server;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean listening;
    private volatile boolean stopping;
    private volatile @Nullable Connection connection;

    Signals(JdbcClient jdbc, DatabaseServer server) {
        this.jdbc = jdbc;
        this.server = server;
        this.thread = new Thread(this::listen, "gt-signals");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Tells every instance, this one included, that {@code detail} of {@code topic} changed; inside
     * a transaction, once it commits. The detail is short (an id), never personal data.
     */
    public void send(String topic, String detail) {
        // pg_notify gives nothing back; counting the row it gives keeps the driver content
        jdbc.sql("select count(*) from (select pg_notify(:channel, :payload)) sent")
                .param("channel", CHANNEL)
                .param("payload", topic + " " + detail)
                .query(Long.class)
                .single();
    }

    /** Calls {@code listener} with the detail of every signal of {@code topic}, on the signals thread. */
    public void listen(String topic, Consumer<String> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Whether this instance is listening now, so that it forgets what others change. */
    public boolean isListening() {
        return listening;
    }

    @Override
    public Health health() {
        return listening
                ? Health.up().build()
                : Health.outOfService()
                        .withDetail("signals", "not yet listening for changes made by other instances")
                        .build();
    }

    private void listen() {
        long backoff = 100;
        while (!stopping) {
            try (Connection listener = DriverManager.getConnection(server.url(), server.user(), server.password())) {
                connection = listener;
                try (Statement statement = listener.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                boolean again = backoff > 100;
                listening = true;
                backoff = 100;
                if (again) {
                    log.info("Listening for other instances' changes again; forgetting what may have been missed");
                    listeners.forEach((topic, all) -> all.forEach(l -> deliver(topic, l, EVERYTHING)));
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] arrived = pg.getNotifications(WAIT_MILLIS);
                    if (arrived == null) {
                        if (!listener.isValid(2)) {
                            throw new SQLException("The signals connection is no longer valid");
                        }
                        continue;
                    }
                    for (PGNotification signal : arrived) {
                        dispatch(signal.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                connection = null;
                if (stopping) {
                    return;
                }
                log.warn(
                        "Lost the connection that hears other instances' changes; connecting again: {}",
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(MOST_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private void dispatch(String payload) {
        int space = payload.indexOf(' ');
        String topic = space < 0 ? payload : payload.substring(0, space);
        String detail = space < 0 ? EVERYTHING : payload.substring(space + 1);
        listeners.getOrDefault(topic, List.of()).forEach(l -> deliver(topic, l, detail));
    }

    private static void deliver(String topic, Consumer<String> listener, String detail) {
        try {
            listener.accept(detail);
        } catch (RuntimeException e) {
            log.warn("A listener to {} signals failed", topic, e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        listening = false;
        thread.interrupt();
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                log.debug("Closing the signals connection failed", e);
            }
        }
    }
}
