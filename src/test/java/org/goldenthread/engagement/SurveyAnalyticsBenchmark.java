package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Survey analytics side by side with two yardsticks, in one run on the same million responses of
 * {@link SurveyBenchmark}'s 20-question survey: Golden Thread (its results and cross-tab code in
 * this JVM, and the same calls over HTTP), DuckDB in-process, and a plain single-threaded Java loop
 * over a byte column per question. It fails on any count that differs between the three, prints
 * each workload's median time and the ratios, and times the first results after the import and
 * after the answers held in memory are let go (as after a restart). Not part of the test suite;
 * run it with {@code ./mvnw -B test -Dtest=SurveyAnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Djacoco.skip=true} ({@code -Dbench.responses=100000} for a quicker look): without JaCoCo's agent,
 * whose probes in the counting loops would measure instrumented code rather than the product's.
 */
class SurveyAnalyticsBenchmark extends IntegrationTest {

    private static final int RESPONSES = Integer.getInteger("bench.responses", 1_000_000);
    private static final int CALLS = Integer.getInteger("bench.calls", 30);
    private static final List<String> LONDON = List.of("S2:London");
    private static final List<String> YES_AND_SENATE = List.of("Y1:Yes", "M1:Senate");

    @Autowired
    SurveyResults results;

    @Test
    void againstDuckDbAndALoop() throws Exception {
        String ods = createIcs("Analytics benchmark");
        String token = tokenFor(createUser("ics_admin", ods));
        Response created = api.post("/api/v1/ics/" + ods + "/surveys", token, SurveyBenchmark.definition());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String base = "/api/v1/ics/" + ods + "/surveys/" + id;

        Path file = Files.createTempFile("responses", ".csv");
        SurveyBenchmark.write(file, RESPONSES, 1);
        double importSeconds = importResponses(file, base, token);
        long first = System.nanoTime();
        assertThat(api.get(base + "/results", token).status()).isEqualTo(200);
        double firstAfterImport = (System.nanoTime() - first) / 1e9;

        try (SurveyYardsticks yard = SurveyYardsticks.load(file, RESPONSES)) {
            Files.delete(file);
            // correctness first: every figure the same in all three
            SurveyYardsticks.Counts loopSummary = yard.loopResults(false);
            SurveyYardsticks.Counts loopFiltered = yard.loopResults(true);
            SurveyYardsticks.Counts loopCross = yard.loopCrossTab();
            String differences = SurveyYardsticks.differences("DuckDB summary", loopSummary, yard.duckResults(false))
                    + SurveyYardsticks.differences("DuckDB filtered", loopFiltered, yard.duckResults(true))
                    + SurveyYardsticks.differences("DuckDB cross-tab", loopCross, yard.duckCrossTab())
                    + SurveyYardsticks.differences("Golden Thread summary", loopSummary, summary(ods, id))
                    + SurveyYardsticks.differences("Golden Thread filtered", loopFiltered, filtered(ods, id))
                    + SurveyYardsticks.differences("Golden Thread cross-tab", loopCross, crossTab(ods, id));
            assertThat(differences).as("figures that differ").isEmpty();
            assertThat(api.get(base + "/results", token).json().get("responses").asInt())
                    .isEqualTo(RESPONSES);

            double[] summary = {
                median(() -> summary(ods, id)),
                median(() -> api.get(base + "/results", token)),
                median(() -> yard.duckResults(false)),
                median(() -> yard.loopResults(false))
            };
            double[] filteredResults = {
                median(() -> filtered(ods, id)),
                median(() -> api.get(base + "/results?filter=S2:London", token)),
                median(() -> yard.duckResults(true)),
                median(() -> yard.loopResults(true))
            };
            double[] cross = {
                median(() -> crossTab(ods, id)),
                median(() -> api.get(base + "/crosstab?row=S1&col=A1&filter=Y1:Yes&filter=M1:Senate", token)),
                median(yard::duckCrossTab),
                median(yard::loopCrossTab)
            };

            results.letGo(id);
            long restart = System.nanoTime();
            assertThat(api.get(base + "/results", token).status()).isEqualTo(200);
            double firstAfterRestart = (System.nanoTime() - restart) / 1e9;

            System.out.printf(
                    """

                            ==== Survey analytics benchmark: %,d responses, 20 questions, median of %d calls ====
                            workload                      Golden Thread   over HTTP      DuckDB      loop   GT ÷ DuckDB   GT ÷ loop
                            %s
                            %s
                            %s
                            import through the API: %.1f s; first results after it: %.3f s;
                            first results after the answers in memory were let go (as after a restart): %.3f s
                            every count identical across the three; load average at the end: %s
                            ===========================================================================================
                            %n""",
                    RESPONSES,
                    CALLS,
                    line("results summary, 20 questions", summary),
                    line("results filtered (S2:London)", filteredResults),
                    line("cross-tab S1×A1, Y1 and M1", cross),
                    importSeconds,
                    firstAfterImport,
                    firstAfterRestart,
                    Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    private SurveyYardsticks.Counts summary(String ods, long id) {
        return SurveyYardsticks.of(inIcs(ods, () -> results.results(id, List.of())));
    }

    private SurveyYardsticks.Counts filtered(String ods, long id) {
        return SurveyYardsticks.of(inIcs(ods, () -> results.results(id, LONDON)));
    }

    private SurveyYardsticks.Counts crossTab(String ods, long id) {
        return SurveyYardsticks.of(inIcs(ods, () -> results.crossTab(id, "S1", "A1", YES_AND_SENATE)));
    }

    private static String line(String workload, double[] ms) {
        return String.format(
                "%-29s %10.1f ms %8.1f ms %8.1f ms %6.1f ms %10.2f %11.2f",
                workload, ms[0], ms[1], ms[2], ms[3], ms[0] / ms[2], ms[0] / ms[3]);
    }

    /** The median time of a workload in milliseconds, after a few calls to warm it up. */
    private static double median(Callable<?> workload) throws Exception {
        for (int i = 0; i < 5; i++) {
            workload.call();
        }
        double[] ms = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            Object answer = workload.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (answer instanceof Response r) {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        Arrays.sort(ms);
        return ms[CALLS / 2];
    }

    /** Imports the file through the API, in the background as a file this size goes, and waits for it. */
    private double importResponses(Path file, String base, String token) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/responses/import?async=true"))
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = started.headers().firstValue("Location").orElseThrow();
        while (true) {
            Response state = api.get(job, token);
            String phase = state.json().get("state").asString();
            if (phase.equals("done")) {
                return (System.nanoTime() - start) / 1e9;
            }
            assertThat(phase).as(state.body()).isIn("queued", "checking", "storing");
            Thread.sleep(100);
        }
    }
}
