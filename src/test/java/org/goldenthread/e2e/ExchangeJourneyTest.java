package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.platform.Dates;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.Programmes;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * An exchange with its reflections: an administrator arranges the first visit of a confirmed pair
 * (after a mistake), the visitor opens the link from their email, reflects on the visit and raises
 * an improvement idea, and the administrator sees that a reflection exists, not what it says, and
 * moves the idea on. Every page is scanned for accessibility.
 */
class ExchangeJourneyTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+/relationship/[A-Za-z0-9_-]{32}");

    @Test
    void anExchangeWithItsReflections() throws Exception {
        String ods = createIcs("Exchange Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        person(admin, ods, "GP1", "Gill", "gp", "Northgate Surgery", "general_practice", uniqueEmail("gill"));
        String visitorEmail = uniqueEmail("connor");
        person(admin, ods, "CON1", "Connor", "medical_consultant", "City Hospital Trust", "acute", visitorEmail);
        long programme = Programmes.create(api, admin, ods, "Exchange 2027", "exchange", true);
        String base = "/api/v1/ics/" + ods + "/programmes/" + programme;
        Programmes.addParticipants(
                api, admin, ods, programme, "person_ref,role,capacity,preferences\nGP1,host,,\nCON1,visitor,,\n");
        assertThat(api.post(base + "/matching", admin, "{}")
                        .json()
                        .get("across_sectors")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.post(base + "/matching/confirm", admin, "{}").status()).isEqualTo(200);

        // the administrator arranges the first visit, at the GP's surgery, today
        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/programmes/" + programme + "/exchange"));
        expectHeading("Workplace exchange");
        assertThat(page.locator("#pair-count")).containsText("1 pair, 1 of them across sectors");
        assertAccessible();
        click(AriaRole.LINK, "Arrange visit 1 of Gill Test and Connor Test");
        expectHeading("Visit 1: Connor Test visits Gill Test");
        assertAccessible();
        LocalDate today = LocalDate.now();
        fillDate("Date of the visit", today);
        page.getByLabel("Place").fill("");
        click(AriaRole.BUTTON, "Save the visit");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter where it takes place");
        assertAccessible();
        page.getByLabel("Place").fill("Northgate Surgery, Leeds");
        click(AriaRole.BUTTON, "Save the visit");
        expectHeading("Workplace exchange");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Both people were sent the invitation");
        assertThat(page.locator("#pairs")).containsText(Dates.day(today) + ", Northgate Surgery, Leeds");
        assertThat(page.locator("#pairs")).containsText("0 of 4 written");

        // the visitor follows their link, reflects on the visit and raises an idea
        context.close();
        context = context.browser().newContext();
        page = context.newPage();
        page.navigate(relationshipLink(visitorEmail));
        expectHeading("Your workplace exchange with Gill Test");
        click(AriaRole.LINK, "Your visits, reflections and improvement ideas");
        expectHeading("Your exchange with Gill Test");
        assertThat(page.locator("main")).containsText("Visit 1: you visit Gill Test");
        assertThat(page.locator("main")).containsText("Northgate Surgery, Leeds");
        assertAccessible();
        click(AriaRole.LINK, "Write your reflection on visit 1");
        expectHeading("Reflect on visit 1");
        assertAccessible();
        page.getByLabel("What you saw").fill("Every patient call is triaged by the whole team at eight");
        click(AriaRole.BUTTON, "Save your reflection");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter what you will take back");
        assertAccessible();
        page.getByLabel("What you will take back").fill("A morning huddle with our discharge team");
        click(AriaRole.BUTTON, "Save your reflection");
        expectHeading("Your exchange with Gill Test");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Your reflection was saved.");
        assertThat(page.locator("main")).containsText("A morning huddle with our discharge team");
        assertThat(page.locator("main")).containsText("Ideas are not private");
        page.getByLabel("The idea").fill("Morning huddle with the discharge team");
        click(AriaRole.BUTTON, "Raise the idea");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Everyone in the ICS can now see it");
        assertAccessible();

        // the administrator sees that a reflection exists, not what it says, and moves the idea on
        context.close();
        context = context.browser().newContext();
        page = context.newPage();
        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/programmes/" + programme + "/exchange"));
        assertThat(page.locator("#pairs")).containsText("1 of 4 written");
        assertThat(page.locator("main")).not().containsText("triaged by the whole team");
        assertThat(page.locator("main")).containsText("Morning huddle with the discharge team");
        page.navigate(url("/ics/" + ods + "/improvement-ideas"));
        expectHeading("Improvement ideas");
        page.getByLabel("Status of Morning huddle with the discharge team").selectOption("tried");
        click(AriaRole.BUTTON, "Save status of Morning huddle with the discharge team");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("is now Tried");
        assertAccessible();
    }

    private void person(
            String token,
            String ods,
            String ref,
            String given,
            String profession,
            String employer,
            String sector,
            String email) {
        ApiClient.Response r = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json(
                        "person_ref", ref,
                        "given_name", given,
                        "family_name", "Test",
                        "profession", profession,
                        "employer", employer,
                        "sector", sector,
                        "email", email));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static String relationshipLink(String email) throws Exception {
        for (int i = 0; i < 200; i++) {
            for (MimeMessage m : TestMailServer.to(email)) {
                Matcher found = LINK.matcher(String.valueOf(m.getContent()));
                if (found.find()) {
                    return found.group();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No link reached " + email);
    }
}
