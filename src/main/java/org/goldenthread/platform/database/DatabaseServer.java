package org.goldenthread.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database lives: an external PostgreSQL named by {@code GT_DATABASE_URL}, or an
 * embedded PostgreSQL whose files persist under the data directory.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path ephemeralDirectory;

    private DatabaseServer(String url, String user, String password, EmbeddedPostgres embedded, Path ephemeralDirectory) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.ephemeralDirectory = ephemeralDirectory;
    }

    static DatabaseServer external(String url, String user, String password) {
        return new DatabaseServer(url, user, password, null, null);
    }

    static DatabaseServer embedded(Path dataDirectory, boolean ephemeral) {
        try {
            Path home = ephemeral ? Files.createTempDirectory("gt-test-pg") : dataDirectory.toAbsolutePath().normalize();
            Path pgData = home.resolve("postgres");
            Files.createDirectories(pgData);
            stopOrphanedServer(pgData);
            // beside PostgreSQL's directory, not in it: initdb wants an empty directory
            String password = superuserPassword(home);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setConnectConfig("password", password)
                    .setCleanDataDirectory(false)
                    // The builder turns synchronous_commit off; an acknowledged write must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            requirePassword(pg, pgData, home.resolve(PASSWORD_FILE), password);
            log.info("Embedded PostgreSQL running on port {} with data in {}", pg.getPort(), pgData);
            return new DatabaseServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", password, pg,
                    ephemeral ? home : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require a password of the embedded PostgreSQL", e);
        }
    }

    static final String PASSWORD_FILE = "postgres-password";

    // The first line marks the file as ours: a data directory whose pg_hba.conf lacks it was set up
    // before passwords were required (the embedded server's initdb trusts every local connection).
    static final String PG_HBA = """
            # Golden Thread: every connection gives the superuser's password (kept in ../%s), by SCRAM.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """.formatted(PASSWORD_FILE);

    /**
     * The superuser's password, made on first start and kept in the data directory where only the
     * account running the application may read it.
     */
    private static String superuserPassword(Path home) throws IOException {
        Path file = home.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (kept.isEmpty()) {
                throw new IllegalStateException(file + " is empty; restore the password it held");
            }
            ownerOnly(file);
            return kept;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // letters, digits, - and _ only: safe inside a SQL string literal
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path partial = home.resolve(PASSWORD_FILE + ".new");
        Files.deleteIfExists(partial);
        if (Files.getFileStore(home).supportsFileAttributeView("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, password, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * Gives the superuser its password and makes pg_hba.conf ask for it, unless a start since this
     * change already has. For a new data directory, or one made before passwords were required, the
     * server trusts local connections from its start until this returns, a moment once in its life.
     */
    private static void requirePassword(EmbeddedPostgres pg, Path pgData, Path passwordFile, String password)
            throws IOException, SQLException {
        Path hba = pgData.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", password);
             Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role postgres with password '" + password + "'");
            Path partial = pgData.resolve("pg_hba.conf.new");
            Files.writeString(partial, PG_HBA, StandardCharsets.UTF_8);
            ownerOnly(partial);
            Files.move(partial, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (ResultSet rs = s.executeQuery("select pg_reload_conf()")) {
                rs.next();
            }
        }
        log.info("The embedded PostgreSQL now asks every connection for the password in {}", passwordFile);
    }

    /**
     * A JVM killed without its shutdown hook leaves its postmaster running and holding the data
     * directory. That process belongs to us and has no clients left, so ask it to stop.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster;
        try (Stream<String> lines = Files.lines(pidFile)) {
            postmaster = lines.findFirst().map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
        } catch (NumberFormatException e) {
            postmaster = Optional.empty();
        }
        if (postmaster.isPresent() && postmaster.get().isAlive()
                && postmaster.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
            log.warn("Stopping an orphaned PostgreSQL (pid {}) left by an earlier run", postmaster.get().pid());
            postmaster.get().destroy();
            try {
                postmaster.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("An earlier PostgreSQL still holds " + pgData, e);
            }
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
        if (ephemeralDirectory != null && Files.exists(ephemeralDirectory)) {
            try (Stream<Path> files = Files.walk(ephemeralDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
