package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * An address Tomcat refuses before any of our code runs (an encoded NUL, backslash or dot segment)
 * still gets our page, styled and saying what to do, rather than the server's own.
 */
class BadAddressJourneyTest extends BrowserTest {

    @Test
    void anAddressTheServerCannotReadGetsOurPageSayingWhatToDo() {
        Response answered = page.navigate(url("/ics/%00"));
        assertThat(answered.status()).isEqualTo(400);
        expectHeading("Sorry, we could not understand that address");
        assertThat(page.locator("main")).containsText("check it and try again");
        // styled as every other page: the stylesheet loaded (a failed one fails the test) and applied
        assertThat(page.locator("header.nhsuk-header")).hasCSS("background-color", "rgb(0, 94, 184)");
        assertAccessible();
        page.getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Go to the home page"))
                .click();
        assertThat(page).hasURL(url("/login"));

        // the same page whatever Tomcat objects to, saying nothing of the server
        for (String path : List.of("/%00", "/ics/x%5cy", "/%2e%2e/%2e%2e/etc/passwd")) {
            ApiClient.Response r = api.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("text/html");
            assertThat(r.body())
                    .as(path)
                    .contains("Sorry, we could not understand that address")
                    .doesNotContain("Tomcat")
                    .doesNotContain("HTTP Status");
        }
    }

    /** A page reached only by a form's button, opened from the address bar, says so rather than blaming the service. */
    @Test
    void aPageOnlyAButtonReachesSaysSoWhenOpenedByItsAddress() {
        String ods = createIcs("Button Pages ICS");
        signIn(createUser("ics_admin", ods), PASSWORD);
        Response answered = page.navigate(url("/ics/" + ods + "/surveys/1/themes"));
        assertThat(answered.status()).isEqualTo(405);
        expectHeading("This page cannot be opened that way");
        assertThat(page.locator("main")).not().containsText("problem with the service");
        assertAccessible();
    }
}
