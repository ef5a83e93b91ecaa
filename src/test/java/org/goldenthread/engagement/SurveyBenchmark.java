package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
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
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A national staff survey's scale: a million responses to a 20-question survey imported through
 * the API, then the results summary and filtered cross-tabs timed, then single responses sent over
 * HTTP at a steady 500 a second. Not part of the test suite; run it with
 * {@code ./mvnw -B test -Dtest=SurveyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SurveyBenchmark extends IntegrationTest {

    private static final int RESPONSES = Integer.getInteger("bench.responses", 1_000_000);
    private static final String[] AGREE = {"Strongly agree", "Agree", "Disagree", "Strongly disagree"};
    private static final String[] REGIONS = {
        "North East and Yorkshire", "North West", "Midlands", "East of England", "London"
    };
    private static final String[] FORUMS = {"Board", "Senate", "Council", "Network", "Assembly"};

    static String definition() {
        StringBuilder q = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            q.append("{\"code\":\"A")
                    .append(i)
                    .append("\",\"text\":\"Statement ")
                    .append(i)
                    .append("\",\"type\":\"agreement4\",\"required\":true},");
        }
        for (int i = 1; i <= 3; i++) {
            q.append("{\"code\":\"Y")
                    .append(i)
                    .append("\",\"text\":\"Yes or no ")
                    .append(i)
                    .append("\",\"type\":\"yes_no\"},");
        }
        for (int i = 1; i <= 4; i++) {
            q.append("{\"code\":\"S")
                    .append(i)
                    .append("\",\"text\":\"Region ")
                    .append(i)
                    .append("\",\"type\":\"single\",\"options\":[\"")
                    .append(String.join("\",\"", REGIONS))
                    .append("\"]},");
        }
        for (int i = 1; i <= 2; i++) {
            q.append("{\"code\":\"M")
                    .append(i)
                    .append("\",\"text\":\"Forums ")
                    .append(i)
                    .append("\",\"type\":\"multi\",\"options\":[\"")
                    .append(String.join("\",\"", FORUMS))
                    .append("\"]},");
        }
        q.append("{\"code\":\"N1\",\"text\":\"Hours\",\"type\":\"number\"}");
        return "{\"code\":\"national-pulse\",\"title\":\"National pulse\",\"anonymous\":true,\"questions\":[" + q
                + "]}";
    }

    static void write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("A1,A2,A3,A4,A5,A6,A7,A8,A9,A10,Y1,Y2,Y3,S1,S2,S3,S4,M1,M2,N1\n");
            StringBuilder line = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int i = 0; i < 10; i++) {
                    line.append(AGREE[random.nextInt(4)]).append(',');
                }
                for (int i = 0; i < 3; i++) {
                    line.append(random.nextBoolean() ? "Yes" : random.nextInt(5) == 0 ? "" : "No")
                            .append(',');
                }
                for (int i = 0; i < 4; i++) {
                    line.append(REGIONS[random.nextInt(5)]).append(',');
                }
                for (int i = 0; i < 2; i++) {
                    line.append(FORUMS[random.nextInt(5)])
                            .append(random.nextBoolean() ? ";" + FORUMS[random.nextInt(5)] : "")
                            .append(',');
                }
                line.append(random.nextInt(40)).append('\n');
                out.write(line.toString());
            }
        }
    }

    @Test
    void aMillionResponses() throws Exception {
        String ods = createIcs("Survey benchmark");
        String token = tokenFor(createUser("ics_admin", ods));
        Response created = api.post("/api/v1/ics/" + ods + "/surveys", token, definition());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String base = "/api/v1/ics/" + ods + "/surveys/" + id;

        Path file = Files.createTempFile("responses", ".csv");
        write(file, RESPONSES, 1);
        long bytes = Files.size(file);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        HttpResponse<String> imported = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/responses/import"))
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // a file this large is imported in the background (202): the import ends when its job does
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        long job = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(imported.body())
                .get("id")
                .asLong();
        assertThat(finishedJob(ods, token, job).get("state").asString()).isEqualTo("done");
        double importSeconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);

        long first = System.nanoTime();
        assertThat(api.get(base + "/results", token).status()).isEqualTo(200);
        double firstSeconds = (System.nanoTime() - first) / 1e9;
        long[] summary = time(50, base + "/results", token);
        long[] filtered = time(20, base + "/crosstab?row=S1&col=A1&filter=Y1:Yes&filter=M1:Senate", token);
        long[] filteredResults = time(20, base + "/results?filter=S2:London", token);

        System.out.printf(
                "import %.1f s, first summary %.2f s, summary p95 %d ms, filtered p95 %d ms, cross-tab p95 %d ms%n",
                importSeconds, firstSeconds, summary[1], filteredResults[1], filtered[1]);
        // single responses over HTTP at a steady rate, each acknowledged only once it is committed
        int rate = Integer.getInteger("bench.rate", 500);
        int seconds = 20;
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        HttpClient load = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long loadStart = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = loadStart + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = ApiClient.json(
                    "idempotency_key",
                    UUID.randomUUID().toString(),
                    "answers",
                    java.util.Map.of(
                            "A1",
                            AGREE[i % 4],
                            "A2",
                            "Agree",
                            "A3",
                            "Agree",
                            "A4",
                            "Agree",
                            "A5",
                            "Agree",
                            "A6",
                            "Agree",
                            "A7",
                            "Agree",
                            "A8",
                            "Agree",
                            "A9",
                            "Agree",
                            "A10",
                            "Disagree"));
            long sentAt = System.nanoTime();
            sent.add(load.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/responses"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> {
                        latencies.add((System.nanoTime() - sentAt) / 1_000_000);
                        if (e == null && r.statusCode() == 201) {
                            acknowledged.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int stored = api.get(base + "/results", token).json().get("responses").asInt();

        System.out.printf(
                """

                        ==== Survey benchmark ====
                        import of %,d responses (20 questions, %.0f MB of CSV) through the API: %.1f s
                        first results summary (loads the answers into memory): %.2f s
                        results summary, 50 calls: p50 %d ms, p95 %d ms
                        filtered results (S2:London), 20 calls: p50 %d ms, p95 %d ms
                        filtered cross-tab (S1 by A1, Y1:Yes and M1:Senate), 20 calls: p50 %d ms, p95 %d ms
                        single responses at %d/s for %d s: %d acknowledged, %d failed, %.0f/s achieved,
                          latency p50 %d ms, p99 %d ms, max %d ms; responses stored afterwards: %,d (expected %,d)
                        ==========================
                        %n""",
                RESPONSES,
                bytes / 1e6,
                importSeconds,
                firstSeconds,
                summary[0],
                summary[1],
                filteredResults[0],
                filteredResults[1],
                filtered[0],
                filtered[1],
                rate,
                seconds,
                acknowledged.get(),
                failed.get(),
                (acknowledged.get() + failed.get()) / loadSeconds,
                lat[lat.length / 2],
                lat[(int) Math.ceil(lat.length * 0.99) - 1],
                lat[lat.length - 1],
                stored,
                RESPONSES + acknowledged.get());
        assertThat(stored).isEqualTo(RESPONSES + acknowledged.get());
    }

    private long[] time(int calls, String path, String token) {
        long[] millis = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            assertThat(api.get(path, token).status()).isEqualTo(200);
            millis[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(millis);
        return new long[] {millis[calls / 2], millis[(int) Math.ceil(calls * 0.95) - 1]};
    }
}
