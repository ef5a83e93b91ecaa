package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import org.goldenthread.pipeline.SuccessionFixture;
import org.junit.jupiter.api.Test;

/** The talent pool, a succession plan and an exit conversation, as an ICS admin keeps them in the browser. */
class SuccessionJourneyTest extends BrowserTest {

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    private String ods;

    private String adminWithRegister(String name) {
        ods = createIcs(name);
        String email = createUser("ics_admin", ods);
        SuccessionFixture.load(api, tokenFor(email), ods);
        signIn(email, PASSWORD);
        return email;
    }

    @Test
    void anIcsAdminNominatesSomeoneNewAndFindsThemAmongReviewsDue() {
        adminWithRegister("Talent Journey ICS");
        page.navigate(url("/ics/" + ods + "/pipeline/talent"));
        expectHeading("Talent pool");
        assertAccessible();

        click(AriaRole.LINK, "Nominate someone");
        expectHeading("Nominate someone for the talent pool");
        click(AriaRole.BUTTON, "Add to the talent pool");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Say why you are nominating them");
        assertThat(page.locator(".nhsuk-error-summary"))
                .containsText("Choose someone in the register or describe someone new");
        assertAccessible();

        page.getByLabel("Reference", exact()).fill("TP9");
        page.getByLabel("Given name").fill("Rhian");
        page.getByLabel("Family name").fill("Hughes");
        page.getByLabel("Profession", exact()).selectOption("paramedic");
        page.getByLabel("Why you are nominating them").fill("Led the frailty pathway redesign across two places");
        page.getByLabel("Ready in 1 to 2 years").check();
        page.getByLabel("Place", exact()).check();
        page.locator("label[for=consent_to_contact]").click();
        fillDate("Review date (optional)", LocalDate.now().minusDays(1));
        click(AriaRole.BUTTON, "Add to the talent pool");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("Rhian Hughes was added to the talent pool");
        assertThat(page.locator("#pool")).containsText("Rhian Hughes");
        assertThat(page.locator("#pool")).containsText("Ready in 1 to 2 years");
        // the level named as on the form, not by its code
        assertThat(page.locator("#pool tbody").getByText("Place", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(1);
        assertAccessible();

        page.getByLabel("Readiness", exact()).selectOption("ready_now");
        click(AriaRole.BUTTON, "Filter");
        assertThat(page.locator("main")).containsText("Nobody in the pool matches");
        page.getByLabel("Readiness", exact()).selectOption("");
        page.getByLabel("Only reviews due").check();
        click(AriaRole.BUTTON, "Filter");
        assertThat(page.locator("#pool")).containsText("Rhian Hughes");
        assertThat(page.locator("#pool")).containsText("Due");
        assertAccessible();
    }

    @Test
    void anIcsAdminMarksACriticalSeatAndNamesASuccessorReadyNow() {
        adminWithRegister("Succession Journey ICS");
        page.navigate(url("/ics/" + ods + "/pipeline/succession"));
        expectHeading("Succession");
        assertThat(page.locator("main")).containsText("No seats are marked as critical yet");
        assertAccessible();

        click(AriaRole.BUTTON, "Mark as critical");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the seat to mark as critical");
        assertAccessible();
        page.getByLabel("Seat", exact()).selectOption(new SelectOption().setLabel("System Board: Chair"));
        click(AriaRole.BUTTON, "Mark as critical");
        expectHeading("Chair on System Board");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("is now a critical seat");
        assertAccessible();

        page.getByLabel("Person", exact()).selectOption(new SelectOption().setLabel("Pat One (P1)"));
        page.getByLabel("Ready now").check();
        click(AriaRole.BUTTON, "Name successor");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Pat One holds this seat today");
        assertAccessible();
        page.getByLabel("Person", exact()).selectOption(new SelectOption().setLabel("Pip Five (P5)"));
        page.getByLabel("Ready now").check();
        click(AriaRole.BUTTON, "Name successor");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Pip Five is named as a successor");
        assertThat(page.locator("table")).containsText("Pip Five");

        click(AriaRole.LINK, "Back to succession");
        assertThat(page.locator("#bench-strength")).containsText("100%");
        assertThat(page.locator("main")).containsText("1 of 1 critical seat has a successor ready now");
        assertThat(page.locator("main")).containsText("2 appointments end within 180 days");
        page.getByLabel("Look ahead this many days").fill("90");
        click(AriaRole.BUTTON, "Show terms ending");
        assertThat(page.locator("main"))
                .containsText("1 appointment ends within 90 days; 0 of them have no successor ready now");
        assertAccessible();

        // the overview counts the terms ending in the next 90 days
        page.navigate(url("/ics/" + ods));
        assertThat(page.locator("main")).containsText("Terms ending in the next 90 days");
    }

    @Test
    void anIcsAdminRecordsAnExitConversationAndSeesItCounted() {
        adminWithRegister("Exit Journey ICS");
        page.navigate(url("/ics/" + ods + "/pipeline/exits"));
        expectHeading("Exits");
        assertThat(page.locator("#turnover")).containsText("System");
        assertAccessible();

        click(AriaRole.LINK, "Record the exit conversation with Peg Eight about GP lead");
        expectHeading("Exit conversation with Peg Eight");
        click(AriaRole.BUTTON, "Save conversation");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the date of the conversation");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the main reason for leaving");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Say whether they handed over");
        assertAccessible();

        fillDate("Date of the conversation", LocalDate.now().minusDays(3));
        page.getByLabel("Burnout").check();
        page.getByLabel("Perhaps").check();
        page.locator("label[for=handover]").click();
        page.getByLabel("Who they handed over to (optional)")
                .selectOption(new SelectOption().setLabel("Pax Nine (P9)"));
        click(AriaRole.BUTTON, "Save conversation");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("The exit conversation with Peg Eight");
        assertThat(page.locator("#ended")).containsText("Burnout");
        // the figures were released when the page was first read, and one conversation is fewer than k
        // changes: they stand, and say so, rather than moving by what Peg Eight said
        assertThat(page.locator("main")).containsText("counted again only once at least");
        assertThat(page.locator("main")).not().containsText("1 exit conversation about");
        assertAccessible();
    }
}
