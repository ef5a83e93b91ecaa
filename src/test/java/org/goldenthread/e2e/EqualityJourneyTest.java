package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * The equality self-service form: an ICS administrator emails a person in the register their own
 * link; the person opens it on a phone, sends the form empty by mistake, then answers, choosing
 * "Prefer not to say" for one question; coming back, the form is empty again. The administrator's
 * pages never show what was answered. Every page is scanned for accessibility.
 */
class EqualityJourneyTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/equality/[A-Za-z0-9_-]{32}");

    @Test
    void theEqualitySelfServiceForm() throws Exception {
        String ods = createIcs("Equality Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String personEmail = uniqueEmail("leader");
        ApiClient.Response added = api.post(
                "/api/v1/ics/" + ods + "/people",
                tokenFor(adminEmail),
                ApiClient.json(
                        "person_ref",
                        "E1",
                        "given_name",
                        "Nia",
                        "family_name",
                        "Okafor",
                        "email",
                        personEmail,
                        "profession",
                        "nurse_adult"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/pipeline/equality"));
        expectHeading("Equality monitoring links");
        assertAccessible();
        page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Email a link to Nia Okafor"))
                .click();
        assertThat(page.locator("#made")).containsText("A new link was emailed to Nia Okafor");
        assertAccessible();

        newPhoneWithoutJavaScript();
        page.navigate(link(personEmail));
        expectHeading("Equality monitoring");
        assertThat(page.locator("main")).containsText("Hello Nia");
        assertThat(page.locator("main")).containsText("Why we ask, and who sees your answers");
        scan();

        click(AriaRole.BUTTON, "Save my answers");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose your ethnic group, or prefer not to say");
        assertThat(page.locator("#sex-error")).containsText("Choose your sex, or prefer not to say");
        scan();

        page.locator("#ethnic_group-black").check();
        page.locator("#sex-not_stated").check();
        page.locator("#disability").check(); // "yes", the first choice, carries the name as its id
        click(AriaRole.BUTTON, "Save my answers");
        expectHeading("Your answers were saved");
        scan();

        click(AriaRole.LINK, "answer the questions again");
        expectHeading("Equality monitoring");
        assertThat(page.locator("input[type=radio]:checked")).hasCount(0);

        context.close();
        javaScriptOff = false;
        context = context.browser().newContext();
        page = context.newPage();
        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/pipeline/fairness"));
        expectHeading("Fairness and equality");
        assertThat(page.locator("main")).not().containsText("Nia");
        assertAccessible();
        // no rounds yet, so the year has nothing to finalise: the admin is told so, and why
        page.locator("#finalise button").click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Nobody was shortlisted");
        assertAccessible();
        page.navigate(url("/ics/" + ods + "/pipeline/equality"));
        assertThat(page.locator("main")).containsText("Nia Okafor");
        assertThat(page.locator("main")).not().containsText("Black");
        assertThat(page.locator("main")).not().containsText("Disabled");
    }

    @Test
    void anIcsAdministratorImportsTheWorkforceBaselineAndReadsItAsATablePerCharacteristic() {
        String ods = createIcs("Baseline Journey ICS");
        signIn(createUser("ics_admin", ods), PASSWORD);
        page.navigate(url("/ics/" + ods + "/pipeline/fairness/baseline"));
        expectHeading("Workforce baseline");
        assertThat(page.locator("main")).not().containsText("The current baseline");
        assertAccessible();

        String header = "profession_group,characteristic,value,count\n";
        String rows = "Medical,sex,female,1200\nMedical,sex,male,950\nNursing and midwifery,sex,female,4000\n"
                + "Medical,ethnic_group,asian,400\n";
        upload(header + rows + "Pharmacy,sex,unknown,3\n");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator("#problems")).containsText("Problems in baseline.csv");
        assertThat(page.locator("main table").first()).containsText("6");
        assertThat(page.locator("main")).not().containsText("The current baseline");
        assertAccessible();

        upload(header + rows);
        assertThat(page.locator("#imported")).containsText("4 counts imported");
        Locator sex = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Sex"));
        assertThat(sex.locator("thead th")).hasText(new String[] {"Profession group", "Female", "Male", "Not stated"});
        assertThat(sex.locator("tbody tr")).hasCount(2);
        assertThat(sex.locator("tbody tr").first().locator("th, td"))
                .hasText(new String[] {"Medical", "1,200", "950", ""});
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ethnic group")))
                .containsText("400");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Disability")))
                .hasCount(0);
        assertAccessible();
    }

    private void upload(String csv) {
        page.locator("#file")
                .setInputFiles(new FilePayload("baseline.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
    }

    private static String link(String email) throws Exception {
        for (int i = 0; i < 200; i++) {
            List<MimeMessage> received = TestMailServer.to(email);
            if (!received.isEmpty()) {
                Matcher m = LINK.matcher(String.valueOf(received.get(0).getContent()));
                assertThat(m.find()).isTrue();
                return m.group();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No link reached " + email);
    }
}
