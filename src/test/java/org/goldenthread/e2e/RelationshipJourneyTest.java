package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.development.Relationships;
import org.goldenthread.platform.Dates;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logging a meeting through a personal link: a mentee opens the link from their email on a phone
 * with JavaScript off, adds a goal, logs a meeting (after a mistake), and the programme's
 * administrator sees that they met, but not what they said. Every page is scanned for accessibility.
 */
class RelationshipJourneyTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+/relationship/[A-Za-z0-9_-]{32}");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Relationships relationships;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void loggingAMeetingThroughAPersonalLink() throws Exception {
        String ods = createIcs("Relationship Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        String menteeEmail = uniqueEmail("mentee");
        long mentor = person(admin, ods, "M1", "Maya", "Mentor", uniqueEmail("mentor"));
        long mentee = person(admin, ods, "M2", "Milo", "Mentee", menteeEmail);
        long programme = inIcs(
                ods,
                () -> jdbc.sql(
                                "insert into programme (name, kind) values ('New leaders mentoring', 'mentoring') returning id")
                        .query(Long.class)
                        .single());
        long id = open(ods, programme, mentor, mentee);
        inIcs(
                ods,
                () -> jdbc.sql("update relationship set started_on = started_on - 21 where id = ?")
                        .param(id)
                        .update());

        newPhoneWithoutJavaScript();
        page.navigate(relationshipLink(menteeEmail));
        expectHeading("Your mentoring with Maya Mentor");
        scan();

        page.getByLabel("Add a goal you have agreed").fill("Lead a winter planning workshop across two trusts");
        click(AriaRole.BUTTON, "Add goal");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Your goal was added.");
        assertThat(page.locator("main")).containsText("Lead a winter planning workshop across two trusts");

        click(AriaRole.LINK, "Log a meeting");
        expectHeading("Log a meeting");
        scan();
        fillDate("Date you met", "31", "2", String.valueOf(LocalDate.now().getYear()));
        page.getByLabel("How long you met for, in minutes").fill("60");
        click(AriaRole.BUTTON, "Log meeting");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("The date you met must be a real date");
        assertThat(page.locator("#met_on-error")).containsText("The date you met must be a real date");
        scan();

        LocalDate met = LocalDate.now().minusDays(3);
        fillDate("Date you met", met);
        page.getByLabel("Notes (optional)").fill("Talked through the workshop plan and who to invite");
        click(AriaRole.BUTTON, "Log meeting");
        expectHeading("Your mentoring with Maya Mentor");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("Your meeting was logged.");
        assertThat(page.locator("main")).containsText(Dates.day(met));
        assertThat(page.locator("main")).containsText("Talked through the workshop plan");
        assertThat(page.locator("#next-check-in")).containsText(Dates.day(met.plusWeeks(4)));
        scan();

        click(AriaRole.LINK, "End the mentoring");
        expectHeading("End the mentoring");
        scan();

        // the administrator sees that they met, and nothing of what they said
        context.close();
        javaScriptOff = false;
        context = context.browser().newContext();
        page = context.newPage();
        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/programmes/" + programme + "/relationships"));
        expectHeading("Relationships");
        assertThat(page.locator("#relationship-" + id)).containsText("1 meeting, 1 hour");
        assertThat(page.locator("#relationship-" + id)).containsText(Dates.day(met));
        assertThat(page.locator("main")).not().containsText("workshop");
        assertAccessible();

        // the pair's own page: still nothing of what they wrote, and the administrator ends it there
        click(AriaRole.LINK, "Maya Mentor and Milo Mentee");
        expectHeading("Maya Mentor and Milo Mentee");
        assertThat(page.locator("#relationship")).containsText("1 meeting, 1 hour");
        assertThat(page.locator("main")).not().containsText("workshop");
        assertAccessible();
        click(AriaRole.BUTTON, "End the relationship");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator(".nhsuk-error-summary")).isVisible();
        assertAccessible();
        page.getByLabel("Reason for ending it").selectOption("moved_role");
        click(AriaRole.BUTTON, "End the relationship");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("The relationship was ended.");
        assertThat(page.locator("#relationship")).containsText("One of us moved role");
        assertThat(page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("End the relationship")))
                .hasCount(0);
        page.locator(".nhsuk-back-link").click();
        assertThat(page.locator("#relationship-" + id)).containsText("One of us moved role");
    }

    private long person(String token, String ods, String ref, String given, String family, String email) {
        ApiClient.Response r = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json(
                        "person_ref",
                        ref,
                        "given_name",
                        given,
                        "family_name",
                        family,
                        "email",
                        email,
                        "profession",
                        "gp"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** As confirming a matching opens one: in a transaction, during an administrator's request. */
    private long open(String ods, long programme, long mentor, long mentee) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return inIcs(
                    ods,
                    () -> new TransactionTemplate(transactions)
                            .execute(status -> relationships.open(programme, mentor, mentee, 1)));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static String relationshipLink(String email) throws Exception {
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
