package org.goldenthread.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.goldenthread.platform.Scope;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the caller's tenant in PostgreSQL settings, which the
 * row-level-security policies read. Every borrow makes sure of them, so a pooled connection
 * never carries one request's tenant into the next, and with no tenant the policies see nothing.
 * <p>
 * Setting them is a round trip of its own, as costly as a small query, and most borrows want what
 * the connection already has (the same ICS as its last request). So each physical connection's
 * settings are remembered, and set only when they differ. They are session settings, set with
 * auto-commit on so no rollback can undo them, and nothing else in the application changes them.
 */
class TenantAwareDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final String APPLY = """
            select set_config('gt.ics_id', ?, false),
                   set_config('gt.ics_ids', ?, false),
                   set_config('gt.platform', ?, false)""";

    /** What each physical connection carries now; weak, so closed connections drop out. */
    private final Map<Object, Scope.RowSecurity> applied = Collections.synchronizedMap(new WeakHashMap<>());

    TenantAwareDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        try {
            Scope.RowSecurity wanted = Scope.current().rowSecurity();
            Object physical = physical(connection);
            if (wanted.equals(applied.get(physical))) {
                return connection;
            }
            applied.remove(physical);
            try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
                statement.setString(1, wanted.icsId());
                statement.setString(2, wanted.visibleIcs());
                statement.setString(3, wanted.platform());
                statement.execute();
            }
            if (connection.getAutoCommit()) {
                applied.put(physical, wanted);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The driver's own connection behind the pool's proxy: the same object for as long as it lives. */
    private static Object physical(Connection connection) throws SQLException {
        return connection.isWrapperFor(org.postgresql.PGConnection.class)
                ? connection.unwrap(org.postgresql.PGConnection.class)
                : connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("Connections are only available with the application's own credentials");
    }

    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
