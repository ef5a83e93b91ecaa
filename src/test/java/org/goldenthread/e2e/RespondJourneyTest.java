package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answering a survey: by the open link on a phone with JavaScript off, stopping part way and coming
 * back with the resume code; and by an invitation email, with the ICS administrator inviting,
 * seeing the counts move and reminding the rest. Every page is scanned for accessibility.
 */
class RespondJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private String ods;
    private long surveyId;
    private String adminEmail;

    private void aSurvey(String name) throws Exception {
        ods = createIcs(name);
        adminEmail = createUser("ics_admin", ods);
        ApiClient.Response created = api.post(
                "/api/v1/ics/" + ods + "/surveys",
                tokenFor(adminEmail),
                new ClassPathResource("engagement/pulse.json").getContentAsString(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        surveyId = created.json().get("id").asLong();
    }

    private String invitationsPage() {
        return "/ics/" + ods + "/surveys/" + surveyId + "/invitations";
    }

    private void choose(String label) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).check();
    }

    /** The page came back with this problem in its error summary, and is still accessible. */
    private void expectProblem(String message) {
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator(".nhsuk-error-summary")).containsText(message);
        scan();
    }

    @Test
    void someoneAnswersByTheOpenLinkOnAPhoneWithoutJavaScriptAndComesBackWithTheirCode() throws Exception {
        aSurvey("Open Link Journey ICS");
        signIn(adminEmail, PASSWORD);
        page.navigate(url(invitationsPage()));
        click(AriaRole.BUTTON, "Show a link to share");
        String openLink = page.locator("#open-link").textContent().strip();
        assertThat(openLink).startsWith("http://localhost:" + port + "/respond/");

        newPhoneWithoutJavaScript();
        page.navigate(openLink);
        expectHeading("Leadership pulse");
        assertThat(page.locator("main")).containsText("Your answers are anonymous");
        scan();
        click(AriaRole.BUTTON, "Start now");
        expectHeading("Involvement");
        assertThat(page.locator("main")).containsText("Page 1 of 3");
        scan();

        click(AriaRole.BUTTON, "Continue");
        expectProblem("Select an answer to question 1");
        assertThat(page.locator("#Q1-error")).containsText("Select an answer to question 1");
        choose("Agree");
        page.getByLabel("Comments (optional)").fill("Mostly in the place partnership");
        click(AriaRole.BUTTON, "Continue");
        expectHeading("Time");
        choose("Yes");
        click(AriaRole.BUTTON, "Continue");
        // Asked only because of the answer on the page before.
        expectHeading("Time");
        assertThat(page.locator("main")).containsText("How many hours a week are protected?");
        assertThat(page.locator("main")).containsText("Page 3 of 4");
        page.getByLabel("How many hours a week are protected?").fill("four");
        click(AriaRole.BUTTON, "Continue");
        expectProblem("Enter a number for question 3");
        page.getByLabel("How many hours a week are protected?").fill("4");
        click(AriaRole.BUTTON, "Save and come back later");
        expectHeading("Your answers are saved");
        String code = page.locator("#resume-code").textContent().strip();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        scan();

        // Later, in a browser that remembers nothing.
        newPhoneWithoutJavaScript();
        page.navigate(openLink);
        page.getByLabel("Resume code").fill("WRONG-CODE-1");
        click(AriaRole.BUTTON, "Continue with saved answers");
        expectProblem("There are no saved answers with that code");
        page.getByLabel("Resume code").fill(code.toLowerCase());
        click(AriaRole.BUTTON, "Continue with saved answers");
        expectHeading("Time");
        assertThat(page.getByLabel("How many hours a week are protected?")).hasValue("4");
        click(AriaRole.BUTTON, "Continue");
        expectHeading("About you");
        choose("Acute");
        choose("Other (please specify)");
        // Without JavaScript the box for the other answer is simply there.
        page.getByLabel("Your other answer").fill("Hospice");
        page.getByLabel("Is there anything else you would like to tell us?").fill("More time for the network, please.");
        scan();
        click(AriaRole.BUTTON, "Continue");
        expectHeading("Check your answers before you submit them");
        assertThat(page.locator("main")).containsText("Mostly in the place partnership");
        assertThat(page.locator("main")).containsText("Other: Hospice");
        scan();

        click(AriaRole.LINK, "Change your answer to question 2");
        expectHeading("Time");
        click(AriaRole.BUTTON, "Continue");
        click(AriaRole.BUTTON, "Continue");
        click(AriaRole.BUTTON, "Continue");
        expectHeading("Check your answers before you submit them");
        click(AriaRole.BUTTON, "Submit your answers");
        expectHeading("Thank you: your answers have been received");
        scan();

        // Back to the check page and submitting again stores nothing more.
        page.goBack();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit your answers")))
                .hasCount(0);
        // counted in the list of surveys: one response of an anonymous survey shows no results (fewer than k)
        var listed = api.get("/api/v1/ics/" + ods + "/surveys", tokenFor(adminEmail))
                .json()
                .get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(surveyId);
        assertThat(listed.get("responses").asInt()).isEqualTo(1);
    }

    @Test
    void anAdministratorInvitesPeopleWhoAnswerFromTheirEmailAndRemindsTheRest() throws Exception {
        aSurvey("Invitation Journey ICS");
        signIn(adminEmail, PASSWORD);
        page.navigate(url(invitationsPage()));
        expectHeading("Invitations");
        assertAccessible();

        String jo = uniqueEmail("jo");
        String kim = uniqueEmail("kim");
        page.getByLabel("Email addresses").fill("Jo Bloggs, " + jo + "\nkim at the trust\n");
        click(AriaRole.BUTTON, "Invite and send emails");
        expectProblem("There is no email address on this line");
        page.getByLabel("Email addresses").fill("Jo Bloggs, " + jo + "\n" + kim + "\n");
        click(AriaRole.BUTTON, "Invite and send emails");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("2 people invited. 2 emails were sent.");
        assertThat(page.locator("#invited")).hasText("2");
        assertThat(page.locator("#responded")).hasText("0");
        assertAccessible();
        Page adminPage = page;
        BrowserContext adminContext = context;

        List<MimeMessage> mail = TestMailServer.to(jo);
        assertThat(mail).hasSize(1);
        Matcher link = Pattern.compile("http://\\S+/invited/[A-Za-z0-9_-]+")
                .matcher((String) mail.get(0).getContent());
        assertThat(link.find()).isTrue();

        context = context.browser().newContext(new Browser.NewContextOptions().setViewportSize(1024, 800));
        page = context.newPage();
        page.navigate(link.group());
        expectHeading("Leadership pulse");
        assertAccessible();
        click(AriaRole.BUTTON, "Start now");
        choose("Strongly agree");
        click(AriaRole.BUTTON, "Continue");
        choose("No");
        click(AriaRole.BUTTON, "Continue");
        // No hours question after "No": straight on to the last page.
        expectHeading("About you");
        assertThat(page.locator("main")).containsText("Page 3 of 3");
        choose("Primary care");
        assertThat(page.getByLabel("Your other answer")).isHidden();
        choose("Other (please specify)");
        assertThat(page.getByLabel("Your other answer")).isVisible();
        click(AriaRole.BUTTON, "Continue");
        expectProblem("Say what your other answer to question 4 is");
        page.getByLabel("Your other answer").fill("Community pharmacy");
        click(AriaRole.BUTTON, "Continue");
        expectHeading("Check your answers before you submit them");
        click(AriaRole.BUTTON, "Submit your answers");
        expectHeading("Thank you: your answers have been received");
        assertThat(page.locator("main")).containsText("cannot be used again");
        page.navigate(link.group());
        expectHeading("Thank you: your answers have been received");
        assertAccessible();
        context.close();

        context = adminContext;
        page = adminPage;
        page.reload();
        assertThat(page.locator("#responded")).hasText("1");
        assertThat(page.locator("#not-responded")).hasText("1");
        // As if the invitations had gone out yesterday.
        inIcs(
                ods,
                () -> jdbc.sql("update survey_invitation set last_sent_on = last_sent_on - 1 where survey_id = :id")
                        .param("id", surveyId)
                        .update());
        click(AriaRole.BUTTON, "Send a reminder to 1 person");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("1 email was sent.");
        // each round of emails is listed with how far it got
        assertThat(page.locator("#mailings tbody tr")).hasCount(2);
        assertThat(page.locator("#mailings tbody tr").first()).containsText("Reminders");
        assertThat(page.locator("#mailings tbody tr").first()).containsText("Finished");
        assertThat(page.locator("#mailings tbody tr").last()).containsText("Invitations");
        assertThat(TestMailServer.to(kim))
                .extracting(m -> m.getSubject())
                .containsExactly("Survey: Leadership pulse", "Reminder: Leadership pulse");
        assertThat(TestMailServer.to(jo)).hasSize(1);
        assertAccessible();
    }

    /** A single choice from 200 areas is a select, which a phone without JavaScript answers like any form. */
    @Test
    void aLongListIsAnsweredFromASelectOnAPhone() throws Exception {
        ods = createIcs("Long List Journey ICS");
        adminEmail = createUser("ics_admin", ods);
        ApiClient.Response created = api.post(
                "/api/v1/ics/" + ods + "/surveys",
                tokenFor(adminEmail),
                org.goldenthread.engagement.SurveyTest.longLists("long-lists"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        surveyId = created.json().get("id").asLong();
        signIn(adminEmail, PASSWORD);
        page.navigate(url(invitationsPage()));
        click(AriaRole.BUTTON, "Show a link to share");
        String openLink = page.locator("#open-link").textContent().strip();

        newPhoneWithoutJavaScript();
        page.navigate(openLink);
        click(AriaRole.BUTTON, "Start now");
        assertThat(page.getByLabel("Where do you work?")).isVisible();
        assertThat(page.getByRole(AriaRole.RADIO)).hasCount(2);
        scan();
        page.getByLabel("Where do you work?").selectOption("Area 7, the coastal one");
        choose("Profession 150");
        choose("Yes");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("main")).containsText("Area 7, the coastal one");
        assertThat(page.locator("main")).containsText("Profession 150");
        scan();
    }
}
