package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.goldenthread.people.RegisterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leadership insight and the forum map, for an ICS admin and for an analyst, with accessibility scans. */
class InsightJourneyTest extends BrowserTest {

    private String ods;
    private String admin;

    @BeforeEach
    void anIcsWithTheSmallRegister() {
        ods = createIcs("Insight Journey ICS");
        admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        RegisterFixture.loadSmallRegister(api, token, ods);
    }

    /** At system level the GP holds two clinical seats, the adult nurse and the pharmacist one each. */
    private static final String TOP_TWO_AT_SYSTEM =
            "General practitioner and, tied for second, Pharmacist / Registered nurse (adult)";

    private Locator levelRow(String level) {
        return page.locator("table.gt-levels tbody tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(
                                AriaRole.ROWHEADER,
                                new Page.GetByRoleOptions().setName(level).setExact(true))));
    }

    @Test
    void anIcsAdminReadsTheFiguresFiltersByPlaceAndFollowsLinesOfSight() {
        signIn(admin, PASSWORD);
        Locator cards = page.locator(".gt-cards");
        assertThat(cards).containsText("Forums without line of sight");
        assertThat(cards).containsText("34 of 37");
        // the top-two card names the professions it counts, saying the tie for second place
        assertThat(cards).containsText(TOP_TWO_AT_SYSTEM);

        click(AriaRole.LINK, "Insight");
        expectHeading("Leadership insight");
        assertThat(levelRow("System")).containsText("4");
        assertThat(levelRow("System")).containsText("75%");
        assertThat(levelRow("System")).containsText("66.7%");
        assertThat(levelRow("System")).containsText(TOP_TWO_AT_SYSTEM);
        assertThat(levelRow("Place")).containsText("General practitioner and Social worker (adults)");
        assertThat(levelRow("System")).containsText("11");
        assertThat(levelRow("Neighbourhood")).containsText("0.5");
        assertThat(page.getByRole(
                        AriaRole.IMG,
                        new Page.GetByRoleOptions()
                                .setName("Share of clinical and care seats held by the top two professions")))
                .isVisible();
        assertAccessible();

        // the rest of insight is in parts of its own, each a page that stays short on a phone
        click(AriaRole.LINK, "Time, seats and vacancies");
        expectHeading("Leadership insight");
        assertThat(page).hasTitle(Pattern.compile("^Insight: Time, seats and vacancies – .*"));
        assertThat(page.locator("#vacancies ~ div table").first()).containsText("Nurse lead");
        assertThat(page.locator("main")).containsText("Ben Cole (P2)");
        assertThat(page.locator("main")).containsText("Northfield");
        assertThat(page.locator("#levels")).hasCount(0);
        assertAccessible();
        click(AriaRole.LINK, "At a glance");
        assertThat(page.locator("#levels")).isVisible();

        APIResponse csv = page.request().get(url("/ics/" + ods + "/insight.csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-disposition")).contains("insight-" + ods);
        assertThat(csv.text())
                .startsWith(
                        "level,leaders,professions_present,professions_missing,top_two_share,"
                                + "top_two_professions,early_mid_share,protected_hours_agreed,protected_hours_used,vacant_seats\r\n");
        assertThat(csv.text()).contains("\r\nsystem,4,gp;manager;nurse_adult;pharmacist,");
        assertThat(csv.text()).contains(",0.75,\"" + TOP_TWO_AT_SYSTEM + "\",0.6667,11.0,8.0,1\r\n");

        page.getByLabel("Place", new Page.GetByLabelOptions().setExact(true)).selectOption("Northfield");
        click(AriaRole.BUTTON, "Show");
        assertThat(page).hasURL(Pattern.compile(".*/insight\\?place=Northfield.*"));
        assertThat(page.locator(".nhsuk-caption-l")).containsText("Northfield");
        assertThat(levelRow("System")).containsText("0");
        assertThat(levelRow("Place")).containsText("2");
        assertAccessible();

        // the chosen place goes with the reader from part to part
        click(AriaRole.LINK, "Professions and forums");
        assertThat(page).hasURL(Pattern.compile(".*/insight/professions\\?place=Northfield$"));
        assertThat(page.locator(".nhsuk-caption-l")).containsText("Northfield");
        // Northfield's one neighbourhood is heard at the board through its team and the place board
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Neighbourhoods without a line of sight to the board")))
                .isAttached();
        assertThat(page.locator("main"))
                .containsText("The one neighbourhood has a forum that reports up to the board.");
        assertAccessible();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("General practitioner")
                                .setExact(true))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("General practitioner: by level and career stage")))
                .isVisible();
        assertThat(page.locator("#drill-down ~ div table")).containsText("hidden");
        assertAccessible();

        click(AriaRole.LINK, "Forum map and lines of sight");
        expectHeading("Forum map");
        // Northfield's forums, with the ICS Board drawn for context because the place board reports to it
        assertThat(page.locator(".gt-forum-list tbody tr")).hasCount(2);
        assertThat(page.locator("svg a[data-forum]")).hasCount(3);
        assertAccessible();
        // a box's name holds the words it shows (WCAG 2.5.3), checked by axe's rule for it, which
        // is experimental and so not among the tags assertAccessible runs
        AxeResults labelInName = new AxeBuilder(page)
                .withRules(List.of("label-content-name-mismatch"))
                .analyze();
        assertThat(labelInName.getViolations()).isEmpty();
        assertThat(labelInName.getPasses())
                .singleElement()
                .satisfies(rule -> assertThat(rule.getNodes())
                        .filteredOn(n -> n.getHtml().contains("data-forum"))
                        .hasSize(3));

        page.getByLabel("Place", new Page.GetByLabelOptions().setExact(true)).selectOption("");
        page.getByLabel("Level", new Page.GetByLabelOptions().setExact(true)).selectOption("neighbourhood");
        click(AriaRole.BUTTON, "Show forums");
        assertThat(page.locator(".gt-forum-list tbody tr")).hasCount(2);
        Locator blind = page.locator(".gt-forum-blind");
        assertThat(blind).hasCount(1);
        assertThat(blind).containsText("Southvale East Team");
        assertThat(blind).containsText("No line of sight");
        assertThat(page.locator(".gt-forum-list tbody tr").first())
                .containsText("Northfield Central Team → Northfield Place Board → ICS Board");

        // each forum on the map is a link a keyboard reaches; it leads to the forum's entry in the list
        Locator node = page.locator("svg a[aria-label^='Southvale East Team']");
        assertThat(node).hasAttribute("aria-label", Pattern.compile(".*no line of sight.*"));
        node.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*#forum-\\d+$"));
        assertAccessible();
    }

    @Test
    void anAnalystSeesAggregatesOnly() {
        String analyst = createUser("analyst", ods);
        signIn(analyst, PASSWORD);
        assertThat(page.locator(".gt-cards")).containsText("Top two professions' share");
        assertThat(page.locator(".gt-cards")).not().containsText("General practitioner");
        page.navigate(url("/ics/" + ods + "/insight"));
        expectHeading("Leadership insight");
        assertThat(page.locator(".nhsuk-inset-text")).containsText("aggregate figures only");
        assertThat(levelRow("System")).containsText("hidden");
        assertThat(levelRow("System")).containsText("4");
        // a hidden share names nobody's profession
        assertThat(levelRow("System")).not().containsText("General practitioner");
        assertThat(page.locator(".gt-levels")).not().containsText("Registered nurse");
        assertThat(page.locator("main")).not().containsText("Ben Cole");
        assertThat(page.locator("main")).not().containsText("Asha Reed");
        click(AriaRole.LINK, "Time, seats and vacancies");
        assertThat(page.locator("#many-seats ~ p").first()).containsText("1 leader holds three or more seats");
        assertThat(page.locator("main")).not().containsText("Ben Cole");
        assertAccessible();

        APIResponse csv = page.request().get(url("/ics/" + ods + "/insight.csv"));
        assertThat(csv.text()).contains("\r\nsystem,4,gp;manager;nurse_adult;pharmacist,");
        assertThat(csv.text()).contains(",suppressed,suppressed,suppressed,suppressed,suppressed,1\r\n");
    }

    @Test
    void aMemberHasNoInsight() {
        String member = createUser("member", ods);
        signIn(member, PASSWORD);
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Insight").setExact(true)))
                .hasCount(0);
        page.navigate(url("/ics/" + ods + "/insight"));
        expectHeading("You cannot do this");
    }
}
