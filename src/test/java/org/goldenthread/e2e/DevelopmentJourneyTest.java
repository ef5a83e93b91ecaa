package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/** Finding and joining an offer: a member finds one they are eligible for and applies; the admin accepts them. */
class DevelopmentJourneyTest extends BrowserTest {

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void aMemberFindsAndJoinsAnOfferAndTheAdminAcceptsThem() {
        String ods = createIcs("Development Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        String member = createUser("member", ods);
        api.post(
                "/api/v1/ics/" + ods + "/people",
                admin,
                ApiClient.json(
                        "person_ref",
                        "N1",
                        "given_name",
                        "Nell",
                        "family_name",
                        "Okoro",
                        "email",
                        member,
                        "profession",
                        "nurse_adult",
                        "career_stage",
                        "mid"));

        // the admin adds two offers in the catalogue: one for nurses, one for GPs
        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development"));
        expectHeading("Development");
        assertAccessible();
        click(AriaRole.LINK, "Development catalogue");
        expectHeading("Development catalogue");
        assertAccessible();
        click(AriaRole.LINK, "Add an offer");
        click(AriaRole.BUTTON, "Add offer");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the title");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Say how long it takes");
        assertAccessible();
        page.getByLabel("Title", exact()).fill("Nurse leaders' network");
        page.getByLabel("Kind of offer").selectOption("network");
        page.getByLabel("Description", exact()).fill("Monthly conversations between nurse leaders across the system.");
        page.getByLabel("Provider", exact()).fill("ICS chief nurse's office");
        page.getByLabel("Where the provider works").selectOption("ics");
        page.getByLabel("Delivery", exact()).selectOption("blended");
        page.getByLabel("Hours in total (optional)").fill("18");
        page.getByLabel("Over how many weeks (optional)").fill("52");
        page.getByLabel("Nursing and midwifery").check();
        page.getByLabel("Places (optional)").fill("12");
        page.getByLabel("Link for more information (optional)").fill("http://example.org");
        click(AriaRole.BUTTON, "Add offer");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("https://");
        page.getByLabel("Link for more information (optional)").fill("https://example.org/network");
        click(AriaRole.BUTTON, "Add offer");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Nurse leaders' network was added");
        java.util.Map<String, Object> gp = new java.util.LinkedHashMap<>();
        gp.put("title", "GP partners' course");
        gp.put("kind", "course");
        gp.put("description", "For GP partners.");
        gp.put("provider", "Deanery");
        gp.put("scope", "regional");
        gp.put("delivery", "online");
        gp.put("hours", "6");
        gp.put("professions", java.util.List.of("gp"));
        Object[] pairs = gp.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray();
        api.post("/api/v1/ics/" + ods + "/offers", admin, ApiClient.json(pairs));
        context.clearCookies();

        // the member finds only what they are eligible for, and applies
        signIn(member, PASSWORD);
        page.navigate(url("/ics/" + ods));
        click(AriaRole.LINK, "Development");
        click(AriaRole.LINK, "Find development");
        expectHeading("Find development");
        assertThat(page.locator("main")).containsText("Nell Okoro");
        assertThat(page.locator("main")).containsText("Nurse leaders' network");
        assertThat(page.locator("main")).not().containsText("GP partners' course");
        assertAccessible();
        click(AriaRole.LINK, "Nurse leaders' network");
        expectHeading("Nurse leaders' network");
        assertThat(page.locator("main")).containsText("18 hours over 52 weeks");
        assertAccessible();
        click(AriaRole.BUTTON, "Apply");
        expectHeading("My development");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("You have applied for Nurse leaders' network");
        assertThat(page.locator("table")).containsText("Applied");
        assertAccessible();
        context.clearCookies();

        // the admin accepts the application
        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development/catalogue"));
        click(AriaRole.LINK, "Enrolments on Nurse leaders' network");
        expectHeading("Nurse leaders' network");
        assertThat(page.locator("table")).containsText("Nell Okoro (N1)");
        assertAccessible();
        click(AriaRole.BUTTON, "Accept Nell Okoro");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Nell Okoro was accepted");
        assertThat(page.locator("table")).containsText("Accepted");
        assertAccessible();
    }
}
