package org.goldenthread.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data across restarts, commits durably and lets in only those with its password. */
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
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")))
                .isTrue();

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

    @Test
    void everyConnectionMustGiveThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
        try (DatabaseServer server = DatabaseServer.embedded(dataDir, false)) {
            assertRefused(server.url(), "");
            assertRefused(server.url(), "not the password");
            assertThat(Files.getPosixFilePermissions(passwordFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(passwordFile()).trim())
                    .isEqualTo(server.password())
                    .hasSizeGreaterThan(30);
            try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                    Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('behind a password')");
            }
        }
        try (DatabaseServer again = DatabaseServer.embedded(dataDir, false)) {
            assertRefused(again.url(), "");
            assertThat(note(again)).as("the same password after a restart").isEqualTo("behind a password");
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneAsksForAPasswordFromItsNextStart() throws Exception {
        try (DatabaseServer before = DatabaseServer.embedded(dataDir, false);
                Connection c = DriverManager.getConnection(before.url(), before.user(), before.password());
                Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('from before')");
            // as initdb left it before this change: no password, everything local trusted
            s.execute("alter role postgres with password null");
        }
        Path pgData = dataDir.resolve("postgres");
        Files.writeString(pgData.resolve("pg_hba.conf"), """
                local   all   all                  trust
                host    all   all   127.0.0.1/32   trust
                host    all   all   ::1/128        trust
                """);
        Files.delete(passwordFile());

        try (DatabaseServer after = DatabaseServer.embedded(dataDir, false)) {
            assertRefused(after.url(), "");
            assertThat(note(after)).isEqualTo("from before");
            assertThat(Files.readString(pgData.resolve("pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");
            assertThat(Files.getPosixFilePermissions(passwordFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aKilledServerIsNoticedInSecondsAndRestartedWithItsData() throws Exception {
        try (DatabaseServer server = DatabaseServer.embedded(dataDir, false)) {
            try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                    Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('acknowledged before the crash')");
            }
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                            Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                                    .get(0)
                                    .trim()))
                    .orElseThrow();
            long killed = System.nanoTime();
            postmaster.destroyForcibly();

            await("noticed")
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> server.isDown() || server.restarts() > 0);
            await("restarted")
                    .atMost(Duration.ofSeconds(60).minus(Duration.ofNanos(System.nanoTime() - killed)))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !server.isDown() && server.restarts() > 0);
            assertThat(server.restarts()).isEqualTo(1);
            assertThat(note(server))
                    .as("same URL, so same port; crash recovery kept the row")
                    .isEqualTo("acknowledged before the crash");
        }
    }

    private Path passwordFile() {
        return dataDir.resolve(DatabaseServer.PASSWORD_FILE);
    }

    /**
     * Refused for the password, not for want of a server: 28P01 is a wrong password, 08004 the
     * driver declining to send an empty one; a server that is not there would be 08001.
     */
    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "postgres", password).close())
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isIn("28P01", "08004"));
    }

    private static String note(DatabaseServer server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select note from kept")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
