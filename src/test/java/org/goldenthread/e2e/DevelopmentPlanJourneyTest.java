package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.goldenthread.support.RegisterEntries;
import org.junit.jupiter.api.Test;

/**
 * A GP keeps a development plan: a goal missing its words is pointed out beside the field, the goal
 * tied to an offer is added, changed and marked met, and the plan shared with her mentor, who reads it.
 */
class DevelopmentPlanJourneyTest extends BrowserTest {

    @Test
    void aLeaderKeepsAPlanAndHerMentorReadsIt() {
        String ods = createIcs("Plan Journey ICS");
        String admin = tokenFor(createUser("ics_admin", ods));
        String lena = createUser("member", ods);
        String mentor = createUser("member", ods);
        RegisterEntries.gp(api, admin, ods, "L1", "Lena", "Marsh", lena);
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/offers",
                                admin,
                                org.goldenthread.support.ApiClient.json(
                                        "title", "Chairing with confidence",
                                        "kind", "course",
                                        "delivery", "online",
                                        "scope", "national",
                                        "provider", "NHS Leadership Academy",
                                        "description", "Chairing meetings across organisations.",
                                        "hours", "8",
                                        "weeks", "4"))
                        .status())
                .isEqualTo(201);

        signIn(lena, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development"));
        click(AriaRole.LINK, "Your development plan");
        expectHeading("Your development plan");
        assertThat(page.locator("#no-goals")).isVisible();
        assertAccessible();

        fillDate("When you aim to meet it (optional)", "30", "6", "2027");
        click(AriaRole.BUTTON, "Add the goal");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator("#title-error")).containsText("Enter the goal");
        assertAccessible();

        page.locator("#title").fill("Chair the place clinical forum");
        page.getByLabel("How you will know you have met it (optional)")
                .fill("Three meetings, each ending in a decision");
        page.getByLabel("Development from your ICS that helps (optional)").selectOption("Chairing with confidence");
        click(AriaRole.BUTTON, "Add the goal");
        assertThat(page.locator(".nhsuk-notification-banner--success"))
                .containsText("Added: Chair the place clinical forum");
        assertThat(page.locator("#goals")).containsText("30 June 2027");
        assertThat(page.locator("#goals")).containsText("Chairing with confidence");
        assertAccessible();

        click(AriaRole.LINK, "Change the goal: Chair the place clinical forum");
        assertThat(page.locator("#goal-form")).hasText("Change the goal");
        page.locator("#title").fill("Chair the place clinical forum with confidence");
        click(AriaRole.BUTTON, "Save the change");
        click(AriaRole.BUTTON, "Mark met the goal: Chair the place clinical forum with confidence");
        assertThat(page.locator("#goals")).containsText("Met");

        page.getByLabel("Share with (email address)").fill("not an address");
        click(AriaRole.BUTTON, "Share your plan");
        assertThat(page.locator("#email-error")).containsText("is not an email address");
        assertAccessible();
        page.getByLabel("Share with (email address)").fill(mentor);
        click(AriaRole.BUTTON, "Share your plan");
        assertThat(page.locator("#shares")).containsText(mentor);

        context.clearCookies();
        signIn(mentor, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development/plan"));
        click(AriaRole.LINK, "A plan shared with you");
        expectHeading("Development plans shared with you");
        assertThat(page.locator("main")).containsText("Lena Marsh");
        assertThat(page.locator("main")).containsText("Chair the place clinical forum with confidence");
        assertThat(page.locator("main form")).hasCount(0);
        assertAccessible();
    }
}
