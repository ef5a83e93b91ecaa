package org.goldenthread.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL server for tests that run Golden Thread against an external database, as NHS IT
 * would: the server {@code GT_TEST_POSTGRES_URL} names (a superuser's JDBC URL; .ci/run starts
 * Debian's PostgreSQL server and sets it), or else an embedded one started for the test run. Each
 * {@link #freshDatabase()} is a new database owned by a new role that may log in and create roles
 * but is no superuser, the least the README asks of the schema owner.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "GT_TEST_POSTGRES_URL";

    /** A database for one test and the owner to give Golden Thread as {@code GT_DATABASE_*}. */
    public record Database(String url, String user, String password, String name) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static TestPostgres instance;

    private final String superuserUrl;
    private final String host;
    private final int port;
    private final boolean external;

    private TestPostgres(String superuserUrl, String host, int port, boolean external) {
        this.superuserUrl = superuserUrl;
        this.host = host;
        this.port = port;
        this.external = external;
    }

    public static synchronized TestPostgres instance() {
        if (instance == null) {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                java.net.URI parsed = java.net.URI.create(url.substring("jdbc:".length()));
                instance =
                        new TestPostgres(url, parsed.getHost(), parsed.getPort() < 0 ? 5432 : parsed.getPort(), true);
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException e) {
                            // the JVM is leaving anyway
                        }
                    }));
                    instance =
                            new TestPostgres(pg.getJdbcUrl("postgres", "postgres"), "localhost", pg.getPort(), false);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start an embedded PostgreSQL for the test", e);
                }
            }
        }
        return instance;
    }

    /** Whether this is a server of its own (Debian's, in CI) rather than one embedded for the test. */
    public boolean isExternal() {
        return external;
    }

    public String describe() {
        return (external ? "PostgreSQL server at " : "embedded PostgreSQL at ") + host + ":" + port;
    }

    /**
     * A new, empty database and its owner, with the DBA's grant of {@code gt_app} to the new owner
     * that the README asks for where another database on the server has made that role.
     */
    public Database freshDatabase() {
        String suffix =
                UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String name = "gt_test_" + suffix;
        String owner = "gt_owner_" + suffix;
        String password = "pw-" + UUID.randomUUID();
        try (Connection su = DriverManager.getConnection(superuserUrl);
                Statement s = su.createStatement()) {
            s.execute("create role " + owner + " login createrole password '" + password + "'");
            s.execute("create database " + name + " owner " + owner);
            // made here rather than by whichever owner migrates first, so that two databases made
            // before either is migrated both get the grant (PostgreSQL 16 and later refuse an owner
            // without admin option on gt_app the grant its first migration makes)
            // the test run's two JVMs may both find it missing at once: the lock lets one make it
            s.execute("do $$ begin perform pg_advisory_xact_lock(hashtext('gt_app role'));"
                    + " if not exists (select from pg_roles where rolname = 'gt_app') then"
                    + " create role gt_app nologin; end if; end $$");
            s.execute("grant gt_app to " + owner + " with admin option");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make a database on the " + describe(), e);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
        return new Database(url, owner, password, name);
    }
}
