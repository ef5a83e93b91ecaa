package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.pipeline.RecruitmentFixture;
import org.junit.jupiter.api.Test;

/** An ICS admin takes a recruitment round from the advert to an appointment in the register. */
class RecruitmentJourneyTest extends BrowserTest {

    @Test
    void aRecruitmentRoundFromAdvertToAppointment() {
        String ods = createIcs("Recruitment Journey ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        RegisterFixture.loadSmallRegister(api, token, ods);
        RecruitmentFixture.nameAhpProfessions(api, token, ods);
        signIn(admin, PASSWORD);

        click(AriaRole.LINK, "Pipeline");
        expectHeading("Leadership pipeline");
        assertAccessible();
        click(AriaRole.LINK, "Recruitment");
        expectHeading("Recruitment rounds");
        assertThat(page.locator("main")).containsText("There are no recruitment rounds yet");
        assertAccessible();

        click(AriaRole.LINK, "Open a round");
        expectHeading("Open a recruitment round");
        // the vacant seats come first
        assertThat(page.locator("#seat_id option").nth(1)).containsText("(vacant)");
        click(AriaRole.BUTTON, "Open round");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the seat to recruit to");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the date the advert opens");
        assertAccessible();
        page.getByLabel("Seat", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Northfield Place Board: AHP lead (vacant)"));
        page.getByLabel("Role description (optional)")
                .fill("Leads the allied health professions on the place board, about four hours a week.");
        fillDate("Advert opens", "1", "11", "2026");
        fillDate("Advert closes", "15", "12", "2026");
        click(AriaRole.BUTTON, "Open round");
        expectHeading("AHP lead on Northfield Place Board");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("was opened");
        assertThat(page.locator(".nhsuk-summary-list")).containsText("1 November 2026 to 15 December 2026");
        assertThat(page.locator(".nhsuk-summary-list")).containsText("Physiotherapist");
        assertAccessible();

        click(AriaRole.LINK, "Add an application");
        expectHeading("Add an application");
        page.getByLabel("Given name").fill("Priya");
        click(AriaRole.BUTTON, "Add application");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the applicant's family name");
        assertAccessible();
        page.getByLabel("Family name").fill("Shah");
        page.getByLabel("Profession").selectOption("physiotherapist");
        page.getByLabel("Asian, Asian British or Asian Welsh").check();
        page.getByLabel("Female").check();
        page.getByLabel("Not disabled").check();
        click(AriaRole.BUTTON, "Add application");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Priya Shah's application was added");

        page.getByLabel("Applications file")
                .setInputFiles(new FilePayload(
                        "round.csv",
                        "text/csv",
                        (RecruitmentFixture.HEADER + "\nT-2,,Tom,Ward,,gp,senior,applied,white,male,no\n"
                                        + "O-3,,Ola,Bello,,occupational_therapist,early,applied,,,\n")
                                .getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.locator("#outcome")).hasText("Imported");
        assertThat(page.locator(".nhsuk-card")).containsText("2 added");
        // Tom is a GP: the seat is open to physiotherapists and occupational therapists
        assertThat(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Tom Ward")))
                .containsText("Not a profession this seat is open to");
        // nobody's equality answers are on the page
        assertThat(page.locator("main")).not().containsText("Asian");
        assertThat(page.locator("main")).not().containsText("White");
        assertAccessible();

        page.getByLabel("Stage of Priya Shah").selectOption("shortlisted");
        click(AriaRole.BUTTON, "Change the stage of Priya Shah");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Priya Shah is now shortlisted");

        click(AriaRole.LINK, "Appoint Priya Shah");
        expectHeading("Appoint Priya Shah");
        click(AriaRole.BUTTON, "Appoint");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the date the appointment starts");
        assertAccessible();
        fillDate("Start date", "4", "1", "2027");
        click(AriaRole.BUTTON, "Appoint");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("Priya Shah was appointed to AHP lead on Northfield Place Board from 4 January 2027");
        assertThat(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Priya Shah")))
                .containsText("Appointment in the register");
        assertAccessible();

        click(AriaRole.LINK, "Offer the talent pool to Tom Ward");
        expectHeading("Offer Tom Ward a place in the talent pool");
        page.getByLabel("How ready are they for a role like this?").selectOption("one_to_two_years");
        page.locator("label[for=consent_to_contact]").click();
        click(AriaRole.BUTTON, "Add to the talent pool");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Tom Ward was added to the talent pool");
        assertThat(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Tom Ward")))
                .containsText("In the talent pool");
        assertAccessible();

        // the appointment is in the register, by open recruitment
        page.navigate(url("/ics/" + ods + "/people?q=Priya"));
        click(AriaRole.LINK, "Priya Shah");
        expectHeading("Priya Shah");
        assertThat(page.locator("table")).containsText("AHP lead");
        assertThat(page.locator("table")).containsText("Open recruitment");
        assertThat(page.locator("table")).containsText("4 January 2027");
    }
}
