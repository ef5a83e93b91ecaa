package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Drives Debian's Chromium, headless, through the real pages, and scans each page for
 * accessibility problems with axe-core. Serious and critical violations fail the test.
 * <p>
 * Every browser context a test opens is watched: a console error, an uncaught script error, a
 * Content-Security-Policy violation or a stylesheet, script, image or font that fails to load fails
 * the test when it ends, naming the page. Documents and fetches answered with 4xx are left alone:
 * those are the app's own answers, which the tests check themselves.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static Playwright playwright;
    private static Browser browser;
    /** What went wrong in the browser during the current test; tests run one at a time. */
    private static final List<String> browserProblems = new CopyOnWriteArrayList<>();

    private static final Set<String> ASSETS = Set.of("stylesheet", "script", "image", "font", "media");
    /** Chromium's console line for any 4xx or 5xx response; assets are caught by status instead. */
    private static final String HTTP_STATUS_LINE = "Failed to load resource: the server responded with a status of";

    protected BrowserContext context;
    protected Page page;
    /** Whether the current browser runs no scripts: see {@link #newPhoneWithoutJavaScript()}. */
    protected boolean javaScriptOff;

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create();
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of(System.getProperty("gt.chromium", "/usr/bin/chromium")))
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--disable-quic",
                                    "--no-first-run")));
            browser.onContext(BrowserTest::watch);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    private static void watch(BrowserContext context) {
        // reported as a console error too, but the event says which directive and address
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'Content-Security-Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));");
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith(HTTP_STATUS_LINE)) {
                browserProblems.add(where(message.page()) + "console error: " + message.text());
            }
        });
        context.onWebError(error -> browserProblems.add(where(error.page()) + "uncaught: " + error.error()));
        context.onResponse(response -> {
            if (response.status() >= 400 && ASSETS.contains(response.request().resourceType())) {
                browserProblems.add(where(response.frame().page())
                        + response.request().resourceType() + " " + response.url() + " answered " + response.status());
            }
        });
    }

    private static String where(Page page) {
        return page == null ? "" : "on " + page.url() + ": ";
    }

    /** What has gone wrong in the browser so far in this test. */
    protected List<String> browserProblems() {
        return browserProblems;
    }

    @BeforeEach
    void openPage() {
        browserProblems.clear();
        context = browser().newContext();
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        javaScriptOff = false;
    }

    @AfterEach
    void closePage() {
        try {
            assertThat(browserProblems)
                    .as("console errors, script errors, CSP violations and failed assets")
                    .isEmpty();
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Goes to {@code path} from a page that may reload itself at the same moment (a job's progress card
     * reloads its page when the job ends): the page's own reload can cancel ours, so it is asked once more.
     */
    protected void leaveFor(String path) {
        try {
            page.navigate(url(path));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            String message = String.valueOf(e.getMessage());
            // the page's own reload (a job it follows has ended) may win the race with ours, either way
            if (!message.contains("ERR_ABORTED") && !message.contains("interrupted by another navigation")) {
                throw e;
            }
            page.navigate(url(path));
        }
    }

    protected void signIn(String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /**
     * Clicks as a person would: a header link the NHS.UK header has moved into its "More" menu (the
     * header keeps only what fits the width) is reached by opening that menu first.
     */
    protected void click(AriaRole role, String name) {
        Locator target =
                page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true));
        Locator more = page.locator("#toggle-menu");
        if (role == AriaRole.LINK) {
            // the header script sorts its links into the bar and the menu once the page has loaded
            page.waitForLoadState();
            if (!target.first().isVisible() && more.isVisible()) {
                more.click();
            }
        }
        target.click();
    }

    /**
     * Types a date into the NHS.UK date input whose legend contains {@code legend}: day, month and
     * year in their own boxes, as a person would.
     */
    protected void fillDate(String legend, String day, String month, String year) {
        Locator group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend));
        Locator.GetByLabelOptions exactly = new Locator.GetByLabelOptions().setExact(true);
        group.getByLabel("Day", exactly).fill(day);
        group.getByLabel("Month", exactly).fill(month);
        group.getByLabel("Year", exactly).fill(year);
    }

    protected void fillDate(String legend, LocalDate date) {
        fillDate(
                legend,
                String.valueOf(date.getDayOfMonth()),
                String.valueOf(date.getMonthValue()),
                String.valueOf(date.getYear()));
    }

    protected void expectHeading(String text) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(text);
    }

    /**
     * Fails on any serious or critical WCAG 2.2 A/AA violation on the current page.
     * <p>
     * axe runs in the page itself (its "legacy" mode). The default runs it frame by frame and then
     * opens a second, blank browser context to put the frames' findings together, loading axe there
     * again: about a second more a scan, and our pages have no frames to put together. The same rules
     * run either way; {@code AccessibilityScanTest} shows the scan still finds what it should.
     */
    protected void assertAccessible() {
        assertThat(accessibilityFaults())
                .as("accessibility violations on " + page.url())
                .isEmpty();
    }

    /** The serious and critical faults the scan finds on the page as the browser shows it, each in words. */
    protected List<String> accessibilityFaults() {
        AxeResults results = new AxeBuilder(page)
                .setLegacyMode(true)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze();
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> n.getHtml()).limit(3).collect(Collectors.joining(" | ")))
                .toList();
    }

    /** A fresh phone with JavaScript off in place of the current browser: nobody signed in, nothing remembered. */
    protected void newPhoneWithoutJavaScript() {
        Browser browser = context.browser();
        context.close();
        context = browser.newContext(phone().setJavaScriptEnabled(false));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        javaScriptOff = true;
    }

    /** A fresh phone, scripts on, in place of the current browser: nobody signed in, nothing remembered. */
    protected void newPhone() {
        Browser browser = context.browser();
        context.close();
        context = browser.newContext(phone());
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    private static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions()
                .setViewportSize(375, 740)
                .setIsMobile(true)
                .setHasTouch(true);
    }

    /**
     * {@link #assertAccessible()} for the page as the current browser shows it. axe runs as a script,
     * which a page without JavaScript cannot do (it stalls); so there the page as the phone shows it,
     * scripts taken out, is loaded at the same address in a second phone that runs scripts, and
     * scanned there.
     */
    protected void scan() {
        if (!javaScriptOff) {
            assertAccessible();
            return;
        }
        String html = page.content().replaceAll("(?s)<script\\b.*?</script>", "");
        String address = page.url();
        BrowserContext scanning = context.browser().newContext(phone());
        Page shown = page;
        try {
            page = scanning.newPage();
            page.route(
                    address::equals,
                    route -> route.fulfill(new Route.FulfillOptions()
                            .setContentType("text/html; charset=utf-8")
                            .setBody(html)));
            page.navigate(address);
            assertAccessible();
        } finally {
            page = shown;
            scanning.close();
        }
    }
}
