package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Single survey responses over HTTP at a fixed rate, from this JVM to the application running as
 * a separate process, which is killed (SIGKILL, with its embedded PostgreSQL) in the middle of the
 * load and started again on the same data. Afterwards every response that was acknowledged must be
 * there. Not part of the test suite; build the jar first, then run it on a quiet machine:
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B test -Dtest=SurveyCrashBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Settings (system properties): {@code bench.rate} (500 a second), {@code bench.ramp} (30 s climbing from a tenth of the rate to all of it), {@code bench.warmup} (60 s
 * including the climb, not measured),
 * {@code bench.steady} (60 s measured before the kill), {@code bench.after-restart} (60 s of load
 * once the restarted application answers), {@code bench.kill} ({@code all}: the application and its
 * database; {@code app}: the application only; {@code none}), {@code bench.jvm-args}.
 * <p>
 * The load is an open model: each request has a time it is due, and its latency is measured from
 * then, so time spent queueing behind slow responses counts, as it would for a real sender.
 */
class SurveyCrashBenchmark {

    private static final String ADMIN_EMAIL = "bench.admin@bench.example";
    private static final String PASSWORD = "a long enough benchmark password";
    private static final String[] AGREE = {"Strongly agree", "Agree", "Disagree", "Strongly disagree"};

    private final int rate = Integer.getInteger("bench.rate", 500);
    private final int ramp = Integer.getInteger("bench.ramp", 30);
    private final int warmup = Integer.getInteger("bench.warmup", 60);
    private final int steady = Integer.getInteger("bench.steady", 60);
    private final int afterRestart = Integer.getInteger("bench.after-restart", 60);
    private final String kill = System.getProperty("bench.kill", "all");
    private final String jvmArgs = System.getProperty("bench.jvm-args", "");
    private final int connections = Integer.getInteger("bench.connections", 64);

    private Path dataDir;
    private Path log;
    private int port;

    /** What became of one request. */
    private static final class Sent {
        final String key;
        final String body;
        final CountDownLatch answered = new CountDownLatch(1);
        final long due;
        volatile long done;
        volatile int status; // 0 while under way, -1 for no answer (refused, reset, timed out)
        volatile String failure;

