package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pages show a coded value (a level, a kind of forum, decision rights, a seat type, a sector, a career
 * stage, a route) by its label, never by the code the register file and the API use. Viewers who edit
 * nothing are used, so no select list's option values are on the page.
 */
class WordsNotCodesTest extends IntegrationTest {

    private String ods;
    private String admin;

    @BeforeEach
    void theSmallRegister() {
        ods = createIcs("Words");
        admin = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.loadSmallRegister(api, admin, ods);
    }

    private long id(String path, String field, String value) {
        for (JsonNode n : api.get("/api/v1/ics/" + ods + path, admin).json()) {
            if (n.get(field).asString().equals(value)) {
                return n.get("id").asLong();
            }
        }
        throw new AssertionError("No " + value + " in " + path);
    }

    @Test
    void forumPagesNameLevelsKindsRightsAndSeatTypesInWords() {
        PageClient member = new PageClient(port).signIn(createUser("member", ods), PASSWORD);
        String council = member.get("/ics/" + ods + "/forums/" + id("/forums", "name", "Professional Council"))
                .body();
        assertThat(council)
                .contains("System level")
                .contains(">Professional council<")
                .contains(">Advises<")
                .contains(">Professional lead<")
                .contains(">Expert by experience<")
                .doesNotContain("professional_council")
                .doesNotContain("professional_lead")
                .doesNotContain("expert_by_experience")
                .doesNotContain(">advises<")
                .doesNotContain("system level");

        String list = member.get("/ics/" + ods + "/forums").body();
        assertThat(list)
                .contains(">Working group<")
                .contains(">Recommends<")
                .contains(">Professional council<")
                .doesNotContain(">working group<")
                .doesNotContain(">recommends<");
    }

    @Test
    void peoplePagesNameSectorsCareerStagesAndRoutesInWords() {
        PageClient lead = new PageClient(port).signIn(createUser("place_lead", ods, "Northfield"), PASSWORD);
        String eve = lead.get("/ics/" + ods + "/people/" + id("/people", "person_ref", "P5"))
                .body();
        assertThat(eve)
                .contains(">Adult social care<")
                .contains(">Senior<")
                .contains(">Nomination<")
                .doesNotContain(">adult social care<")
                .doesNotContain(">senior<")
                .doesNotContain(">nomination<");

        String people = lead.get("/ics/" + ods + "/people").body();
        assertThat(people).contains(">Early career<").doesNotContain(">early<").doesNotContain(">senior<");
    }
}
