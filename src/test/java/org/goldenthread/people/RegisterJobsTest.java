package org.goldenthread.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Register imports as background jobs: answered at once, followed to the end, queued per ICS. */
class RegisterJobsTest extends IntegrationTest {

    private record Ics(String ods, String token) {
        String path(String rest) {
            return "/api/v1/ics/" + ods + rest;
        }
    }

    private Ics ics(String name) {
        String ods = createIcs(name);
        String token = tokenFor(createUser("ics_admin", ods));
        for (int p = 0; p < 5; p++) {
            api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Place " + p));
            for (int n = 0; n < 6; n++) {
                api.post(
                        "/api/v1/ics/" + ods + "/neighbourhoods",
                        token,
                        ApiClient.json("name", "Neighbourhood " + p + "-" + n, "place", "Place " + p));
            }
        }
        return new Ics(ods, token);
    }

    private JsonNode start(Ics ics, String file) {
        Response r = api.post(
                ics.path("/register/import?async=true"),
                ics.token(),
                "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    private JsonNode finished(Ics ics, long job) {
        return finishedJob(ics.ods(), ics.token(), job);
    }

    private static Instant at(JsonNode job, String field) {
        return Instant.parse(job.get(field).asString());
    }

    @Test
    void aFileOverTheThresholdIsImportedInTheBackgroundAndTheJobCountsEveryRow() throws Exception {
        Ics ics = ics("Large Import ICS");
        String file = RegisterBenchmark.file(3, 2_500, 6_000, 80);
        int rows = (int) file.lines().count() - 1;
        assertThat(rows).isGreaterThan(RegisterFile.LARGE);

        // no async flag: the size alone sends it to the background, with the job's address
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + ics.path("/register/import")))
                                .header("Authorization", "Bearer " + ics.token())
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode queued = JsonMapper.builder().build().readTree(answer.body());
        long id = queued.get("id").asLong();
        assertThat(answer.headers().firstValue("Location")).hasValue(ics.path("/jobs/" + id));
        assertThat(queued.get("state").asString()).isIn("queued", "checking", "storing", "done");

        JsonNode done = finished(ics, id);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("rows_total").asInt()).isEqualTo(rows);
        assertThat(done.get("rows_checked").asInt()).isEqualTo(rows);
        assertThat(done.get("rows_stored").asInt()).isEqualTo(rows);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("result").get("rows").asInt()).isEqualTo(rows);
        assertThat(done.get("result").get("people_added").asInt()).isEqualTo(2_500);
        assertThat(api.get(ics.path("/people"), ics.token()).json()).hasSize(2_500);
    }

    @Test
    void aJobsResultIsTheDocumentTheSynchronousImportAnswers() {
        Ics waiting = ics("Sync Import ICS");
        Ics background = ics("Async Import ICS");
        RegisterFixture.addGeography(api, waiting.token(), waiting.ods());
        RegisterFixture.addGeography(api, background.token(), background.ods());
        String file = RegisterFixture.smallRegister();

        Response sync = api.post(
                waiting.path("/register/import"), waiting.token(), "text/csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        JsonNode job = finished(background, start(background, file).get("id").asLong());

        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("result")).isEqualTo(sync.json());
    }

    @Test
    void aFailingJobListsTheSameProblemsAsTheSynchronousImportAndChangesNothing() {
        Ics ics = ics("Failing Import ICS");
        RegisterFixture.addGeography(api, ics.token(), ics.ods());
        String broken = RegisterFixture.smallRegister()
                .replace("P4,Dev,Eze,,pharmacist", "P4,Dev,Eze,,pharmacyst")
                .replace("asha.reed@example.nhs.uk", "not-an-email");

        Response sync = api.post(
                ics.path("/register/import"), ics.token(), "text/csv", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(sync.status()).isEqualTo(400);
        JsonNode job = finished(ics, start(ics, broken).get("id").asLong());

        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("problems")).hasSize(2);
        assertThat(job.get("problems")).isEqualTo(sync.json().get("errors"));
        assertThat(job.get("rows_stored").asInt()).isZero();
        assertThat(api.get(ics.path("/people"), ics.token()).json()).isEmpty();
    }

    @Test
    void importsOfOneIcsWaitTheirTurnWhileAnotherIcsIsNotKeptWaiting() {
        Ics busy = ics("Busy ICS");
        Ics other = ics("Other ICS");
        List<String> files = List.of(
                RegisterBenchmark.file(1, 1_500, 2_500, 60),
                RegisterBenchmark.file(2, 1_500, 2_500, 60),
                RegisterBenchmark.file(3, 1_500, 2_500, 60));
        List<Long> busyJobs =
                files.stream().map(f -> start(busy, f).get("id").asLong()).toList();
        long otherJob = start(other, RegisterBenchmark.file(4, 1_500, 2_500, 60))
                .get("id")
                .asLong();

        List<JsonNode> ended = busyJobs.stream().map(id -> finished(busy, id)).toList();
        JsonNode otherEnded = finished(other, otherJob);

        for (JsonNode job : ended) {
            assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        }
        // one ICS's imports never overlap: each starts once the one before it has finished
        assertThat(at(ended.get(1), "started_at")).isAfterOrEqualTo(at(ended.get(0), "finished_at"));
        assertThat(at(ended.get(2), "started_at")).isAfterOrEqualTo(at(ended.get(1), "finished_at"));
        // the other ICS's import, started last, did not wait behind the busy ICS's line
        assertThat(at(otherEnded, "started_at")).isBefore(at(ended.get(1), "started_at"));
    }

    @Test
    void aPlaceLeadSeesOnlyTheJobsTheyStartedAndAMemberNone() {
        Ics ics = ics("Job Scope ICS");
        RegisterFixture.addGeography(api, ics.token(), ics.ods());
        long job = start(ics, RegisterFixture.smallRegister()).get("id").asLong();
        finished(ics, job);
        String lead = tokenFor(createUser("place_lead", ics.ods(), "Place 0"));
        String member = tokenFor(createUser("member", ics.ods()));

        assertThat(api.get(ics.path("/jobs/" + job), lead).status()).isEqualTo(404);
        assertThat(api.get(ics.path("/jobs"), lead).json()).isEmpty();
        assertThat(api.get(ics.path("/jobs"), ics.token()).json()).hasSize(1);
        assertThat(api.get(ics.path("/jobs/" + job), member).status()).isEqualTo(403);
        Ics elsewhere = ics("Another ICS");
        assertThat(api.get(elsewhere.path("/jobs/" + job), elsewhere.token()).status())
                .isEqualTo(404);
    }
}
