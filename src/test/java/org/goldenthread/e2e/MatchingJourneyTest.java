package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Running a matching round and confirming it: an ICS administrator creates a programme, imports its
 * participants, runs matching, reads why each pair was made and why one mentee was left out,
 * forbids a pair, runs matching again, confirms, and finds the pairs on the relationships page.
 * Every page is scanned for accessibility.
 */
class MatchingJourneyTest extends BrowserTest {

    @Test
    void runningAMatchingRoundAndConfirmingIt() {
        String ods = createIcs("Matching Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        person(admin, ods, "MA", "Amara", "Mentor");
        person(admin, ods, "MB", "Bilal", "Mentor");
        person(admin, ods, "EX", "Xena", "Mentee");
        person(admin, ods, "EY", "Yusuf", "Mentee");
        person(admin, ods, "EZ", "Zoe", "Mentee");

        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/programmes"));
        expectHeading("Programmes that pair people");
        assertAccessible();
        page.getByLabel("Name of the programme").fill("First-year mentoring");
        page.getByLabel("Kind of programme").selectOption("mentoring");
        page.getByLabel("No", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .check();
        click(AriaRole.BUTTON, "Create programme");
        expectHeading("First-year mentoring");
        assertAccessible();

        String csv = """
                person_ref,role,capacity,preferences
                MA,mentor,1,
                MB,mentor,1,
                EX,mentee,,MA;MB
                EY,mentee,,MA
                EZ,mentee,,MA
                """;
        page.locator("input[type=file]")
                .setInputFiles(new FilePayload("participants.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import participants");
        assertThat(page.locator("main")).containsText("Zoe Mentee");
        assertAccessible();

        click(AriaRole.LINK, "Run matching and review the pairs");
        expectHeading("Matching");
        assertAccessible();
        click(AriaRole.BUTTON, "Run matching");
        // two mentors with one place each: Xena gets her second choice so that two mentees are matched
        assertThat(page.locator("main")).containsText("Proposal: 2 pairs");
        Locator main = page.locator("main");
        Locator pairs =
                page.getByRole(AriaRole.TABLE, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Pairs"));
        assertThat(pairs.locator("tr", new Locator.LocatorOptions().setHasText("Xena Mentee")))
                .containsText("The mentee's 2nd choice");
        assertThat(main).containsText("Mentees left unmatched");
        assertThat(page.getByRole(
                                AriaRole.TABLE,
                                new com.microsoft.playwright.Page.GetByRoleOptions()
                                        .setName("Mentees left unmatched, and why"))
                        .locator("tbody tr"))
                .hasCount(1);
        assertAccessible();

        // forbid Yusuf with Amara: Zoe takes the place, Yusuf is the one left out
        page.getByLabel("Mentee", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("EY");
        page.getByLabel("Mentor", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("MA");
        page.getByLabel("Rule", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("forbidden");
        click(AriaRole.BUTTON, "Save the rule");
        Locator rules = page.getByRole(
                AriaRole.TABLE,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Pairs locked in or forbidden"));
        assertThat(rules).containsText("Yusuf Mentee");
        assertThat(rules).containsText("Forbidden");
        assertAccessible();
        click(AriaRole.BUTTON, "Run matching again");
        Locator unmatched = page.getByRole(
                AriaRole.TABLE,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Mentees left unmatched, and why"));
        assertThat(unmatched).containsText("Yusuf Mentee");
        assertAccessible();

        click(AriaRole.BUTTON, "Confirm these pairs");
        assertAccessible();
        click(AriaRole.LINK, "Relationships");
        expectHeading("Relationships");
        assertThat(main).containsText("Zoe Mentee");
        assertThat(main).containsText("Xena Mentee");
        assertThat(main).not().containsText("Yusuf Mentee");
        assertAccessible();
    }

    private void person(String token, String ods, String ref, String given, String family) {
        ApiClient.Response r = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json(
                        "person_ref",
                        ref,
                        "given_name",
                        given,
                        "family_name",
                        family,
                        "email",
                        uniqueEmail(ref.toLowerCase(java.util.Locale.ROOT)),
                        "profession",
                        "gp"));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
