package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.goldenthread.engagement.AnswersInMemory;
import org.goldenthread.engagement.SurveyResults;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slow work other than imports shows the same progress card: an analyst opening a large survey's
 * results after a restart watches its answers load and the results appear, and an ICS
 * administrator watches a round of reminders end on the invitations page and finds it among recent
 * work.
 */
class SlowWorkProgressJourneyTest extends BrowserTest {

    private static final LocatorAssertions.HasCountOptions PATIENTLY =
            new LocatorAssertions.HasCountOptions().setTimeout(60_000);

    @Autowired
    SurveyResults results;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnalystOpensALargeSurveysResultsAfterARestartAndWatchesTheAnswersLoad() throws Exception {
        String ods = createIcs("Answers Loading Journey ICS");
        String token = tokenFor(createUser("ics_admin", ods));
        String analyst = createUser("analyst", ods);
        ApiClient.Response created = api.post("/api/v1/ics/" + ods + "/surveys", token, AnswersInMemory.definition());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Path file = Files.createTempFile("responses", ".csv");
        AnswersInMemory.write(file, AnswersInMemory.large() + 500, 5);
        ApiClient.Response imported = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + id + "/responses/import",
                token,
                "text/csv",
                Files.readAllBytes(file));
        Files.delete(file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        assertThat(finishedJob(ods, token, imported.json().get("id").asLong())
                        .get("state")
                        .asString())
                .isEqualTo("done");
        api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/results", token);
        signIn(analyst, PASSWORD);

        AnswersInMemory.letGo(results, id);
        // the stored answers cannot be read while this lock lasts, so the loading is seen part way
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (Statement lock = held.createStatement()) {
                lock.execute("lock table survey_answer_block in access exclusive mode");
            }
            try {
                page.navigate(url("/ics/" + ods + "/surveys/" + id + "/results"));
                expectHeading("Results");
                assertThat(page.locator("#job-progress")).containsText("Answers to National pulse");
                assertThat(page.locator("#job-progress")).containsText("Responses to load");
                assertThat(page.locator("#job-progress progress")).isVisible();
                assertThat(page.locator("#job-status")).hasAttribute("role", "status");
                assertAccessible();
            } finally {
                held.rollback();
            }
        }

        // the card follows the job and reloads the page when the answers are in
        assertThat(page.locator("#job-progress")).hasCount(0, PATIENTLY);
        assertThat(page.locator("main")).containsText("5,500 responses");
        assertThat(page.locator("#q-A1")).isVisible();
        assertAccessible();
    }

    @Test
    void anIcsAdminWatchesARoundOfRemindersEndAndFindsItAmongRecentWork() throws Exception {
        String ods = createIcs("Reminders Journey ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        ApiClient.Response created = api.post(
                "/api/v1/ics/" + ods + "/surveys",
                token,
                new ClassPathResource("engagement/pulse.json").getContentAsString(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        // a round part way through, as a long list leaves one for a while
        long round =
                inIcs(ods, () -> jdbc.sql("""
                        insert into survey_mailing (ics_id, survey_id, kind, to_send, sent)
                        select ics_id, id, 'reminders', 1200, 300 from survey where id = :id returning id""").param("id", id).query(Long.class).single());
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/surveys/" + id + "/invitations"));
        expectHeading("Invitations");
        assertThat(page.locator("#job-progress")).containsText("Reminders for Leadership pulse");
        assertThat(page.locator("#job-progress")).containsText("Sending emails");
        assertThat(page.locator("#job-progress")).containsText("1,200");
        assertThat(page.locator("#job-status")).hasText("Sending emails, about 25% done");
        assertAccessible();

        inIcs(
                ods,
                () -> jdbc.sql("update survey_mailing set sent = 1200, finished_at = now() where id = :id")
                        .param("id", round)
                        .update());
        assertThat(page.locator("#job-progress")).hasCount(0, PATIENTLY);
        assertThat(page.locator("#mailings")).containsText("Finished");
        assertAccessible();

        page.navigate(url("/ics/" + ods + "/jobs"));
        expectHeading("Recent imports and other work");
        assertThat(page.locator("table")).containsText("Reminders for Leadership pulse");
        assertThat(page.locator("table")).containsText("1,200 emails");
        assertAccessible();
    }
}
