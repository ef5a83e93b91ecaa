package org.goldenthread.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * National scale for recruitment: 42 ICSs with 200,000 applications in all, imported as real use
 * would, one recruitment system export per round (20 rounds an ICS, about 240 applicants each)
 * through the API. Not part of the test suite; run it with
 * {@code ./mvnw -B test -Dtest=RecruitmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures; the README keeps the latest.
 */
class RecruitmentBenchmark extends IntegrationTest {

    private static final int ICSS = 42;
    private static final int APPLICATIONS = 200_000;
    private static final int ROUNDS_PER_ICS = 20;

    private static final String[] PROFESSIONS = {
        "gp",
        "gp",
        "nurse_adult",
        "nurse_adult",
        "medical_consultant",
        "pharmacist",
        "physiotherapist",
        "social_worker_adults",
        "paramedic",
        "occupational_therapist",
        "manager",
        "manager"
    };
    private static final String[] STAGES = {"applied", "applied", "applied", "shortlisted", "shortlisted", "withdrawn"};
    private static final String[] ETHNIC_GROUPS = {"white", "white", "white", "asian", "black", "mixed", "other", ""};
    private static final String[] SEXES = {"female", "female", "male", "not_stated", ""};
    private static final String[] DISABILITIES = {"no", "no", "no", "yes", "not_stated", ""};

    private record Upload(String ods, long round, byte[] file) {}

    @Test
    void nationalImport() {
        String admin = uniqueEmail("bench");
        List<String> icss = icssRunBy(admin, "Recruitment benchmark ICS", ICSS);
        String token = tokenFor(admin);

        List<Upload> uploads = new ArrayList<>();
        int total = 0;
        long bytes = 0;
        for (int i = 0; i < ICSS; i++) {
            String ods = icss.get(i);
            Response forum = api.post(
                    "/api/v1/ics/" + ods + "/forums",
                    token,
                    ApiClient.json(
                            "name", "ICS Board", "level", "system", "kind", "board", "decision_rights", "decides"));
            assertThat(forum.status()).as(forum.body()).isEqualTo(201);
            long forumId = forum.json().get("id").asLong();
            int icsApplications = APPLICATIONS / ICSS + (i < APPLICATIONS % ICSS ? 1 : 0);
            for (int r = 0; r < ROUNDS_PER_ICS; r++) {
                String seat = "Seat " + r;
                Response added = api.post(
                        "/api/v1/ics/" + ods + "/forums/" + forumId + "/seats",
                        token,
                        ApiClient.json("title", seat, "seat_type", "member", "professionally_agnostic", true));
                assertThat(added.status()).as(added.body()).isEqualTo(201);
                long round = RecruitmentFixture.openRound(api, token, ods, "ICS Board", seat);
                int n = icsApplications / ROUNDS_PER_ICS + (r < icsApplications % ROUNDS_PER_ICS ? 1 : 0);
                byte[] file = file(new Random(i * 100L + r), round, n);
                uploads.add(new Upload(ods, round, file));
                total += n;
                bytes += file.length;
            }
        }
        assertThat(total).isEqualTo(APPLICATIONS);

        long start = System.nanoTime();
        for (Upload u : uploads) {
            Response r = RecruitmentFixture.importApplications(
                    api, token, u.ods(), u.round(), new String(u.file(), StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Upload first = uploads.get(0);
        long again = System.nanoTime();
        Response repeat = RecruitmentFixture.importApplications(
                api, token, first.ods(), first.round(), new String(first.file(), StandardCharsets.UTF_8));
        double repeatSeconds = (System.nanoTime() - again) / 1e9;
        assertThat(repeat.json().get("added").asInt()).isZero();
        assertThat(repeat.json().get("updated").asInt()).isZero();

        System.out.printf("""

                        ==== Recruitment benchmark ====
                        data: %d ICSs, %d rounds, %d applications, %.1f MB of CSV
                        import, all rounds through the API: %.1f s (%.0f applications/s)
                        re-import of one round's file (no changes): %.2f s
                        ===============================
                        %n""", ICSS, uploads.size(), total, bytes / 1e6, seconds, total / seconds, repeatSeconds);
        assertThat(seconds).isLessThan(60);
    }

    /** One round's export: applicants across the professions, most applied, a few appointed, answers mixed. */
    static byte[] file(Random random, long round, int applications) {
        StringBuilder csv = new StringBuilder(RecruitmentFixture.HEADER).append('\n');
        int appointed = random.nextInt(applications);
        for (int a = 0; a < applications; a++) {
            String stage = a == appointed ? "appointed" : STAGES[random.nextInt(STAGES.length)];
            csv.append("R")
                    .append(round)
                    .append("-")
                    .append(a)
                    .append(",,")
                    .append("Given")
                    .append(a)
                    .append(",Family")
                    .append(random.nextInt(5000))
                    .append(',')
                    .append(random.nextInt(3) == 0 ? "" : "applicant" + a + "@example.org")
                    .append(',')
                    .append(PROFESSIONS[random.nextInt(PROFESSIONS.length)])
                    .append(',')
                    .append(new String[] {"early", "mid", "senior", ""}[random.nextInt(4)])
                    .append(',')
                    .append(stage)
                    .append(',')
                    .append(ETHNIC_GROUPS[random.nextInt(ETHNIC_GROUPS.length)])
                    .append(',')
                    .append(SEXES[random.nextInt(SEXES.length)])
                    .append(',')
                    .append(DISABILITIES[random.nextInt(DISABILITIES.length)])
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
