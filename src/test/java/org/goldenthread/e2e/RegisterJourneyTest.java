package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/** An ICS admin builds the leadership map and register in the browser, and moves it in and out as a file. */
class RegisterJourneyTest extends BrowserTest {

    @Test
    void anIcsAdminAddsAForumASeatAPersonAndAnAppointment() {
        String ods = createIcs("Forum Journey ICS");
        String admin = createUser("ics_admin", ods);
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/forums"));
        expectHeading("Forums");
        assertAccessible();

        click(AriaRole.LINK, "Add a forum");
        click(AriaRole.BUTTON, "Add forum");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the name of the forum");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the level of the forum");
        // messages are words, not field codes
        assertThat(page.locator(".nhsuk-error-summary")).not().containsText("name:");
        assertThat(page.locator(".nhsuk-error-summary")).not().containsText("level:");
        assertAccessible();

        page.getByLabel("Name of the forum").fill("Integrated Care Board");
        page.getByLabel("Level", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("system");
        page.getByLabel("Kind of forum").selectOption("board");
        page.getByLabel("Decision rights").selectOption("decides");
        click(AriaRole.BUTTON, "Add forum");
        expectHeading("Integrated Care Board");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Integrated Care Board was added");
        assertAccessible();

        page.getByLabel("Title of the seat").fill("Chief Nursing Officer");
        page.getByLabel("Type of seat").selectOption("professional_lead");
        page.locator("label[for=professionally_agnostic-no]").click();
        page.getByLabel("Registered nurse (adult)").check();
        page.getByLabel("Midwife", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Expected hours a week (optional)").fill("4");
        click(AriaRole.BUTTON, "Add seat");
        assertThat(page.locator("table")).containsText("Chief Nursing Officer");
        assertThat(page.locator("table")).containsText("Vacant");
        assertThat(page.locator("table")).containsText("never held; created");
        assertThat(page.locator("table")).containsText("Nursing and midwifery: Midwife, Registered nurse (adult)");

        click(AriaRole.LINK, "Register");
        expectHeading("Leadership register");
        click(AriaRole.LINK, "Add a person");
        page.getByLabel("Reference").fill("N1");
        page.getByLabel("Given name").fill("Nell");
        page.getByLabel("Family name").fill("Okoro");
        page.getByLabel("Profession").selectOption("nurse_adult");
        page.getByLabel("Registration number (optional)").fill("12345");
        click(AriaRole.BUTTON, "Add person");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("is not a NMC registration number");
        assertAccessible();
        page.getByLabel("Registration number (optional)").fill("09A1234C");
        click(AriaRole.BUTTON, "Add person");
        expectHeading("Nell Okoro");
        assertAccessible();

        page.getByLabel("Seat", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption()
                        .setLabel("Integrated Care Board: Chief Nursing Officer"));
        fillDate("Start date", "1", "4", "2026");
        fillDate("End date (optional)", "1", "3", "2026");
        click(AriaRole.BUTTON, "Appoint");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("is before the start date");
        assertAccessible();
        fillDate("End date (optional)", "", "", "");
        page.getByLabel("Protected hours agreed a week (optional)").fill("4");
        click(AriaRole.BUTTON, "Appoint");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("Nell Okoro was appointed to Chief Nursing Officer");
        assertThat(page.locator("table")).containsText("Integrated Care Board");
        assertAccessible();

        click(AriaRole.LINK, "Update Chief Nursing Officer on Integrated Care Board");
        expectHeading("Chief Nursing Officer on Integrated Care Board");
        page.getByLabel("Hours actually used a week").fill("lots");
        click(AriaRole.BUTTON, "Save");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the hours as a number");
        assertAccessible();
        page.getByLabel("Hours actually used a week").fill("2.5");
        click(AriaRole.BUTTON, "Save");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("was updated");
        assertThat(page.locator("table")).containsText("2.5");

        click(AriaRole.LINK, "Change details of Nell Okoro");
        page.getByLabel("Career stage (optional)").selectOption("early");
        click(AriaRole.BUTTON, "Save changes");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Nell Okoro's details were saved");
        // the career stage is shown by its label, no longer by its code
        assertThat(page.locator("main")).containsText("Early career");

        // the forum says who holds the seat, from when
        page.navigate(url("/ics/" + ods + "/forums"));
        click(AriaRole.LINK, "Integrated Care Board");
        assertThat(page.locator("table")).containsText("Nell Okoro");
        assertThat(page.locator("table")).containsText("since 1 April 2026");
        assertThat(page.locator("table")).not().containsText("Vacant");
        assertAccessible();
    }

    @Test
    void anIcsAdminImportsABrokenFileThenAGoodOneAndDownloadsTheRegister() throws Exception {
        String ods = createIcs("Import Journey ICS");
        String admin = createUser("ics_admin", ods);
        RegisterFixture.addGeography(api, tokenFor(admin), ods);
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/register"));
        expectHeading("Import or export the register");
        assertAccessible();

        String broken = RegisterFixture.smallRegister().replace("P4,Dev,Eze,,pharmacist", "P4,Dev,Eze,,pharmacyst");
        page.getByLabel("Register file")
                .setInputFiles(new FilePayload("register.csv", "text/csv", broken.getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("nothing was imported");
        assertThat(page.locator("#problems + .nhsuk-scroll table"))
                .containsText("'pharmacyst' is not a known profession code");
        assertThat(page.locator("#problems + .nhsuk-scroll table")).containsText("profession");
        assertAccessible();

        page.getByLabel("Register file")
                .setInputFiles(new FilePayload(
                        "register.csv",
                        "text/csv",
                        RegisterFixture.smallRegister().getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.locator("#outcome")).hasText("Imported");
        assertThat(page.locator(".nhsuk-card")).containsText("8 people added");
        assertAccessible();

        Download download = page.waitForDownload(() -> click(AriaRole.LINK, "Download the register as CSV"));
        String exported = Files.readString(download.path());
        assertThat(exported).startsWith(RegisterFixture.HEADER).contains("P1,Asha,Reed");

        Download workbook = page.waitForDownload(() -> click(AriaRole.LINK, "Download the register as Excel (.xlsx)"));
        page.getByLabel("Register file")
                .setInputFiles(new FilePayload(
                        "register.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        Files.readAllBytes(workbook.path())));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.locator(".nhsuk-card")).containsText("Nothing in the file differed from the register");

        page.navigate(url("/ics/" + ods + "/people"));
        assertThat(page.locator("table")).containsText("Asha Reed");
        assertAccessible();
    }

    @Test
    void anIcsAdminAddsANeighbourhoodAndAnOrganisationToTheMap() {
        String ods = createIcs("Map Journey ICS");
        String admin = createUser("ics_admin", ods);
        RegisterFixture.addGeography(api, tokenFor(admin), ods);
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + ods + "/map"));
        click(AriaRole.LINK, "Add a neighbourhood");
        click(AriaRole.BUTTON, "Add neighbourhood");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the place it is in");
        assertAccessible();
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("Hillside PCN");
        page.getByLabel("Place", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("Southvale");
        click(AriaRole.BUTTON, "Add neighbourhood");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Hillside PCN was added");

        click(AriaRole.LINK, "Add an organisation");
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("Hillside Hospice");
        page.getByLabel("Sector").selectOption("vcse");
        page.getByLabel("ODS code (optional)").fill("not an ods code");
        click(AriaRole.BUTTON, "Add organisation");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("An ODS code is 3 to 10 letters and digits");
        assertAccessible();
        page.getByLabel("ODS code (optional)").fill("");
        click(AriaRole.BUTTON, "Add organisation");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Hillside Hospice was added");
        expectHeading("Organisations");
        assertThat(page.locator("table.nhsuk-table tbody tr")).hasCount(1);
        assertThat(page.locator("table.nhsuk-table tbody")).containsText("Hillside Hospice");
        assertAccessible();

        // the map counts the ICS's organisations by sector and links to the list of them all
        page.locator(".nhsuk-back-link").click();
        expectHeading("ICS map");
        assertThat(page.locator("main")).containsText("Voluntary, community and social enterprise: 1");
        click(AriaRole.LINK, "Find an organisation");
        expectHeading("Organisations");
        assertThat(page.locator("table.nhsuk-table tbody")).containsText("Hillside Hospice");
    }

    @Test
    void aLongRegisterComesFiftyPeopleAPageAndItsPagesKeepTheFilter() {
        String ods = createIcs("Long Register ICS");
        String admin = createUser("ics_admin", ods);
        StringBuilder file = new StringBuilder(RegisterFixture.HEADER + "\n");
        // 120 people: 80 GPs and 40 pharmacists, named so they sort in the order they are numbered
        for (int i = 1; i <= 120; i++) {
            file.append(String.format(
                    "R%03d,Given,Family%03d,,%s,,Employer %d,,general_practice,mid,,,,,,,,,,,,,,,%n",
                    i, i, i <= 80 ? "gp" : "pharmacist", i));
        }
        ApiClient.Response imported = api.post(
                "/api/v1/ics/" + ods + "/register/import",
                tokenFor(admin),
                "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        signIn(admin, PASSWORD);

        page.navigate(url("/ics/" + ods + "/people"));
        assertThat(page.locator("caption")).hasText("120 people, 1 to 50 shown");
        assertThat(page.locator("tbody tr")).hasCount(50);
        Locator pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of people"));
        assertThat(pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Page 1")))
                .hasAttribute("aria-current", "page");
        assertThat(pages.locator(".nhsuk-pagination__link")).hasText(new String[] {"1", "2", "3"});
        assertThat(pages.locator(".nhsuk-pagination__previous")).hasCount(0);
        assertAccessible();

        page.getByLabel("Profession").selectOption("gp");
        click(AriaRole.BUTTON, "Filter");
        assertThat(page.locator("caption")).hasText("80 people, 1 to 50 shown");
        pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next page"))
                .click();
        assertThat(page.locator("caption")).hasText("80 people, 51 to 80 shown");
        assertThat(page.locator("tbody tr")).hasCount(30);
        assertThat(page.locator("tbody tr").first()).containsText("Given Family051");
        assertThat(page.locator("tbody")).not().containsText("R081");
        assertThat(page.getByLabel("Profession")).hasValue("gp");
        assertThat(pages.locator(".nhsuk-pagination__next")).hasCount(0);
        assertAccessible();

        pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous page"))
                .click();
        assertThat(page.locator("caption")).hasText("80 people, 1 to 50 shown");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("profession=gp"));

        // a link to a page the list no longer reaches shows its last page
        page.navigate(url("/ics/" + ods + "/people?q=Family11&page=7"));
        assertThat(page.locator("caption")).hasText("10 people");
        assertThat(pages).hasCount(0);
    }
}
