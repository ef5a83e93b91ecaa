package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Dates;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The engagement plan in the browser: building it (with mistakes shown by field), seeing what is
 * overdue and the timeline; and a survey's "you said, we did": an action added, the page published
 * and read signed out on a phone without JavaScript. Every page is scanned for accessibility.
 */
class EngagementPlanJourneyTest extends BrowserTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Test
    void buildingThePlanAndSeeingTheTimeline() {
        String ods = createIcs("Plan Journey ICS");
        String admin = createUser("ics_admin", ods);
        LocalDate today = LocalDate.now();

        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/engagement-plan"));
        expectHeading("Engagement plan");
        scan();

        click(AriaRole.LINK, "Add a stakeholder group");
        expectHeading("Add a stakeholder group");
        page.getByLabel("Name", EXACT).fill("Staff side partnership forum");
        page.getByLabel("Trade union").check();
        page.getByLabel("Estimated size (optional)").fill("-3");
        click(AriaRole.BUTTON, "Add the group");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Estimated size");
        scan();
        page.getByLabel("Estimated size (optional)").fill("40");
        click(AriaRole.BUTTON, "Add the group");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Staff side partnership forum is added");

        click(AriaRole.LINK, "Add an activity");
        expectHeading("Add an activity");
        page.getByLabel("Title", EXACT).fill("Meeting with staff side leads");
        page.getByLabel("Roundtable").check();
        fillDate("Start date", today.minusDays(10));
        fillDate("End date (optional)", today.minusDays(12));
        page.getByLabel("Stakeholder group (optional)")
                .selectOption(new SelectOption().setLabel("Staff side partnership forum"));
        click(AriaRole.BUTTON, "Add the activity");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("End date");
        scan();
        fillDate("End date (optional)", today.minusDays(5));
        click(AriaRole.BUTTON, "Add the activity");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Meeting with staff side leads is added");
        assertThat(page.locator("#overdue")).containsText("1 activity is overdue");
        assertThat(page.locator("#overdue")).containsText(Dates.day(today.minusDays(5)));
        scan();

        click(AriaRole.LINK, "Add an activity");
        page.getByLabel("Title", EXACT).fill("Webinar for students on placement");
        page.getByLabel("Webinar").check();
        fillDate("Start date", today.plusMonths(2));
        click(AriaRole.BUTTON, "Add the activity");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Webinar for students on placement");

        click(AriaRole.LINK, "See the plan month by month");
        expectHeading("Engagement timeline");
        String month = today.plusMonths(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK));
        assertThat(page.locator("#upcoming")).isVisible();
        assertThat(page.locator("section")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(month)))
                .containsText("Webinar for students on placement");
        assertThat(page.locator("main")).containsText("Overdue");
        scan();

        page.navigate(url("/ics/" + ods));
        assertThat(page.locator("main")).containsText("Overdue engagement activities");
        assertThat(page.locator("main")).containsText("Meeting with staff side leads");
    }

    @Test
    void publishingASurveysYouSaidWeDidPageAndReadingItSignedOut() {
        String ods = createIcs("Heard Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        long survey = api.post(
                        "/api/v1/ics/" + ods + "/surveys",
                        admin,
                        "{\"code\": \"voice\", \"title\": \"Being heard\", \"questions\": ["
                                + "{\"code\": \"Q1\", \"text\": \"What gets in the way?\", \"type\": \"text\"}]}")
                .json()
                .get("id")
                .asLong();
        String base = "/api/v1/ics/" + ods + "/surveys/" + survey;
        StringBuilder csv = new StringBuilder("Q1\n");
        // twenty: an anonymous survey's comments are read in steps of k (10)
        for (int i = 0; i < 20; i++) {
            csv.append("Rotas leave no time for forum meetings ").append(i).append('\n');
        }
        api.post(base + "/responses/import", admin, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        long theme = api.post(base + "/themes", admin, ApiClient.json("name", "Time to take part"))
                .json()
                .get("id")
                .asLong();
        for (JsonNode c :
                api.get(base + "/comments?field=Q1&page_size=100", admin).json()) {
            api.post(
                    base + "/responses/" + c.get("response_id").asString() + "/coding",
                    admin,
                    ApiClient.json("field", "Q1", "themes", List.of(theme)));
        }

        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/engagement-plan"));
        click(AriaRole.LINK, "Survey: Being heard");
        expectHeading("Being heard");
        assertThat(page.locator("main")).containsText("20 times");
        scan();
        click(AriaRole.BUTTON, "Add the action");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("What we will do");
        scan();
        page.getByLabel("What we will do").fill("Fund backfill so frontline staff can come to forum meetings");
        page.getByLabel("Theme it answers (optional)").selectOption(new SelectOption().setLabel("Time to take part"));
        page.getByLabel("Owner (optional)").fill("Workforce lead");
        fillDate("Due date (optional)", LocalDate.now().plusMonths(1));
        click(AriaRole.BUTTON, "Add the action");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("The action is added");
        click(AriaRole.BUTTON, "Publish the page");
        String link = page.locator("#copy-link").inputValue();
        org.assertj.core.api.Assertions.assertThat(link).contains("/you-said-we-did/");
        assertThat(page.locator("#publication")).isVisible();
        scan();

        newPhoneWithoutJavaScript();
        page.navigate(link);
        expectHeading("You said, we did");
        assertThat(page.locator("main")).containsText("Time to take part");
        assertThat(page.locator("main")).containsText("Raised 20 times");
        assertThat(page.locator("main")).containsText("Fund backfill so frontline staff can come to forum meetings");
        assertThat(page.locator("main")).not().containsText("Rotas leave no time");
        scan();
    }
}
