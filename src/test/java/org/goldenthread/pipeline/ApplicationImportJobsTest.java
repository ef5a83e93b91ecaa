package org.goldenthread.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A round's applications file imported in the background: over the API when asked or when the file
 * is large, always from the page. The job's result is what the waiting call answers, and a failing
 * job lists the same problems and changes nothing.
 */
class ApplicationImportJobsTest extends IntegrationTest {

    private String ods;
    private String admin;
    private String adminEmail;
    private long round;

    @BeforeEach
    void aRoundWithNoApplications() {
        ods = createIcs("Application jobs");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        RegisterFixture.loadSmallRegister(api, admin, ods);
        round = RecruitmentFixture.openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
    }

    private String path(long round, String rest) {
        return "/api/v1/ics/" + ods + "/recruitment/rounds/" + round + rest;
    }

    private Response post(long round, String query, String csv) {
        return api.post(
                path(round, "/applications/import" + query), admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJobsResultIsWhatTheWaitingImportAnswers() {
        long other = RecruitmentFixture.openRound(api, admin, ods, "Southvale East Team", "Clinical director");
        Response waiting = post(other, "", RecruitmentFixture.threeApplicants());
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);

        Response started = post(round, "?async=true", RecruitmentFixture.threeApplicants());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.location()).isEqualTo("/api/v1/ics/" + ods + "/jobs/" + id);

        JsonNode job = finishedJob(ods, admin, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("result")).isEqualTo(waiting.json());
        assertThat(job.get("rows_total").asInt()).isEqualTo(3);
        assertThat(job.get("rows_stored").asInt()).isEqualTo(3);
        assertThat(api.get(path(round, ""), admin).json().get("applications")).hasSize(3);
    }

    @Test
    void aFailingJobListsTheSameProblemsAndChangesNothing() {
        String broken = RecruitmentFixture.threeApplicants()
                .replace("physiotherapist,mid", "astronaut,mid")
                .replace(",withdrawn,", ",hired,");
        Response waiting = post(round, "", broken);
        assertThat(waiting.status()).isEqualTo(400);

        JsonNode job = finishedJob(
                ods, admin, post(round, "?async=true", broken).json().get("id").asLong());
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("problems")).hasSize(2);
        assertThat(job.get("problems")).isEqualTo(waiting.json().get("errors"));
        assertThat(job.get("rows_stored").asInt()).isZero();
        assertThat(api.get(path(round, ""), admin).json().get("applications")).isEmpty();
    }

    @Test
    void aFileOverTheThresholdGoesToTheBackgroundWithoutBeingAsked() {
        StringBuilder csv = new StringBuilder(RecruitmentFixture.HEADER).append('\n');
        for (int i = 0; i < 5_001; i++) {
            csv.append("L-").append(i).append(",,Lee,Applicant").append(i).append(",,physiotherapist,mid,applied,,,\n");
        }
        Response started = post(round, "", csv.toString());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = finishedJob(ods, admin, started.json().get("id").asLong());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("result").get("added").asInt()).isEqualTo(5_001);
    }

    @Test
    void thePageImportsThroughAJobAndShowsTheOutcomeOnTheRound() {
        PageClient pages = new PageClient(port).signIn(adminEmail, PASSWORD);
        pages.get("/ics/" + ods + "/recruitment/" + round);
        String boundary = "----gt-applications";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"round.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + RecruitmentFixture.threeApplicants() + "\r\n--"
                        + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        PageClient.Page posted = pages.postBody(
                "/ics/" + ods + "/recruitment/" + round + "/import", "multipart/form-data; boundary=" + boundary, body);
        assertThat(posted.status()).isEqualTo(302);
        String where = java.net.URI.create(posted.location()).getPath();
        assertThat(where).matches("/ics/" + ods + "/recruitment/" + round + "/imports/\\d+");
        PageClient.Page outcome = pages.follow(posted);
        assertThat(outcome.body()).contains("round.csv: 3 applications read; 3 added");

        // another round's address does not show this round's import
        long other = RecruitmentFixture.openRound(api, admin, ods, "Southvale East Team", "Clinical director");
        String job = where.substring(where.lastIndexOf('/') + 1);
        assertThat(pages.get("/ics/" + ods + "/recruitment/" + other + "/imports/" + job)
                        .status())
                .isEqualTo(404);
    }
}
