package org.goldenthread.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            Path pgData = ephemeral
                    ? Files.createTempDirectory("gt-test-pg")
                    : dataDirectory.toAbsolutePath().normalize().resolve("postgres");
            Files.createDirectories(pgData);
            stopOrphanedServer(pgData);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // The builder turns synchronous_commit off; an acknowledged write must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", pg.getPort(), pgData);
            return new DatabaseServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", pg,
                    ephemeral ? pgData : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
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
