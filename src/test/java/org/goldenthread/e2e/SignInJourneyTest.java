package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.goldenthread.platform.Scope;
import org.goldenthread.support.StubOidcIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SignInJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void aSessionEndsOnceItsAccountIsSwitchedOffOrLosesEveryRole() {
        String ods = createIcs("Session ICS");
        String switchedOff = createUser("member", ods);
        signIn(switchedOff, PASSWORD);
        expectHeading("Session ICS");
        // Otherwise a late request of the page (its icon, say) may be the one that ends the session.
        page.waitForLoadState(LoadState.NETWORKIDLE);
        setDisabled(switchedOff, true);
        page.navigate(url("/ics/" + ods));
        assertThat(page).hasURL(url("/login?error=ended"));
        assertThat(page.locator(".nhsuk-error-summary")).containsText("You have been signed out");
        assertAccessible();
        // Switching the account back on does not bring the old session back.
        setDisabled(switchedOff, false);
        page.navigate(url("/ics/" + ods));
        assertThat(page).hasURL(url("/login"));

        context.clearCookies();
        String roleless = createUser("member", ods);
        signIn(roleless, PASSWORD);
        expectHeading("Session ICS");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        removeRoles(roleless);
        page.navigate(url("/account"));
        assertThat(page).hasURL(url("/login?error=ended"));

        // The API, called with the browser's session or with a token, answers 401.
        context.clearCookies();
        String apiUser = createUser("member", ods);
        String token = tokenFor(apiUser);
        signIn(apiUser, PASSWORD);
        expectHeading("Session ICS");
        assertThat(page.request().get(url("/api/v1/ics/" + ods)).status())
                .isEqualTo(200);
        removeRoles(apiUser);
        assertThat(page.request().get(url("/api/v1/tokens")).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", token).status()).isEqualTo(401);
        page.navigate(url("/account"));
        assertThat(page).hasURL(url("/login"));
    }

    private void removeRoles(String email) {
        Scope.systemPlatform().run(() -> jdbc.sql(
                "delete from role_grant where user_id = (select id from app_user where email = ?)").params(email).update());
    }

    private void setDisabled(String email, boolean disabled) {
        Scope.systemPlatform().run(() -> jdbc.sql(
                "update app_user set disabled = ? where email = ?").params(disabled, email).update());
    }
}
