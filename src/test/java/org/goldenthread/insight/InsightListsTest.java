package org.goldenthread.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The insight page's long lists: the first ten rows on the page, the rest a page of 50 at a time on
 * pages of their own, seen by each role as the insight page itself is.
 *
 * <p>The register is {@link LongListsFixture}'s: 57 leaders use too little of their time (56 in
 * Northfield) and 15 seats stand vacant (12 in Southvale, 2 in Northfield).
 */
class InsightListsTest extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("<tr class=\"nhsuk-table__row\">\\s*<td");

    private String ods;
    private String admin;

    @BeforeEach
    void aLargerRegister() {
        ods = createIcs("Insight Lists");
        admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        RegisterFixture.addGeography(api, token, ods);
        Response imported = api.post(
                "/api/v1/ics/" + ods + "/register/import",
                token,
                "text/csv",
                LongListsFixture.register().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private PageClient signedIn(String email) {
        return new PageClient(port).signIn(email, PASSWORD);
    }

    private static int rows(String html) {
        Matcher m = ROW.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The part of the insight page about one list: from its heading to the next heading. */
    private static String section(String html, String heading) {
        int start = html.indexOf(heading);
        assertThat(start).as(heading).isPositive();
        int end = html.indexOf("<h", start + heading.length());
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void insightsTimeAndSeatsShowTheFirstTenOfEachLongListAndLinkToThemAll() {
        String page =
                signedIn(admin).get("/ics/" + ods + "/insight/time-and-seats").body();
        String time = section(page, "Leaders using less than 75% of the time agreed");
        assertThat(rows(time)).isEqualTo(10);
        // the lowest share first: 25% (P6 and the members) comes before P2's 33.3%
        assertThat(time).doesNotContain("Ben Cole");
        assertThat(time)
                .contains("See all 57 leaders using less than 75% of their time")
                .contains("href=\"/ics/" + ods + "/insight/protected-time\"");
        String vacant = section(page, "id=\"vacancies\"");
        assertThat(rows(vacant)).isEqualTo(10);
        assertThat(vacant).contains("See all 15 vacant seats").contains("href=\"/ics/" + ods + "/insight/vacancies\"");
    }

    @Test
    void insightHasFourPartsAndNoOthers() {
        PageClient pages = signedIn(admin);
        for (String part : List.of("", "/time-and-seats", "/professions", "/development")) {
            assertThat(pages.get("/ics/" + ods + "/insight" + part).body())
                    .as(part)
                    .contains("<h1>Leadership insight</h1>")
                    .contains("aria-label=\"Parts of insight\"");
        }
        // a profession chosen on any part is looked into there, first
        String chosen =
                pages.get("/ics/" + ods + "/insight/development?profession=gp").body();
        assertThat(chosen).contains("id=\"drill-down\"").contains("id=\"development\"");
        assertThat(chosen.indexOf("id=\"drill-down\"")).isLessThan(chosen.indexOf("id=\"development\""));
        assertThat(pages.get("/ics/" + ods + "/insight/forums").body()).contains("<h1>Forum map</h1>");
        assertThat(pages.get("/ics/" + ods + "/insight/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void anIcsAdminPagesThroughEveryoneUsingTooLittleOfTheirTime() {
        PageClient browser = signedIn(admin);
        PageClient.Page first = browser.get("/ics/" + ods + "/insight/protected-time");
        assertThat(first.status()).isEqualTo(200);
        assertThat(rows(first.body())).isEqualTo(50);
        assertThat(first.body()).contains("57 leaders, 1 to 50 shown").contains("aria-label=\"Pages of leaders\"");
        assertThat(first.body()).contains("href=\"/ics/" + ods + "/insight/protected-time?page=2\"");

        PageClient.Page second = browser.get("/ics/" + ods + "/insight/protected-time?page=2");
        assertThat(rows(second.body())).isEqualTo(7);
        assertThat(second.body()).contains("57 leaders, 51 to 57 shown").contains("Ben Cole (P2)");
        // the highest share comes last
        assertThat(second.body().indexOf("Ben Cole (P2)"))
                .isGreaterThan(second.body().lastIndexOf("Member Number"));

        PageClient.Page vacancies = browser.get("/ics/" + ods + "/insight/vacancies");
        assertThat(rows(vacancies.body())).isEqualTo(15);
        assertThat(vacancies.body())
                .contains("Open seat 01")
                .contains("Nurse lead")
                .contains("EbE");
        // one page: no pagination
        assertThat(vacancies.body()).doesNotContain("Pages of vacant seats");
    }

    @Test
    void aPlaceLeadSeesTheirOwnPlaceOnly() {
        PageClient lead = signedIn(createUser("place_lead", ods, "Northfield"));
        PageClient.Page time = lead.get("/ics/" + ods + "/insight/protected-time");
        assertThat(time.status()).isEqualTo(200);
        assertThat(time.body()).contains("56 leaders, 1 to 50 shown").contains("Northfield");
        assertThat(time.body())
                .contains("href=\"/ics/" + ods + "/insight/protected-time?place=Northfield&amp;page=2\"");
        PageClient.Page second = lead.get("/ics/" + ods + "/insight/protected-time?place=Northfield&page=2");
        assertThat(rows(second.body())).isEqualTo(6);
        assertThat(second.body()).contains("Fay Gale (P6)").doesNotContain("Ben Cole");

        PageClient.Page vacancies = lead.get("/ics/" + ods + "/insight/vacancies");
        assertThat(rows(vacancies.body())).isEqualTo(2);
        assertThat(vacancies.body()).contains("AHP lead").contains("Nurse lead").doesNotContain("Open seat");

        assertThat(lead.get("/ics/" + ods + "/insight/vacancies?place=Southvale")
                        .status())
                .isEqualTo(403);
        assertThat(lead.get("/ics/" + ods + "/insight/protected-time?place=Southvale")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAnalystCountsWithoutNamesAndAMemberSeesNothing() {
        PageClient analyst = signedIn(createUser("analyst", ods));
        PageClient.Page time = analyst.get("/ics/" + ods + "/insight/protected-time");
        assertThat(time.status()).isEqualTo(200);
        assertThat(time.body()).contains("Leaders below 75%:").contains("<strong>57</strong>");
        assertThat(time.body()).doesNotContain("Member Number").doesNotContain("Ben Cole");
        assertThat(rows(time.body())).isZero();
        PageClient.Page vacancies = analyst.get("/ics/" + ods + "/insight/vacancies?place=Southvale");
        assertThat(rows(vacancies.body())).isEqualTo(12);

        PageClient member = signedIn(createUser("member", ods));
        assertThat(member.get("/ics/" + ods + "/insight/protected-time").status())
                .isEqualTo(403);
        assertThat(member.get("/ics/" + ods + "/insight/vacancies").status()).isEqualTo(403);
    }

    @Test
    void anUnknownPlaceIsNamedAndTheWholeIcsShown() {
        PageClient.Page page = signedIn(admin).get("/ics/" + ods + "/insight/vacancies?place=Atlantis");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Atlantis").contains("nhsuk-error-summary");
        assertThat(rows(page.body())).isEqualTo(15);
    }
}
