package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.platform.database.DatabaseServer;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single survey responses over HTTP against PostgreSQL's own yardstick, in the same run on the same
 * server: {@code pgbench} inserting the same row durably (one transaction per row) at 4 and at 16
 * connections, taking turns with the application taking responses at as many connections as fast
 * as it answers, three rounds at each count ({@code -Dbench.rounds}). Prints both rates, their ratio
 * each round and the median ratio, with the application's latency, and fails if a response the API
 * acknowledged is not in the database afterwards. Not part of the test suite; run it with
 * {@code ./mvnw -B test -Dtest=SurveyIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dbench.warmup=60}
 * (add {@code -Dtest.jvm=-XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile}
 * to see where the time goes: {@code -DargLine} does not reach the test JVM, and without skipping
 * it, the coverage agent makes every call several times dearer).
 */
class SurveyIngestBenchmark extends IntegrationTest {

    private static final String PGBENCH = System.getProperty("bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench");
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 20);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String[] AGREE = {"Strongly agree", "Agree", "Disagree", "Strongly disagree"};

    @Autowired
    private DatabaseServer database;

    /** What one load at one number of connections gave. */
    record Run(
            int connections,
            int acknowledged,
            int failed,
            double perSecond,
            long p50,
            long p99,
            long max,
            double cpuMillisPerResponse,
            double senderCpuMillisPerResponse) {}

    @Test
    void singleResponsesAgainstPgbench() throws Exception {
        String ods = createIcs("Ingest benchmark");
        String token = tokenFor(createUser("ics_admin", ods));
        Response created = api.post("/api/v1/ics/" + ods + "/surveys", token, SurveyBenchmark.definition());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long survey = created.json().get("id").asLong();
        Response yardstick = api.post(
                "/api/v1/ics/" + ods + "/surveys",
                token,
                SurveyBenchmark.definition().replace("national-pulse", "yardstick"));
        long yardstickSurvey = yardstick.json().get("id").asLong();
        String path = "/api/v1/ics/" + ods + "/surveys/" + survey + "/responses";

        // every key the API acknowledged, warm-ups included; the warm-up stores one response first,
        // whose stored row is the row pgbench inserts
        List<String> acknowledged = new ArrayList<>();
        load(path, token, 16, WARM_UP_SECONDS, acknowledged);
        Path script = pgbenchScript(survey, yardstickSurvey);

        List<String> report = new ArrayList<>();
        for (int connections : new int[] {4, 16}) {
            // the JIT settles for each number of connections: measured before it has, four
            // connections were dearer a response mostly because the compiler was still at work
            load(path, token, connections, 10, acknowledged);
            // pgbench's own rate moves by a third from one run to the next at the same count (the
            // disk's flushes), so the two take turns, and the middle ratio of the rounds is the figure
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                double pgbench = pgbench(script, connections);
                Run app = load(path, token, connections, SECONDS, acknowledged);
                ratios.add(app.perSecond() / pgbench);
                report.add(String.format(
                        Locale.ROOT,
                        "%2d connections, round %d: pgbench %,.0f inserts/s; application %,.0f responses/s"
                                + " acknowledged (%,d, %d failed); ratio %.2f; latency p50 %d ms, p99 %d ms,"
                                + " max %d ms; %.2f ms of JVM CPU a response, the senders' %.2f of it",
                        connections,
                        round,
                        pgbench,
                        app.perSecond(),
                        app.acknowledged(),
                        app.failed(),
                        app.perSecond() / pgbench,
                        app.p50(),
                        app.p99(),
                        app.max(),
                        app.cpuMillisPerResponse(),
                        app.senderCpuMillisPerResponse()));
            }
            report.add(String.format(
                    Locale.ROOT,
                    "%2d connections: median ratio %.2f of %d rounds",
                    connections,
                    ratios.stream().sorted().toList().get(ratios.size() / 2),
                    ratios.size()));
        }
        int present = present(survey, acknowledged);
        System.out.printf(
                Locale.ROOT,
                """

                        ==== Survey ingestion benchmark ====
                        single responses over HTTP (POST …/surveys/{id}/responses, a new idempotency key each, one
                        connection kept alive per sender, each sending as soon as its last was answered) against
                        pgbench inserting the same row, one durable transaction each, %d s a turn, taking turns:
                        %s
                        acknowledged responses present afterwards: %,d of %,d
                        load average: %s
                        ====================================
                        %n""",
                SECONDS,
                String.join("\n", report),
                present,
                acknowledged.size(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        assertThat(present).as("acknowledged responses in the database").isEqualTo(acknowledged.size());
    }

    /**
     * Senders on kept-alive connections, each sending its next response as soon as the last is
     * answered, for so many seconds. Adds the keys of the acknowledged responses to {@code keys}.
     */
    private Run load(String path, String token, int connections, int seconds, List<String> keys)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Sender> senders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Sender sender = new Sender(port, path, token, end);
            senders.add(sender);
            Thread thread = new Thread(sender, "sender-" + c);
            thread.start();
            threads.add(thread);
        }
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (processCpuNanos() - cpu) / 1e6;
        List<Long> latencies = new ArrayList<>();
        int failed = 0;
        long senderCpu = 0;
        for (Sender s : senders) {
            senderCpu += s.cpuNanos;
            keys.addAll(s.acknowledged);
            latencies.addAll(s.latencies);
            failed += s.failed;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int acknowledged = senders.stream().mapToInt(s -> s.acknowledged.size()).sum();
        return new Run(
                connections,
                acknowledged,
                failed,
                acknowledged / elapsed,
                sorted[sorted.length / 2] / 1_000_000,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1_000_000,
                sorted[sorted.length - 1] / 1_000_000,
                cpuMillis / Math.max(1, acknowledged + failed),
                senderCpu / 1e6 / Math.max(1, acknowledged + failed));
    }

    /** CPU time of this JVM: the application and the senders, whose own share each sender counts. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * One sender: HTTP/1.1 on a socket of its own, as cheap as a load generator can be made in Java,
     * since it runs in the application's JVM on the same two cores: each request goes out in one
     * write (headers and body together, as {@code wrk} sends them; two writes with no delay would be
     * two packets, and the server would wake for each), answers are read through a buffer of its own
     * rather than a byte at a time, and keys are a per-sender prefix and a count, which are unique
     * without a secure random number each.
     */
    private static final class Sender implements Runnable {
        private final int port;
        private final String path;
        private final String token;
        private final long end;
        private final String keyPrefix = UUID.randomUUID() + "-";
        final List<String> acknowledged = new ArrayList<>();
        final List<Long> latencies = new ArrayList<>();
        int failed;
        /** The CPU time this sender's thread used, known once it has run. */
        long cpuNanos;

        Sender(int port, String path, String token, long end) {
            this.port = port;
            this.path = path;
            this.token = token;
            this.end = end;
        }

        @Override
        public void run() {
            int i = 0;
            StringBuilder request = new StringBuilder(1024);
            while (System.nanoTime() < end) {
                // the server closes a kept-alive connection after so many requests (Tomcat: 100), as a
                // browser's or a client library's would be: open another and go on
                try (Socket socket = new Socket("localhost", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    Answer in = new Answer(socket.getInputStream());
                    boolean open = true;
                    while (open && System.nanoTime() < end) {
                        String key = keyPrefix + i;
                        String body = "{\"idempotency_key\":\"" + key + "\",\"answers\":{\"A1\":\""
                                + AGREE[i++ % 4]
                                + "\",\"A2\":\"Agree\",\"A3\":\"Agree\",\"A4\":\"Agree\",\"A5\":\"Agree\","
                                + "\"A6\":\"Agree\",\"A7\":\"Agree\",\"A8\":\"Agree\",\"A9\":\"Agree\","
                                + "\"A10\":\"Disagree\",\"Y1\":\"Yes\",\"S1\":\"London\",\"N1\":12}}";
                        request.setLength(0);
                        request.append("POST ")
                                .append(path)
                                .append(" HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ")
                                .append(token)
                                .append("\r\nContent-Type: application/json\r\nContent-Length: ")
                                .append(body.length())
                                .append("\r\n\r\n")
                                .append(body);
                        byte[] bytes = request.toString().getBytes(StandardCharsets.US_ASCII);
                        long sent = System.nanoTime();
                        out.write(bytes);
                        int status = in.read();
                        latencies.add(System.nanoTime() - sent);
                        if (status == 201) {
                            acknowledged.add(key);
                        } else {
                            failed++;
                        }
                        open = !in.closes;
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    /** Reads HTTP/1.1 answers from one connection: headers, then a body of a given length or in chunks. */
    private static final class Answer {
        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private final StringBuilder line = new StringBuilder(128);
        private int position;
        private int limit;
        /** Whether the last answer said the server closes the connection after it. */
        boolean closes;

        Answer(InputStream in) {
            this.in = in;
        }

        /** Reads one answer whole; returns its status. */
        int read() throws IOException {
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            closes = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon);
                if (name.equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("connection")) {
                    closes = header.substring(colon + 1).trim().equalsIgnoreCase("close");
                }
            }
            if (length >= 0) {
                skip(length);
            } else {
                // chunked: sizes in hex, each on a line of its own, ending with a chunk of size 0
                while (true) {
                    int size = Integer.parseInt(readLine().trim(), 16);
                    if (size == 0) {
                        readLine();
                        break;
                    }
                    skip(size);
                    readLine();
                }
            }
            return status;
        }

        private void skip(int bytes) throws IOException {
            for (int left = bytes; left > 0; ) {
                fill();
                int taken = Math.min(left, limit - position);
                position += taken;
                left -= taken;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                fill();
                byte b = buffer[position++];
                if (b == '\n') {
                    return line.toString();
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
        }

        private void fill() throws IOException {
            if (position < limit) {
                return;
            }
            limit = in.read(buffer);
            position = 0;
            if (limit < 0) {
                throw new IOException("The connection closed mid-response");
            }
        }
    }

    /**
     * A pgbench script inserting the row the API stored for the first response, into a survey of the
     * same shape, with a fresh idempotency key, as a transaction of its own.
     */
    private Path pgbenchScript(long survey, long yardstick) throws SQLException, IOException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "select ics_id, closed::text, numbers::text, texts::text from survey_response"
                                + " where survey_id = ? order by id limit 1")) {
            s.setLong(1, survey);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Path script = Files.createTempFile("ingest", ".sql");
                Files.writeString(
                        script,
                        String.format(
                                Locale.ROOT,
                                "insert into survey_response (ics_id, survey_id, closed, numbers, texts, idempotency_key)"
                                        + " values (%d, %d, '%s', '%s', '%s', gen_random_uuid()::text)"
                                        + " on conflict (survey_id, idempotency_key) do nothing;\n",
                                rs.getLong(1),
                                yardstick,
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4)));
                return script;
            }
        }
    }

    /** pgbench's rate, transactions a second, at so many connections for the benchmark's seconds. */
    private double pgbench(Path script, int connections) throws IOException, InterruptedException {
        Matcher url =
                Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(database.url());
        assertThat(url.find()).as(database.url()).isTrue();
        ProcessBuilder builder = new ProcessBuilder(
                        PGBENCH,
                        "-n",
                        "-M",
                        "prepared",
                        "-c",
                        String.valueOf(connections),
                        "-j",
                        String.valueOf(Math.min(connections, 2)),
                        "-T",
                        String.valueOf(SECONDS),
                        "-h",
                        url.group(1),
                        "-p",
                        url.group(2),
                        "-U",
                        database.user(),
                        "-f",
                        script.toString(),
                        url.group(3))
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)")
                .matcher(output);
        assertThat(tps.find()).as(output).isTrue();
        return Double.parseDouble(tps.group(1));
    }

    /** How many of these keys have a stored response, read straight from the database. */
    private int present(long survey, List<String> keys) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("select count(*) from survey_response"
                        + " where survey_id = ? and idempotency_key = any (?)")) {
            s.setLong(1, survey);
            s.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
