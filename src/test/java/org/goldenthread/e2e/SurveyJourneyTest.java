package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/** Building a survey in the builder, and analysing and exporting one that has responses. */
class SurveyJourneyTest extends BrowserTest {

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void anIcsAdminBuildsASurveyQuestionByQuestion() {
        String ods = createIcs("Survey Builder ICS");
        signIn(createUser("ics_admin", ods), PASSWORD);
        page.navigate(url("/ics/" + ods + "/surveys"));
        expectHeading("Surveys");
        assertAccessible();

        click(AriaRole.BUTTON, "Create survey");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Give the survey a title");
        assertAccessible();
        page.getByLabel("Title", exact()).fill("Place pulse");
        page.getByLabel("Code", exact()).fill("place-pulse");
        click(AriaRole.BUTTON, "Create survey");
        expectHeading("Place pulse");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Add its questions below");

        page.getByLabel("Code", exact()).fill("Q1");
        page.getByLabel("Question", exact()).fill("Which forums do you sit on?");
        page.getByLabel("Type of answer").selectOption("multi");
        click(AriaRole.BUTTON, "Add question");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("needs at least two options");
        assertAccessible();
        page.getByLabel("Options (for one choice or several choices)").fill("Board\nSenate\nCouncil");
        click(AriaRole.BUTTON, "Add question");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Question Q1 was added");

        page.getByLabel("Code", exact()).fill("Q2");
        page.getByLabel("Question", exact()).fill("Is your protected time enough?");
        page.getByLabel("Type of answer").selectOption("agreement5");
        click(AriaRole.BUTTON, "Add question");
        assertThat(page.locator(".gt-questions")).containsText("Council");
        assertThat(page.locator(".gt-questions")).containsText("Is your protected time enough?");
        assertAccessible();
        click(AriaRole.LINK, "Invitations and reminders");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/surveys/\\d+/invitations$"));
        page.goBack();
        // a survey built on the pages is a draft: its open link turns people away until it is opened
        assertThat(page.locator("#survey-status")).containsText("Draft");
        // only a digest of an open link is kept, so it is shown once, when asked for
        assertThat(page.locator("a.gt-token")).hasCount(0);
        click(AriaRole.BUTTON, "Show a link to share");
        assertThat(page.locator("#open-link")).containsText("cannot be shown again");
        assertAccessible();
        page.locator("a.gt-token").click();
        assertThat(page.locator("h1")).containsText("Place pulse");
        assertThat(page.locator("main")).containsText("This survey is not open yet");
        page.goBack();

        Download definition = page.waitForDownload(() -> click(AriaRole.LINK, "Download the survey as code (JSON)"));
        try {
            assertThat(Files.readString(definition.path())).contains("\"code\" : \"place-pulse\"", "agreement5");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        // dates out of order are refused and named; then it is dated, opened, closed and deleted
        fillDate("Opens on (optional)", "1", "3", "2030");
        fillDate("Closes on (optional)", "1", "2", "2030");
        click(AriaRole.BUTTON, "Save dates");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("The survey cannot close before it opens");
        assertAccessible();
        fillDate("Opens on (optional)", "", "", "");
        fillDate("Closes on (optional)", "31", "12", "2199");
        click(AriaRole.BUTTON, "Save dates");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("The dates were saved");
        click(AriaRole.BUTTON, "Open the survey now");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("open to respondents");
        assertThat(page.locator("#survey-status")).hasText("Open to respondents");
        assertAccessible();
        click(AriaRole.BUTTON, "Show a link to share");
        page.locator("a.gt-token").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")))
                .isVisible();
        page.goBack();
        click(AriaRole.BUTTON, "Close the survey now");
        assertThat(page.locator("#survey-status")).hasText("Closed");
        click(AriaRole.BUTTON, "Delete this survey");
        expectHeading("Surveys");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Place pulse was deleted");
        assertThat(page.locator("main")).containsText("No surveys yet");
        assertAccessible();
    }

    @Test
    void anAnalystReadsResultsFiltersCrossTabulatesAndDownloads() throws Exception {
        String ods = createIcs("Survey Results ICS");
        String admin = createUser("ics_admin", ods);
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/surveys"));
        click(AriaRole.BUTTON, "Start from the 2021 principles survey");
        expectHeading("Draft principles for clinical and care professional leadership in integrated care systems");
        String surveyPath = page.url().substring(page.url().indexOf("/ics/"));
        long id = Long.parseLong(surveyPath.substring(surveyPath.lastIndexOf('/') + 1));
        String token = tokenFor(admin);
        String definition = api.get("/api/v1/ics/" + ods + "/surveys/" + id + "/definition", token)
                .body();
        String firstIcs = new ApiClient(port)
                .get("/api/v1/ics/" + ods + "/surveys/" + id + "/definition", token)
                .json()
                .get("questions")
                .get(16)
                .get("options")
                .get(0)
                .asString();
        assertThat(definition).contains("Q16");
        ApiClient.Response imported = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + id + "/responses/import",
                token,
                "text/csv",
                org.goldenthread.engagement.SurveyTest.appendixSixResponses(firstIcs)
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        // all 1,251, as published: at k = 3, of which it is a multiple, no response waits for a step of k
        setMinGroupSize(ods, 3);

        String analyst = createUser("analyst", ods);
        context.clearCookies();
        signIn(analyst, PASSWORD);
        page.navigate(url(surveyPath));
        click(AriaRole.LINK, "Results");
        expectHeading("Results");
        assertThat(page.locator("#q-Q3 table")).containsText("51.08");
        assertThat(page.locator("#q-Q3 table")).containsText("Net agreement");
        assertAccessible();

        page.getByLabel("Show only respondents who answered").selectOption("Q8:Yes");
        click(AriaRole.BUTTON, "Show results");
        assertThat(page.locator("main")).containsText("529 responses matching Q8:Yes");
        assertAccessible();

        // an option whose label has a comma filters like any other
        page.getByLabel("Show only respondents who answered").selectOption("Q14:No, I am a non-clinician or manager");
        click(AriaRole.BUTTON, "Show results");
        assertThat(page.locator("main")).containsText("163 responses matching Q14:No, I am a non-clinician or manager");
        // a filter that names no option is shown as a problem, with no figures rather than everyone's
        page.navigate(url(surveyPath + "/results?filter=Q14:Maybe"));
        assertThat(page.locator(".nhsuk-error-summary")).containsText("'Maybe' is not an option of Q14");
        assertThat(page.locator(".gt-question")).hasCount(0);
        assertAccessible();

        page.navigate(url(surveyPath + "/crosstab"));
        page.getByLabel("Rows").selectOption("Q14");
        page.getByLabel("Columns").selectOption("Q8");
        click(AriaRole.BUTTON, "Cross-tabulate");
        assertThat(page.locator("caption")).containsText("Q14 by Q8");
        assertThat(page.locator("main")).containsText("Chi-square test of independence");
        assertAccessible();
        // professions by a principle: the small groups are hidden, with others that would give them away,
        // and no test is offered on what is left
        page.getByLabel("Rows").selectOption("Q15");
        page.getByLabel("Columns").selectOption("Q9");
        click(AriaRole.BUTTON, "Cross-tabulate");
        assertThat(page.locator("caption")).containsText("Q15 by Q9");
        assertThat(page.locator("table").getByText("hidden").first()).isVisible();
        assertThat(page.locator("main")).containsText("no test is shown on a table with hidden counts");
        assertThat(page.locator("main")).not().containsText("Chi-square test of independence");
        assertAccessible();

        // raw rows would undo the suppression above: an analyst has no link to them, an ICS admin has
        page.navigate(url(surveyPath));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the responses (CSV)")))
                .hasCount(0);
        assertThat(page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the results report (PDF)")))
                .hasCount(1);
        context.clearCookies();
        signIn(admin, PASSWORD);
        page.navigate(url(surveyPath));
        Download csv = page.waitForDownload(() -> click(AriaRole.LINK, "Download the responses (CSV)"));
        String exported = Files.readString(csv.path());
        assertThat(exported.lines().count()).isEqualTo(1252);
        assertThat(exported.lines().findFirst().orElseThrow()).startsWith("Q1,Q1_comment,Q2,Q2_comment,Q3");

        // comment boxes are named by their question's words, not by the column code
        page.navigate(url(surveyPath + "/comments"));
        assertThat(page.locator("#comments")).containsText("comments on Principle 1 is the right one to help an ICS");
        assertThat(page.locator("#comments")).containsText("(comment)");
        assertThat(page.locator("main")).not().containsText("Q1_comment");
    }

    @Test
    void aPlaceLeadCodesCommentsAgainstACodebook() {
        String ods = createIcs("Survey Coding ICS");
        api.post(
                "/api/v1/ics/" + ods + "/places",
                tokenFor(createUser("ics_admin", ods)),
                ApiClient.json("name", "Westvale"));
        String lead = createUser("place_lead", ods, "Westvale");
        String token = tokenFor(lead);
        // named respondents: three responses to an anonymous survey would show no theme counts (fewer than k)
        long id = api.post("/api/v1/ics/" + ods + "/surveys", token, """
                {"code": "barriers", "title": "Barriers", "anonymous": false, "questions": [
                  {"code": "Q1", "text": "What gets in the way?", "type": "text"}]}""")
                .json()
                .get("id")
                .asLong();
        api.post(
                "/api/v1/ics/" + ods + "/surveys/" + id + "/responses/import",
                token,
                "text/csv",
                "Q1\nNo protected time\nNo data to work with\nProtected time is not backfilled\n"
                        .getBytes(StandardCharsets.UTF_8));
        signIn(lead, PASSWORD);
        page.navigate(url("/ics/" + ods + "/surveys/" + id));
        click(AriaRole.LINK, "Read and code comments");
        expectHeading("Read and code comments");
        assertThat(page.locator("#comments")).hasText("3 comments on What gets in the way?");
        assertAccessible();

        click(AriaRole.BUTTON, "Add theme");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Give the theme a name");
        page.getByLabel("New theme").fill("Protected time");
        click(AriaRole.BUTTON, "Add theme");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Protected time was added");
        page.getByLabel("New theme").fill("Data");
        click(AriaRole.BUTTON, "Add theme");

        page.locator(".gt-comment").first().getByLabel("Protected time").check();
        page.locator(".gt-comment").nth(1).getByLabel("Data").check();
        click(AriaRole.BUTTON, "Save themes");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Themes saved for 3 comments");
        assertThat(page.locator(".gt-comment").nth(2)).containsText("Suggested theme: Protected time");
        assertThat(page.locator("#theme-counts + form + div table, #theme-counts ~ .gt-scroll table")
                        .first())
                .containsText("Protected time");
        assertAccessible();
    }
}
