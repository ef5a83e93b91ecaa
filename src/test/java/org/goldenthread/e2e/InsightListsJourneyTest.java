package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.goldenthread.insight.LongListsFixture;
import org.goldenthread.people.RegisterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The insight page's long lists on a page of their own: an ICS admin follows "See all" and pages
 * through, a place lead sees their own place's rows only; every page is scanned for accessibility.
 */
class InsightListsJourneyTest extends BrowserTest {

    private String ods;
    private String admin;

    @BeforeEach
    void anIcsWithLongLists() {
        ods = createIcs("Insight Lists Journey ICS");
        admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        RegisterFixture.addGeography(api, token, ods);
        var imported = api.post(
                "/api/v1/ics/" + ods + "/register/import",
                token,
                "text/csv",
                LongListsFixture.register().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private Locator bodyRows() {
        return page.locator("main table tbody tr");
    }

    private Locator pagination() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of leaders"));
    }

    @Test
    void anIcsAdminSeesTheFirstRowsThenPagesThroughThemAll() {
        signIn(admin, PASSWORD);
        click(AriaRole.LINK, "Insight");
        expectHeading("Leadership insight");
        click(AriaRole.LINK, "Time, seats and vacancies");
        Locator underUsed = page.getByRole(
                AriaRole.TABLE,
                new Page.GetByRoleOptions()
                        .setName("Leaders using less than 75% of their protected time, lowest share first"));
        assertThat(underUsed.locator("tbody tr")).hasCount(10);

        click(AriaRole.LINK, "See all 57 leaders using less than 75% of their time");
        expectHeading("Leaders using less than 75% of the time agreed");
        assertThat(bodyRows()).hasCount(50);
        assertThat(pagination()).isVisible();
        assertThat(pagination().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Page 1")))
                .hasAttribute("aria-current", "page");
        assertAccessible();

        pagination()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next page"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/insight/protected-time\\?page=2$"));
        assertThat(bodyRows()).hasCount(7);
        assertThat(page.locator("main table")).containsText("Ben Cole (P2)");
        assertAccessible();

        click(AriaRole.LINK, "Back to leadership insight");
        expectHeading("Leadership insight");
        assertThat(page).hasURL(Pattern.compile(".*/insight/time-and-seats$"));
        click(AriaRole.LINK, "See all 15 vacant seats");
        expectHeading("Vacant seats");
        assertThat(bodyRows()).hasCount(15);
        assertThat(page.locator("main table")).containsText("Open seat 12");
        // one page of them: no pagination
        assertThat(page.locator(".nhsuk-pagination")).hasCount(0);
        assertAccessible();
    }

    @Test
    void aPlaceLeadPagesThroughTheirOwnPlace() {
        String lead = createUser("place_lead", ods, "Northfield");
        signIn(lead, PASSWORD);
        page.navigate(url("/ics/" + ods + "/insight"));
        expectHeading("Leadership insight");
        click(AriaRole.LINK, "Time, seats and vacancies");
        click(AriaRole.LINK, "See all 56 leaders using less than 75% of their time");
        assertThat(page.locator(".nhsuk-caption-l")).containsText("Northfield");
        assertThat(bodyRows()).hasCount(50);
        pagination()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Page 2"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*place=Northfield.*page=2$"));
        assertThat(bodyRows()).hasCount(6);
        assertThat(page.locator("main table")).containsText("Fay Gale (P6)");
        assertThat(page.locator("main table")).not().containsText("Ben Cole");
        assertAccessible();

        page.navigate(url("/ics/" + ods + "/insight/vacancies"));
        expectHeading("Vacant seats");
        assertThat(bodyRows()).hasCount(2);
        assertThat(page.locator("main table")).not().containsText("Open seat");
        assertAccessible();
    }
}