        Sent(String key, String body, long due) {
            this.key = key;
            this.body = body;
            this.due = due;
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    @Test
    void submitsSurviveAKill() throws Exception {
        Path jar = jar();
        dataDir = Files.createTempDirectory("gt-crash-bench");
        log = dataDir.resolve("app.log");
        port = freePort();
        Process app = start(jar);
        try {
            ApiClient api = new ApiClient(port);
            String admin = api.token(ADMIN_EMAIL, PASSWORD);
            String ods = "B" + Long.toString(System.nanoTime() % 46_000, 36).toUpperCase();
            check(
                    api.post(
                            "/api/v1/admin/ics",
                            admin,
                            ApiClient.json("ods_code", ods, "name", "Crash benchmark", "region", "Bench")),
                    201);
            String email = "surveys@bench.example";
            // the benchmark's application has no mail server, so the claim link comes back to the administrator
            String link = check(
                            api.post(
                                    "/api/v1/admin/users",
                                    admin,
                                    ApiClient.json(
                                            "email",
                                            email,
                                            "display_name",
                                            "Survey lead",
                                            "role",
                                            "ics_admin",
                                            "ics",
                                            ods,
                                            "places",
                                            List.of())),
                            201)
                    .json()
                    .get("claim_link")
                    .asString();
            check(
                    api.post(
                            "/api/v1/account-links/use",
                            null,
                            ApiClient.json("token", link.substring(link.lastIndexOf('/') + 1), "password", PASSWORD)),
                    204);
            String token = api.token(email, PASSWORD);
            ApiClient.Response created =
                    check(api.post("/api/v1/ics/" + ods + "/surveys", token, SurveyBenchmark.definition()), 201);
            String path = "/api/v1/ics/" + ods + "/surveys/"
                    + created.json().get("id").asLong();

            String target = path + "/responses";
            List<Sent> sent = new ArrayList<>();
            long start = System.nanoTime();
            long killAt = start + TimeUnit.SECONDS.toNanos(warmup + steady);
            AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
            Process[] running = {app};
            Thread restarter = new Thread(
                    () -> {
                        try {
                            sleepUntil(killAt);
                            if (kill.equals("none")) {
                                restartedAt.set(killAt);
                                return;
                            }
                            killedAt.set(System.nanoTime());
                            Optional<ProcessHandle> database = postmaster();
                            running[0].destroyForcibly().waitFor();
                            if (kill.equals("all")) {
                                database.ifPresent(pg -> {
                                    Stream.concat(Stream.of(pg), pg.descendants())
                                            .forEach(ProcessHandle::destroyForcibly);
                                    pg.onExit().join();
                                });
                            }
                            running[0] = start(jar);
                            restartedAt.set(System.nanoTime());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "restarter");
            restarter.start();

            Sender sender = new Sender(port, connections, token);
            // A freshly started JVM runs its code interpreted at first and compiles it as it goes, which
            // on two cores takes a minute or so: the load climbs from a tenth of the rate to all of it,
            // as traffic would reach a new instance behind a load balancer, and is measured after that.
            long rampNanos = TimeUnit.SECONDS.toNanos(ramp);
            long due = start;
            for (int i = 0; ; i++) {
                long elapsed = due - start;
                double share = elapsed >= rampNanos ? 1.0 : 0.1 + 0.9 * elapsed / rampNanos;
                due += (long) (1_000_000_000L / (rate * share));
                long restarted = restartedAt.get();
                if (due > killAt
                        && (restarted == Long.MAX_VALUE
                                ? !restarter.isAlive()
                                : due > restarted + TimeUnit.SECONDS.toNanos(afterRestart))) {
                    break;
                }
                sleepUntil(due);
                String key = "bench-" + i;
                String body = ApiClient.json(
                        "idempotency_key",
                        key,
                        "answers",
                        Map.ofEntries(
                                Map.entry("A1", AGREE[i % 4]),
                                Map.entry("A2", AGREE[(i / 4) % 4]),
                                Map.entry("A3", "Agree"),
                                Map.entry("A4", "Agree"),
                                Map.entry("A5", "Agree"),
                                Map.entry("A6", "Agree"),
                                Map.entry("A7", "Agree"),
                                Map.entry("A8", "Agree"),
                                Map.entry("A9", "Agree"),
                                Map.entry("A10", "Disagree"),
                                Map.entry("Y1", i % 2 == 0 ? "Yes" : "No"),
                                Map.entry("S1", "London"),
                                Map.entry("N1", i % 40)));
                Sent s = new Sent(key, body, due);
                sent.add(s);
                sender.send(s, target);
            }
            sender.awaitAll(sent);
            restarter.join();
            app = running[0];
            assertThat(restartedAt.get())
                    .as("the application started again; see " + log)
                    .isNotEqualTo(Long.MAX_VALUE);

            long measuredFrom = start + TimeUnit.SECONDS.toNanos(warmup);
            report("warm-up (first " + warmup + " s after start)", sent, start, measuredFrom);
            Window measured = report("steady load (" + steady + " s)", sent, measuredFrom, killAt);
            if (!kill.equals("none")) {
                report(
                        "kill to restarted (" + secs(restartedAt.get() - killedAt.get()) + " s down)",
                        sent,
                        killAt,
                        restartedAt.get());
                // the restarted JVM is cold again and meets the full rate at once: how long until it catches up
                for (int from = 0; from < afterRestart; from += 10) {
                    report(
                            from + " to " + Math.min(from + 10, afterRestart) + " s after restart",
                            sent,
                            restartedAt.get() + TimeUnit.SECONDS.toNanos(from),
                            from + 10 >= afterRestart
                                    ? Long.MAX_VALUE
                                    : restartedAt.get() + TimeUnit.SECONDS.toNanos(from + 10));
                }
            }

            // Every acknowledged key sent again must be recognised (200) rather than stored now (201).
            // Unacknowledged ones are sent again too, to learn which of them had been committed anyway.
            // A check answered 503 (busy: nothing was done) is sent again after the second it asks for,
            // for as long as the rounds get more of them through (up to 60 rounds in a row without), as a
            // client honouring Retry-After would: all of them at once is a burst that load shedding
            // turns mostly away, so a fixed number of rounds measured the burst, not what was stored.
            List<Sent> again = new ArrayList<>(sent.stream()
                    .map(s -> new Sent(s.key, s.body, System.nanoTime()))
                    .toList());
            again.forEach(s -> sender.send(s, target));
            sender.awaitAll(again);
            long busy = again.stream().filter(s -> s.status == 503).count();
            for (int idle = 0; busy > 0 && idle < 60; ) {
                Thread.sleep(1_000);
                for (int i = 0; i < again.size(); i++) {
                    if (again.get(i).status == 503) {
                        again.set(i, new Sent(again.get(i).key, again.get(i).body, System.nanoTime()));
                        sender.send(again.get(i), target);
                    }
                }
                sender.awaitAll(again);
                long stillBusy = again.stream().filter(s -> s.status == 503).count();
                idle = stillBusy < busy ? 0 : idle + 1;
                busy = stillBusy;
            }
            sender.close();
            int ackPresent = 0;
            int ackMissing = 0;
            int unackPresent = 0;
            int unackStoredNow = 0;
            int failedChecks = 0;
            for (int i = 0; i < sent.size(); i++) {
                int status = again.get(i).status;
                if (status != 200 && status != 201) {
                    failedChecks++;
                } else if (sent.get(i).acknowledged()) {
                    if (status == 200) {
                        ackPresent++;
                    } else {
                        ackMissing++;
                    }
                } else if (status == 200) {
                    unackPresent++;
                } else {
                    unackStoredNow++;
                }
            }
            long acknowledged = sent.stream().filter(Sent::acknowledged).count();
            int stored =
                    api.get(path + "/results", token).json().get("responses").asInt();

            System.out.printf(
                    """

                            ==== Survey crash benchmark: %d/s from a separate JVM, kill=%s ====
                            steady load: %.0f acknowledged a second, latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                            sent %,d; acknowledged %,d; of those present afterwards %,d, missing %,d
                            not acknowledged %,d; of those committed anyway %,d, not stored %,d; checks that failed %d
                            responses stored in all: %,d (acknowledged + committed unacknowledged + stored by the check: %,d)
                            application log: %s
                            ===================================================================
                            %n""",
                    rate,
                    kill,
                    measured.perSecond,
                    measured.p50,
                    measured.p95,
                    measured.p99,
                    measured.max,
                    sent.size(),
                    acknowledged,
                    ackPresent,
                    ackMissing,
                    sent.size() - acknowledged,
                    unackPresent,
                    unackStoredNow,
                    failedChecks,
                    stored,
                    acknowledged + unackPresent + unackStoredNow,
                    log);
            assertThat(failedChecks).isZero();
            assertThat(ackMissing)
                    .as("acknowledged responses missing afterwards")
                    .isZero();
            assertThat(ackPresent).isEqualTo(acknowledged);
            assertThat(stored).as("no response stored twice").isEqualTo(sent.size());
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            postmaster().ifPresent(ProcessHandle::destroy);
            if (!Boolean.getBoolean("bench.keep")) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private record Window(double perSecond, long p50, long p95, long p99, long max) {}

    /** Requests due within [from, to): how many, what became of them, and how long they took. */
    private Window report(String name, List<Sent> sent, long from, long to) {
        List<Sent> in = sent.stream().filter(s -> s.due >= from && s.due < to).toList();
        if (in.isEmpty()) {
            System.out.printf("%s: nothing sent%n", name);
            return new Window(0, 0, 0, 0, 0);
        }
        long[] millis = in.stream()
                .mapToLong(s -> (s.done - s.due) / 1_000_000)
                .sorted()
                .toArray();
        long ok = in.stream().filter(Sent::acknowledged).count();
        long refused = in.stream().filter(s -> s.status == -1).count();
        long busy = in.stream().filter(s -> s.status == 503).count();
        long otherwise = in.size() - ok - refused - busy;
        double seconds = (in.get(in.size() - 1).due - in.get(0).due) / 1e9 + 1.0 / rate;
        Window w =
                new Window(ok / seconds, pct(millis, 50), pct(millis, 95), pct(millis, 99), millis[millis.length - 1]);
        String failures = in.stream()
                .filter(s -> s.failure != null)
                .collect(java.util.stream.Collectors.groupingBy(s -> s.failure, java.util.stream.Collectors.counting()))
                .toString();
        long[] acknowledgedMillis = in.stream()
                .filter(Sent::acknowledged)
                .mapToLong(s -> (s.done - s.due) / 1_000_000)
                .sorted()
                .toArray();
        System.out.printf(
                "%s: sent %,d, acknowledged %,d (%.0f/s), busy (503, nothing done) %,d, no answer %,d "
                        + failures
                        + ", other error status %,d; latency of all p50 %d ms, p95 %d ms, p99 %d ms, max %d ms"
                        + "; of the acknowledged p99 %d ms%n",
                name,
                in.size(),
                ok,
                w.perSecond,
                busy,
                refused,
                otherwise,
                w.p50,
                w.p95,
                w.p99,
                w.max,
                acknowledgedMillis.length == 0 ? 0 : pct(acknowledgedMillis, 99));
        return w;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static String secs(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    private static ApiClient.Response check(ApiClient.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("Expected " + status + ", got " + r.status() + ": " + r.body());
        }
        return r;
    }

    /**
     * A light sender, as load generators such as wrk2 are: a fixed set of kept-alive HTTP/1.1
     * connections on plain sockets, each taking the next request that is due. The JDK's HttpClient
     * took half a core at 500 requests a second, and opened a new connection for every request that
     * had to wait, which is not what a fair generator on the same two cores should do. A request that
     * waits for a free connection waits from the time it was due, so queueing still counts.
     */
    private static final class Sender implements AutoCloseable {

        private final BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        private final List<Thread> connections = new ArrayList<>();
        private final int port;
        private final String token;
        private volatile boolean closed;

        Sender(int port, int connections, String token) {
            this.port = port;
            this.token = token;
            for (int c = 0; c < connections; c++) {
                Thread t = new Thread(this::work, "sender-" + c);
                t.setDaemon(true);
                t.start();
                this.connections.add(t);
            }
        }

        void send(Sent s, String path) {
            queue.add(new Object[] {s, path});
        }

        void awaitAll(List<Sent> sent) throws InterruptedException {
            for (Sent s : sent) {
                s.answered.await();
            }
        }

        private void work() {
            Socket socket = null;
            while (!closed) {
                Object[] next;
                try {
                    next = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (next == null) {
                    continue;
                }
                Sent s = (Sent) next[0];
                byte[] body = s.body.getBytes(StandardCharsets.UTF_8);
                byte[] head = ("POST " + next[1] + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer "
                                + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(10_000);
                        socket.connect(new InetSocketAddress("localhost", port), 2_000);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(head);
                    out.write(body);
                    out.flush();
                    boolean[] keepAlive = {true};
                    int status = readResponse(
                            new DataInputStream(new BufferedInputStream(socket.getInputStream())), keepAlive);
                    s.status = status;
                    if (!keepAlive[0]) {
                        socket.close();
                        socket = null;
                    }
                } catch (IOException e) {
                    s.status = -1;
                    s.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    try {
                        if (socket != null) {
                            socket.close();
                        }
                    } catch (IOException ignored) {
                        // it is gone either way
                    }
                    socket = null;
                }
                s.done = System.nanoTime();
                s.answered.countDown();
            }
        }

        /** Reads one response (status line, headers, body by length or chunks); returns its status. */
        private static int readResponse(DataInputStream in, boolean[] keepAlive) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    keepAlive[0] = false;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                        size > 0;
                        size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line(in);
                }
                line(in);
            } else {
                in.skipNBytes(length);
            }
            return status;
        }

        private static String line(DataInputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("The connection closed in the middle of a response");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("golden-thread-.*\\.jar")
                            && !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "No application jar in target/: run ./mvnw -B package -DskipTests first"));
        }
    }

    /** Starts the application on the benchmark's data directory and port, and waits until it is healthy. */
    private Process start(Path jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(jvmArgs.trim().split("\\s+"))
                .filter(a -> !a.isEmpty())
                .toList());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GT_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("GT_ADMIN_EMAIL", ADMIN_EMAIL);
        builder.environment().put("GT_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("GT_SECURE_COOKIES", "false");
        builder.environment().put("GT_DEMO", "false");
        Process process = builder.start();
        HttpClient probe =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The application stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> health = probe.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("The application did not become healthy within 3 minutes; see " + log);
    }

    /** The embedded PostgreSQL server, from the lock file it keeps in its data directory. */
    private Optional<ProcessHandle> postmaster() {
        File pid = dataDir.resolve("postgres").resolve("postmaster.pid").toFile();
        try {
            return pid.exists()
                    ? Files.readAllLines(pid.toPath()).stream()
                            .findFirst()
                            .map(String::trim)
                            .map(Long::parseLong)
                            .flatMap(ProcessHandle::of)
                            .filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
