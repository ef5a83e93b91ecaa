package org.goldenthread.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pooled connection remembers the tenant settings it was given and skips setting them again when
 * the next borrower wants the same; whoever wants different ones must get them, every time.
 */
class TenantAwareDataSourceTest {

    private static DatabaseServer server;
    private static TenantAwareDataSource dataSource;

    private static final Tenant NORTH = new Tenant(1, "QN1", "North", null, List.of(1L), null);
    private static final Tenant SOUTH = new Tenant(2, "QS1", "South", null, List.of(2L, 3L), null);

    @BeforeAll
    static void start() {
        server = DatabaseServer.embedded(Path.of("unused"), true);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        // one connection, so every borrow below gets the same one back
        config.setMaximumPoolSize(1);
        dataSource = new TenantAwareDataSource(new HikariDataSource(config));
    }

    @AfterAll
    static void stop() throws Exception {
        dataSource.close();
        server.close();
    }

    private static String settings(Scope scope) {
        return query(
                scope,
                "select current_setting('gt.ics_id') || ' ' || current_setting('gt.ics_ids')"
                        + " || ' ' || current_setting('gt.platform')");
    }

    /** The server process behind the connection borrowed: a new one means a new connection. */
    private static String backend(Scope scope) {
        return query(scope, "select pg_backend_pid()::text");
    }

    private static String query(Scope scope, String sql) {
        return scope.run(() -> {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void eachBorrowCarriesItsOwnScopeWhateverTheConnectionHadBefore() {
        assertThat(settings(Scope.system(NORTH))).isEqualTo("1 {1} off");
        assertThat(settings(Scope.system(NORTH))).isEqualTo("1 {1} off");
        assertThat(settings(Scope.system(SOUTH))).isEqualTo("2 {2,3} off");
        assertThat(settings(new Scope(null, null, false))).isEqualTo(" {} off");
        assertThat(settings(Scope.systemPlatform())).isEqualTo(" {} on");
        assertThat(settings(Scope.system(NORTH))).isEqualTo("1 {1} off");
    }

    @Test
    void settingsChangedBehindItsBackAreNotTrustedOnceTheConnectionIsReplaced() throws Exception {
        assertThat(settings(Scope.system(SOUTH))).isEqualTo("2 {2,3} off");
        String before = backend(Scope.system(SOUTH));
        // the pool replaces a connection that was closed under it: the new one starts with nothing
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(org.postgresql.PGConnection.class);
            ((HikariDataSource) dataSource.getTargetDataSource()).evictConnection(c);
        }
        assertThat(settings(Scope.system(SOUTH))).isEqualTo("2 {2,3} off");
        assertThat(backend(Scope.system(SOUTH)))
                .as("the connection was replaced")
                .isNotEqualTo(before);
    }
}
