package org.goldenthread.engagement.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "You said, we did": themes heard in a survey's comments and its events' notes, counted with small
 * counts hidden; actions on them; and the public page, which shows themes and actions but never what
 * anyone wrote, stops working when withdrawn, and leads only to its own ICS.
 */
class YouSaidWeDidTest extends IntegrationTest {

    private static final String TIME_COMMENT = "Clinics always win over leadership sessions here";
    private static final String DATA_COMMENT = "Nobody can find the workforce figures we need";
    private static final String NOTE = "A ward sister said rota gaps stop anyone coming to forums";

    @Autowired
    JdbcClient jdbc;

    /**
     * An ICS with a survey: eighteen comments coded with one theme and two with another, twenty in all,
     * as an anonymous survey's comments are read in steps of k (10).
     */
    private record Setup(String ods, String token, long survey, long time, long data) {
        String api() {
            return "/api/v1/ics/" + ods + "/engagement-plan/you-said-we-did/surveys/" + survey;
        }
    }

    private Setup surveyWithCodedComments(String name, String title) {
        String ods = createIcs(name);
        String token = tokenFor(createUser("ics_admin", ods));
        long survey = api.post(
                        "/api/v1/ics/" + ods + "/surveys",
                        token,
                        "{\"code\": \"voice\", \"title\": \"" + title + "\", \"questions\": ["
                                + "{\"code\": \"Q1\", \"text\": \"What gets in the way?\", \"type\": \"text\"}]}")
                .json()
                .get("id")
                .asLong();
        String base = "/api/v1/ics/" + ods + "/surveys/" + survey;
        StringBuilder csv = new StringBuilder("Q1\n");
        for (int i = 0; i < 18; i++) {
            csv.append(TIME_COMMENT).append(' ').append(i).append('\n');
        }
        csv.append(DATA_COMMENT).append(" A\n").append(DATA_COMMENT).append(" B\n");
        Response imported = api.post(
                base + "/responses/import", token, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long time = api.post(base + "/themes", token, ApiClient.json("name", "Protected time"))
                .json()
                .get("id")
                .asLong();
        long data = api.post(base + "/themes", token, ApiClient.json("name", "Workforce data"))
                .json()
                .get("id")
                .asLong();
        for (JsonNode c :
                api.get(base + "/comments?field=Q1&page_size=100", token).json()) {
            long theme = c.get("text").asString().startsWith(DATA_COMMENT) ? data : time;
            Response coded = api.post(
                    base + "/responses/" + c.get("response_id").asString() + "/coding",
                    token,
                    ApiClient.json("field", "Q1", "themes", List.of(theme)));
            assertThat(coded.status()).as(coded.body()).isEqualTo(204);
        }
        return new Setup(ods, token, survey, time, data);
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    private Response action(Setup s, Object themeId, String what, String due) {
        return api.post(
                s.api() + "/actions",
                s.token(),
                ApiClient.json(
                        "theme_id",
                        themeId,
                        "what",
                        what,
                        "owner",
                        "Workforce lead",
                        "due_on",
                        due,
                        "status",
                        "planned"));
    }

    /** Plans a roundtable in twenty days' time, with this feedback survey when one is given. */
    private Response roundtable(Setup s, String token, String title, String level, @Nullable Long feedbackSurvey) {
        List<Object> fields = new java.util.ArrayList<>(List.of(
                "title", title,
                "kind", "roundtable",
                "level", level,
                "date", LocalDate.now().plusDays(20).toString(),
                "start_time", "10:00",
                "end_time", "12:00",
                "online", "false",
                "location", "Room 2",
                "capacity", "20"));
        if (feedbackSurvey != null) {
            fields.addAll(List.of("feedback_survey_id", String.valueOf(feedbackSurvey)));
        }
        return api.post("/api/v1/ics/" + s.ods() + "/events", token, ApiClient.json(fields.toArray()));
    }

    @Test
    void thePublicPageShowsThemesAndActionsButNothingAnyoneWroteAndStopsWhenWithdrawn() {
        Setup s = surveyWithCodedComments("Heard ICS", "Being heard 2026");
        String events = "/api/v1/ics/" + s.ods() + "/events";
        Response event = roundtable(s, s.token(), "Nursing roundtable", "system", s.survey());
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        long eventId = event.json().get("id").asLong();
        Response note = api.post(
                events + "/" + eventId + "/notes",
                s.token(),
                ApiClient.json("text", NOTE, "theme_ids", List.of(s.time())));
        assertThat(note.status()).as(note.body()).isEqualTo(201);

        String due = LocalDate.now().plusMonths(2).toString();
        assertThat(action(s, s.time(), "Protected time written into every forum member's job plan", due)
                        .status())
                .isEqualTo(201);
        assertThat(action(s, null, "Report back to the clinical forum every quarter", null)
                        .status())
                .isEqualTo(201);

        JsonNode summary = api.get(s.api(), s.token()).json();
        JsonNode heard = summary.get("heard");
        assertThat(heard.size()).isEqualTo(2);
        assertThat(heard.get(0).get("name").asString()).isEqualTo("Protected time");
        assertThat(heard.get(0).get("times").asInt())
                .as("eighteen comments and one note from the event whose feedback survey it is")
                .isEqualTo(19);
        assertThat(heard.get(1).get("name").asString()).isEqualTo("Workforce data");
        assertThat(heard.get(1).get("times").isNull())
                .as("two is under k, so hidden")
                .isTrue();
        assertThat(heard.get(1).get("suppressed").asBoolean()).isTrue();
        assertThat(summary.get("actions").size()).isEqualTo(2);
        assertThat(summary.get("published_at").isNull()).isTrue();

        Response published = api.post(s.api() + "/publication", s.token(), "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String link = path(published.json().get("link").asString());
        assertThat(link).matches("/you-said-we-did/[A-Za-z0-9_-]{32}");
        String stored = inIcs(
                s.ods(),
                () -> jdbc.sql("select encode(token_hash, 'hex') from engagement_feedback_page")
                        .query(String.class)
                        .single());
        assertThat(stored).doesNotContain(link.substring(link.lastIndexOf('/') + 1));

        PageClient.Page page = new PageClient(port).get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Being heard 2026")
                .contains("Protected time")
                .contains("Raised 19 times")
                .contains("Workforce data")
                .contains("fewer than 10")
                .contains("Protected time written into every forum member&#39;s job plan")
                .contains("Report back to the clinical forum every quarter")
                .doesNotContain("Clinics always win")
                .doesNotContain(DATA_COMMENT)
                .doesNotContain("rota gaps");

        assertThat(api.delete(s.api() + "/publication", s.token()).status()).isEqualTo(204);
        assertThat(new PageClient(port).get(link).status()).isEqualTo(404);
        String again = path(api.post(s.api() + "/publication", s.token(), "{}")
                .json()
                .get("link")
                .asString());
        assertThat(again).isNotEqualTo(link);
        assertThat(new PageClient(port).get(again).status()).isEqualTo(200);
        assertThat(new PageClient(port).get(link).status())
                .as("a withdrawn link stays dead after the page is published again")
                .isEqualTo(404);
        assertThat(new PageClient(port).get("/you-said-we-did/not-a-real-link").status())
                .isEqualTo(404);
    }

    @Test
    void badActionsAreRefusedByFieldAndChangeNothing() {
        Setup s = surveyWithCodedComments("Actions ICS", "Pulse");
        Setup other = surveyWithCodedComments("Other actions ICS", "Their pulse");
        Response foreignTheme = action(s, other.time(), "Something", null);
        assertThat(foreignTheme.status()).isEqualTo(400);
        assertThat(foreignTheme.body()).contains("\"field\":\"theme_id\"").contains("Theme:");
        Response blank = api.post(
                s.api() + "/actions",
                s.token(),
                ApiClient.json("what", " ", "due_on", "2026-02-31", "status", "someday"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body())
                .contains("\"field\":\"what\"")
                .contains("\"field\":\"due_on\"")
                .contains("\"field\":\"status\"");
        assertThat(api.get(s.api(), s.token()).json().get("actions").size()).isZero();

        long id = action(s, s.data(), "Publish the workforce dashboard", null)
                .json()
                .get("id")
                .asLong();
        Response done = api.put(
                s.api() + "/actions/" + id,
                s.token(),
                ApiClient.json("theme_id", s.data(), "what", "Publish the workforce dashboard", "status", "done"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("done");
        assertThat(api.get(
                                "/api/v1/ics/" + s.ods() + "/engagement-plan/you-said-we-did/quizzes/" + s.survey(),
                                s.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPublicLinkLeadsOnlyToItsOwnIcs() {
        Setup a = surveyWithCodedComments("Isolation A", "Survey of A");
        Setup b = surveyWithCodedComments("Isolation B", "Survey of B");
        String linkA = path(api.post(a.api() + "/publication", a.token(), "{}")
                .json()
                .get("link")
                .asString());
        String linkB = path(api.post(b.api() + "/publication", b.token(), "{}")
                .json()
                .get("link")
                .asString());

        String pageA = new PageClient(port).get(linkA).body();
        assertThat(pageA).contains("Survey of A").doesNotContain("Survey of B");
        assertThat(new PageClient(port).get(linkB).body())
                .contains("Survey of B")
                .doesNotContain("Survey of A");

        // B's admin cannot reach A's survey, its actions or its page through B's ICS
        String aThroughB = "/api/v1/ics/" + b.ods() + "/engagement-plan/you-said-we-did/surveys/" + a.survey();
        assertThat(api.get(aThroughB, b.token()).status()).isEqualTo(404);
        assertThat(api.delete(aThroughB + "/publication", b.token()).status()).isEqualTo(404);
        assertThat(new PageClient(port).get(linkA).status()).isEqualTo(200);
        assertThat(inIcs(
                        b.ods(),
                        () -> jdbc.sql("select count(*) from engagement_feedback_page")
                                .query(Integer.class)
                                .single()))
                .as("B's scope sees B's page only")
                .isEqualTo(1);
    }

    @Test
    void notesBesideAHiddenCommentCountNeverGiveItAwayAndOnlyTheSurveysRunnersLinkIt() {
        Setup s = surveyWithCodedComments("Notes ICS", "Notes 2026");
        String events = "/api/v1/ics/" + s.ods() + "/events";
        Response event = roundtable(s, s.token(), "Data roundtable", "system", null);
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        long eventId = event.json().get("id").asLong();

        // a place lead who did not create the survey may not make it their event's feedback survey
        assertThat(api.post("/api/v1/ics/" + s.ods() + "/places", s.token(), ApiClient.json("name", "Northfield"))
                        .status())
                .isEqualTo(201);
        String lead = tokenFor(createUser("place_lead", s.ods(), "Northfield"));
        Response byLead =
                api.put(events + "/" + eventId + "/feedback-survey", lead, ApiClient.json("survey_id", s.survey()));
        assertThat(byLead.status()).isEqualTo(403);
        Response plannedByLead = roundtable(s, lead, "Lead's roundtable", "place", s.survey());
        assertThat(plannedByLead.status()).isEqualTo(400);
        assertThat(plannedByLead.body()).contains("\"feedback_survey_id\"");

        // the administrator links it and notes eight remarks on workforce data beside its two comments:
        // ten in all, yet the two comments are still fewer than k, and the notes are read by name
        Response linked = api.put(
                events + "/" + eventId + "/feedback-survey", s.token(), ApiClient.json("survey_id", s.survey()));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        for (int i = 0; i < 8; i++) {
            assertThat(api.post(
                                    events + "/" + eventId + "/notes",
                                    s.token(),
                                    ApiClient.json(
                                            "text", "Figures are hard to find " + i, "theme_ids", List.of(s.data())))
                            .status())
                    .isEqualTo(201);
        }
        JsonNode heard = api.get(s.api(), s.token()).json().get("heard");
        JsonNode data = null;
        for (JsonNode h : heard) {
            if (h.get("name").asString().equals("Workforce data")) {
                data = h;
            }
        }
        assertThat(data).isNotNull();
        assertThat(data.get("suppressed").asBoolean()).isTrue();
        assertThat(data.get("times").isNull()).isTrue();
    }
}
