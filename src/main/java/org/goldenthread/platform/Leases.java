package org.goldenthread.platform;

import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.goldenthread.platform.database.DatabaseServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Long work this instance has taken on, such as a round of emails, recorded so that another instance
 * sharing the database can finish it if this one dies. While it runs, this instance holds a
 * PostgreSQL advisory lock on a connection of its own; PostgreSQL lets go of the lock the moment
 * that connection ends, whether the instance stopped, crashed or was killed. A lease whose holder's
 * lock is gone is an orphan, and exactly one instance can take it over (one statement moves it).
 *
 * <p>If this instance loses its own connection, others may take its leases meanwhile; so the work
 * asks {@link #holds} before each step and stops once it no longer holds its lease.
 */
@Component
public class Leases {

    /** The first half of every holder's advisory lock key: "gtL1". */
    static final int LOCK_CLASS = 0x67744c31;

    private static final Logger log = LoggerFactory.getLogger(Leases.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whose lock a lease is held under: not granted to any session now means its holder is gone. */
    private static final String HOLDER_GONE = """
            not exists (select from pg_locks k
                         where k.locktype = 'advisory' and k.granted and k.objsubid = 2
                           and k.classid = cast(%d as oid) and k.objid = cast(l.holder as oid))""".formatted(LOCK_CLASS);

    /** One lease as the holder recorded it: what, in which ICS's scope, and what it needs to go on. */
    public record Lease(String kind, long subject, @Nullable Long scopeIcs, String detail) {}

    private final JdbcClient jdbc;
    private final DatabaseServer server;
    // the connection that holds this instance's lock, and the key it holds it under: guarded by this
    private @Nullable Connection alive;
    private int holder;
    private volatile boolean closed;

    Leases(JdbcClient jdbc, DatabaseServer server) {
        this.jdbc = jdbc;
        this.server = server;
    }

    /** The key this instance's lock is held under, taking the lock first if need be. */
    private synchronized int holder() {
        if (closed) {
            throw new IllegalStateException("This instance is stopping and takes on no more work");
        }
        try {
            if (alive != null && alive.isValid(2)) {
                return holder;
            }
        } catch (SQLException e) {
            // a new connection below
        }
        closeQuietly();
        try {
            Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
            // a new key on a new connection: leases held under the old one may already be someone else's
            for (int attempt = 0; attempt < 10; attempt++) {
                int key = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
                try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                    lock.setInt(1, LOCK_CLASS);
                    lock.setInt(2, key);
                    try (ResultSet rs = lock.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            alive = connection;
                            holder = key;
                            return key;
                        }
                    }
                }
            }
            connection.close();
            throw new IllegalStateException("Could not take a lock of this instance's own");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open this instance's lock connection", e);
        }
    }

    /** Records a lease on new work for this instance. */
    public void take(String kind, long subject, @Nullable Long scopeIcs, String detail) {
        int key = holder();
        jdbc.sql("""
                        insert into lease (kind, subject, scope_ics, holder, detail)
                        values (:kind, :subject, :ics, :holder, :detail)
                        on conflict (kind, subject) do update
                           set holder = excluded.holder, scope_ics = excluded.scope_ics, detail = excluded.detail,
                               taken_at = now()""")
                .param("kind", kind)
                .param("subject", subject)
                .param("ics", scopeIcs)
                .param("holder", key)
                .param("detail", detail)
                .update();
    }

    /** Whether this instance still holds the lease: nobody took it over, and this instance's lock is intact. */
    public boolean holds(String kind, long subject) {
        int key;
        synchronized (this) {
            try {
                if (closed || alive == null || !alive.isValid(2)) {
                    return false;
                }
            } catch (SQLException e) {
                return false;
            }
            key = holder;
        }
        return jdbc.sql("select count(*) from lease where kind = :kind and subject = :subject and holder = :holder")
                        .param("kind", kind)
                        .param("subject", subject)
                        .param("holder", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Ends the lease once the work is done (or given up): there is nothing left to take over. */
    public void release(String kind, long subject) {
        jdbc.sql("delete from lease where kind = :kind and subject = :subject")
                .param("kind", kind)
                .param("subject", subject)
                .update();
    }

    /** Leases of this kind whose holder is gone: work that stopped part way with nobody to finish it. */
    public List<Lease> orphans(String kind) {
        return jdbc.sql("select kind, subject, scope_ics, detail from lease l where kind = :kind and " + HOLDER_GONE
                        + " order by taken_at")
                .param("kind", kind)
                .query(Lease.class)
                .list();
    }

    /**
     * Takes an orphan over for this instance, unless its holder came back or another instance took
     * it first; true if this instance now holds it and should finish the work.
     */
    public boolean takeOver(Lease orphan) {
        int key = holder();
        return jdbc.sql("update lease l set holder = :holder, taken_at = now()"
                                + " where kind = :kind and subject = :subject and " + HOLDER_GONE)
                        .param("holder", key)
                        .param("kind", orphan.kind())
                        .param("subject", orphan.subject())
                        .update()
                == 1;
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        if (alive != null) {
            try {
                alive.close();
            } catch (SQLException e) {
                log.debug("Closing the lock connection failed", e);
            }
            alive = null;
        }
    }
}
