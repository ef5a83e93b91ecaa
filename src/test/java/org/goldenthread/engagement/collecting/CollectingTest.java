package org.goldenthread.engagement.collecting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Collecting answers: invitations by email through a real SMTP server, the respondent's pages as a
 * browser without JavaScript uses them, and what is (and is not) stored once they submit.
 */
class CollectingTest extends IntegrationTest {

    /**
     * Four pages: one question, a yes/no, a number asked only after "Yes", and a page of two (several
     * choices with "Other", and free text).
     */
    static String pulse() {
        try {
            return new ClassPathResource("engagement/pulse.json").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern INVITATION_LINK = Pattern.compile("/invited/([A-Za-z0-9_-]+)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DraftExpiry expiry;

    @Autowired
    Mailings mailings;

    private String ods;
    private String token;

    @BeforeEach
    void anIcs() {
        ods = createIcs("Collecting ICS");
        token = tokenFor(createUser("ics_admin", ods));
    }

    private long survey(String definition, String query) {
        Response r = api.post("/api/v1/ics/" + ods + "/surveys" + query, token, definition);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A new open link's token, as an administrator is shown it once. */
    private String linkToken(long surveyId) {
        Response r = api.post("/api/v1/ics/" + ods + "/surveys/" + surveyId + "/open-link", token, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String link = r.json().get("link").asString();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private <T> T inIcs(Supplier<T> work) {
        return inIcs(ods, work);
    }

    private Response invite(long surveyId, String... emails) {
        return api.post(
                "/api/v1/ics/" + ods + "/surveys/" + surveyId + "/invitations",
                token,
                ApiClient.json("emails", List.of(emails)));
    }

    private static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String invitationToken(String email) {
        List<MimeMessage> received = TestMailServer.to(email);
        assertThat(received).as("mail to " + email).isNotEmpty();
        Matcher m = INVITATION_LINK.matcher(text(received.get(received.size() - 1)));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Answers all four pages of the pulse survey from wherever the respondent's pages live. */
    private static void answerPulse(PageClient respondent, String base) {
        respondent.get(base + "/1");
        assertThat(respondent
                        .post(base + "/1", "Q1", "Agree", "Q1_comment", "Mostly at place level", "action", "continue")
                        .location())
                .endsWith(base + "/2");
        respondent.get(base + "/2");
        assertThat(respondent
                        .post(base + "/2", "Q2", "Yes", "action", "continue")
                        .location())
                .endsWith(base + "/3");
        respondent.get(base + "/3");
        assertThat(respondent
                        .post(base + "/3", "Q2a", "4", "action", "continue")
                        .location())
                .endsWith(base + "/4");
        respondent.get(base + "/4");
        assertThat(respondent
                        .post(
                                base + "/4",
                                "Q3",
                                "Acute",
                                "Q3",
                                "Other (please specify)",
                                "Q3_other",
                                "Hospice",
                                "Q4",
                                "",
                                "action",
                                "continue")
                        .location())
                .endsWith(base + "/check");
    }

    /** Starts answering by the open link; returns where this respondent's pages live (the link and their code). */
    private static String startByLink(PageClient respondent, String link) {
        respondent.get(link);
        return respondent
                .post(link)
                .location()
                .replaceAll("^https?://[^/]+", "")
                .replaceAll("/1$", "");
    }

    /** The survey of this id in a list of surveys; fails when the list does not hold it. */
    private static JsonNode listed(Response surveys, long id) {
        assertThat(surveys.status()).as(surveys.body()).isEqualTo(200);
        return surveys.json()
                .valueStream()
                .filter(s -> s.get("id").asLong() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("survey " + id + " is not listed: " + surveys.body()));
    }

    private long responses(long surveyId) {
        return inIcs(() -> jdbc.sql("select count(*) from survey_response where survey_id = :id")
                .param("id", surveyId)
                .query(Long.class)
                .single());
    }

    @Test
    void eachInvitedPersonIsEmailedALinkOfTheirOwnAndCountedOnce() throws Exception {
        long id = survey(pulse(), "");
        String ann = uniqueEmail("ann");
        String bob = uniqueEmail("bob");
        Response r = invite(id, ann, bob, ann.toUpperCase());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("invited").asInt()).isEqualTo(2);
        assertThat(r.json().get("already_invited").asInt()).isZero();
        assertThat(r.json().get("sent").asInt()).isEqualTo(2);

        MimeMessage mail = TestMailServer.to(ann).get(0);
        assertThat(mail.getSubject()).isEqualTo("Survey: Leadership pulse");
        assertThat(mail.getFrom()[0].toString()).contains("surveys@test.example");
        assertThat(text(mail))
                .contains(
                        "Collecting ICS invites you",
                        "Four short pages",
                        "http://localhost:" + port + "/invited/",
                        "Your answers are anonymous");
        assertThat(invitationToken(ann)).isNotEqualTo(invitationToken(bob));

        Response again = invite(id, bob, uniqueEmail("cat"));
        assertThat(again.json().get("invited").asInt()).isEqualTo(1);
        assertThat(again.json().get("already_invited").asInt()).isEqualTo(1);
        assertThat(TestMailServer.to(bob)).hasSize(1);

        Response counts = api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/invitations", token);
        assertThat(counts.json().get("invited").asInt()).isEqualTo(3);
        assertThat(counts.json().get("sent").asInt()).isEqualTo(3);
        assertThat(counts.json().get("responded").asInt()).isZero();
    }

    @Test
    void emailsGoOutInTheBackgroundAndTheRoundShowsHowFarItHasGot() throws Exception {
        long id = survey(pulse(), "");
        String[] people = {uniqueEmail("fay"), uniqueEmail("gus"), uniqueEmail("hana")};
        Response started = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + id + "/invitations?wait_seconds=0",
                token,
                ApiClient.json("emails", List.of(people)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("invited").asInt()).isEqualTo(3);
        long round = started.json().get("mailing").get("id").asLong();
        assertThat(started.json().get("mailing").get("to_send").asInt()).isEqualTo(3);

        String roundPath = "/api/v1/ics/" + ods + "/surveys/" + id + "/mailings/" + round;
        JsonNode mailing = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get(roundPath, token).json(),
                        m -> m.get("finished").asBoolean());
        assertThat(mailing.get("kind").asString()).isEqualTo("invitations");
        assertThat(mailing.get("sent").asInt()).isEqualTo(3);
        assertThat(mailing.get("waiting").asInt()).isZero();
        assertThat(mailing.get("interrupted").asBoolean()).isFalse();
        for (String person : people) {
            assertThat(TestMailServer.to(person)).hasSize(1);
        }
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/mailings", token)
                        .json()
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(round);

        Response tooLong = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + id + "/invitations/reminders?wait_seconds=31", token, null);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("wait_seconds");
        // another ICS cannot follow this one's rounds
        String other = createIcs("Other Collecting ICS");
        assertThat(api.get(
                                "/api/v1/ics/" + other + "/surveys/" + id + "/mailings/" + round,
                                tokenFor(createUser("ics_admin", other)))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRoundThatStoppedPartWayLetsGoOfItsUnsentInvitationsForTheNextRound() {
        long id = survey(pulse(), "");
        String sent = uniqueEmail("ida");
        String unsent = uniqueEmail("jon");
        // as if the application had been stopped after handing one of two emails to the mail server
        // (one statement, so the minute watcher cannot see the round before its invitations)
        long round = inIcs(() -> jdbc.sql("""
                        with m as (
                            insert into survey_mailing (ics_id, survey_id, kind, to_send, sent, progressed_at)
                            select ics_id, id, 'invitations', 2, 1, now() - interval '20 minutes' from survey
                             where id = :id returning id, ics_id, survey_id),
                        i as (
                            insert into survey_invitation (ics_id, survey_id, email, sends, last_sent_on, mailing_id)
                            select ics_id, survey_id, :sent, 1, current_date, null from m
                            union all
                            select ics_id, survey_id, :unsent, 0, current_date, id from m
                            returning ics_id, id),
                        u as (
                            insert into survey_invitation_unanswered (ics_id, invitation_id) select ics_id, id from i)
                        select id from m""")
                .param("id", id)
                .param("sent", sent)
                .param("unsent", unsent)
                .query(Long.class)
                .single());
        // a round that is still moving is left alone
        long moving =
                inIcs(() -> jdbc.sql("""
                        insert into survey_mailing (ics_id, survey_id, kind, to_send)
                        select ics_id, id, 'reminders', 5 from survey where id = :id returning id""").param("id", id).query(Long.class).single());

        // what the watcher does every minute (it may have got there first: the outcome is the same)
        mailings.interruptStalled();
        JsonNode stopped = api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/mailings/" + round, token)
                .json();
        assertThat(stopped.get("interrupted").asBoolean()).isTrue();
        assertThat(stopped.get("finished").asBoolean()).isTrue();
        assertThat(stopped.get("waiting").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/mailings/" + moving, token)
                        .json()
                        .get("finished")
                        .asBoolean())
                .isFalse();

        // the next round sends the one let go, and not the one the mail server already had
        Response next = invite(id, unsent);
        assertThat(next.json().get("already_invited").asInt()).isEqualTo(1);
        assertThat(next.json().get("sent").asInt()).isEqualTo(1);
        assertThat(TestMailServer.to(unsent)).hasSize(1);
        assertThat(TestMailServer.to(sent)).isEmpty();
    }

    @Test
    void oneBadAddressInvitesNobodyAndSaysWhichItIs() {
        long id = survey(pulse(), "");
        Response r = invite(id, uniqueEmail("dee"), "dee at example dot org");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("emails[1]", "is not an email address");
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/invitations", token)
                        .json()
                        .get("invited")
                        .asInt())
                .isZero();
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/surveys/" + id + "/invitations",
                                analyst,
                                ApiClient.json("emails", List.of(uniqueEmail("eve"))))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void pastedListsAreReadLineByLineAndProblemsNamedByLine() {
        assertThat(Invitations.parse("Ann Jones, ann@example.org\n\nbob@example.org; cat@example.org\n", false))
                .containsExactly("ann@example.org", "bob@example.org", "cat@example.org");
        assertThat(Invitations.parse("email\nann@example.org", true)).containsExactly("ann@example.org");
        assertThatThrownBy(() -> Invitations.parse("ann@example.org\nbob@example\nJust a name", false))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.row() + ": " + p.reason())
                                .containsExactly(
                                        "2: 'bob@example' is not an email address",
                                        "3: There is no email address on this line"));
    }

    @Test
    void anInvitedRespondentAnswersOnceAndNothingTiesTheResponseToThem() {
        long id = survey(pulse(), "");
        String fay = uniqueEmail("fay");
        invite(id, fay);
        String invitation = invitationToken(fay);
        String base = "/invited/" + invitation;
        PageClient respondent = new PageClient(port);

        assertThat(respondent.get(base).body()).contains("Leadership pulse", "Start now");
        assertThat(respondent.post(base).location()).endsWith(base + "/1");
        answerPulse(respondent, base);
        Page check = respondent.get(base + "/check");
        assertThat(check.body()).contains("Check your answers", "Mostly at place level", "Other: Hospice", "4");
        assertThat(respondent.post(base + "/check").location()).endsWith(base);
        assertThat(respondent.get(base).body()).contains("Thank you: your answers have been received");

        assertThat(responses(id)).isEqualTo(1);
        Map<String, Object> stored =
                inIcs(() -> jdbc.sql("""
                        select idempotency_key, received_month, texts::text as texts from survey_response
                         where survey_id = :id""").param("id", id).query().singleRow());
        assertThat((String) stored.get("idempotency_key")).startsWith("draft-").doesNotContain(invitation);
        assertThat(stored.get("received_month").toString())
                .isEqualTo(LocalDate.now(Invitations.ENGLAND).withDayOfMonth(1).toString());
        assertThat((String) stored.get("texts")).contains("Hospice").doesNotContain(fay);
        assertThat(inIcs(() -> jdbc.sql("select count(*) from survey_draft where survey_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()))
                .as("the draft is gone")
                .isZero();
        assertThat(inIcs(() -> jdbc.sql("""
                        select count(*) from survey_invitation_unanswered u
                          join survey_invitation i on i.id = u.invitation_id where i.survey_id = :id""").param("id", id).query(Long.class).single()))
                .as("the invitation is answered")
                .isZero();

        // The link is spent: starting again makes no draft and submitting again stores nothing.
        assertThat(respondent.post(base).location()).endsWith(base);
        assertThat(respondent.post(base + "/check").location()).endsWith(base);
        assertThat(respondent.get(base + "/1").location()).endsWith(base);
        assertThat(responses(id)).isEqualTo(1);
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/invitations", token)
                        .json()
                        .get("responded")
                        .asInt())
                .isEqualTo(1);
    }

    /**
     * The guarantee, held by the schema: an invitation can say that its person responded but not
     * when, and a response has no column that could point back at an invitation or a moment.
     */
    @Test
    void theSchemaHasNoPlaceToLinkAResponseToAnInvitationOrATime() {
        List<String> invitation = jdbc.sql("""
                select column_name || ' ' || data_type from information_schema.columns
                 where table_name = 'survey_invitation' order by column_name""").query(String.class).list();
        // mailing_id is the round of emails that holds the invitation until its email is sent: it says
        // when an email went out, never when (or whether) anyone answered
        // whether its person responded is not on the invitation at all: responding deletes its row
        // from survey_invitation_unanswered, which holds nothing else
        assertThat(invitation)
                .containsExactlyInAnyOrder(
                        "created_on date",
                        "email text",
                        "ics_id bigint",
                        "id bigint",
                        "last_sent_on date",
                        "mailing_id bigint",
                        "sends integer",
                        "survey_id bigint");
        // a link is issued when an email is sent or a list downloaded; responding never touches it
        assertThat(jdbc.sql("""
                select column_name || ' ' || data_type from information_schema.columns
                 where table_name = 'survey_invitation_link' order by column_name""").query(String.class).list())
                .containsExactly(
                        "created_at timestamp with time zone",
                        "ics_id bigint",
                        "invitation_id bigint",
                        "token_hash bytea");
        assertThat(jdbc.sql("""
                select column_name || ' ' || data_type from information_schema.columns
                 where table_name = 'survey_invitation_unanswered' order by column_name""").query(String.class).list()).containsExactly("ics_id bigint", "invitation_id bigint");
        List<String> response = jdbc.sql("""
                select column_name || ' ' || data_type from information_schema.columns
                 where table_name = 'survey_response' order by column_name""").query(String.class).list();
        // responses are known outside the database by a random id, not their row number
        assertThat(response)
                .contains("received_month date", "public_id uuid")
                .noneMatch(c -> c.contains("time")
                        || c.contains("invitation")
                        || c.contains("token")
                        || c.contains("inet")
                        || c.contains("address"));
    }

    /**
     * PostgreSQL stamps every row with the transaction that wrote it (xmin). Had responding written to
     * the invitation, the invitation and the response would carry the same xmin and anyone able to
     * read both tables could pair them. Responding leaves the invitation row as it was, and the ids
     * anyone sees for responses are random, not the order they arrived in.
     */
    @Test
    void anInvitedResponseSharesNoTransactionWithAnyInvitationAndHasNoSequentialId() {
        long id = survey(pulse(), "");
        String fay = uniqueEmail("fay");
        String gus = uniqueEmail("gus");
        invite(id, fay, gus);
        Supplier<List<String>> invitationVersions = () -> inIcs(() -> jdbc.sql(
                        "select id || ':' || xmin::text from survey_invitation where survey_id = :id order by id")
                .param("id", id)
                .query(String.class)
                .list());
        List<String> before = invitationVersions.get();

        for (String email : List.of(fay, gus)) {
            String base = "/invited/" + invitationToken(email);
            PageClient respondent = new PageClient(port);
            respondent.get(base);
            respondent.post(base);
            answerPulse(respondent, base);
            respondent.get(base + "/check");
            assertThat(respondent.post(base + "/check").location()).endsWith(base);
        }
        assertThat(responses(id)).isEqualTo(2);

        assertThat(inIcs(() -> jdbc.sql("""
                        select count(*) from survey_response r, survey_invitation i
                         where r.survey_id = :id and r.xmin = i.xmin""").param("id", id).query(Long.class).single()))
                .as("responses sharing a transaction with an invitation")
                .isZero();
        assertThat(invitationVersions.get())
                .as("responding does not touch the invitation rows")
                .isEqualTo(before);
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/invitations", token)
                        .json()
                        .get("responded")
                        .asInt())
                .isEqualTo(2);

        // an anonymous survey shows its comments once it has k (10) responses: eight more, without comments
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/comments?field=Q1_comment", token)
                        .status())
                .isEqualTo(403);
        StringBuilder eight = new StringBuilder("Q1,Q2,Q3\n");
        for (int i = 0; i < 8; i++) {
            eight.append("Agree,No,Acute\n");
        }
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/surveys/" + id + "/responses/import",
                                token,
                                "text/csv",
                                eight.toString().getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        JsonNode comments = api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/comments?field=Q1_comment", token)
                .json();
        assertThat(comments.size()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        comments.forEach(c -> ids.add(c.get("response_id").asString()));
        assertThat(ids)
                .allMatch(r -> r.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .doesNotHaveDuplicates();
        // the row numbers stay inside: no response can be coded by one
        long rowNumber = inIcs(() -> jdbc.sql("select min(id) from survey_response where survey_id = :id")
                .param("id", id)
                .query(Long.class)
                .single());
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/surveys/" + id + "/responses/" + rowNumber + "/coding",
                                token,
                                ApiClient.json("field", "Q1_comment", "themes", List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/surveys/" + id + "/responses/" + ids.get(0) + "/coding",
                                token,
                                ApiClient.json("field", "Q1_comment", "themes", List.of()))
                        .status())
                .isEqualTo(204);
    }

    /**
     * One choice from 200 is a select (200 radios are hard to scan, and to use with a screen reader
     * or a phone); several choices from 200 stay checkboxes. Both store what was chosen, options
     * past the 32nd included.
     */
    @Test
    void aLongListIsASelectOnTheRespondentsPageAndItsAnswersAreStored() {
        // named, so that the one response is in the export at once rather than with the first ten
        long id = survey(
                org.goldenthread.engagement.SurveyTest.longLists("long-lists")
                        .replace("\"anonymous\":true", "\"anonymous\":false"),
                "");
        String link = "/respond/" + linkToken(id);
        PageClient respondent = new PageClient(port);
        String base = startByLink(respondent, link);

        // the three questions share a page (they have no sections)
        String first = respondent.get(base + "/1").body();
        assertThat(first)
                .containsPattern("<select class=\"nhsuk-select\" id=\"Q1\"\\s+name=\"Q1\"")
                .contains("Choose an answer", "<label class=\"nhsuk-label nhsuk-label--s\" for=\"Q1\">");
        assertThat(first.split("<option ", -1).length - 1).isEqualTo(201);
        assertThat(first.split("type=\"checkbox\"", -1).length - 1).isEqualTo(201);
        assertThat(first.split("type=\"radio\"", -1).length - 1)
                .as("only Q3's yes and no")
                .isEqualTo(2);
        assertThat(respondent
                        .follow(respondent.post(base + "/1", "Q1", "", "Q3", "Yes", "action", "continue"))
                        .body())
                .contains("nhsuk-error-summary", "Select an answer to question 1");
        assertThat(respondent
                        .post(
                                base + "/1",
                                "Q1",
                                "Area 7, the coastal one",
                                "Q2",
                                "Profession 33",
                                "Q2",
                                "Profession 150",
                                "Q2",
                                "Other (please specify)",
                                "Q2_other",
                                "Paramedic",
                                "Q3",
                                "Yes",
                                "action",
                                "continue")
                        .location())
                .endsWith(base + "/check");
        assertThat(respondent.get(base + "/check").body()).contains("Area 7, the coastal one", "Profession 150");
        assertThat(respondent.post(base + "/check").location()).endsWith(link + "/done");

        String exported = api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/responses.csv", token)
                .body();
        assertThat(exported.lines().toList().get(1))
                .isEqualTo(
                        "\"Area 7, the coastal one\",Profession 33;Profession 150;Other (please specify),Paramedic,Yes");
    }

    /**
     * Without a mail server, invitations are saved but nobody could reach their link: whoever may
     * invite downloads each person's own link to send another way. Analysts may not; every download
     * is audited; those who have responded drop off the list.
     */
    @Test
    void whoeverMayInviteDownloadsEachPersonsOwnLinkAsCsvAndItIsAudited() {
        long id = survey(pulse(), "");
        String kim = uniqueEmail("kim");
        String lee = uniqueEmail("lee");
        invite(id, kim, lee);
        String links = "/api/v1/ics/" + ods + "/surveys/" + id + "/invitations/links.csv";

        Response csv = api.get(links, token);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("email,link");
        assertThat(lines).anyMatch(l -> l.startsWith(kim + ",") && l.contains("/invited/"));
        assertThat(lines).anyMatch(l -> l.startsWith(lee + ",") && l.contains("/invited/"));
        // a new link, since only digests are kept; it works as the email's does, and the email's still works
        String kimsLink = lines.stream()
                .filter(l -> l.startsWith(kim))
                .findFirst()
                .orElseThrow()
                .split(",")[1];
        assertThat(kimsLink).doesNotEndWith("/invited/" + invitationToken(kim));
        assertThat(new PageClient(port)
                        .get(java.net.URI.create(kimsLink).getPath())
                        .body())
                .contains("Start now");
        assertThat(new PageClient(port).get("/invited/" + invitationToken(kim)).body())
                .contains("Start now");

        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.get(links, analyst).status()).isEqualTo(403);
        String member = tokenFor(createUser("member", ods));
        assertThat(api.get(links, member).status()).isEqualTo(403);
        String other = createIcs("Other links ICS");
        assertThat(api.get(
                                "/api/v1/ics/" + other + "/surveys/" + id + "/invitations/links.csv",
                                tokenFor(createUser("ics_admin", other)))
                        .status())
                .isEqualTo(404);
        JsonNode audited = api.get("/api/v1/ics/" + ods + "/audit?action=survey.invitation_links_downloaded", token)
                .json();
        assertThat(audited.size()).as(audited.toString()).isEqualTo(1);
        assertThat(audited.toString()).contains("\"links\":2").doesNotContain(kim);

        // once Kim has responded, only Lee's link is left to send
        String base = "/invited/" + invitationToken(kim);
        PageClient respondent = new PageClient(port);
        respondent.get(base);
        respondent.post(base);
        answerPulse(respondent, base);
        respondent.get(base + "/check");
        respondent.post(base + "/check");
        assertThat(api.get(links, token).body().lines().toList()).hasSize(2).noneMatch(l -> l.startsWith(kim));
    }

    /**
     * Who has not responded is the business of those who run the survey: ICS admins and the place
     * lead who created it. Another place lead in the same ICS may not manage its invitations.
     */
    @Test
    void onlyThePlaceLeadWhoCreatedASurveyManagesItsInvitations() {
        api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Northfield"));
        String creatorEmail = createUser("place_lead", ods, "Northfield");
        String otherEmail = createUser("place_lead", ods, "Northfield");
        String creator = tokenFor(creatorEmail);
        String other = tokenFor(otherEmail);
        Response made = api.post("/api/v1/ics/" + ods + "/surveys", creator, pulse());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        String survey = "/api/v1/ics/" + ods + "/surveys/" + id;
        String kim = uniqueEmail("kim");
        assertThat(api.post(survey + "/invitations", creator, ApiClient.json("emails", List.of(kim)))
                        .status())
                .isEqualTo(201);

        // nor change it: its dates, opening and closing, questions, codebook, or whether it exists at all
        int questions =
                api.get(survey + "/definition", creator).json().get("questions").size();
        assertThat(api.patch(survey, other, "{\"closes_on\": \"2031-01-31\"}").status())
                .isEqualTo(403);
        assertThat(api.post(survey + "/close", other, null).status()).isEqualTo(403);
        assertThat(api.post(survey + "/open", other, null).status()).isEqualTo(403);
        assertThat(api.post(survey + "/themes", other, ApiClient.json("name", "Sway"))
                        .status())
                .isEqualTo(403);
        Response deleted = api.delete(survey, other);
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(deleted.json().get("detail").asString()).contains("may delete it");
        PageClient otherLead = new PageClient(port).signIn(otherEmail, PASSWORD);
        String surveyAddress = "/ics/" + ods + "/surveys/" + id;
        assertThat(otherLead
                        .post(surveyAddress + "/questions", "code", "Q9", "text", "Injected", "type", "yes_no")
                        .status())
                .isEqualTo(403);
        assertThat(otherLead.post(surveyAddress + "/close").status()).isEqualTo(403);
        assertThat(otherLead.post(surveyAddress + "/delete").status()).isEqualTo(403);
        assertThat(otherLead.get(surveyAddress).body())
                .doesNotContain("Opening and closing")
                .doesNotContain("Add a question")
                .doesNotContain("Delete this survey");
        JsonNode unchanged = api.get(survey + "/definition", creator).json();
        assertThat(unchanged.get("questions")).hasSize(questions);
        assertThat(api.get(survey + "/themes", creator).json()).isEmpty();
        // while its creator may
        assertThat(api.patch(survey, creator, "{\"closes_on\": \"2031-01-31\"}").status())
                .isEqualTo(200);
        PageClient creatorLead = new PageClient(port).signIn(creatorEmail, PASSWORD);
        assertThat(creatorLead.get(surveyAddress).body())
                .contains("Opening and closing")
                .contains("Add a question");

        Response links = api.get(survey + "/invitations/links.csv", other);
        assertThat(links.status()).isEqualTo(403);
        assertThat(links.contentType()).startsWith("application/problem+json");
        assertThat(links.json().get("detail").asString())
                .contains("the place lead who created this survey")
                .doesNotContain(kim);
        assertThat(api.post(survey + "/invitations/reminders", other, null).status())
                .isEqualTo(403);
        assertThat(api.get(survey + "/mailings", other).status()).isEqualTo(403);
        assertThat(api.post(survey + "/invitations", other, ApiClient.json("emails", List.of(uniqueEmail("lee"))))
                        .status())
                .isEqualTo(403);
        // the counts stay open, and nobody was invited by the refused call
        Response counts = api.get(survey + "/invitations", other);
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.json().get("invited").asInt()).isEqualTo(1);

        PageClient otherPages = new PageClient(port).signIn(otherEmail, PASSWORD);
        String page = "/ics/" + ods + "/surveys/" + id + "/invitations";
        assertThat(otherPages.get(page).status()).isEqualTo(403);
        assertThat(otherPages.get(page + "/links.csv").status()).isEqualTo(403);
        assertThat(otherPages.get(page + "/links.csv").body()).doesNotContain(kim);
        String surveyPage = otherPages.get("/ics/" + ods + "/surveys/" + id).body();
        assertThat(otherPages.post(page + "/reminders").status()).isEqualTo(403);
        // nor follow its rounds of emails among the ICS's jobs, while the creator does
        long round =
                api.get(survey + "/mailings", creator).json().get(0).get("id").asLong();
        assertThat(api.get("/api/v1/ics/" + ods + "/jobs/mailings/" + round, other)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + ods + "/jobs", other).body()).doesNotContain("Invitations to");
        assertThat(otherPages.get("/ics/" + ods + "/jobs").body()).doesNotContain("Invitations to");
        assertThat(api.get("/api/v1/ics/" + ods + "/jobs/mailings/" + round, creator)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + ods + "/jobs", creator).body()).contains("Invitations to");
        // nor make open links, and the survey's page offers neither
        assertThat(api.post(survey + "/open-link", other, null).status()).isEqualTo(403);
        assertThat(otherPages
                        .post("/ics/" + ods + "/surveys/" + id + "/open-link")
                        .status())
                .isEqualTo(403);
        assertThat(surveyPage)
                .doesNotContain("Invitations and reminders")
                .doesNotContain("Show a link to share")
                .doesNotContain("Import responses from a file");
        // nor add responses to it, which would sway a colleague's results
        byte[] oneRow = "Q1,Q2\nAgree,Yes\n".getBytes(StandardCharsets.UTF_8);
        assertThat(api.post(survey + "/responses/import", other, "text/csv", oneRow)
                        .status())
                .isEqualTo(403);
        Response submitted = api.post(
                survey + "/responses",
                other,
                ApiClient.json("idempotency_key", "other-lead", "answers", Map.of("Q1", "Agree", "Q2", "Yes")));
        assertThat(submitted.status()).isEqualTo(403);
        assertThat(submitted.json().get("detail").asString()).contains("may add responses");
        assertThat(otherPages
                        .get("/ics/" + ods + "/surveys/" + id + "/responses/import")
                        .status())
                .isEqualTo(403);
        assertThat(api.get(survey + "/invitations", other)
                        .json()
                        .get("responded")
                        .asInt())
                .as("no response was stored")
                .isZero();

        Response own = api.get(survey + "/invitations/links.csv", creator);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(kim + ",");
        assertThat(api.post(survey + "/invitations/reminders", creator, null).status())
                .isEqualTo(200);
        assertThat(api.get(survey + "/mailings", creator).status()).isEqualTo(200);
        assertThat(api.post(survey + "/open-link", creator, null).status()).isEqualTo(201);
        assertThat(api.post(survey + "/responses/import", creator, "text/csv", oneRow)
                        .status())
                .isNotEqualTo(403);
        PageClient creatorPages = new PageClient(port).signIn(creatorEmail, PASSWORD);
        assertThat(creatorPages.get("/ics/" + ods + "/surveys/" + id).body())
                .contains("Invitations and reminders")
                .contains("Show a link to share");
        assertThat(creatorPages.get(page).status()).isEqualTo(200);
        assertThat(creatorPages.get(page + "/links.csv").body()).contains(kim + ",");
        // and the ICS's administrator, who runs every survey in it
        assertThat(api.get(survey + "/invitations/links.csv", token).status()).isEqualTo(200);
    }

