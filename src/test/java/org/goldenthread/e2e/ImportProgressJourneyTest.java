package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.goldenthread.people.RegisterBenchmark;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Large files are imported in the background: the page shows a progress bar, the person leaves
 * and comes back through recent imports, and the bar gives way to the outcome.
 */
class ImportProgressJourneyTest extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions LONG =
            new LocatorAssertions.HasTextOptions().setTimeout(180_000);

    @Test
    void anIcsAdminImportsALargeRegisterLeavesItsPageAndComesBackToTheOutcome() {
        String ods = createIcs("Large Register Journey ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        for (int p = 0; p < 5; p++) {
            api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Place " + p));
            for (int n = 0; n < 6; n++) {
                api.post(
                        "/api/v1/ics/" + ods + "/neighbourhoods",
                        token,
                        ApiClient.json("name", "Neighbourhood " + p + "-" + n, "place", "Place " + p));
            }
        }
        String file = RegisterBenchmark.file(9, 12_000, 30_000, 300);
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/register"));
        page.getByLabel("Register file")
                .setInputFiles(new FilePayload("national.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");

        // too large to finish while the page waits: its progress shows instead, and moves
        assertThat(page.locator("#job-progress")).containsText("national.csv");
        assertThat(page.locator("#job-progress progress")).isVisible();
        assertThat(page.locator("#job-status")).hasAttribute("role", "status");
        assertAccessible();
        String importPage = page.url();
        assertThat(importPage).contains("/register/imports/");

        leaveFor("/ics/" + ods + "/people");
        page.navigate(url("/ics/" + ods + "/jobs"));
        expectHeading("Recent imports and other work");
        assertAccessible();
        click(AriaRole.LINK, "national.csv");
        assertThat(page).hasURL(importPage);

        // htmx follows the job and reloads the page when it ends, which then shows the outcome
        assertThat(page.locator("#outcome")).hasText("Imported", LONG);
        assertThat(page.locator(".nhsuk-card")).containsText("12,000 people added");
        assertThat(page.locator("#job-progress")).hasCount(0);
        assertAccessible();
        page.navigate(url("/ics/" + ods + "/jobs"));
        assertThat(page.locator("table")).containsText("Done");
    }

    @Test
    void anIcsAdminImportsALargeResponseFileAndWatchesTheBarReachTheEnd() {
        String ods = createIcs("Large Responses Journey ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        ApiClient.Response survey =
                api.post("/api/v1/ics/" + ods + "/surveys", token, org.goldenthread.engagement.SurveyTest.SMALL);
        assertThat(survey.status()).as(survey.body()).isEqualTo(201);
        long id = survey.json().get("id").asLong();
        StringBuilder csv = new StringBuilder("Q1,Q2,Q2_comment,Q3,Q3_other,Q4,Q5\n");
        for (int i = 0; i < 150_000; i++) {
            csv.append(i % 3 == 0 ? "No,Disagree,,,,,\n" : "Yes,Agree,,Board;Senate,,2,\n");
        }
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/surveys/" + id));
        click(AriaRole.LINK, "Import responses from a file");
        expectHeading("Import responses");
        assertAccessible();
        page.getByLabel("Responses file")
                .setInputFiles(new FilePayload(
                        "paper-forms.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");

        assertThat(page.locator("#job-progress")).containsText("paper-forms.csv");
        assertAccessible();
        String importPage = page.url();
        leaveFor("/ics/" + ods + "/surveys/" + id);
        page.navigate(importPage);

        assertThat(page.locator("#outcome")).hasText("Imported", LONG);
        assertThat(page.locator(".nhsuk-card--feature")).containsText("150,000 responses stored");
        assertAccessible();
        click(AriaRole.LINK, "See the results");
        assertThat(page.locator("main")).containsText("150,000");
    }
}
