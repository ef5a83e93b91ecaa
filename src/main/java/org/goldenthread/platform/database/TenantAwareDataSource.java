package org.goldenthread.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.goldenthread.platform.Scope;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the caller's tenant in PostgreSQL settings, which the
 * row-level-security policies read. Every borrow sets them afresh, so a pooled connection
 * never carries one request's tenant into the next, and with no tenant the policies see nothing.
 */
class TenantAwareDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final String APPLY = """
            select set_config('gt.ics_id', ?, false),
                   set_config('gt.ics_ids', ?, false),
                   set_config('gt.platform', ?, false)""";

    TenantAwareDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
            Scope scope = Scope.current();
            statement.setString(1, scope.activeIcsId() == null ? "" : scope.activeIcsId().toString());
            statement.setString(2, scope.visibleIcsArray());
            statement.setString(3, scope.platform() ? "on" : "off");
            statement.execute();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
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
