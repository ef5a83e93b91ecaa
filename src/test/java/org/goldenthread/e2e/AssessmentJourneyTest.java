package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Self-assessment in the browser: building a framework, then running a cycle from independent
 * ratings to consensus, actions and the board report.
 */
class AssessmentJourneyTest extends BrowserTest {

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void anIcsAdminAdoptsTheNationalFrameworkAndAdaptsIt() throws Exception {
        String ods = createIcs("Framework ICS");
        signIn(createUser("ics_admin", ods), PASSWORD);
        page.navigate(url("/ics/" + ods + "/assessments"));
        expectHeading("Self-assessment");
        assertAccessible();
        click(AriaRole.LINK, "Frameworks");
        expectHeading("Frameworks");
        assertAccessible();

        page.setInputFiles(
                "#file",
                new FilePayload(
                        "broken.json",
                        "application/json",
                        "{\"code\":\"Local\",\"title\":\"\",\"scale\":[],\"principles\":[]}"
                                .getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import framework");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("code: Give the framework a code");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("scale: Give a maturity scale");
        assertAccessible();

        click(AriaRole.BUTTON, "Adopt Clinical and care professional leadership: the 2021 national framework");
        expectHeading("Clinical and care professional leadership: the 2021 national framework");
        assertThat(page.locator("main")).containsText("P3.1 Protected time is agreed for leadership roles and used");
        assertAccessible();

        page.getByLabel("Principle", exact()).selectOption("P3");
        page.getByLabel("Indicator code", exact()).fill("P3.3");
        page.getByLabel("What it looks for", exact()).fill("Leaders can get data and analysis when they need it");
        click(AriaRole.BUTTON, "Save indicator");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("A descriptor cannot be blank");
        assertAccessible();
        String[] levels = {
            "No access to data",
            "Data on request, slowly",
            "Shared dashboards for most leaders",
            "Analysts work alongside leaders"
        };
        for (int i = 0; i < 4; i++) {
            page.locator("#descriptor" + (i + 1)).fill(levels[i]);
        }
        page.getByLabel("Protected time used, as a share of the time agreed").check();
        click(AriaRole.BUTTON, "Save indicator");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("The indicator was saved");
        assertThat(page.locator("main")).containsText("P3.3 Leaders can get data and analysis when they need it");

        page.locator("#code").fill("L8");
        page.locator("#title").fill("Co-production with communities");
        page.locator("#first_indicator_code").fill("L8.1");
        page.locator("#first_indicator_text").fill("Communities shape the priorities leaders work on");
        for (int i = 1; i <= 4; i++) {
            page.locator("#first_descriptor" + i).fill("Level " + i + " description");
        }
        click(AriaRole.BUTTON, "Add principle");
        assertThat(page.locator("main")).containsText("L8 Co-production with communities");

        Download file = page.waitForDownload(() -> click(AriaRole.LINK, "Download as a file (JSON)"));
        assertThat(Files.readString(file.path())).contains("\"P3.3\"", "Analysts work alongside leaders", "\"L8.1\"");

        // or write one of its own, such as a list of local expectations
        page.navigate(url("/ics/" + ods + "/frameworks"));
        page.locator("#new_title").fill("Our ten system expectations");
        click(AriaRole.BUTTON, "Start framework");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Give the framework a code");
        assertAccessible();
        page.locator("#new_code").fill("local-expectations");
        page.locator("#level3").fill("");
        page.locator("#level4").fill("");
        click(AriaRole.BUTTON, "Start framework");
        expectHeading("Our ten system expectations");
        page.locator("#code").fill("X1");
        page.locator("#title").fill("Every place has a professional leadership forum");
        page.locator("#first_indicator_code").fill("X1.1");
        page.locator("#first_indicator_text").fill("A forum meets at each place");
        page.locator("#first_descriptor1").fill("Not in every place");
        page.locator("#first_descriptor2").fill("In every place");
        click(AriaRole.BUTTON, "Add principle");
        assertThat(page.locator("main")).containsText("X1.1 A forum meets at each place");
        assertAccessible();
    }

    @Test
    void contributorsRateTheLeadAgreesPlansActionsAndPublishesTheReport() throws Exception {
        String ods = createIcs("Cycle ICS");
        String lead = createUser("ics_admin", ods);
        String member = createUser("member", ods);
        String token = tokenFor(lead);
        long framework = api.post(
                        "/api/v1/ics/" + ods + "/frameworks/adopt", token, ApiClient.json("code", "national-2021"))
                .json()
                .get("id")
                .asLong();

        signIn(lead, PASSWORD);
        page.navigate(url("/ics/" + ods + "/assessments"));
        click(AriaRole.BUTTON, "Open cycle");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the framework to assess against");
        assertAccessible();
        page.getByLabel("Framework", exact()).selectOption(String.valueOf(framework));
        page.getByLabel("Title", exact()).fill("2026/27 self-assessment");
        click(AriaRole.BUTTON, "Open cycle");
        expectHeading("2026/27 self-assessment");
        assertAccessible();
        String cyclePath = page.url().substring(page.url().indexOf("/ics/"));

        // a member rates on their own
        context.clearCookies();
        signIn(member, PASSWORD);
        page.navigate(url(cyclePath));
        click(AriaRole.LINK, "P3.1 Protected time is agreed for leadership roles and used");
        expectHeading("P3.1");
        assertThat(page.locator("main")).containsText("Live figures, as they stand today");
        assertAccessible();
        click(AriaRole.BUTTON, "Save my rating");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose a level");
        assertAccessible();
        page.getByLabel("1 Not yet started").check();
        page.getByLabel("Why (optional)").fill("Nobody I know gets their time");
        click(AriaRole.BUTTON, "Save my rating");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Your rating of P3.1 was saved");
        assertThat(page.locator("main")).not().containsText("Contributors' ratings");

        // the lead rates differently, sees the spread and records the agreed rating
        context.clearCookies();
        signIn(lead, PASSWORD);
        page.navigate(url(cyclePath + "/indicators/P3.1"));
        page.getByLabel("3 Established").first().check();
        click(AriaRole.BUTTON, "Save my rating");
        assertThat(page.locator("main")).containsText("1 to 3 from 2 ratings");
        assertThat(page.locator("main")).containsText("Views differ");
        assertAccessible();
        click(AriaRole.LINK, "P3.1 Protected time is agreed for leadership roles and used");
        assertThat(page.locator("main")).containsText("Nobody I know gets their time");
        click(AriaRole.BUTTON, "Record agreed rating");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose a level");
        page.locator("#agreed_level-2").check();
        click(AriaRole.BUTTON, "Record agreed rating");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Say why this is the agreed rating");
        assertAccessible();
        page.locator("#agreed_level-2").check();
        page.getByLabel("Rationale").fill("Time is agreed for most roles but rarely used");
        click(AriaRole.BUTTON, "Record agreed rating");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("The agreed rating of P3.1 was recorded");
        assertThat(page.locator("main")).containsText("2 Emerging");

        // evidence and an action
        click(AriaRole.LINK, "P3.1 Protected time is agreed for leadership roles and used");
        page.locator("summary", new Page.LocatorOptions().setHasText("Add a link or a document"))
                .click();
        page.getByLabel("What the link shows").fill("Job planning audit");
        page.getByLabel("Web address").fill("https://example.nhs.uk/audit");
        click(AriaRole.BUTTON, "Add link");
        assertThat(page.locator("main")).containsText("Job planning audit");
        page.locator("summary", new Page.LocatorOptions().setHasText("Plan an action"))
                .click();
        page.getByLabel("What will be done").fill("Fund backfill for place leads");
        page.getByLabel("Owner").fill("Chief Nursing Officer");
        fillDate("Due on", LocalDate.now().minusDays(1));
        click(AriaRole.BUTTON, "Add action");
        assertThat(page.locator("#actions ~ .nhsuk-scroll table")).containsText("Overdue");
        assertAccessible();

        page.navigate(url("/ics/" + ods));
        assertThat(page.locator("main")).containsText("Overdue actions");
        page.navigate(url("/ics/" + ods + "/assessments/actions"));
        expectHeading("Action plan");
        assertThat(page.locator("main")).containsText("Fund backfill for place leads");
        assertAccessible();
        page.getByLabel("Status of Fund backfill for place leads").selectOption("in_progress");
        click(AriaRole.BUTTON, "Update Fund backfill for place leads");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("status was changed");

        // closing needs every indicator agreed
        page.navigate(url(cyclePath));
        click(AriaRole.BUTTON, "Close cycle");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Agree a rating for every indicator");
        assertAccessible();

        click(AriaRole.LINK, "Board report");
        expectHeading("2026/27 self-assessment");
        assertThat(page.locator("main")).containsText("Gaps and actions");
        assertThat(page.locator("main")).containsText("Fund backfill for place leads");
        assertAccessible();
        Download pdf = page.waitForDownload(() -> click(AriaRole.LINK, "Download this report as a PDF"));
        org.goldenthread.support.PdfUa.assertConformant(Files.readAllBytes(pdf.path()));
        try (var document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(
                            "2026/27 self-assessment",
                            "Time is agreed for most roles but rarely used",
                            "Fund backfill for place leads");
        }
        page.navigate(url(cyclePath + "/trend"));
        expectHeading("Trend across cycles");
        assertAccessible();
        page.navigate(url("/ics/" + ods + "/assessments/benchmark"));
        expectHeading("Benchmarking with other ICSs");
        assertAccessible();
    }
}
