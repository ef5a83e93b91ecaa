package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.goldenthread.support.StubOidcIssuer;
import org.junit.jupiter.api.Test;

class SignInJourneyTest extends BrowserTest {

    @Test
    void aMemberSignsInLandsInTheirIcsAndSignsOut() {
        String ods = createIcs("Sign-in ICS");
        String email = createUser("member", ods);
        page.navigate(url("/ics/" + ods));
        assertThat(page).hasURL(url("/login"));
        assertAccessible();

        signIn(email, PASSWORD);
        assertThat(page).hasURL(url("/ics/" + ods));
        expectHeading("Sign-in ICS");
        assertThat(page.locator("main")).containsText("Member");
        assertAccessible();

        click(AriaRole.BUTTON, "Sign out");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("You have signed out");
        page.navigate(url("/ics/" + ods));
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void signInFailuresSayWhatIsWrongWithoutSayingWhetherTheAccountExists() {
        String email = createUser("member", createIcs("Failures ICS"));
        signIn(email, "wrong password entirely");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a correct email address and password");
        assertThat(page).hasTitle("Sign in – Golden Thread");
        assertAccessible();

        signIn("nobody.at.all@test.example", PASSWORD);
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a correct email address and password");

        for (int i = 0; i < 4; i++) {
            signIn(email, "still the wrong password " + i);
        }
        // Locked now, but only someone who knows the password learns that.
        signIn(email, "yet another wrong password");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a correct email address and password");
        signIn(email, PASSWORD);
        assertThat(page.locator(".nhsuk-error-summary")).containsText("locked");
        assertThat(page).hasURL(url("/login?error=locked"));
        assertAccessible();
    }

    @Test
    void singleSignOnThroughAnOpenIdConnectProvider() {
        String ods = createIcs("SSO ICS");
        String email = createUser("analyst", ods);
        StubOidcIssuer.instance().signInNextAs(email);
        page.navigate(url("/login"));
        click(AriaRole.LINK, "Sign in with Test identity provider");
        assertThat(page).hasURL(url("/ics/" + ods));
        assertThat(page.locator("main")).containsText("Analyst");

        context.clearCookies();
        StubOidcIssuer.instance().signInNextAs("stranger@elsewhere.example");
        page.navigate(url("/login"));
        click(AriaRole.LINK, "Sign in with Test identity provider");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("not linked to a Golden Thread account");
        assertAccessible();
    }

    /** Accounts are linked by email, so only an address the provider has verified may claim one. */
    @Test
    void singleSignOnRefusesAnEmailAddressTheProviderHasNotVerified() {
        String ods = createIcs("Unverified SSO ICS");
        String email = createUser("analyst", ods);
        StubOidcIssuer.instance().signInNextAs(email, false);
        try {
            page.navigate(url("/login"));
            click(AriaRole.LINK, "Sign in with Test identity provider");
            assertThat(page).hasURL(url("/login?error=sso-unverified"));
            assertThat(page.locator(".nhsuk-error-summary")).containsText("has not confirmed your email address");
            assertAccessible();
            page.navigate(url("/ics/" + ods));
            assertThat(page).hasURL(url("/login"));
        } finally {
            StubOidcIssuer.instance().signInNextAs("nobody@example.org");
        }

        StubOidcIssuer.instance().signInNextAs(email, true);
        click(AriaRole.LINK, "Sign in with Test identity provider");
        expectHeading("Unverified SSO ICS");
        assertThat(page.locator("main")).containsText("Analyst");
    }
}
