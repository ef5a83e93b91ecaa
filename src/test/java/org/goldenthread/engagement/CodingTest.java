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
        code(base, token, comments.get(0).get("response_id").asString(), time);
        code(base, token, comments.get(1).get("response_id").asString(), time);
        code(base, token, comments.get(12).get("response_id").asString(), data);
        code(base, token, comments.get(13).get("response_id").asString(), data, time);

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
                .contains("{\"theme\":\"Protected time\",\"counts\":[2]}");
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
        for (int i = 1; i <= 25; i++) {
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
        // 25 comments are three pages of ten; the 19 left to code are two
        assertThat(pages.get(path + "&page=2").body())
                .contains("25 comments on")
                .contains(">Next<");
        String secondUncoded = pages.get(path + "&uncoded=true&page=2").body();
        assertThat(secondUncoded)
                .contains("19 uncoded comments on")
                .contains("Comment number 25")
                .doesNotContain(">Next<");
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
