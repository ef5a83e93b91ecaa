package org.goldenthread.engagement.collecting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rounds of invitation emails shown as jobs: on the invitations page's progress card while they are
 * sent, in recent imports and other work, and through the jobs API, with the emails sent and not
 * sent as their counts, who started them and how they ended, to those who may send invitations
 * and nobody else. The rounds themselves stay Mailings' own, leases and all.
 */
class MailingJobTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailings mailings;

    @Test
    void aRoundOfInvitationsShowsOnTheJobCardWithItsCountsAndReachesDone() {
        String ods = createIcs("Mailing Jobs ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        long survey = survey(ods, token);
        String page = "/ics/" + ods + "/surveys/" + survey + "/invitations";
        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);

        // a round part way through: five to send, two sent and one that could not be
        long round = inIcs(
                ods, () -> jdbc.sql("""
                        insert into survey_mailing (ics_id, survey_id, kind, to_send, sent, not_sent)
                        select ics_id, id, 'reminders', 5, 2, 1 from survey where id = :id returning id""").param("id", survey).query(Long.class).single());
        Page sending = browser.get(page);
        assertThat(sending.body())
                .contains("id=\"job-progress\"", "Reminders for Leadership pulse", "Sending emails", "role=\"status\"")
                .contains("Emails to send", "Emails sent", "/jobs/mailings/" + round + "/progress");
        JsonNode running =
                api.get("/api/v1/ics/" + ods + "/jobs/mailings/" + round, token).json();
        assertThat(running.get("feed").asString()).isEqualTo("mailings");
        assertThat(running.get("kind").asString()).isEqualTo("survey_reminders");
        assertThat(running.get("state").asString()).isEqualTo("storing");
        assertThat(running.get("measure").asString()).isEqualTo("emails");
        assertThat(running.get("rows_total").asInt()).isEqualTo(5);
        assertThat(running.get("rows_stored").asInt()).isEqualTo(2);
        assertThat(running.get("percent").asInt()).isEqualTo(60);
        assertThat(running.get("problems").get(0).get("reason").asString())
                .isEqualTo("1 email could not be sent; the next round tries them again");
        Page card = browser.get("/ics/" + ods + "/jobs/mailings/" + round + "/progress");
        assertThat(card.body()).contains("hx-get=\"/ics/" + ods + "/jobs/mailings/" + round + "/progress\"");
        assertThat(card.headers().firstValue("HX-Refresh")).isEmpty();

        // it ends: the card tells the page to reload, and the page shows the round finished
        inIcs(
                ods,
                () -> jdbc.sql("update survey_mailing set sent = 4, finished_at = now() where id = :id")
                        .param("id", round)
                        .update());
        Page ended = browser.get("/ics/" + ods + "/jobs/mailings/" + round + "/progress");
        assertThat(ended.headers().firstValue("HX-Refresh")).hasValue("true");
        JsonNode done =
                api.get("/api/v1/ics/" + ods + "/jobs/mailings/" + round, token).json();
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("result").get("sent").asInt()).isEqualTo(4);
        assertThat(browser.get(page).body()).doesNotContain("id=\"job-progress\"");

        // a round sent for real: who started it, and every email counted, on the API and in recent work
        String[] people = {uniqueEmail("kai"), uniqueEmail("lea"), uniqueEmail("max")};
        Response invited = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + survey + "/invitations?wait_seconds=0",
                token,
                ApiClient.json("emails", List.of(people)));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        long sent = invited.json().get("mailing").get("id").asLong();
        JsonNode finished = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/api/v1/ics/" + ods + "/jobs/mailings/" + sent, token)
                                .json(),
                        j -> j.get("state").asString().equals("done"));
        assertThat(finished.get("subject").asString()).isEqualTo("Invitations to Leadership pulse");
        assertThat(finished.get("rows_total").asInt()).isEqualTo(3);
        assertThat(finished.get("rows_stored").asInt()).isEqualTo(3);
        assertThat(finished.get("problems")).isEmpty();
        assertThat(finished.get("started_by").asString()).isEqualTo("Test ics_admin");
        assertThat(finished.get("link").asString()).isEqualTo(page);
        for (String person : people) {
            assertThat(TestMailServer.to(person)).hasSize(1);
        }
        List<JsonNode> recent = StreamSupport.stream(
                        api.get("/api/v1/ics/" + ods + "/jobs", token).json().spliterator(), false)
                .filter(j -> j.has("feed"))
                .toList();
        assertThat(recent).extracting(j -> j.get("id").asLong()).containsExactly(sent, round);
        Page work = browser.get("/ics/" + ods + "/jobs");
        assertThat(work.body())
                .contains(
                        "Invitations to Leadership pulse",
                        "Reminders for Leadership pulse",
                        "3 emails",
                        "Test ics_admin");

        // an analyst may not send invitations, so may not follow them; nor may another ICS
        assertThat(api.get("/api/v1/ics/" + ods + "/jobs/mailings/" + sent, tokenFor(createUser("analyst", ods)))
                        .status())
                .isEqualTo(404);
        String other = createIcs("Other Mailing Jobs ICS");
        assertThat(api.get("/api/v1/ics/" + other + "/jobs/mailings/" + sent, tokenFor(createUser("ics_admin", other)))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRoundTheWatcherStoppedIsAnInterruptedJobThatSaysWhatItLeft() {
        String ods = createIcs("Stopped Mailing Jobs ICS");
        String token = tokenFor(createUser("ics_admin", ods));
        long survey = survey(ods, token);
        long round = inIcs(
                ods, () -> jdbc.sql("""
                        insert into survey_mailing (ics_id, survey_id, kind, to_send, sent, progressed_at)
                        select ics_id, id, 'invitations', 4, 1, now() - interval '20 minutes' from survey
                         where id = :id returning id""").param("id", survey).query(Long.class).single());
        mailings.interruptStalled();
        JsonNode stopped =
                api.get("/api/v1/ics/" + ods + "/jobs/mailings/" + round, token).json();
        assertThat(stopped.get("state").asString()).isEqualTo("interrupted");
        assertThat(stopped.get("rows_stored").asInt()).isEqualTo(1);
        assertThat(stopped.get("problems").get(0).get("reason").asString())
                .isEqualTo("The round stopped part way; the next round sends what it left unsent (3 emails)");
    }

    private long survey(String ods, String token) {
        Response r = api.post("/api/v1/ics/" + ods + "/surveys", token, CollectingTest.pulse());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
