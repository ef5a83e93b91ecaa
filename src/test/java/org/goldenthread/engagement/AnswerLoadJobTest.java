package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * After a restart, a large survey's answers are read into memory as a job: the results page and
 * the survey page show its progress card instead of hanging, every analyst and administrator of
 * the ICS may follow it and nobody of another ICS may, and once it ends the results show. An API
 * call for the results waits for the reading, as it always waited for the answers.
 */
class AnswerLoadJobTest extends IntegrationTest {

    private static final int RESPONSES = AnswerLoads.LARGE + 1_000;

    @Autowired
    SurveyResults results;

    @Autowired
    DataSource dataSource;

    @Test
    void aRestartedSurveysAnswersLoadAsAJobThePagesShowUntilTheResultsAreReady() throws Exception {
        String ods = createIcs("Answer Loading ICS");
        String admin = createUser("ics_admin", ods);
        String adminToken = tokenFor(admin);
        String analystToken = tokenFor(createUser("analyst", ods));
        long id = surveyWithResponses(ods, adminToken);
        String pages = "/ics/" + ods + "/surveys/" + id;
        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);

        results.letGo(id);
        long job;
        // the stored answers cannot be read until the lock goes, so the reading is caught part way
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (Statement lock = held.createStatement()) {
                lock.execute("lock table survey_answer_block in access exclusive mode");
            }
            try {
                // a page that waited for the answers would wait for the lock: fail rather than hang
                Page waiting = CompletableFuture.supplyAsync(() -> browser.get(pages + "/results"))
                        .get(30, TimeUnit.SECONDS);
                assertThat(waiting.status()).isEqualTo(200);
                assertThat(waiting.body())
                        .contains("id=\"job-progress\"", "Answers to National pulse", "Responses to load", "6,000")
                        .contains("role=\"status\"")
                        .doesNotContain("id=\"q-A1\"");

                // an analyst who did not start it follows the same job, on the API and the survey page
                JsonNode loading = loadJobs(ods, analystToken).get(0);
                assertThat(loading.get("state").asString()).isIn("queued", "checking", "storing");
                assertThat(loading.get("measure").asString()).isEqualTo("responses");
                assertThat(loading.has("feed"))
                        .as("kept by the platform, at jobs/{id}")
                        .isFalse();
                assertThat(loading.get("rows_total").asInt()).isEqualTo(RESPONSES);
                assertThat(loading.get("started_by").asString()).isEqualTo("Test ics_admin");
                job = loading.get("id").asLong();
                assertThat(api.get("/api/v1/ics/" + ods + "/jobs/" + job, analystToken)
                                .status())
                        .isEqualTo(200);
                Page analystSees = new PageClient(port)
                        .signIn(createUser("analyst", ods), PASSWORD)
                        .get(pages);
                assertThat(analystSees.body()).contains("id=\"job-progress\"", "Answers to National pulse");
                // a second visit is shown the same job rather than starting another
                assertThat(browser.get(pages + "/results").body()).contains("/jobs/" + job + "/progress");
                assertThat(loadJobs(ods, adminToken)).hasSize(1);

                // nobody of another ICS sees it, even knowing its number
                String other = createIcs("Other Answer Loading ICS");
                assertThat(api.get("/api/v1/ics/" + other + "/jobs/" + job, tokenFor(createUser("ics_admin", other)))
                                .status())
                        .isEqualTo(404);
            } finally {
                held.rollback();
            }
        }

        JsonNode done = finishedJob(ods, analystToken, job);
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(done.get("rows_stored").asInt()).isEqualTo(RESPONSES);
        assertThat(done.get("result").get("responses").asInt()).isEqualTo(RESPONSES);
        Page progress = browser.get("/ics/" + ods + "/jobs/" + job + "/progress");
        assertThat(progress.headers().firstValue("HX-Refresh")).hasValue("true");
        Page ready = browser.get(pages + "/results");
        assertThat(ready.body()).doesNotContain("id=\"job-progress\"").contains("6,000 responses", "id=\"q-A1\"");
        assertThat(browser.get(pages).body()).doesNotContain("id=\"job-progress\"");

        // an API call after a restart waits for the reading, which shows as a job all the same
        results.letGo(id);
        Response api = this.api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/results", analystToken);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("responses").asInt()).isEqualTo(RESPONSES);
        List<JsonNode> loads = loadJobs(ods, adminToken);
        assertThat(loads).hasSize(2);
        assertThat(loads.get(0).get("state").asString()).isEqualTo("done");
        assertThat(loads.get(0).get("started_by").asString()).isEqualTo("Test analyst");
    }

    private long surveyWithResponses(String ods, String token) throws Exception {
        Response created = api.post("/api/v1/ics/" + ods + "/surveys", token, SurveyBenchmark.definition());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String base = "/api/v1/ics/" + ods + "/surveys/" + id;
        Path file = Files.createTempFile("responses", ".csv");
        SurveyBenchmark.write(file, RESPONSES, 11);
        Response imported = api.post(base + "/responses/import", token, "text/csv", Files.readAllBytes(file));
        Files.delete(file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        finishedJob(ods, token, imported.json().get("id").asLong());
        // the answers the import left in memory, read once more, as a head start, before the test lets them go
        assertThat(api.get(base + "/results", token).json().get("responses").asInt())
                .isEqualTo(RESPONSES);
        return id;
    }

    /** The jobs reading survey answers that someone may see, newest first. */
    private List<JsonNode> loadJobs(String ods, String token) {
        Response list = api.get("/api/v1/ics/" + ods + "/jobs", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false)
                .filter(j -> j.get("kind").asString().equals("survey_answers_load"))
                .toList();
    }
}
