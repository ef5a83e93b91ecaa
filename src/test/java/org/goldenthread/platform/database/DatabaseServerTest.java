package org.goldenthread.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data across restarts and commits durably. */
class DatabaseServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        try (DatabaseServer first = DatabaseServer.embedded(dataDir, false);
             Connection c = DriverManager.getConnection(first.url(), first.user(), first.password());
             Statement s = c.createStatement()) {
            s.execute("create table survivor (note text)");
            s.execute("insert into survivor values ('still here')");
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (DatabaseServer second = DatabaseServer.embedded(dataDir, false);
             Connection c = DriverManager.getConnection(second.url(), second.user(), second.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void commitsAreDurable() throws Exception {
        try (DatabaseServer server = DatabaseServer.embedded(dataDir, false);
             Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement s = c.createStatement()) {
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
