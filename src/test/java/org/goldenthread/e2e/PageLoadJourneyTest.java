package org.goldenthread.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Pages load cleanly: nothing blocked by the app's own Content-Security-Policy (the NHS.UK
 * frontend's stylesheet names a web font on another host) and nothing fetched from elsewhere.
 */
class PageLoadJourneyTest extends BrowserTest {

    @Test
    void aPageLoadsWithNoConsoleErrorsAndFetchesNothingFromOtherHosts() {
        String ods = createIcs("Clean Page ICS");
        String email = createUser("member", ods);
        List<String> hosts = new CopyOnWriteArrayList<>();
        context.onRequest(
                (Request request) -> hosts.add(URI.create(request.url()).getHost()));

        page.navigate(url("/login"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        signIn(email, PASSWORD);
        page.navigate(url("/ics/" + ods));
        expectHeading("Clean Page ICS");
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(browserProblems()).as("console errors and CSP violations").isEmpty();
        assertThat(hosts).isNotEmpty().containsOnly("localhost");
        // no web font is declared at all, so none can be blocked: text is set in Arial (or a local Frutiger)
        assertThat(page.evaluate("document.fonts.size")).isEqualTo(0);
    }

    @Test
    void theWatcherCatchesAContentSecurityPolicyViolation() {
        page.navigate(url("/login"));
        // a font from another origin (a closed local port, so nothing leaves the machine)
        page.evaluate("new FontFace('Elsewhere', 'url(http://127.0.0.1:9/x.woff2)').load().catch(() => {})");
        page.waitForTimeout(500);

        assertThat(browserProblems())
                .anyMatch(p -> p.contains("Content-Security-Policy") || p.contains("Content Security Policy"));
        browserProblems().clear();
    }
}
