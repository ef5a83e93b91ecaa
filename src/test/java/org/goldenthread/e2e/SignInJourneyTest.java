package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.goldenthread.platform.Scope;
import org.goldenthread.support.ApiClient;
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
        assertThat(page.request().get(url("/api/v1/ics/" + ods)).status()).isEqualTo(200);
        removeRoles(apiUser);
        assertThat(page.request().get(url("/api/v1/tokens")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", token).status()).isEqualTo(401);
        page.navigate(url("/account"));
        assertThat(page).hasURL(url("/login"));
    }

    /** The first visit says nothing about signing out: nobody has signed in yet. */
    @Test
    void theFirstVisitToTheSignInPageSaysNothingAboutSigningOut() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        expectHeading("Sign in to Golden Thread");
        assertThat(page.locator(".nhsuk-notification-banner")).hasCount(0);
        assertThat(page.locator("#plain-http")).hasCount(0);
        assertAccessible();
    }

    /**
     * Browsers keep the secure session cookie only from HTTPS or localhost, so over plain HTTP from
     * another machine the sign-in page says so before anyone tries.
     */
    @Test
    void overPlainHttpFromAnotherMachineTheSignInPageSaysWhySigningInWillFail() throws Exception {
        String address = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                .map(java.net.InetAddress::getHostAddress)
                .findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(address != null, "this machine has no address but loopback");
        page.navigate("http://" + address + ":" + port + "/login");
        assertThat(page.locator("#plain-http")).containsText("GT_SECURE_COOKIES=false");
        assertAccessible();
    }

    /** The account page itself: it must render, show a new token once, and change the password. */
    @Test
    void onTheAccountPageAPersonCreatesATokenSeenOnceAndAPasswordChangeEndsTheirOtherSessions() {
        String ods = createIcs("Account page ICS");
        String email = createUser("member", ods);
        String oldToken = tokenFor(email);
        com.microsoft.playwright.BrowserContext elsewhere =
                page.context().browser().newContext();
        com.microsoft.playwright.Page other = elsewhere.newPage();
        other.navigate(url("/login"));
        other.getByLabel("Email address").fill(email);
        other.getByLabel("Password").fill(PASSWORD);
        other.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(other).hasURL(url("/ics/" + ods));

        signIn(email, PASSWORD);
        page.navigate(url("/account"));
        expectHeading("Your account");
        assertThat(page.locator("main")).containsText(email);
        assertAccessible();

        page.getByLabel("Token name").fill("Monthly export");
        click(AriaRole.BUTTON, "Create token");
        String shown = page.locator(".gt-token").textContent().trim();
        assertThat(shown).startsWith("gt_");
        assertThat(api.get("/api/v1/tokens", shown).status()).isEqualTo(200);
        assertAccessible();
        page.navigate(url("/account"));
        assertThat(page.locator(".gt-token")).hasCount(0);
        assertThat(page.locator("table")).containsText("Monthly export");

        page.getByLabel("Current password").fill(PASSWORD);
        page.getByLabel("New password").fill("Password123!");
        click(AriaRole.BUTTON, "Change password");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("too easy to guess");
        assertAccessible();
        page.getByLabel("Current password").fill(PASSWORD);
        page.getByLabel("New password").fill("copper kettle mountain sparrow");
        click(AriaRole.BUTTON, "Change password");
        assertThat(page.locator(".nhsuk-notification-banner")).containsText("signed out everywhere else");
        // this session carries on; the other browser's session and every token have ended
        page.navigate(url("/ics/" + ods));
        expectHeading("Account page ICS");
        other.navigate(url("/ics/" + ods));
        assertThat(other).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        elsewhere.close();
        assertThat(api.get("/api/v1/tokens", oldToken).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", shown).status()).isEqualTo(401);
        assertThat(api.requestToken(email, "copper kettle mountain sparrow").status())
                .isEqualTo(201);
    }

    /**
     * Signing out of a single sign-on session signs out of the provider too, so a shared workstation
     * does not sign the next person straight back in; the provider's name is used when the account has
     * none, and a refused single sign-on is audited with its reason.
     */
    @Test
    void singleSignOnUsesTheProvidersNameSignsOutThereTooAndAuditsRefusals() {
        String ods = createIcs("SSO sign-out ICS");
        String email = uniqueEmail("sso.person");
        api.post("/api/v1/admin/users", adminToken(), ApiClient.json("email", email, "role", "member", "ics", ods));
        StubOidcIssuer.instance().signInNextAs(email, "Priya Shah");
        try {
            page.navigate(url("/login"));
            click(AriaRole.LINK, "Sign in with Test identity provider");
            expectHeading("SSO sign-out ICS");
            assertThat(page.locator("header")).containsText("Priya Shah");
            int before = StubOidcIssuer.instance().signOuts();
            click(AriaRole.BUTTON, "Sign out");
            assertThat(page.locator(".nhsuk-notification-banner")).containsText("You have signed out");
            assertThat(StubOidcIssuer.instance().signOuts()).isEqualTo(before + 1);
        } finally {
            StubOidcIssuer.instance().signInNextAs("nobody@example.org");
        }

        String stranger = uniqueEmail("stranger");
        StubOidcIssuer.instance().signInNextAs(stranger);
        try {
            page.navigate(url("/login"));
            click(AriaRole.LINK, "Sign in with Test identity provider");
            assertThat(page.locator(".nhsuk-error-summary")).containsText("not linked to a Golden Thread account");
        } finally {
            StubOidcIssuer.instance().signInNextAs("nobody@example.org");
        }
        String refusals = api.get("/api/v1/admin/audit?action=user.sign_in_refused", adminToken())
                .body();
        assertThat(refusals).contains(stranger, "no Golden Thread account uses this email address");
    }

    private void removeRoles(String email) {
        Scope.systemPlatform()
                .run(() -> jdbc.sql("delete from role_grant where user_id = (select id from app_user where email = ?)")
                        .params(email)
                        .update());
    }

    private void setDisabled(String email, boolean disabled) {
        Scope.systemPlatform()
                .run(() -> jdbc.sql("update app_user set disabled = ? where email = ?")
                        .params(disabled, email)
                        .update());
    }
}
