package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.function.Function;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IcsJourneyTest extends BrowserTest {

    @Test
    void someoneWithRolesInTwoIcssSwitchesBetweenThem() {
        String north = createIcs("Northern Test ICS");
        String south = createIcs("Southern Test ICS");
        String email = createUser("ics_admin", north);
        api.post("/api/v1/admin/users", adminToken(), ApiClient.json("email", email, "role", "analyst", "ics", south));

        signIn(email, PASSWORD);
        expectHeading("Welcome");
        assertThat(page.locator("main")).containsText("Northern Test ICS");
        assertThat(page.locator("main")).containsText("Southern Test ICS");
        assertAccessible();

        page.getByLabel("Integrated care system").selectOption(south);
        click(AriaRole.BUTTON, "Switch ICS");
        assertThat(page).hasURL(url("/ics/" + south));
        expectHeading("Southern Test ICS");
        assertThat(page.locator("main")).containsText("Analyst");
        assertAccessible();

        page.getByLabel("Integrated care system").selectOption(north);
        click(AriaRole.BUTTON, "Switch ICS");
        expectHeading("Northern Test ICS");
        assertThat(page.locator("main")).containsText("ICS administrator");
    }

    @Test
    void anIcsAdminAddsAUserAndSeesItInTheAuditLog() {
        String ods = createIcs("Audit Journey ICS");
        String admin = createUser("ics_admin", ods);
        signIn(admin, PASSWORD);
        click(AriaRole.LINK, "Users");
        expectHeading("Users in Audit Journey ICS");
        assertAccessible();

        click(AriaRole.LINK, "Add a user or role");
        click(AriaRole.BUTTON, "Add");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter an email address");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose a role");
        assertThat(page).hasTitle("Error: Add a user – Golden Thread");
        assertAccessible();

        assertThat(page.getByLabel("Password", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(false)))
                .hasCount(0);
        page.getByLabel("Email address").fill("new.colleague@test.example");
        page.getByLabel("Full name").fill("Nia Colleague");
        page.getByLabel("Member").check();
        click(AriaRole.BUTTON, "Add");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("new.colleague@test.example now has the role Member");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("emailed them a link to choose their password");
        expectHeading("Nia Colleague");
        assertThat(page.locator("table")).containsText("Member");
        assertAccessible();
        click(AriaRole.LINK, "Back to users");
        assertThat(page.locator("table")).containsText("Nia Colleague");

        click(AriaRole.LINK, "Audit log");
        expectHeading("Audit log");
        assertThat(page.locator("table")).containsText("User role granted");
        assertThat(page.locator("table")).containsText("email: new.colleague@test.example");
        assertThat(page.locator("table")).containsText(admin);
        assertAccessible();
        page.getByLabel("What").selectOption("User role granted");
        click(AriaRole.BUTTON, "Filter");
        // the administrator's own grant, then the colleague's, and nothing else
        assertThat(page.locator("table tbody tr")).hasCount(2);
        assertThat(page.locator("table tbody tr")
                        .filter(new Locator.FilterOptions().setHasNotText("User role granted")))
                .hasCount(0);

        fillDate("From date", "yesterday", "", "");
        click(AriaRole.BUTTON, "Filter");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("From date must include a month and year");
        fillDate("From date", "yesterday", "11", "2026");
        click(AriaRole.BUTTON, "Filter");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("From date must be a real date");
        assertAccessible();
    }

    @Test
    void anotherIcsPagesAreNotFoundAndRevealNothing() {
        String mine = createIcs("Mine ICS");
        String theirs = createIcs("Theirs ICS");
        String admin = createUser("ics_admin", mine);
        signIn(admin, PASSWORD);
        page.navigate(url("/ics/" + theirs + "/map"));
        expectHeading("Page not found");
        assertThat(page.locator("main")).not().containsText("Theirs ICS");
        assertAccessible();
        page.navigate(url("/ics/" + theirs + "/users"));
        expectHeading("Page not found");
        page.navigate(url("/admin/ics"));
        expectHeading("You cannot do this");
    }

    /** A merge cannot be undone: the page shows what it would bring and asks for the merged ICS's code. */
    @Test
    void aPlatformAdminSeesWhatAMergeWouldDoBeforeConfirmingIt() {
        String small = createIcs("Merging small ICS");
        String large = createIcs("Merging large ICS");
        String smallAdmin = tokenFor(createUser("ics_admin", small));
        api.post("/api/v1/ics/" + small + "/places", smallAdmin, ApiClient.json("name", "Old Town"));

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate(url("/admin/ics/" + small));
        expectHeading("Merging small ICS");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the ICS to merge into");
        assertAccessible();

        page.getByLabel("Merge into").selectOption(large);
        click(AriaRole.BUTTON, "Continue");
        expectHeading("Merge Merging small ICS into Merging large ICS?");
        assertThat(page.locator("#records-places")).containsText("Places");
        assertThat(page.locator("#records-places td").first()).hasText("1");
        assertThat(page.locator(".nhsuk-warning-callout")).containsText("This cannot be undone");
        assertAccessible();

        String merge = "Merge " + small + " into " + large;
        click(AriaRole.BUTTON, merge);
        assertThat(page.locator(".nhsuk-error-summary"))
                .containsText("Enter the ODS code of the ICS being merged to confirm");
        assertThat(page).hasTitle("Error: Merge Merging small ICS into Merging large ICS? – Golden Thread");
        assertAccessible();
        page.getByLabel("To confirm, enter the ODS code of the ICS being merged")
                .fill(large);
        click(AriaRole.BUTTON, merge);
        assertThat(page.locator(".nhsuk-error-summary"))
                .containsText("Enter the ODS code of the ICS being merged, exactly as shown");
        assertThat(api.get("/api/v1/ics/" + small + "/places", smallAdmin).status())
                .as("nothing merged yet")
                .isEqualTo(200);

        page.getByLabel("To confirm, enter the ODS code of the ICS being merged")
                .fill(small);
        click(AriaRole.BUTTON, merge);
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("Merging small ICS was merged into " + large);
        assertThat(api.get("/api/v1/ics/" + large + "/places", smallAdmin).status())
                .isEqualTo(200);
    }

    @Test
    void aPlatformAdminCreatesAnIcsAndAddsAPlaceLead() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        expectHeading("Welcome");
        assertAccessible();
        click(AriaRole.LINK, "Integrated care systems");
        expectHeading("Integrated care systems");
        assertAccessible();
        click(AriaRole.LINK, "Add an ICS");
        page.getByLabel("ODS code").fill("bad code!");
        click(AriaRole.BUTTON, "Add ICS");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("ODS code of 3 to 5 letters or digits");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the name of the ICS");
        assertAccessible();

        String ods = uniqueOds();
        page.getByLabel("ODS code").fill(ods);
        page.getByLabel("Name").fill("Browser-made ICS");
        click(AriaRole.BUTTON, "Add ICS");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("Browser-made ICS (" + ods + ") was created");

        // the ICS asks for its own small-number threshold
        page.navigate(url("/admin/ics/" + ods));
        expectHeading("Browser-made ICS");
        page.getByLabel("Smallest group shown").fill("2");
        click(AriaRole.BUTTON, "Save threshold");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a whole number from 3 to 100");
        assertThat(page).hasTitle("Error: Browser-made ICS – Golden Thread");
        assertAccessible();
        page.getByLabel("Smallest group shown").fill("5");
        click(AriaRole.BUTTON, "Save threshold");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("Browser-made ICS now hides groups of fewer than 5");
        assertThat(api.get("/api/v1/admin/ics", adminToken())
                        .json()
                        .valueStream()
                        .filter(i -> i.get("ods_code").asString().equals(ods))
                        .findFirst()
                        .orElseThrow()
                        .get("min_group_size")
                        .asInt())
                .isEqualTo(5);

        String icsAdmin = createUser("ics_admin", ods);
        String token = tokenFor(icsAdmin);
        api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Riverside"));

        page.navigate(url("/admin/users/new"));
        page.getByLabel("Email address").fill("place.lead@test.example");
        page.getByLabel("Place lead", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Integrated care system").selectOption(ods);
        page.getByLabel("Places led (place leads only)").fill("Atlantis");
        click(AriaRole.BUTTON, "Add");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Not a place in this ICS: Atlantis");
        assertAccessible();
        page.getByLabel("Places led (place leads only)").fill("Riverside");
        click(AriaRole.BUTTON, "Add");
        assertThat(page.locator(".nhsuk-notification-banner"))
                .containsText("place.lead@test.example now has the role Place lead");
        assertAccessible();
    }

    @Test
    void anIcsAdminSendsPasswordLinksOnlyToAccountsThatLiveWhollyInTheirIcsAndRemovesRoles() {
        String a = createIcs("Reset Here ICS");
        String b = createIcs("Reset Elsewhere ICS");
        String admin = createUser("ics_admin", a);
        String onlyHere = createUser("member", a);
        String alsoInB = createUser("member", b);
        String platformAdmin = createUser("platform_admin", null);
        String token = tokenFor(admin);
        api.post("/api/v1/ics/" + a + "/users", token, ApiClient.json("email", platformAdmin, "role", "analyst"));
        api.post("/api/v1/ics/" + a + "/users", token, ApiClient.json("email", alsoInB, "role", "analyst"));
        JsonNode members = api.get("/api/v1/ics/" + a + "/users", token).json();
        Function<String, String> idOf = email -> members.valueStream()
                .filter(m -> m.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        signIn(admin, PASSWORD);
        for (String email : List.of(platformAdmin, alsoInB)) {
            int emails = TestMailServer.to(email).size();
            page.navigate(url("/ics/" + a + "/users/" + idOf.apply(email)));
            assertThat(page.getByRole(
                            AriaRole.BUTTON,
                            new com.microsoft.playwright.Page.GetByRoleOptions().setName("Send a password link")))
                    .hasCount(0);
            assertAccessible();
            // Posting the form anyway, by pointing a permitted form at the protected account.
            page.navigate(url("/ics/" + a + "/users/" + idOf.apply(onlyHere)));
            page.evalOnSelector(
                    "form[action$='/password']",
                    "(f, id) => f.action = f.action.replace(/users\\/\\d+/, 'users/' + id)",
                    idOf.apply(email));
            click(AriaRole.BUTTON, "Send a password link");
            expectHeading("You cannot do this");
            assertThat(TestMailServer.to(email)).as("no link reached " + email).hasSize(emails);
        }

        page.navigate(url("/ics/" + a + "/users/" + idOf.apply(onlyHere)));
        click(AriaRole.BUTTON, "Send a password link");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("emailed them a link");
        String link = emailedLink(onlyHere);

        // the person opens the link in their own browser and chooses a password
        com.microsoft.playwright.BrowserContext theirs =
                page.context().browser().newContext();
        com.microsoft.playwright.Page their = theirs.newPage();
        their.navigate(link);
        their.getByLabel("Password", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("password1234");
        their.getByLabel("Enter the password again").fill("password1234");
        their.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save password"))
                .click();
        assertThat(their.locator(".nhsuk-error-summary")).containsText("too easy to guess");
        their.getByLabel("Password", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("a fresh password for you");
        their.getByLabel("Enter the password again").fill("a fresh password for you");
        their.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save password"))
                .click();
        assertThat(their.locator(".nhsuk-notification-banner")).containsText("Your password is saved");
        their.navigate(link);
        assertThat(their.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
                .containsText("This link cannot be used");
        theirs.close();
        assertThat(api.requestToken(onlyHere, "a fresh password for you").status())
                .isEqualTo(201);

        // removing the role takes the person out of this ICS
        page.navigate(url("/ics/" + a + "/users/" + idOf.apply(alsoInB)));
        click(AriaRole.BUTTON, "Remove the role Analyst in Reset Here ICS");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("no longer has the role Analyst");
        assertThat(page.locator("table")).not().containsText(alsoInB);
        assertAccessible();
    }
}
