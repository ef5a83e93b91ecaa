package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * 360° feedback in the browser: a leader sets up a round and invites raters, a rater answers through
 * their link on a phone without JavaScript, the leader closes the round and reads the report, and
 * reflects on how they lead change. Every page is scanned for accessibility.
 */
class FeedbackJourneyTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+/feedback/[A-Za-z0-9_-]{32}");

    @Test
    void settingUpARoundAnsweringItReadingTheReportAndReflecting() throws Exception {
        String ods = createIcs("Feedback Journey ICS");
        String admin = tokenFor(createUser("ics_admin", ods));
        String leaderEmail = createUser("member", ods);
        ApiClient.Response added = api.post(
                "/api/v1/ics/" + ods + "/people",
                admin,
                ApiClient.json(
                        "person_ref",
                        "LJ1",
                        "given_name",
                        "Lara",
                        "family_name",
                        "Lead",
                        "email",
                        leaderEmail,
                        "profession",
                        "gp"));
        org.assertj.core.api.Assertions.assertThat(added.status()).isEqualTo(201);

        signIn(leaderEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development/feedback"));
        expectHeading("360° feedback");
        scan();
        click(AriaRole.BUTTON, "Start the round");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the closing date");
        scan();
        fillDate("Closing date", LocalDate.now().plusDays(10));
        page.locator("#manager_shown-no").check();
        click(AriaRole.BUTTON, "Start the round");
        expectHeading("Lara Lead");
        scan();

        String raterEmail = uniqueEmail("rater");
        page.getByLabel("Group", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("peer");
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("Rhea Rater");
        page.getByLabel("Email address", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill(raterEmail);
        click(AriaRole.BUTTON, "Invite");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Rhea Rater was invited");
        page.getByLabel("Group", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("patient");
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("Paolo Patient");
        click(AriaRole.BUTTON, "Invite");
        assertThat(page.locator("#copy-link")).containsText("/feedback/");
        assertThat(page.locator("#rates")).containsText("Peers");
        scan();

        String link = link(raterEmail);
        newPhoneWithoutJavaScript();
        page.navigate(link);
        expectHeading("Feedback for Lara Lead");
        assertThat(page.locator("main")).containsText("Your answers are anonymous");
        scan();
        click(AriaRole.LINK, "Start now");
        expectHeading("Working across organisations");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose an answer for");
        scan();
        while (page.locator("textarea").count() == 0) {
            Locator groups = page.locator("fieldset");
            for (int i = 0; i < groups.count(); i++) {
                groups.nth(i).locator("input[type=radio]").nth(i % 3 + 1).check();
            }
            click(AriaRole.BUTTON, "Continue");
        }
        scan();
        page.locator("#keep").fill("Listens to every profession in the room");
        click(AriaRole.BUTTON, "Send");
        assertThat(page.locator("main")).containsText("Your feedback is sent");
        scan();

        context.close();
        javaScriptOff = false;
        context = context.browser().newContext();
        page = context.newPage();
        signIn(leaderEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development/feedback"));
        click(AriaRole.LINK, "Lara Lead");
        page.onDialog(dialog -> dialog.accept());
        click(AriaRole.BUTTON, "Close the round now");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("The round is closed");
        click(AriaRole.LINK, "Read your report");
        expectHeading("Lara Lead");
        assertThat(page.locator("#who")).containsText("No, too few");
        assertThat(page.locator("main")).not().containsText("Listens to every profession");
        assertThat(page.locator("main")).not().containsText("Rhea Rater");
        scan();

        page.navigate(url("/ics/" + ods + "/development/leader-type"));
        expectHeading("How you lead change");
        scan();
        click(AriaRole.BUTTON, "See your type");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose how far this is like you");
        scan();
        Locator items = page.locator("fieldset");
        for (int i = 0; i < items.count(); i++) {
            items.nth(i).locator("input[type=radio]").nth(i < 4 ? 4 : 1).check();
        }
        click(AriaRole.BUTTON, "See your type");
        assertThat(page.locator("#result")).containsText("You are a Bold pioneer");
        scan();
    }

    @Test
    void anAdministratorAdaptsTheBehaviourFrameworkAndStartsARoundOnIt() {
        String ods = createIcs("Framework Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        ApiClient.Response added = api.post(
                "/api/v1/ics/" + ods + "/people",
                admin,
                ApiClient.json("person_ref", "FJ1", "given_name", "Fay", "family_name", "Jones", "profession", "gp"));
        org.assertj.core.api.Assertions.assertThat(added.status()).isEqualTo(201);

        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/development/feedback"));
        click(AriaRole.LINK, "The behaviours raters rate: behaviour frameworks");
        expectHeading("Behaviour frameworks");
        scan();
        click(AriaRole.LINK, "Leading in a system");
        expectHeading("Leading in a system");
        scan();

        com.microsoft.playwright.Page.GetByLabelOptions exact =
                new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true);
        page.getByLabel("Dimension", exact).selectOption("across");
        page.getByLabel("Behaviour code", exact).fill("across-1");
        page.getByLabel("Behaviour", exact).fill("x".repeat(301));
        click(AriaRole.BUTTON, "Save behaviour");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Describe the behaviour in 1 to 300 characters");
        scan();
        page.getByLabel("Behaviour", exact).fill("Puts the whole population's needs first");
        click(AriaRole.BUTTON, "Save behaviour");
        assertThat(page.locator(".nhsuk-notification-banner--success")).containsText("The behaviour was reworded");
        assertThat(page.locator("#across + p + .nhsuk-scroll table"))
                .containsText("Puts the whole population's needs first");
        assertThat(page.locator("main")).containsText("Adapted by your ICS");
        scan();

        page.navigate(url("/ics/" + ods + "/development/feedback"));
        page.getByLabel("Leader")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Fay Jones (FJ1)"));
        fillDate("Closing date", LocalDate.now().plusDays(14));
        page.locator("#manager_shown").check();
        click(AriaRole.BUTTON, "Start the round");
        // the round would belong to the address on her entry, and she has none yet
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Fay Jones has no email address on the register");
        scan();
        long fay = added.json().get("id").asLong();
        org.assertj.core.api.Assertions.assertThat(api.put(
                                "/api/v1/ics/" + ods + "/people/" + fay,
                                admin,
                                ApiClient.json(
                                        "person_ref",
                                        "FJ1",
                                        "given_name",
                                        "Fay",
                                        "family_name",
                                        "Jones",
                                        "email",
                                        "fay.jones@example.nhs.uk",
                                        "profession",
                                        "gp"))
                        .status())
                .isEqualTo(200);
        page.navigate(url("/ics/" + ods + "/development/feedback"));
        page.getByLabel("Leader")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Fay Jones (FJ1)"));
        fillDate("Closing date", LocalDate.now().plusDays(14));
        page.locator("#manager_shown").check();
        click(AriaRole.BUTTON, "Start the round");
        expectHeading("Fay Jones");
    }

    private static String link(String email) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            var received = TestMailServer.to(email);
            if (!received.isEmpty()) {
                try {
                    Matcher m = LINK.matcher(
                            String.valueOf(received.get(received.size() - 1).getContent()));
                    if (m.find()) {
                        return m.group();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No link reached " + email);
    }
}
