package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * A GP on the register records a week of her system roles from Development: a slip is pointed out
 * beside the field, the corrected week sets her time used, and she changes it again from her list of
 * weeks. The ICS administrator then opens the month-by-month figures.
 */
class TimeLogJourneyTest extends BrowserTest {

    @Test
    void aLeaderRecordsHerWeekAndTheAdministratorSeesOnlyTheFigures() {
        String ods = createIcs("Time Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        RegisterFixture.loadSmallRegister(api, admin, ods);
        String asha = createUser("member", ods);
        long p1 = 0;
        for (var p : api.get("/api/v1/ics/" + ods + "/people", admin).json()) {
            if (p.get("person_ref").asString().equals("P1")) {
                p1 = p.get("id").asLong();
            }
        }
        ApiClient.Response moved = api.put(
                "/api/v1/ics/" + ods + "/people/" + p1,
                admin,
                ApiClient.json(
                        "given_name", "Asha",
                        "family_name", "Reed",
                        "email", asha,
                        "profession", "gp",
                        "registration_number", "1234567",
                        "employer", "Brook Surgery",
                        "sector", "general_practice",
                        "career_stage", "senior"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        signIn(asha, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development"));
        click(AriaRole.LINK, "Your leadership time");
        expectHeading("Your leadership time");
        assertThat(page.locator("#roles")).containsText("Chair, ICS Board");
        assertThat(page.locator("#no-weeks")).isVisible();
        assertAccessible();

        page.getByLabel("Hours on Chair, ICS Board").fill("three");
        page.getByLabel("Hours on Chair, Professional Council").fill("1.5");
        page.getByLabel("Stretched, but I coped").check();
        click(AriaRole.BUTTON, "Record this week");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator(".nhsuk-error-summary"))
                .containsText("Enter the hours for Chair, ICS Board as a number");
        assertThat(page.getByLabel("Hours on Chair, Professional Council")).hasValue("1.5");
        assertAccessible();

        page.getByLabel("Hours on Chair, ICS Board").fill("3");
        page.getByLabel("Some of it").check();
        page.getByLabel("A note for yourself").fill("Board papers came late again.");
        click(AriaRole.BUTTON, "Record this week");
        LocalDate monday =
                LocalDate.now().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        String day = org.goldenthread.platform.Dates.day(monday);
        assertThat(page.locator(".nhsuk-notification-banner--success"))
                .containsText("Your week starting " + day + " is recorded.");
        assertThat(page.locator("#weeks")).containsText("4.5");
        assertThat(page.locator(
                        "#roles tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Chair, ICS Board")))
                .containsText("3");
        assertAccessible();

        click(AriaRole.LINK, "Change the week starting " + day);
        assertThat(page.getByLabel("Hours on Chair, ICS Board")).hasValue("3");
        assertThat(page.getByLabel("A note for yourself")).hasValue("Board papers came late again.");
        page.getByLabel("Hours on Chair, ICS Board").fill("2");
        click(AriaRole.BUTTON, "Record this week");
        assertThat(page.locator("#weeks")).containsText("3.5");
        page.navigate(url("/ics/" + ods + "/development"));
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Time and wellbeing")))
                .hasCount(0);

        context.clearCookies();
        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development"));
        click(AriaRole.LINK, "Time and wellbeing");
        expectHeading("Time and wellbeing");
        assertThat(page.locator("#workload")).containsText("People who answered");
        assertThat(page.locator("#hours tbody tr")).hasCount(3);
        assertAccessible();
    }
}
