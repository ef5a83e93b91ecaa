package org.goldenthread.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.goldenthread.people.RegisterBenchmark;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Insight against its yardstick, the trivial {@code GET /api/v1/ics/{ods}}, timed in the same run for
 * an ICS of about 1,200 people and one with 20,000 appointments. Each figure set from the copy of the
 * register kept between calls must equal one computed afresh from the database, or the benchmark
 * fails. Not part of the test suite; run it with
 * {@code ./mvnw -B -o test -Dtest=InsightBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures; the README keeps the latest.
 */
class InsightBenchmark extends IntegrationTest {

    private static final int CALLS = 250;
    private static final int UNCOPIED_CALLS = 60;

    @Autowired
    RegisterCopies copies;

    @Test
    void insightAgainstTheTrivialCall() {
        String admin = uniqueEmail("insight-bench");
        List<String> icss = icssRunBy(admin, "Insight benchmark ICS", 2);
        String token = tokenFor(admin);
        String typical = icss.get(0);
        String large = icss.get(1);
        load(typical, token, RegisterBenchmark.file(0, 1_190, 1_905, 143));
        load(large, token, RegisterBenchmark.file(1, 12_000, 20_000, 1_500));

        StringBuilder report = new StringBuilder("\n==== Insight benchmark ====\n");
        int[][] sizes = {{1_190, 1_905}, {12_000, 20_000}};
        for (int i = 0; i < 2; i++) {
            String ods = icss.get(i);
            String insight = "/api/v1/ics/" + ods + "/insight";
            sameAsFresh(insight, token);
            sameAsFresh(insight + "?place=Place%202", token);
            long[] trivial = time(CALLS, "/api/v1/ics/" + ods, token);
            long[] figures = time(CALLS, insight, token);
            long[] place = time(CALLS, insight + "?place=Place%202", token);
            // a call with no copy kept reads and maps the whole map and register, as every call did before
            long[] uncopied = time(UNCOPIED_CALLS, insight, token, copies::forgetAll);
            report.append(String.format(
                    """
                    ICS of %d people and %d appointments, %d calls each, in microseconds:
                      GET /api/v1/ics/{ods}          p50 %6d  p95 %6d  p99 %6d
                      insight, whole ICS             p50 %6d  p95 %6d  p99 %6d   p95 ratio %.1f
                      insight, one place             p50 %6d  p95 %6d  p99 %6d   p95 ratio %.1f
                      insight, no copy kept (%d calls) p50 %6d  p95 %6d  p99 %6d   p95 ratio %.1f
                    """,
                    sizes[i][0],
                    sizes[i][1],
                    CALLS,
                    trivial[0],
                    trivial[1],
                    trivial[2],
                    figures[0],
                    figures[1],
                    figures[2],
                    (double) figures[1] / trivial[1],
                    place[0],
                    place[1],
                    place[2],
                    (double) place[1] / trivial[1],
                    UNCOPIED_CALLS,
                    uncopied[0],
                    uncopied[1],
                    uncopied[2],
                    (double) uncopied[1] / trivial[1]));
        }
        report.append("===========================\n");
        System.out.println(report);
    }

    private void load(String ods, String token, String file) {
        for (int p = 0; p < 5; p++) {
            api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Place " + p));
            for (int n = 0; n < 6; n++) {
                api.post(
                        "/api/v1/ics/" + ods + "/neighbourhoods",
                        token,
                        ApiClient.json("name", "Neighbourhood " + p + "-" + n, "place", "Place " + p));
            }
        }
        Response r = api.post(
                "/api/v1/ics/" + ods + "/register/import", token, "text/csv", file.getBytes(StandardCharsets.UTF_8));
        if (r.status() == 202) {
            // a large file is imported in the background
            var job = finishedJob(ods, token, r.json().get("id").asLong());
            assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        } else {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    /** The figures served from the kept copy are those computed from the database with no copy kept. */
    private void sameAsFresh(String path, String token) {
        Response warm = api.get(path, token);
        Response cached = api.get(path, token);
        copies.forgetAll();
        Response fresh = api.get(path, token);
        assertThat(warm.status()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(fresh.body());
        assertThat(warm.body()).isEqualTo(fresh.body());
    }

    /** Microseconds at the 50th, 95th and 99th percentiles, after calls to warm up. */
    private long[] time(int calls, String path, String token) {
        return time(calls, path, token, () -> {});
    }

    /** The same, doing {@code first} (untimed) before each call. */
    private long[] time(int calls, String path, String token, Runnable first) {
        for (int i = 0; i < 20; i++) {
            first.run();
            assertThat(api.get(path, token).status()).isEqualTo(200);
        }
        long[] micros = new long[calls];
        for (int i = 0; i < calls; i++) {
            first.run();
            long t = System.nanoTime();
            Response r = api.get(path, token);
            micros[i] = (System.nanoTime() - t) / 1_000;
            assertThat(r.status()).isEqualTo(200);
        }
        Arrays.sort(micros);
        return new long[] {
            micros[calls / 2], micros[(int) Math.ceil(calls * 0.95) - 1], micros[(int) Math.ceil(calls * 0.99) - 1]
        };
    }
}
