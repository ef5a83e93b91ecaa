package org.goldenthread.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/** How to reach the database as its schema owner, which the maintenance commands work as. */
record Owner(String url, String user, String password) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    Flyway migrations(@Nullable String target) {
        return DatabaseConfiguration.migrations(url, user, password, target);
    }

    static Owner of(DatabaseServer server) {
        return new Owner(server.url(), server.user(), server.password());
    }
}
