package org.goldenthread.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * National scale: 42 ICSs, 50,000 people, 80,000 appointments and 6,000 forums imported through
 * the API, then one ICS's insight asked for repeatedly with all of it loaded. Not part of the
 * test suite; run it with
 * {@code ./mvnw -B test -Dtest=RegisterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures; the README keeps the latest.
 */
public class RegisterBenchmark extends IntegrationTest {

    private static final int ICSS = 42;
    private static final int PEOPLE = 50_000;
    private static final int APPOINTMENTS = 80_000;
    private static final int FORUMS = 6_000;
    private static final int SEATS_PER_FORUM = 10;
    private static final int LARGE_FILE_ROWS = 60_000;

    @Test
    void nationalRegister() {
        if (!Boolean.parseBoolean(System.getProperty("bench.national", "true"))) {
            double[] single = singleLargeFile();
            System.out.printf("%n==== one file of %,d rows imported in %.1f s ====%n%n", (int) single[1], single[0]);
            return;
        }
        String admin = uniqueEmail("bench");
        List<String> icss = icssRunBy(admin, "Benchmark ICS", ICSS);
        String token = tokenFor(admin);
        List<byte[]> files = new ArrayList<>();
        int people = 0;
        int appointments = 0;
        int forums = 0;
        for (int i = 0; i < ICSS; i++) {
            String ods = icss.get(i);
            for (int p = 0; p < 5; p++) {
                api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Place " + p));
                for (int n = 0; n < 6; n++) {
                    api.post(
                            "/api/v1/ics/" + ods + "/neighbourhoods",
                            token,
                            ApiClient.json("name", "Neighbourhood " + p + "-" + n, "place", "Place " + p));
                }
            }
            int icsPeople = PEOPLE / ICSS + (i < PEOPLE % ICSS ? 1 : 0);
            int icsAppointments = APPOINTMENTS / ICSS + (i < APPOINTMENTS % ICSS ? 1 : 0);
            int icsForums = FORUMS / ICSS + (i < FORUMS % ICSS ? 1 : 0);
            files.add(file(i, icsPeople, icsAppointments, icsForums).getBytes(StandardCharsets.UTF_8));
            people += icsPeople;
            appointments += icsAppointments;
            forums += icsForums;
        }
        long bytes = files.stream().mapToLong(f -> f.length).sum();

        long start = System.nanoTime();
        for (int i = 0; i < ICSS; i++) {
            Response r = api.post("/api/v1/ics/" + icss.get(i) + "/register/import", token, "text/csv", files.get(i));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("imported %d appointments for %d ICSs in %.1f s%n", appointments, ICSS, importSeconds);

        long again = System.nanoTime();
        Response repeat = api.post("/api/v1/ics/" + icss.get(0) + "/register/import", token, "text/csv", files.get(0));
        double repeatSeconds = (System.nanoTime() - again) / 1e9;
        assertThat(repeat.body()).contains("\"people_added\":0");

        double[] single = singleLargeFile();

        String ods = icss.get(ICSS / 2);
        long[] insight = time(200, "/api/v1/ics/" + ods + "/insight", token);
        long[] export = time(20, "/api/v1/ics/" + ods + "/register/export", token);

        System.out.printf(
                """

                        ==== Register benchmark ====
                        data: %d ICSs, %d people, %d appointments, %d forums, %d seats, %.1f MB of CSV
                        import, all ICSs through the API: %.1f s (%.0f appointment rows/s)
                        re-import of one ICS's file (no changes): %.2f s
                        one file of %,d rows for a new ICS, through the API as a background job: %.1f s
                          until the job was done (%.0f rows/s)
                        insight for one ICS, 200 calls: p50 %d ms, p95 %d ms, p99 %d ms
                        register export (CSV) for one ICS, 20 calls: p50 %d ms, p95 %d ms
                        ============================
                        %n""",
                ICSS,
                people,
                appointments,
                forums,
                forums * SEATS_PER_FORUM,
                bytes / 1e6,
                importSeconds,
                appointments / importSeconds,
                repeatSeconds,
                (int) single[1],
                single[0],
                single[1] / single[0],
                insight[0],
                insight[1],
                insight[2],
                export[0],
                export[1]);
    }

    /**
     * One large ICS's whole register in one file of {@value #LARGE_FILE_ROWS} rows, sent as a user
     * would: the API answers 202 and imports it in the background, and the time runs until its job
     * is done. Returns the seconds and the rows.
     */
    private double[] singleLargeFile() {
        String admin = uniqueEmail("large");
        String ods = icssRunBy(admin, "Large ICS", 1).get(0);
        String token = tokenFor(admin);
        for (int p = 0; p < 5; p++) {
            api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Place " + p));
            for (int n = 0; n < 6; n++) {
                api.post(
                        "/api/v1/ics/" + ods + "/neighbourhoods",
                        token,
                        ApiClient.json("name", "Neighbourhood " + p + "-" + n, "place", "Place " + p));
            }
        }
        // the national file's proportions: every seat and every person appears, so no row is left over
        String file = file(ICSS, LARGE_FILE_ROWS * 5 / 8, LARGE_FILE_ROWS, LARGE_FILE_ROWS * 3 / 40);
        int rows = (int) file.chars().filter(c -> c == '\n').count() - 1;
        assertThat(rows).isEqualTo(LARGE_FILE_ROWS);
        long start = System.nanoTime();
        Response started = api.post(
                "/api/v1/ics/" + ods + "/register/import", token, "text/csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        tools.jackson.databind.JsonNode job =
                finishedJob(ods, token, started.json().get("id").asLong());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("result").get("appointments_added").asInt()).isEqualTo(LARGE_FILE_ROWS);
        return new double[] {seconds, rows};
    }

    /** Milliseconds at the 50th, 95th and 99th percentiles, after a few calls to warm up. */
    private long[] time(int calls, String path, String token) {
        for (int i = 0; i < 10; i++) {
            assertThat(api.get(path, token).status()).isEqualTo(200);
        }
        long[] millis = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            Response r = api.get(path, token);
            millis[i] = (System.nanoTime() - t) / 1_000_000;
            assertThat(r.status()).isEqualTo(200);
        }
        Arrays.sort(millis);
        return new long[] {
            millis[calls / 2], millis[(int) Math.ceil(calls * 0.95) - 1], millis[(int) Math.ceil(calls * 0.99) - 1]
        };
    }

    /**
     * One ICS's register: forums across the five levels with ten seats each, people spread over
     * the professions with GPs and nurses most common, and appointments a third of which ended.
     */
    public static String file(int ics, int people, int appointments, int forums) {
        Random random = new Random(ics);
        String[] professions = {
            "gp",
            "gp",
            "gp",
            "nurse_adult",
            "nurse_adult",
            "medical_consultant",
            "pharmacist",
            "physiotherapist",
            "social_worker_adults",
            "paramedic",
            "midwife",
            "clinical_psychologist",
            "occupational_therapist",
            "public_health_consultant",
            "manager",
            "expert_by_experience"
        };
        String[] stages = {"early", "mid", "mid", "senior", "senior"};
        StringBuilder out = new StringBuilder(RegisterFixture.HEADER).append('\n');
        List<String> forumCells = new ArrayList<>();
        for (int f = 0; f < forums; f++) {
            String level;
            String place = "";
            String neighbourhood = "";
            String reportsTo = f == 0 ? "" : "Forum 0";
            int slot = f % 10;
            if (f < 13) {
                level = "system";
            } else if (slot < 2) {
                level = "place";
                place = "Place " + (f % 5);
            } else if (slot < 8) {
                level = "neighbourhood";
                int p = f % 5;
                place = "Place " + p;
                neighbourhood = "Neighbourhood " + p + "-" + (f / 10 % 6);
                reportsTo = random.nextInt(10) == 0 ? "" : "Forum " + (1 + random.nextInt(12));
            } else {
                level = slot == 8 ? "provider_collaborative" : "clinical_network";
            }
            String kind = f == 0 ? "board" : new String[] {"committee", "network", "working_group", "assembly"}[f % 4];
            forumCells.add(String.join(
                    ",", level, place, neighbourhood, "Forum " + f, kind, f == 0 ? "decides" : "advises", reportsTo));
        }
        List<String> personCells = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String profession = professions[random.nextInt(professions.length)];
            String registration = switch (profession) {
                case "gp", "medical_consultant", "pharmacist" -> String.valueOf(1_000_000 + random.nextInt(8_999_999));
                case "nurse_adult", "midwife" ->
                    String.format("%02dA%04dB", random.nextInt(100), random.nextInt(10_000));
                case "physiotherapist" -> "PH" + (10_000 + random.nextInt(89_999));
                case "social_worker_adults" -> "SW" + (1 + random.nextInt(99_999));
                case "paramedic" -> "PA" + (10_000 + random.nextInt(89_999));
                case "clinical_psychologist" -> "PYL" + (10_000 + random.nextInt(89_999));
                case "occupational_therapist" -> "OT" + (10_000 + random.nextInt(89_999));
                default -> "";
            };
            personCells.add(String.join(
                    ",",
                    "R" + ics + "-" + p,
                    "Given" + p,
                    "Family" + p,
                    "person" + p + "@example.nhs.uk",
                    profession,
                    registration,
                    "Employer " + (p % 40),
                    "",
                    "acute",
                    profession.equals("expert_by_experience") ? "" : stages[random.nextInt(stages.length)]));
        }
        List<Integer> seats = new ArrayList<>();
        for (int s = 0; s < forums * SEATS_PER_FORUM; s++) {
            seats.add(s);
        }
        Collections.shuffle(seats, random);
        LocalDate today = LocalDate.now();
        boolean[] used = new boolean[forums * SEATS_PER_FORUM];
        for (int a = 0; a < appointments; a++) {
            int seat = seats.get(a % seats.size());
            used[seat] = true;
            boolean ended = a >= seats.size() * 2 / 3 && a % 3 == 0;
            int person = a < people ? a : random.nextInt(people);
            LocalDate start = today.minusDays(30 + random.nextInt(1500) + (ended ? 1600 : 0) + a % 7);
            String end = ended ? start.plusDays(365).toString() : "";
            int agreed = 1 + random.nextInt(6);
            out.append(personCells.get(person))
                    .append(',')
                    .append(forumCells.get(seat / SEATS_PER_FORUM))
                    .append(',')
                    .append("Seat ")
                    .append(seat % SEATS_PER_FORUM)
                    .append(',')
                    .append(seat % SEATS_PER_FORUM == 0 ? "chair" : "member")
                    .append(",true,")
                    .append(start)
                    .append(',')
                    .append(end)
                    .append(",nomination,")
                    .append(agreed)
                    .append(',')
                    .append(random.nextInt(agreed * 2 + 1) / 2.0)
                    .append('\n');
        }
        for (int s = 0; s < used.length; s++) {
            if (!used[s]) {
                out.append(",,,,,,,,,,")
                        .append(forumCells.get(s / SEATS_PER_FORUM))
                        .append(",Seat ")
                        .append(s % SEATS_PER_FORUM)
                        .append(',')
                        .append(s % SEATS_PER_FORUM == 0 ? "chair" : "member")
                        .append(",true,,,,,\n");
            }
        }
        for (int p = Math.min(appointments, people); p < people; p++) {
            out.append(personCells.get(p)).append(",,,,,,,,,,,,,,,\n");
        }
        return out.toString();
    }
}
