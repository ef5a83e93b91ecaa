package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.engagement.Codebook;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audiences and events as people use them: building a segment and inviting it to a survey;
 * registering for an event by a personal invitation and by the open link without an account;
 * cancelling, and the waitlist promoting the next person, who is emailed; recording attendance and a
 * note coded with a theme.
 */
class EngagementJourneyTest extends BrowserTest {

    private static final Pattern PERSONAL = Pattern.compile("https?://[^/\\s]+(/event-place/[A-Za-z0-9_-]+)");

    @Autowired
    Codebook codebook;

    @Autowired
    JdbcClient jdbc;

    private long liveSurvey(String ods, String admin) throws Exception {
        String definition = new ClassPathResource("engagement/pulse.json").getContentAsString(StandardCharsets.UTF_8);
        ApiClient.Response survey = api.post("/api/v1/ics/" + ods + "/surveys", admin, definition);
        assertThat(survey.status()).as(survey.body()).isEqualTo(201);
        return survey.json().get("id").asLong();
    }

    private void expectSuccess(String text) {
        assertThat(page.locator(".nhsuk-notification-banner")).containsText(text);
    }

    @Test
    void anIcsAdminKeepsContactsOutsideTheRegisterOnAPageOfTheirOwn() {
        String ods = createIcs("Contacts Journey ICS");
        signIn(createUser("ics_admin", ods), PASSWORD);
        page.navigate(url("/ics/" + ods + "/audiences"));
        assertThat(page.locator("main")).containsText("No contacts yet");
        click(AriaRole.LINK, "See and add contacts");
        expectHeading("Contacts outside the register");
        assertAccessible();

        page.getByLabel("Their name").fill("Sam Idowu");
        page.getByLabel("Their email address").fill("not an address");
        click(AriaRole.BUTTON, "Add the contact");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator(".nhsuk-error-summary")).isVisible();
        assertThat(page.getByLabel("Their name")).hasValue("Sam Idowu");
        assertAccessible();

        page.getByLabel("Their email address").fill("sam.idowu@student.example");
        page.getByLabel("Student or trainee").check();
        click(AriaRole.BUTTON, "Add the contact");
        expectSuccess("Sam Idowu is added to the contacts");
        assertThat(page.locator("#contact-table")).containsText("sam.idowu@student.example");
        assertAccessible();

