package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Coding free text against a codebook: themes, coding, counts by subgroup, and server-side suggestions. */
class CodingTest extends IntegrationTest {

    private static final String SURVEY = """
            {"code": "time-and-data", "title": "Time and data", "questions": [
              {"code": "Q1", "text": "Which sector?", "type": "single", "options": ["Primary care", "Hospital", "Social care"]},
              {"code": "Q2", "text": "What gets in the way?", "type": "text"}]}""";

    @Test
    void commentsAreCodedCountedBySubgroupAndSuggestedForTheRest() {
        String ods = createIcs("Coding ICS");
        String token = tokenFor(createUser("ics_admin", ods));
        long id = survey(ods, token);
        String base = "/api/v1/ics/" + ods + "/surveys/" + id;
        StringBuilder csv = new StringBuilder("Q1,Q2\n");
        for (int i = 0; i < 12; i++) {
            csv.append("Primary care,\"No protected time for leadership sessions, clinics always come first\"\n");
        }
        for (int i = 0; i < 12; i++) {
            csv.append("Hospital,We cannot get the data we need; dashboards and analysts are missing\n");
        }
        for (int i = 0; i < 4; i++) {
            csv.append("Social care,Backfill for protected time is never funded\n");
        }
        csv.append("Hospital,\n");
        // thirty responses in all, so that an anonymous survey shows every one (it moves in steps of k = 10)
        csv.append("Social care,\n");
        importResponses(base, token, csv.toString());

        long time = api.post(
                        base + "/themes",
                        token,
                        ApiClient.json(
                                "name", "Protected time", "description", "time away from clinics for leadership"))
                .json()
                .get("id")
                .asLong();
        long data = api.post(base + "/themes", token, ApiClient.json("name", "Data and analysis"))
                .json()
                .get("id")
                .asLong();
        assertThat(api.post(base + "/themes", token, ApiClient.json("name", "protected TIME"))
                        .status())
                .isEqualTo(400);

        JsonNode comments =
                api.get(base + "/comments?field=Q2&page_size=100", token).json();
        assertThat(comments.size()).isEqualTo(28);
        // code two comments of each kind by hand
        // (an anonymous survey's comments come in no telling order, so they are picked by their words)
        List<String> clinics = new java.util.ArrayList<>();
        List<String> dashboards = new java.util.ArrayList<>();
        for (JsonNode c : comments) {
            String text = c.get("text").asString();
            (text.contains("clinics")
                            ? clinics
                            : text.contains("dashboards") ? dashboards : new java.util.ArrayList<String>())
                    .add(c.get("response_id").asString());
        }
        code(base, token, clinics.get(0), time);
        code(base, token, clinics.get(1), time);
        code(base, token, dashboards.get(0), data);
        code(base, token, dashboards.get(1), data, time);

        JsonNode uncoded = api.get(base + "/comments?field=Q2&uncoded=true&page_size=100", token)
                .json();
        assertThat(uncoded.size()).isEqualTo(24);
        for (JsonNode c : uncoded) {
            long expected = c.get("text").asString().contains("data") ? data : time;
            assertThat(c.get("suggested_theme").asLong())
                    .as(c.get("text").asString())
                    .isEqualTo(expected);
        }

        JsonNode counts = api.get(base + "/themes/counts?field=Q2&by=Q1", token).json();
        // social care has only 4 commenters, below the threshold of 10, so it is hidden; and as the
        // counts for everyone are shown too, one more group goes, or the 4 would be everyone minus the rest
        assertThat(counts.get("groups").toString()).isEqualTo("[\"Primary care\"]");
        assertThat(counts.get("group_sizes").toString()).isEqualTo("[12]");
        assertThat(counts.get("themes").toString())
                .contains("{\"theme\":\"Data and analysis\",\"counts\":[0]}")
                .as("2 of primary care's 12 comments would tie those two to their sector: hidden")
                .contains("{\"theme\":\"Protected time\",\"counts\":[null]}");
        assertThat(counts.get("note").asString()).contains("fewer than 10");
        JsonNode everyone = api.get(base + "/themes/counts?field=Q2", token).json();
        int shownCommenters = 0;
        for (JsonNode size : counts.get("group_sizes")) {
            shownCommenters += size.asInt();
        }
        assertThat(everyone.get("group_sizes").get(0).asInt() - shownCommenters)
                .as("commenters left to work out by subtraction")
                .isGreaterThanOrEqualTo(10);

        Response badTheme = api.post(
                base + "/responses/" + comments.get(0).get("response_id").asString() + "/coding",
                token,
                ApiClient.json("field", "Q2", "themes", List.of(999999)));
        assertThat(badTheme.status()).isEqualTo(400);
        Response badField = api.get(base + "/comments?field=Q1", token);
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.body()).contains("\"field\":\"field\"");
    }

    @Test
    void theUncodedViewPagesOnlyTheCommentsLeftToCode() {
        String ods = createIcs("Uncoded pages ICS");
        String email = createUser("ics_admin", ods);
        String token = tokenFor(email);
        long id = survey(ods, token);
        String base = "/api/v1/ics/" + ods + "/surveys/" + id;
        StringBuilder csv = new StringBuilder("Q1,Q2\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("Hospital,Comment number ").append(i).append('\n');
        }
        importResponses(base, token, csv.toString());
        long theme = api.post(base + "/themes", token, ApiClient.json("name", "Workload"))
                .json()
                .get("id")
                .asLong();
        JsonNode comments =
                api.get(base + "/comments?field=Q2&page_size=100", token).json();
        for (int i = 0; i < 6; i++) {
            code(base, token, comments.get(i).get("response_id").asString(), theme);
        }

        PageClient pages = new PageClient(port).signIn(email, PASSWORD);
        String path = "/ics/" + ods + "/surveys/" + id + "/comments?field=Q2";
        // 30 comments are three pages of ten; the 24 left to code are three, the last of four
        assertThat(pages.get(path + "&page=2").body())
                .contains("30 comments on")
                .contains(">Next<");
        assertThat(pages.get(path + "&uncoded=true&page=2").body()).contains(">Next<");
        String lastUncoded = pages.get(path + "&uncoded=true&page=3").body();
        assertThat(lastUncoded).contains("24 uncoded comments on").doesNotContain(">Next<");
        assertThat(lastUncoded.split("Comment number ", -1).length - 1).isEqualTo(4);
    }

    /**
     * A comment is a raw response in its writer's own words: only those who may download the raw
     * responses read or code it, and while an anonymous survey has fewer than k responses nobody
     * reads it on the comments pages, where one comment among a handful is easily put to a name.
     */
    @Test
    void commentsAreForThoseWhoMayHaveTheRawResponsesAndNoneBeforeKResponses() {
        String ods = createIcs("Comment readers ICS");
        String admin = tokenFor(createUser("ics_admin", ods));
        assertThat(api.post("/api/v1/ics/" + ods + "/places", admin, ApiClient.json("name", "Eastwold"))
                        .status())
                .isEqualTo(201);
        String runnerEmail = createUser("place_lead", ods, "Eastwold");
        String runner = tokenFor(runnerEmail);
        String otherLeadEmail = createUser("place_lead", ods, "Eastwold");
        String otherLead = tokenFor(otherLeadEmail);
        long id = survey(ods, runner);
        String base = "/api/v1/ics/" + ods + "/surveys/" + id;
        importResponses(base, runner, "Q1,Q2\nHospital,My ward manager never lets me go to the senate\n");
        long theme = api.post(base + "/themes", admin, ApiClient.json("name", "Release"))
                .json()
                .get("id")
                .asLong();

        // one response to an anonymous survey: no comments for anyone, the survey's runner included
        for (String reader : List.of(runner, admin, otherLead)) {
            Response one = api.get(base + "/comments?field=Q2", reader);
            assertThat(one.status()).isEqualTo(403);
            assertThat(one.body()).doesNotContain("ward manager");
        }
        assertThat(api.get(base + "/comments?field=Q2", runner).body())
                .contains("fewer than 10 responses")
                .doesNotContain("1 response");
        String page = new PageClient(port)
                .signIn(runnerEmail, PASSWORD)
                .get("/ics/" + ods + "/surveys/" + id + "/comments?field=Q2")
                .body();
        assertThat(page).contains("fewer than 10 responses").doesNotContain("ward manager");

        StringBuilder more = new StringBuilder("Q1,Q2\n");
        for (int i = 0; i < 10; i++) {
            more.append("Primary care,Clinics always come first\n");
        }
        importResponses(base, runner, more.toString());

        // at k, the runner and ICS admins read and code them; a place lead who did not run it does not
        Response read = api.get(base + "/comments?field=Q2&page_size=100", runner);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("ward manager");
        assertThat(api.get(base + "/comments?field=Q2", admin).status()).isEqualTo(200);
        String comment = read.json().get(0).get("response_id").asString();
        code(base, runner, comment, theme);

        Response refused = api.get(base + "/comments?field=Q2", otherLead);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("ward manager").contains("place leads for the surveys they created");
        assertThat(api.get(base + "/responses.csv", otherLead).status())
                .as("the same rule as the raw responses")
                .isEqualTo(403);
        Response coding = api.post(
                base + "/responses/" + comment + "/coding",
                otherLead,
                ApiClient.json("field", "Q2", "themes", List.of()));
        assertThat(coding.status()).isEqualTo(403);
        // ten of the eleven are shown (an anonymous survey's move in steps of k); the eleventh waits
        assertThat(api.get(base + "/comments?field=Q2&uncoded=true", runner)
                        .json()
                        .size())
                .as("the comment kept the theme the runner gave it")
                .isEqualTo(9);

        PageClient otherPages = new PageClient(port).signIn(otherLeadEmail, PASSWORD);
        PageClient.Page otherPage = otherPages.get("/ics/" + ods + "/surveys/" + id + "/comments?field=Q2");
        assertThat(otherPage.status()).isEqualTo(403);
        assertThat(otherPage.body()).doesNotContain("ward manager");
        assertThat(otherPages
                        .post("/ics/" + ods + "/surveys/" + id + "/comments", "field", "Q2", "shown", comment)
                        .status())
                .isEqualTo(403);
        assertThat(otherPages.get("/ics/" + ods + "/surveys/" + id).body())
                .as("no link to comments they may not read")
                .doesNotContain("Read and code comments");
        assertThat(new PageClient(port)
                        .signIn(runnerEmail, PASSWORD)
                        .get("/ics/" + ods + "/surveys/" + id)
                        .body())
                .contains("Read and code comments");
    }

    /**
     * Whoever codes can make a theme and tag one comment (or all but one) with it; a count of 1 in a
     * group of a breakdown would then say how that comment's writer answered the question. Such
     * counts are hidden, and so is one more where the theme's count for everyone would give it away.
     */
    @Test
    void aThemeOnOneCommentDoesNotSayWhichGroupItsWriterIsIn() {
        String ods = createIcs("Theme trace ICS");
        String token = tokenFor(createUser("ics_admin", ods));
        long id = survey(ods, token);
        String base = "/api/v1/ics/" + ods + "/surveys/" + id;
        StringBuilder csv = new StringBuilder("Q1,Q2\n");
        for (int i = 0; i < 12; i++) {
            csv.append("Primary care,Clinics always come first\n");
        }
        for (int i = 0; i < 17; i++) {
            csv.append("Hospital,The data never arrives\n");
        }
        csv.append("Hospital,I am the only one who would say this about my director\n");
        importResponses(base, token, csv.toString());
        JsonNode comments =
                api.get(base + "/comments?field=Q2&page_size=100", token).json();
        long one = api.post(base + "/themes", token, ApiClient.json("name", "Just this one"))
                .json()
                .get("id")
                .asLong();
        long allButOne = api.post(base + "/themes", token, ApiClient.json("name", "All but this one"))
                .json()
                .get("id")
                .asLong();
        for (JsonNode c : comments) {
            boolean target = c.get("text").asString().contains("my director");
            code(base, token, c.get("response_id").asString(), target ? one : allButOne);
        }

        JsonNode counts = api.get(base + "/themes/counts?field=Q2&by=Q1", token).json();
        assertThat(counts.get("groups").toString()).isEqualTo("[\"Primary care\",\"Hospital\",\"Social care\"]");
        assertThat(counts.get("group_sizes").toString()).isEqualTo("[12,18,0]");
        // every commenter is in a shown group, so with the counts for everyone one hidden cell would be
        // the total less the others: another is hidden too, never the empty group's known 0
        assertThat(counts.get("themes").toString())
                .contains("{\"theme\":\"Just this one\",\"counts\":[null,null,0]}")
                .contains("{\"theme\":\"All but this one\",\"counts\":[null,null,0]}");
        assertThat(counts.get("note").asString()).contains("fewer than 10 of a group's comments");
        JsonNode everyone = api.get(base + "/themes/counts?field=Q2", token).json();
        assertThat(everyone.get("themes").toString())
                .as("no breakdown, nothing to tie a comment to")
                .contains("{\"theme\":\"Just this one\",\"counts\":[1]}");
    }

    private long survey(String ods, String token) {
        return api.post("/api/v1/ics/" + ods + "/surveys", token, SURVEY)
                .json()
                .get("id")
                .asLong();
    }

    private void importResponses(String base, String token, String csv) {
        assertThat(api.post(base + "/responses/import", token, "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
    }

    private void code(String base, String token, String response, long... themes) {
        Response r = api.post(
                base + "/responses/" + response + "/coding",
                token,
                ApiClient.json(
                        "field",
                        "Q2",
                        "themes",
                        java.util.Arrays.stream(themes).boxed().toList()));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }
}
