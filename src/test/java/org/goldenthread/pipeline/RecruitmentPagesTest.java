package org.goldenthread.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recruitment pages: forms need their CSRF token, what people type is escaped, and scope holds. */
class RecruitmentPagesTest extends IntegrationTest {

    private String ods;
    private String adminEmail;
    private String admin;
    private long round;

    @BeforeEach
    void aRoundForNorthfieldsAhpLead() {
        ods = createIcs("Recruitment pages");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        RegisterFixture.loadSmallRegister(api, admin, ods);
        RecruitmentFixture.nameAhpProfessions(api, admin, ods);
        round = RecruitmentFixture.openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
    }

    private PageClient signedIn(String email) {
        return new PageClient(port).signIn(email, PASSWORD);
    }

    @Test
    void aLargeRoundShowsFifteenApplicantsAPageAndAChangeOfStageComesBackToItsPage() {
        StringBuilder file = new StringBuilder(RecruitmentFixture.HEADER + "\n");
        for (int i = 1; i <= 20; i++) {
            file.append(String.format("A-%03d,,Applicant,Number %02d,,physiotherapist,mid,applied,,,%n", i, i));
        }
        assertThat(RecruitmentFixture.importApplications(api, admin, ods, round, file.toString())
                        .status())
                .isEqualTo(200);
        PageClient pages = signedIn(adminEmail);
        String path = "/ics/" + ods + "/recruitment/" + round;

        String first = pages.get(path).body();
        assertThat(first)
                .contains("20 applicants, 1 to 15 shown")
                .contains("aria-label=\"Pages of applicants\"")
                .contains("Number 15")
                .doesNotContain("Number 16");
        Page second = pages.get(path + "?page=2");
        assertThat(second.body())
                .contains("16 to 20 shown")
                .contains("Number 20")
                .doesNotContain("Number 15");

        Matcher action = Pattern.compile("action=\"(/ics/[^\"]+/applications/\\d+/stage\\?page=2)\"")
                .matcher(second.body());
        assertThat(action.find())
                .as("a stage form on the second page keeps its page")
                .isTrue();
        Page changed = pages.post(action.group(1), "stage", "shortlisted");
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith(path + "?page=2");
        assertThat(pages.follow(changed).body()).contains("is now shortlisted").contains("16 to 20 shown");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        PageClient pages = signedIn(adminEmail);
        pages.get("/ics/" + ods + "/recruitment/" + round + "/applications/new");
        // the token given first is the one read: a wrong one, as a forged form would send
        Page forged = pages.postBody(
                "/ics/" + ods + "/recruitment/" + round + "/applications/new?_csrf=forged",
                "application/x-www-form-urlencoded",
                "given_name=Eve&family_name=Forged&profession=gp&stage=applied".getBytes(StandardCharsets.UTF_8));
        assertThat(forged.status()).isEqualTo(403);
        Page opened = pages.postBody(
                "/ics/" + ods + "/recruitment/new?_csrf=forged",
                "application/x-www-form-urlencoded",
                "seat_id=1&opens_on=2026-11-01&closes_on=2026-12-01".getBytes(StandardCharsets.UTF_8));
        assertThat(opened.status()).isEqualTo(403);
        assertThat(pages.get("/ics/" + ods + "/recruitment/" + round).body()).doesNotContain("Forged");
        assertThat(api.get("/api/v1/ics/" + ods + "/recruitment/rounds", admin).json())
                .hasSize(1);
    }

    @Test
    void whatPeopleTypeIsShownAsTextAndTheAnswersAreNeverShownBack() {
        PageClient pages = signedIn(adminEmail);
        pages.get("/ics/" + ods + "/recruitment/" + round + "/applications/new");
        Page refused = pages.post(
                "/ics/" + ods + "/recruitment/" + round + "/applications/new",
                "given_name",
                "<script>alert(1)</script>",
                "family_name",
                "",
                "profession",
                "physiotherapist",
                "stage",
                "applied",
                "ethnic_group",
                "black",
                "sex",
                "female",
                "disability",
                "yes");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Enter the applicant&#39;s family name")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .contains("Choose them again")
                .doesNotContain("checked");

        Page added = pages.follow(pages.post(
                "/ics/" + ods + "/recruitment/" + round + "/applications/new",
                "given_name",
                "<script>alert(1)</script>",
                "family_name",
                "O'Neil & Co",
                "profession",
                "gp",
                "stage",
                "shortlisted",
                "ethnic_group",
                "black",
                "sex",
                "female",
                "disability",
                "yes"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Neil &amp; Co")
                .doesNotContain("<script>alert(1)")
                .contains("Shortlisted")
                .contains("Not a profession this seat is open to")
                .doesNotContain("Black, Black British")
                .doesNotContain("Disabled");
    }

    @Test
    void anImportWithProblemsListsThemByRowAndColumnOnThePage() {
        PageClient pages = signedIn(adminEmail);
        pages.get("/ics/" + ods + "/recruitment/" + round);
        String boundary = "----gt-recruitment";
        String csv = RecruitmentFixture.HEADER + "\nA-1,,Ann,Lee,,astronaut,,applied,,,\n";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"round.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        // the import runs as a job; the page it leads to lists the problems
        Page page = pages.follow(pages.postBody(
                "/ics/" + ods + "/recruitment/" + round + "/import",
                "multipart/form-data; boundary=" + boundary,
                body));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Problems in round.csv")
                .contains("&#39;astronaut&#39; is not a known profession code")
                .contains("nothing was imported");
        assertThat(api.get("/api/v1/ics/" + ods + "/recruitment/rounds/" + round, admin)
                        .json()
                        .get("applications"))
                .isEmpty();
    }

    @Test
    void aPlaceLeadSeesTheirPlacesRoundsOnlyAndAMemberNone() {
        long south = RecruitmentFixture.openRound(api, admin, ods, "Southvale East Team", "Clinical director");
        PageClient north = signedIn(createUser("place_lead", ods, "Northfield"));
        assertThat(north.get("/ics/" + ods + "/recruitment").body())
                .contains("AHP lead on Northfield Place Board")
                .doesNotContain("Southvale East Team");
        assertThat(north.get("/ics/" + ods + "/recruitment/" + round).status()).isEqualTo(200);
        assertThat(north.get("/ics/" + ods + "/recruitment/" + south).status()).isEqualTo(404);
        assertThat(north.get("/ics/" + ods + "/recruitment/new").body())
                .contains("Northfield Place Board: AHP lead (vacant)")
                .doesNotContain("Southvale East Team");
        assertThat(north.get("/ics/" + ods + "/pipeline").body()).contains("Recruitment");

        PageClient member = signedIn(createUser("member", ods));
        assertThat(member.get("/ics/" + ods + "/recruitment").status()).isEqualTo(403);
        assertThat(member.get("/ics/" + ods + "/pipeline").status()).isEqualTo(403);
    }
}
