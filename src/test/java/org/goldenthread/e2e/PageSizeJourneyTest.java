package org.goldenthread.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.goldenthread.platform.tenancy.DemoLoad;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every kind of page stays small enough for a phone with a whole ICS behind it. The demo ICS (291
 * people in the register, over 300 organisations, more than 40 forums, a survey of 240 responses) is
 * crawled on a phone as its administrator, following links from the ICS overview, and each page's
 * elements are counted as the browser has them. Long lists are paged and summaries link to their
 * details, so the count depends on the page, not on the size of the ICS. And no page is wider than
 * the phone: a wide table scrolls sideways in its own box, rather than the phone zooming the whole
 * page out. The first page of each kind is scanned for accessibility too, so that a page no journey
 * goes through (a programme's leader types, say) is scanned with the demo's data in it.
 */
class PageSizeJourneyTest extends BrowserTest {

    /** "A few hundred": Lighthouse calls a page of over 800 elements excessive. */
    private static final int MOST_ELEMENTS = 600;

    private static final int PAGES_OF_A_KIND = 3;

    /** Links that fetch a file or leave the ICS's pages. */
    private static final Pattern NOT_A_PAGE =
            Pattern.compile("/(download|export|logout)|\\.(csv|xlsx|pdf|ics|json|svg|png)\\b|format=|/api/|/files/");

    @Autowired
    ApplicationContext application;

    /** Pages whose content is wider than the phone's screen, with their width in CSS pixels. */
    private final Map<String, Integer> wider = new TreeMap<>();

    /** The first page of each kind the accessibility scan found faults on, with the faults. */
    private final Map<String, List<String>> faults = new TreeMap<>();

    @Test
    void everyKindOfPageOfTheDemoIcsHasAFewHundredElementsAtMostAndFitsAPhone() {
        DemoLoad.ensure(application);
        try {
            newPhone();
            signIn(createUser("ics_admin", DemoLoad.ODS), PASSWORD);
            Map<String, Integer> sizes = crawl("/ics/" + DemoLoad.ODS);

            LoggerFactory.getLogger(PageSizeJourneyTest.class)
                    .info(
                            "Counted the elements of {} pages; the largest had {}",
                            sizes.size(),
                            sizes.values().stream()
                                    .mapToInt(Integer::intValue)
                                    .max()
                                    .orElse(0));
            assertThat(sizes).as("pages reached").hasSizeGreaterThan(250);
            Map<String, Integer> over = new TreeMap<>();
            sizes.forEach((path, elements) -> {
                if (elements > MOST_ELEMENTS) {
                    over.put(path, elements);
                }
            });
            assertThat(over).as("pages over " + MOST_ELEMENTS + " elements").isEmpty();
            assertThat(wider).as("pages wider than the phone, with how wide").isEmpty();
            assertThat(faults).as("accessibility faults").isEmpty();
        } finally {
            DemoLoad.withdrawPlatformAdministrators(application);
        }
    }

    /**
     * Elements of up to three pages of each kind, by address (a kind is the path with its numbers taken
     * out, and the names in its query): three, because one survey or round may be much larger than another.
     */
    private Map<String, Integer> crawl(String start) {
        Map<String, Integer> sizes = new TreeMap<>();
        Map<String, Integer> kinds = new HashMap<>();
        // the kinds scanned for accessibility: the first page of each that is a page, not a download
        Set<String> scanned = new HashSet<>();
        Set<String> queued = new HashSet<>(List.of(start));
        Deque<String> waiting = new ArrayDeque<>(List.of(start));
        while (!waiting.isEmpty() && sizes.size() < 600) {
            String path = waiting.removeFirst();
            if (kinds.merge(kind(path), 1, Integer::sum) > PAGES_OF_A_KIND) {
                continue;
            }
            Response response;
            try {
                response = page.navigate(url(path));
            } catch (PlaywrightException e) {
                if (String.valueOf(e.getMessage()).contains("Download is starting")) {
                    continue; // a file, not a page
                }
                throw e;
            }
            assertThat(response.status()).as(path).isEqualTo(200);
            sizes.put(path, ((Number) page.evaluate("document.querySelectorAll('*').length")).intValue());
            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            if (width > ((Number) page.evaluate("document.documentElement.clientWidth")).intValue()) {
                wider.put(path, width);
            }
            if (scanned.add(kind(path))) {
                List<String> found = accessibilityFaults();
                if (!found.isEmpty()) {
                    faults.put(path, found);
                }
            }
            @SuppressWarnings("unchecked")
            List<String> links =
                    (List<String>) page.evalOnSelectorAll("a[href]", "links => links.map(a => a.getAttribute('href'))");
            for (String link : links) {
                String href = link.replace("&amp;", "&");
                int fragment = href.indexOf('#');
                if (fragment >= 0) {
                    href = href.substring(0, fragment);
                }
                if (href.startsWith(start)
                        && !NOT_A_PAGE.matcher(href).find()
                        && kinds.getOrDefault(kind(href), 0) < PAGES_OF_A_KIND
                        && queued.add(href)) {
                    waiting.addLast(href);
                }
            }
        }
        return sizes;
    }

    private static String kind(String path) {
        int query = path.indexOf('?');
        String route = (query < 0 ? path : path.substring(0, query)).replaceAll("/\\d+(?=/|$)", "/N");
        Set<String> names = new TreeSet<>();
        if (query >= 0) {
            for (String pair : path.substring(query + 1).split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
        }
        return route + names;
    }
}