        page.locator(".nhsuk-back-link").click();
        assertThat(page.locator("main")).containsText("1 contact outside the register");
        click(AriaRole.LINK, "See and add contacts");
        click(AriaRole.BUTTON, "Remove Sam Idowu");
        expectSuccess("The contact is removed");
        assertThat(page.locator("main")).containsText("No contacts yet");
    }

    @Test
    void anIcsAdminBuildsASegmentCountsItAndInvitesItToASurvey() throws Exception {
        String ods = createIcs("Segment Journey ICS");
        String email = createUser("ics_admin", ods);
        String admin = tokenFor(email);
        RegisterFixture.loadSmallRegister(api, admin, ods);
        // more forums than the builder lists, so it offers a search for them
        for (int i = 1; i <= 30; i++) {
            assertThat(api.post(
                                    "/api/v1/ics/" + ods + "/forums",
                                    admin,
                                    ApiClient.json(
                                            "name",
                                            "Clinical senate " + i,
                                            "level",
                                            "system",
                                            "kind",
                                            "senate",
                                            "decision_rights",
                                            "advises"))
                            .status())
                    .isEqualTo(201);
        }
        long survey = liveSurvey(ods, admin);

        signIn(email, PASSWORD);
        page.navigate(url("/ics/" + ods + "/audiences"));
        expectHeading("Audiences");
        assertAccessible();
        click(AriaRole.LINK, "Build a segment");
        expectHeading("Build a segment");
        assertAccessible();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Northfield leaders");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Places"))
                .getByLabel("Northfield")
                .check();
        page.locator("main summary")
                .filter(new Locator.FilterOptions().setHasText("Forums"))
                .click();
        assertThat(page.locator("#forum-finder")).containsText("too many to list");
        page.getByLabel("Find forums").fill("place board");
        click(AriaRole.BUTTON, "Find forums");
        assertThat(page.locator("#forum-finder")).containsText("1 forum matches \u201cplace board\u201d");
        assertAccessible();
        // what was ticked before the search is still ticked
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Places"))
                        .getByLabel("Northfield"))
                .isChecked();
        page.getByLabel("Northfield Place Board").check();
        click(AriaRole.BUTTON, "Count");
        // P1 and P5 sit on Northfield's place board; only P1 has an address
        assertThat(page.locator("#live-count")).containsText("1 person with an email address");
        assertThat(page.locator("#live-count")).containsText("1 more person on the register without one");
        assertAccessible();
        click(AriaRole.BUTTON, "Save segment");
        expectSuccess("The segment Northfield leaders is saved");
        expectHeading("Audiences");
        assertThat(page.locator("#segments")).containsText("Northfield leaders");

        page.navigate(url("/ics/" + ods + "/surveys/" + survey + "/invitations"));
        page.getByLabel("Segment", new Page.GetByLabelOptions().setExact(true)).selectOption("Northfield leaders");
        click(AriaRole.BUTTON, "Invite the segment and send emails");
        assertThat(page.locator("main")).containsText("1");
        assertAccessible();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.to("asha.reed@example.nhs.uk").stream()
                        .anyMatch(m -> text(m).contains("/invited/")));
    }

    private static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            return "";
        }
    }

    /** Every text part of a message, however deeply its parts are nested. */
    private static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        if (content instanceof java.io.InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }

    /** The personal link in the newest email to this address with the given subject start. */
    private static String personalLink(String email, String subject) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.to(email).stream()
                        .anyMatch(m -> subject(m).startsWith(subject)));
        MimeMessage newest = TestMailServer.to(email).stream()
                .filter(m -> subject(m).startsWith(subject))
                .reduce((a, b) -> b)
                .orElseThrow();
        Matcher m = PERSONAL.matcher(text(newest));
        assertThat(m.find()).as("a personal link in: " + text(newest)).isTrue();
        return m.group(1);
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void peopleRegisterByBothLinksTheWaitlistMovesUpAndTheOrganiserRecordsWhatHappened() throws Exception {
        String ods = createIcs("Event Journey ICS");
        String email = createUser("ics_admin", ods);
        String admin = tokenFor(email);
        long survey = liveSurvey(ods, admin);
        inIcs(ods, () -> codebook.addTheme(survey, "Timing of meetings", null));

        signIn(email, PASSWORD);
        page.navigate(url("/ics/" + ods + "/events"));
        expectHeading("Events");
        assertAccessible();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Therapies roundtable");
        fillDate("Day", LocalDate.now().plusDays(12));
        page.getByLabel("Starts at").fill("10:00");
        page.getByLabel("Ends at").fill("11:30");
        page.getByLabel("In person").check();
        page.getByLabel("Where").fill("Room 4, Town Hall");
        page.getByLabel("Places").fill("0");
        click(AriaRole.BUTTON, "Plan the event");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Capacity");
        assertAccessible();
        page.getByLabel("Places").fill("1");
        page.getByLabel("Feedback survey (optional)")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        click(AriaRole.BUTTON, "Plan the event");
        expectHeading("Therapies roundtable");
        String eventPath = java.net.URI.create(page.url()).getPath();
        long eventId = Long.parseLong(eventPath.substring(eventPath.lastIndexOf('/') + 1));
        String openLink = page.locator("#open-link").textContent().trim();
        String openPath = java.net.URI.create(openLink).getPath();
        assertAccessible();

        String invitee = uniqueEmail("invitee");
        page.getByLabel("Or paste email addresses").fill(invitee);
        click(AriaRole.BUTTON, "Send invitations");
        expectSuccess("1 person invited.");

        // someone without an account registers by the open link and takes the one place
        String opener = uniqueEmail("opener");
        BrowserContext stranger = page.context().browser().newContext();
        Page other = stranger.newPage();
        other.navigate(url(openPath));
        Page organiser0 = page;
        page = other;
        assertAccessible();
        page = organiser0;
        other.getByLabel("Full name").fill("Ola Open");
        other.getByLabel("Email address").fill(opener);
        other.getByLabel("Profession").selectOption("Paramedic");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
                .click();
        assertThat(other.locator(".nhsuk-notification-banner")).containsText("We have emailed " + opener);

        // the invitee follows their personal link and joins the waiting list
        other.navigate(url(personalLink(invitee, "Invitation")));
        assertThat(other.locator("main")).containsText("The event is full");
        other.getByLabel("Full name").fill("Ivo Invitee");
        other.getByLabel("Profession").selectOption("Physiotherapist");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))
                .click();
        assertThat(other.locator(".nhsuk-notification-banner")).containsText("you are on the waiting list");

        // the first registrant cancels through the link in their confirmation; the invitee is promoted
        other.navigate(url(personalLink(opener, "Registered")));
        assertThat(other.locator("#status")).containsText("You have a place");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel my place"))
                .click();
        assertThat(other.locator(".nhsuk-notification-banner")).containsText("Your registration is cancelled");
        Page organiser = page;
        page = other;
        assertAccessible();
        page = organiser;
        String promoted = personalLink(invitee, "You have a place");
        other.navigate(url(promoted));
        assertThat(other.locator("#status")).containsText("You have a place");
        stranger.close();

        // the event takes place (it could only be planned ahead); then the organiser records attendance and a
        // note coded with the feedback survey's theme
        inIcs(ods, () -> org.goldenthread.engagement.events.HeldEvents.hold(jdbc, eventId));
        page.navigate(url("/ics/" + ods + "/events"));
        click(AriaRole.LINK, "Therapies roundtable");
        Locator table = page.locator("#registration-table");
        assertThat(table).containsText(invitee);
        table.locator("tr", new Locator.LocatorOptions().setHasText(invitee))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Attended"))
                .click();
        expectSuccess(invitee + " attended.");
        page.getByLabel("Add a note of what was said").fill("Clinics clash with the partnership's meetings");
        page.getByLabel("Timing of meetings").check();
        click(AriaRole.BUTTON, "Add the note");
        expectSuccess("The note is added.");
        assertThat(page.locator("main")).containsText("Clinics clash with the partnership's meetings");
        assertAccessible();
    }
}