    @Test
    void theSameSubmissionSentTwiceAtOnceStoresOneResponse() throws Exception {
        long id = survey(pulse(), "");
        String link = "/respond/" + linkToken(id);
        PageClient respondent = new PageClient(port);
        String base = startByLink(respondent, link);
        answerPulse(respondent, base);
        respondent.get(base + "/check");

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Page>> presses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            presses.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return respondent.post(base + "/check");
            }));
        }
        for (CompletableFuture<Page> press : presses) {
            assertThat(press.get().location()).endsWith(link + "/done");
        }
        assertThat(respondent.post(base + "/check").location()).endsWith(link + "/done");
        assertThat(responses(id)).isEqualTo(1);
        assertThat(respondent.get(link + "/done").body()).contains("your answers have been received");
    }

    @Test
    void savedAnswersComeBackWithTheResumeCodeTypedAnyHow() {
        long id = survey(pulse(), "");
        String link = "/respond/" + linkToken(id);
        PageClient first = new PageClient(port);
        String base = startByLink(first, link);
        first.get(base + "/1");
        assertThat(first.post(base + "/1", "Q1", "Disagree", "action", "save").location())
                .endsWith(base + "/saved");
        Page saved = first.get(base + "/saved");
        Matcher code = Pattern.compile("id=\"resume-code\">([A-Z0-9-]+)<").matcher(saved.body());
        assertThat(code.find()).isTrue();

        PageClient later = new PageClient(port);
        later.get(link);
        Page wrong = later.post(link + "/resume", "code", "AAAA-AAAA-AAAA");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("There are no saved answers with that code");
        Page resumed = later.follow(later.post(
                link + "/resume", "code", " " + code.group(1).toLowerCase().replace("-", " ")));
        assertThat(resumed.body()).contains("Involvement").containsPattern("value=\"Disagree\"\\s+checked");
    }

    @Test
    void tooManyWrongResumeCodesLockTheAddressOutEvenFromTheRightOne() {
        long id = survey(pulse(), "");
        String link = "/respond/" + linkToken(id);
        PageClient first = new PageClient(port);
        String base = startByLink(first, link);
        first.get(base + "/1");
        assertThat(first.post(base + "/1", "Q1", "Disagree", "action", "save").location())
                .endsWith(base + "/saved");
        Matcher code = Pattern.compile("id=\"resume-code\">([A-Z0-9-]+)<")
                .matcher(first.get(base + "/saved").body());
        assertThat(code.find()).isTrue();

        PageClient guesser = new PageClient(port);
        guesser.get(link);
        // nine wrong codes typed in and one in the address make ten, the limit
        for (int i = 0; i < 9; i++) {
            assertThat(guesser.post(link + "/resume", "code", "AAAA-AAAA-AAA" + i)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(guesser.get(link + "/BBBBBBBBBBBB").status()).isEqualTo(302);
        Page locked = guesser.post(link + "/resume", "code", code.group(1));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body())
                .contains("Too many resume codes that do not match have been tried from here")
                .contains("Wait 15 minutes");
        // the same address on another survey is not held back
        long other = survey(pulse().replaceFirst("\"code\"\\s*:\\s*\"[^\"]+\"", "\"code\": \"pulse-again\""), "");
        assertThat(guesser.post("/respond/" + linkToken(other) + "/resume", "code", "AAAA-AAAA-AAAA")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void draftsNotSavedForNinetyDaysAreDeletedAndNewerOnesKept() {
        long id = survey(pulse(), "");
        String link = "/respond/" + linkToken(id);
        String stale = startByLink(new PageClient(port), link);
        String fresh = startByLink(new PageClient(port), link);
        String staleCode = stale.substring(stale.lastIndexOf('/') + 1);
        assertThat(inIcs(
                        () -> jdbc.sql("update survey_draft set saved_on = current_date - 91 where resume_code = :code")
                                .param("code", staleCode)
                                .update()))
                .as("the stale draft was found by its code")
                .isEqualTo(1);

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(1);

        List<String> left = inIcs(() -> jdbc.sql("select resume_code from survey_draft where survey_id = :id")
                .param("id", id)
                .query(String.class)
                .list());
        assertThat(left).containsExactly(fresh.substring(fresh.lastIndexOf('/') + 1));
    }

    @Test
    void aMissingAnswerIsNamedInTheSummaryAndBesideTheQuestion() {
        long id = survey(pulse(), "");
        String link = "/respond/" + linkToken(id);
        PageClient respondent = new PageClient(port);
        String base = startByLink(respondent, link);
        respondent.get(base + "/1");
        Page missing = respondent.post(base + "/1", "action", "continue");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body())
                .contains(
                        "<title>Error: Involvement",
                        "href=\"#Q1\"",
                        "Select an answer to question 1",
                        "id=\"Q1-error\"");
        // Straight to the end without answering: sent back to the first page still to do.
        assertThat(respondent.get(base + "/check").location()).endsWith(base + "/1?missing");
    }

    /**
     * A draft turns respondents and invitations away until it is opened; its dates can change,
     * within range and in order; closing it stops responses at once; and only a survey nobody has
     * answered can be deleted. Every change is in the audit trail.
     */
    @Test
    void aDraftSurveyIsOpenedRedatedClosedAndOnlyDeletedUnanswered() {
        LocalDate today = LocalDate.now(Invitations.ENGLAND);
        long id = survey(pulse(), "?draft=true");
        String path = "/api/v1/ics/" + ods + "/surveys/" + id;
        String link = "/respond/" + linkToken(id);
        PageClient respondent = new PageClient(port);
        assertThat(respondent.get(link).body())
                .contains("This survey is not open yet", "still being prepared")
                .doesNotContain("Start now");
        // a start page from another survey still has a form to post: it starts nothing on the draft
        respondent.get("/respond/" + linkToken(survey(pulse().replace("\"pulse\"", "\"pulse-live\""), "")));
        assertThat(respondent.post(link).location()).endsWith(link);
        Response invited = invite(id, uniqueEmail("hal"));
        assertThat(invited.status()).isEqualTo(400);
        assertThat(invited.body()).contains("The survey is a draft");

        Response backwards = api.patch(
                path,
                token,
                ApiClient.json(
                        "opens_on",
                        today.plusDays(10).toString(),
                        "closes_on",
                        today.plusDays(3).toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("closes_on", "cannot close before it opens");
        Response tooEarly = api.patch(path, token, ApiClient.json("opens_on", "1899-12-31"));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.body()).contains("opens_on", "between 1900 and 2200");
        Response tooLate = api.patch(path, token, ApiClient.json("closes_on", "2201-01-01"));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.body()).contains("closes_on");
        JsonNode listed = listed(api.get("/api/v1/ics/" + ods + "/surveys", token), id);
        assertThat(listed.get("opens_on").isNull())
                .as("refused dates change nothing")
                .isTrue();
        assertThat(listed.get("status").asString()).isEqualTo("draft");

        Response dated = api.patch(
                path,
                token,
                ApiClient.json(
                        "opens_on",
                        today.minusDays(1).toString(),
                        "closes_on",
                        today.plusDays(21).toString()));
        assertThat(dated.status()).as(dated.body()).isEqualTo(200);
        assertThat(dated.json().get("closes_on").asString())
                .isEqualTo(today.plusDays(21).toString());
        assertThat(dated.json().get("status").asString()).isEqualTo("draft");
        assertThat(respondent.get(link).body())
                .as("dates alone do not open a draft")
                .contains("This survey is not open yet");

        assertThat(api.post(path + "/open", token, "{}").status()).isEqualTo(204);
        assertThat(api.post(path + "/open", token, "{}").body()).contains("open already");
        assertThat(respondent.get(link).body()).contains("Start now");
        String base = startByLink(respondent, link);
        answerPulse(respondent, base);
        respondent.post(base + "/check");
        assertThat(responses(id)).isEqualTo(1);

        assertThat(api.post(path + "/close", token, "{}").status()).isEqualTo(204);
        assertThat(respondent.post(link).location()).endsWith(link);
        assertThat(respondent.get(link).body())
                .contains("This survey has closed")
                .doesNotContain("Start now");
        assertThat(invite(id, uniqueEmail("ida")).body()).contains("The survey is closed");

        Response refused = api.delete(path, token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("has responses, so it cannot be deleted");
        assertThat(api.get(path + "/definition", token).status()).isEqualTo(200);

        long unanswered = survey(pulse().replace("\"pulse\"", "\"pulse-spare\""), "?draft=true");
        assertThat(invite(unanswered, uniqueEmail("joy")).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/ics/" + ods + "/surveys/" + unanswered, token)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + unanswered + "/definition", token)
                        .status())
                .isEqualTo(404);

        String audit = api.get("/api/v1/ics/" + ods + "/audit", token).body();
        assertThat(audit).contains("survey.redated", "survey.opened", "survey.closed", "survey.deleted");
    }

    @Test
    void aSurveyOutsideItsDatesTakesNoAnswersNorInvitations() {
        LocalDate today = LocalDate.now(Invitations.ENGLAND);
        long closed = survey(
                pulse().replace("\"pulse\"", "\"pulse-closed\""),
                "?opens_on=" + today.minusDays(30) + "&closes_on=" + today.minusDays(1));
        String link = "/respond/" + linkToken(closed);
        PageClient respondent = new PageClient(port);
        assertThat(respondent.get(link).body())
                .contains("This survey has closed")
                .doesNotContain("Start now");
        // A start page left open from before the close still posts its form: it starts nothing now.
        respondent.get("/respond/" + linkToken(survey(pulse(), "")));
        assertThat(respondent.post(link).location()).endsWith(link);
        assertThat(inIcs(() -> jdbc.sql("select count(*) from survey_draft where survey_id = :id")
                        .param("id", closed)
                        .query(Long.class)
                        .single()))
                .isZero();
        Response invited = invite(closed, uniqueEmail("gil"));
        assertThat(invited.status()).isEqualTo(400);
        assertThat(invited.body()).contains("The survey closed on");

        long later = survey(pulse().replace("\"pulse\"", "\"pulse-later\""), "?opens_on=" + today.plusDays(7));
        assertThat(respondent.get("/respond/" + linkToken(later)).body()).contains("This survey is not open yet");
    }

    @Test
    void linksAreKeptOnlyAsDigestsSoACopyOfTheDatabaseOpensNoSurvey() {
        long id = survey(pulse(), "");
        String una = uniqueEmail("una");
        invite(id, una);
        String emailed = invitationToken(una);
        String open = linkToken(id);

        // nothing in the database holds a link's secret: only its SHA-256 digest
        assertThat(jdbc.sql("""
                        select table_name || '.' || column_name from information_schema.columns
                         where table_schema = 'public' and table_name like 'survey%'
                           and (column_name like '%token' or column_name = 'link_token')""").query(String.class).list()).isEmpty();
        assertThat(inIcs(() -> jdbc.sql("""
                        select count(*) from survey_invitation_link l join survey_invitation i on i.id = l.invitation_id
                         where i.survey_id = :id and l.token_hash = sha256(convert_to(:token, 'UTF8'))""")
                        .param("id", id)
                        .param("token", emailed)
                        .query(Long.class)
                        .single()))
                .isEqualTo(1);
        assertThat(inIcs(() -> jdbc.sql("""
                        select count(*) from survey_open_link
                         where survey_id = :id and link_hash = sha256(convert_to(:token, 'UTF8'))""")
                        .param("id", id)
                        .param("token", open)
                        .query(Long.class)
                        .single()))
                .isEqualTo(1);
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys/" + id, token).body())
                .doesNotContain(open)
                .doesNotContain("link_token");

        // asking for another open link leaves the one already shared working, and is audited
        String another = linkToken(id);
        assertThat(another).isNotEqualTo(open);
        PageClient respondent = new PageClient(port);
        assertThat(respondent.get("/respond/" + open).status()).isEqualTo(200);
        assertThat(respondent.get("/respond/" + another).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=survey.open_link_issued", token)
                        .json()
                        .size())
                .isEqualTo(2);
        // and only those who may invite can ask for one
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.post("/api/v1/ics/" + ods + "/surveys/" + id + "/open-link", analyst, null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void remindersGoOnlyToThoseWhoHaveNotRespondedAndNobodyTwiceInADay() throws Exception {
        long id = survey(pulse(), "");
        String hal = uniqueEmail("hal");
        String ivy = uniqueEmail("ivy");
        invite(id, hal, ivy);
        String reminders = "/api/v1/ics/" + ods + "/surveys/" + id + "/invitations/reminders";
        assertThat(api.post(reminders, token, null).json().get("sent").asInt())
                .as("both emailed today")
                .isZero();

        PageClient respondent = new PageClient(port);
        String base = "/invited/" + invitationToken(hal);
        respondent.get(base);
        respondent.post(base);
        answerPulse(respondent, base);
        respondent.get(base + "/check");
        respondent.post(base + "/check");

        inIcs(() -> jdbc.sql("update survey_invitation set last_sent_on = last_sent_on - 1 where survey_id = :id")
                .param("id", id)
                .update());
        Response reminded = api.post(reminders, token, null);
        assertThat(reminded.status()).as(reminded.body()).isEqualTo(200);
        assertThat(reminded.json().get("sent").asInt()).isEqualTo(1);
        assertThat(TestMailServer.to(hal)).hasSize(1);
        assertThat(TestMailServer.to(ivy)).hasSize(2);
        MimeMessage reminder = TestMailServer.to(ivy).get(1);
        assertThat(reminder.getSubject()).isEqualTo("Reminder: Leadership pulse");
        // each email carries a link of its own, and the one in the first email still works
        String first = INVITATION_LINK
                .matcher(text(TestMailServer.to(ivy).get(0)))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        assertThat(invitationToken(ivy)).isNotEqualTo(first);
        assertThat(new PageClient(port).get("/invited/" + first).body()).contains("Start now");
        assertThat(new PageClient(port).get("/invited/" + invitationToken(ivy)).body())
                .contains("Start now");
        assertThat(api.post(reminders, token, null).json().get("sent").asInt())
                .as("pressed twice")
                .isZero();
    }

    @Test
    void aSurveyOfAnIcsMergedIntoAnotherStillTakesAnswersByItsLink() {
        long id = survey(pulse(), "");
        // shared before the merge
        String link = "/respond/" + linkToken(id);
        String large = createIcs("Larger footprint");
        assertThat(api.post(
                                "/api/v1/admin/ics/" + ods + "/merge-into/" + large,
                                adminToken(),
                                ApiClient.json("confirm", ods))
                        .status())
                .isEqualTo(200);
        PageClient respondent = new PageClient(port);
        String base = startByLink(respondent, link);
        answerPulse(respondent, base);
        respondent.get(base + "/check");
        assertThat(respondent.post(base + "/check").location()).endsWith(link + "/done");
        String largeAdmin = tokenFor(createUser("ics_admin", large));
        // one response of an anonymous survey shows no results (fewer than k), so count it in the list
        JsonNode listed = listed(api.get("/api/v1/ics/" + large + "/surveys", largeAdmin), id);
        assertThat(listed.get("responses").asInt()).isEqualTo(1);
    }

    @Test
    void respondentPagesNeedNoAccountButRefuseFormsFromElsewhereAndUnknownLinks() {
        long id = survey(pulse(), "");
        String link = "/respond/" + linkToken(id);
        PageClient respondent = new PageClient(port);
        Page start = respondent.get(link);
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).doesNotContain("Sign in");
        assertThat(respondent.post(link.replace("/respond/", "/respond/x")).status())
                .isEqualTo(404);
        assertThat(new PageClient(port).post(link).status()).as("no CSRF token").isEqualTo(403);
        assertThat(respondent.get("/invited/notAnInvitationToken123").status()).isEqualTo(404);
    }
}
