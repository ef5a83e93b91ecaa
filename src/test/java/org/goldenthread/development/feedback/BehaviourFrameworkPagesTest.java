package org.goldenthread.development.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ICS adapts the shipped behaviour framework, or imports its own, through the pages: a change is
 * the ICS's own and no other ICS's, a round started afterwards rates the new wording, and a refused
 * change names what is wrong and leaves the framework as it was.
 */
class BehaviourFrameworkPagesTest extends IntegrationTest {

    private static final String SHIPPED = "/development/feedback/frameworks/system-leadership";

    private String ods;
    private String adminEmail;
    private PageClient admin;

    @BeforeEach
    void anIcs() {
        ods = createIcs("Frameworks ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = new PageClient(port).signIn(adminEmail, PASSWORD);
    }

    private String at(String path) {
        return "/ics/" + ods + path;
    }

    @Test
    void anAdministratorRewordsAndAddsBehavioursAndOnlyTheirIcsSeesIt() {
        Page shipped = admin.get(at(SHIPPED));
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.body())
                .contains("Starts from what the population needs")
                .contains("As Golden Thread ships it");

        Page reworded = admin.post(
                at(SHIPPED + "/behaviours"),
                "dimension",
                "across",
                "behaviour_code",
                "across-1",
                "text",
                "Puts the needs of the whole population first");
        assertThat(reworded.status()).isEqualTo(302);
        Page added = admin.post(
                at(SHIPPED + "/behaviours"),
                "dimension",
                "across",
                "behaviour_code",
                "across-5",
                "text",
                "Shares credit with partner organisations");
        assertThat(added.status()).isEqualTo(302);

        Page after = admin.follow(added);
        assertThat(after.body())
                .contains("Puts the needs of the whole population first")
                .contains("Shares credit with partner organisations")
                .doesNotContain("Starts from what the population needs")
                .contains("Adapted by your ICS");

        String other = createIcs("Untouched ICS");
        PageClient otherAdmin = new PageClient(port).signIn(createUser("ics_admin", other), PASSWORD);
        assertThat(otherAdmin.get("/ics/" + other + SHIPPED).body())
                .contains("Starts from what the population needs")
                .doesNotContain("Shares credit with partner organisations");

        // a round started now rates the adapted wording
        Response frameworks = api.get("/api/v1/ics/" + ods + "/feedback/frameworks", tokenFor(adminEmail));
        assertThat(frameworks.body()).contains("Shares credit with partner organisations");
    }

    @Test
    void refusedChangesNameTheFieldAndLeaveTheFrameworkAsItWas() {
        admin.get(at(SHIPPED));
        Page tooLong = admin.post(
                at(SHIPPED + "/behaviours"),
                "dimension",
                "across",
                "behaviour_code",
                "across-1",
                "text",
                "x".repeat(301));
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.body())
                .contains("Describe the behaviour in 1 to 300 characters")
                .contains("href=\"#text\"");
        Page noDimension = admin.post(
                at(SHIPPED + "/behaviours"), "dimension", "", "behaviour_code", "x-1", "text", "Listens well");
        assertThat(noDimension.body()).contains("Choose the dimension the behaviour belongs to");
        Page unknownDimension = admin.post(
                at(SHIPPED + "/behaviours"), "dimension", "nowhere", "behaviour_code", "x-1", "text", "Listens");
        assertThat(unknownDimension.body()).contains("The framework has no dimension nowhere");
        Page sameCode = admin.post(
                at(SHIPPED + "/dimensions"),
                "new_dimension",
                "across",
                "new_dimension_title",
                "Again",
                "new_behaviour_code",
                "again-1",
                "new_text",
                "Again");
        assertThat(sameCode.body()).contains("already has a dimension with this code");

        // the shipped framework is untouched: the ICS still has no framework of its own
        assertThat(admin.get(at(SHIPPED)).body())
                .contains("As Golden Thread ships it")
                .contains("Starts from what the population needs");
    }

    @Test
    void removingTheLastBehaviourOfADimensionIsRefused() {
        admin.get(at(SHIPPED));
        admin.post(
                at(SHIPPED + "/dimensions"),
                "new_dimension",
                "local",
                "new_dimension_title",
                "Local priorities",
                "new_behaviour_code",
                "local-1",
                "new_text",
                "Knows the place's health and care plan");
        admin.get(at(SHIPPED));
        Page refused = admin.post(at(SHIPPED + "/behaviours/remove"), "behaviour", "local-1");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("A dimension needs at least one behaviour");
        assertThat(admin.get(at(SHIPPED)).body()).contains("Knows the place&#39;s health and care plan");
    }

    @Test
    void anImportedFrameworkIsListedAndAMalformedFileIsRefusedWithWhereItIsWrong() {
        admin.get(at("/development/feedback/frameworks"));
        String file = """
                {"code": "our-way", "title": "Our way of leading",
                 "scale": [{"value": 1, "label": "Rarely"}, {"value": 2, "label": "Sometimes"},
                           {"value": 3, "label": "Often"}],
                 "dimensions": [{"code": "care", "title": "Care", "behaviours": [
                    {"code": "care-1", "text": "Asks patients what matters to them"}]}]}""";
        Page imported =
                admin.upload(at("/development/feedback/frameworks/upload"), "framework.json", "application/json", file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(302);
        Page list = admin.follow(imported);
        assertThat(list.body()).contains("Asks patients what matters to them");
        assertThat(admin.get(at("/development/feedback/frameworks")).body())
                .contains("Our way of leading")
                .contains("Leading in a system");

        admin.get(at("/development/feedback/frameworks"));
        Page refused = admin.upload(
                at("/development/feedback/frameworks/upload"),
                "framework.json",
                "application/json",
                file.replace("\"Often\"", "\"\"").replace("our-way", "our-way-2"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Give each level a label").contains("scale[2].label");
        assertThat(admin.get(at("/development/feedback/frameworks")).body()).doesNotContain("our-way-2");

        // the start page offers the imported framework, and a round started with it rates its behaviours
        Page start = admin.get(at("/development/feedback"));
        assertThat(start.body()).contains("<option value=\"our-way\"");
    }

    @Test
    void membersReadFrameworksButCannotChangeThem() {
        String memberEmail = createUser("member", ods);
        PageClient member = new PageClient(port).signIn(memberEmail, PASSWORD);
        Page page = member.get(at(SHIPPED));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Add or reword a behaviour");
        Page refused = member.post(
                at(SHIPPED + "/behaviours"), "dimension", "across", "behaviour_code", "across-9", "text", "Sneaky");
        assertThat(refused.status()).isEqualTo(403);
        Response frameworks = api.get("/api/v1/ics/" + ods + "/feedback/frameworks", tokenFor(adminEmail));
        assertThat(frameworks.body()).doesNotContain("Sneaky");
        Page file = member.get(at(SHIPPED + "/file"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).contains("\"code\" : \"system-leadership\"");
    }
}
