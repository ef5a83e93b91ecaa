package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An ICS administrator opens a survey's reach from its page and sees, in words, the group it has
 * not heard from; tries a baseline file with a mistake, which changes nothing, then imports a good
 * one and sees reach compared with it. Every page is scanned for accessibility.
 */
class ReachJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSurveysReachAndTheBaselineItIsComparedWith() {
        String ods = createIcs("Reach Journey ICS");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        setMinGroupSize(ods, 3);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String profession = i < 6 ? "gp" : "nurse_adult";
            String email = uniqueEmail(profession);
            ApiClient.Response added = api.post(
                    "/api/v1/ics/" + ods + "/people",
                    admin,
                    ApiClient.json(
                            "person_ref",
                            "R" + i,
                            "given_name",
                            "Sam",
                            "family_name",
                            "Leader" + i,
                            "email",
                            email,
                            "profession",
                            profession));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            emails.add(email);
        }
        ApiClient.Response created = api.post("/api/v1/ics/" + ods + "/surveys", admin, """
                {"code":"pulse","title":"Winter pulse","anonymous":true,"questions":[
                 {"code":"Q1","text":"Professionals are heard","type":"agreement4"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long survey = created.json().get("id").asLong();
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/surveys/" + survey + "/invitations?wait_seconds=1",
                                admin,
                                ApiClient.json("emails", emails))
                        .status())
                .isEqualTo(201);
        // three of the GPs have answered through their links; none of the nurses has
        inIcs(ods, () -> jdbc.sql("""
                        delete from survey_invitation_unanswered where invitation_id in
                            (select id from survey_invitation where survey_id = :s and email like 'gp%' order by id limit 3)""").param("s", survey).update());

        signIn(adminEmail, PASSWORD);
        page.navigate(url("/ics/" + ods + "/surveys/" + survey));
        click(AriaRole.LINK, "Reach: who was invited and who responded");
        expectHeading("Reach");
        assertThat(page.locator(".nhsuk-warning-callout"))
                .containsText("Nursing and midwifery: under-represented: 0% of those who responded against 33% of"
                        + " the register");
        assertThat(page.locator("#reach-profession_group")).containsText("Medical");
        // every column is headed by its stage (they were blank: a map looked up by the letter s)
        assertThat(page.locator("#reach-profession_group thead th").allInnerTexts())
                .doesNotContain("")
                .contains("Invited", "Responded");
        assertAccessible();
        // one dimension's table at a time, so an ICS with many places keeps a short page
        assertThat(page.locator("#reach-place")).hasCount(0);
        click(AriaRole.LINK, "By place");
        assertThat(page.locator("#reach-place thead th").first()).hasText("Place");
        assertThat(page.locator("#reach-profession_group")).hasCount(0);
        assertThat(page.locator(".nhsuk-contents-list [aria-current=page]")).hasText("By place");
        // the findings cover every dimension, whichever table is shown
        assertThat(page.locator(".nhsuk-warning-callout")).containsText("Nursing and midwifery: under-represented");
        assertAccessible();

        click(AriaRole.LINK, "The workforce baseline reach is compared with");
        expectHeading("Workforce baseline for reach");
        assertAccessible();
        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "baseline.csv",
                        "text/csv",
                        "dimension,group,headcount\nprofession_group,Medical,50\nprofession_group,Nursing,x\n"
                                .getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator("#problems")).containsText("Problems in baseline.csv");
        assertThat(page.locator("main")).containsText("\"Nursing\" is not a profession group of this ICS");
        assertThat(page.locator("main")).not().containsText("The current baseline");
        assertAccessible();

        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "baseline.csv",
                        "text/csv",
                        "dimension,group,headcount\nprofession_group,Medical,50\nprofession_group,Nursing and midwifery,50\n"
                                .getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.locator("#imported")).containsText("2 headcounts imported");
        assertThat(page.locator("main")).containsText("The current baseline");
        assertAccessible();

        page.navigate(url("/ics/" + ods + "/reach/surveys/" + survey));
        assertThat(page.locator(".nhsuk-warning-callout"))
                .containsText("0% of those who responded against 50% of the workforce baseline");
        assertAccessible();
    }
}
