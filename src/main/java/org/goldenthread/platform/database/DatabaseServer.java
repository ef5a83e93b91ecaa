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
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database lives: an external PostgreSQL named by {@code GT_DATABASE_URL}, or an
 * embedded PostgreSQL whose files persist under the data directory.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final String url;
    private final String user;
    private final String password;
    private final @Nullable Path ephemeralDirectory;
    private final @Nullable Path pgData;
    private final int port;
    private volatile @Nullable EmbeddedPostgres embedded;
    private volatile @Nullable Postmaster postmaster;
    private volatile boolean down;
    private volatile boolean closing;
    private final AtomicInteger restarts = new AtomicInteger();
    private final List<Runnable> afterRestart = new CopyOnWriteArrayList<>();
    private final @Nullable ScheduledExecutorService watcher;

    @SuppressWarnings("FutureReturnValueIgnored") // a repeating task; it catches and logs its own failures
    private DatabaseServer(
            String url,
            String user,
            String password,
            @Nullable EmbeddedPostgres embedded,
            @Nullable Path pgData,
            @Nullable Path ephemeralDirectory) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.pgData = pgData;
        this.port = embedded == null ? -1 : embedded.getPort();
        this.ephemeralDirectory = ephemeralDirectory;
        if (embedded == null) {
            this.watcher = null;
        } else {
            // an embedded server always has its data directory
            this.postmaster = Postmaster.of(Objects.requireNonNull(pgData));
            this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "embedded-postgres-watch");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(
                    this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static DatabaseServer external(String url, String user, String password) {
        return new DatabaseServer(url, user, password, null, null, null);
    }

    static DatabaseServer embedded(Path dataDirectory, boolean ephemeral) {
        try {
            Path home = ephemeral
                    ? Files.createTempDirectory("gt-test-pg")
                    : dataDirectory.toAbsolutePath().normalize();
            Path pgData = home.resolve("postgres");
            Files.createDirectories(pgData);
            stopOrphanedServer(pgData);
            // beside PostgreSQL's directory, not in it: initdb wants an empty directory
            String password = superuserPassword(home);
            EmbeddedPostgres pg = start(pgData, password, 0);
            requirePassword(pg, pgData, home.resolve(PASSWORD_FILE), password);
            log.info("Embedded PostgreSQL running on port {} with data in {}", pg.getPort(), pgData);
            return new DatabaseServer(
                    pg.getJdbcUrl("postgres", "postgres"), "postgres", password, pg, pgData, ephemeral ? home : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require a password of the embedded PostgreSQL", e);
        }
    }

    /** Starts PostgreSQL on the data directory, on the port given or (with 0) a free one. */
    private static EmbeddedPostgres start(Path pgData, String password, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setConnectConfig("password", password)
                .setCleanDataDirectory(false)
                // The builder turns synchronous_commit off; an acknowledged write must survive a crash.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** The postmaster process and the processes it had started when last seen. */
    private record Postmaster(ProcessHandle process, List<ProcessHandle> children) {

        static @Nullable Postmaster of(Path pgData) {
            try (Stream<String> lines = Files.lines(pgData.resolve("postmaster.pid"))) {
                ProcessHandle process = lines.findFirst()
                        .map(String::trim)
                        .map(Long::parseLong)
                        .flatMap(ProcessHandle::of)
                        .orElse(null);
                return process == null
                        ? null
                        : new Postmaster(process, process.children().toList());
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }

        /** Alive, and not a zombie: a postmaster killed while its parent does not reap it stays listed. */
        boolean isAlive() {
            if (!process.isAlive()) {
                return false;
            }
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }

        Postmaster seenAgain() {
            return new Postmaster(process, process.children().toList());
        }
    }

    /**
     * Runs every second. A postmaster that died without a clean shutdown (which would have removed
     * postmaster.pid) is restarted on the same data directory and port; PostgreSQL's crash recovery
     * replays the write-ahead log, so every acknowledged commit is there afterwards. Until then the
     * server is down, which {@link DatabaseOutage} answers with 503 at once instead of letting calls
     * wait for connections that cannot come.
     */
    private void watch() {
        if (closing) {
            return;
        }
        // only an embedded server, which always has a data directory, is watched
        Path data = Objects.requireNonNull(pgData);
        try {
            Postmaster seen = postmaster != null ? postmaster : Postmaster.of(data);
            if (!down && seen != null && seen.isAlive()) {
                postmaster = seen.seenAgain();
                return;
            }
            if (!Files.exists(data.resolve("postmaster.pid")) && !down) {
                // stopped cleanly, as at shutdown: nothing to recover, and not ours to restart
                down = true;
                log.warn("The embedded PostgreSQL has been stopped");
                return;
            }
            if (!down) {
                down = true;
                log.error(
                        "The embedded PostgreSQL (pid {}) has died; answering 503 while it restarts",
                        seen == null ? "unknown" : seen.process().pid());
            }
            restart(seen);
        } catch (Exception e) {
            log.warn(
                    "The embedded PostgreSQL could not be restarted yet; trying again in {} s",
                    WATCH_INTERVAL.toSeconds(),
                    e);
        }
    }

    private synchronized void restart(@Nullable Postmaster dead) throws IOException, InterruptedException {
        if (closing) {
            return;
        }
        // Releases the library's lock on the data directory; its attempt to stop the dead server fails harmlessly.
        Objects.requireNonNull(embedded).close();
        if (dead != null) {
            // Its processes leave once they notice; a new postmaster refuses to start while they hold its shared
            // memory.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (ProcessHandle child : dead.children()) {
                while (child.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
        }
        Path data = Objects.requireNonNull(pgData);
        embedded = start(data, password, port);
        postmaster = Postmaster.of(data);
        down = false;
        int n = restarts.incrementAndGet();
        log.warn("The embedded PostgreSQL is running again on port {} (restart {})", port, n);
        afterRestart.forEach(Runnable::run);
    }

    /** PostgreSQL's own data directory; null for an external database. */
    @Nullable
    Path dataDirectory() {
        return pgData;
    }

    /** Whether the embedded server has died and is not yet running again; never for an external database. */
    public boolean isDown() {
        return down;
    }

    /** How many times the embedded server has been restarted after dying. */
    public int restarts() {
        return restarts.get();
    }

    /** Runs after each restart, for example to drop pooled connections to the dead server. */
    void afterRestart(Runnable action) {
        afterRestart.add(action);
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
            Files.createFile(
                    partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
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
            postmaster =
                    lines.findFirst().map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
        } catch (NumberFormatException e) {
            postmaster = Optional.empty();
        }
        if (postmaster.isPresent()
                && postmaster.get().isAlive()
                && postmaster
                        .get()
                        .info()
                        .command()
                        .map(c -> c.endsWith("postgres"))
                        .orElse(false)) {
            log.warn(
                    "Stopping an orphaned PostgreSQL (pid {}) left by an earlier run",
                    postmaster.get().pid());
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
        closing = true;
        if (watcher != null) {
            watcher.shutdownNow();
        }
        // waits for a restart under way, so that the server it started is the one stopped
        synchronized (this) {
            if (embedded != null) {
                embedded.close();
            }
        }
        if (ephemeralDirectory != null && Files.exists(ephemeralDirectory)) {
            try (Stream<Path> files = Files.walk(ephemeralDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
