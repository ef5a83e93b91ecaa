package org.goldenthread.engagement.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Reach through the API against a register worked by hand (k = 3): 10 GPs (medical, general
 * practice), 6 adult nurses (nursing and midwifery, acute) and 4 paramedics (allied health,
 * ambulance). A survey invites 8 GPs, 4 nurses and 2 paramedics; 3 GPs and all 4 nurses respond.
 */
class ReachTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reach reach;

    private String ods;
    private String admin;
    private String adminEmail;
    private final List<String> gps = new ArrayList<>();
    private final List<String> nurses = new ArrayList<>();
    private final List<String> paramedics = new ArrayList<>();

    @BeforeEach
    void aRegister() {
        ods = createIcs("Reach ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        setMinGroupSize(ods, 3);
        add(gps, 10, "gp", "general_practice");
        add(nurses, 6, "nurse_adult", "acute");
        add(paramedics, 4, "paramedic", "ambulance");
    }

    private void add(List<String> emails, int count, String profession, String sector) {
        for (int i = 0; i < count; i++) {
            String email = uniqueEmail(profession);
            Response r = api.post(
                    path("/people"),
                    admin,
                    ApiClient.json(
                            "person_ref",
                            profession + "-" + i + "-" + email.hashCode(),
                            "given_name",
                            "Pat",
                            "family_name",
                            profession + i,
                            "email",
                            email,
                            "profession",
                            profession,
                            "sector",
                            sector,
                            "career_stage",
                            "mid"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            emails.add(email);
        }
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }

    private long survey(String code) {
        Response created = api.post(path("/surveys"), admin, """
                {"code":"%s","title":"Pulse %s","anonymous":true,"questions":[
                 {"code":"Q1","text":"Professionals are heard","type":"agreement4"}]}""".formatted(code, code));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void invite(long survey, List<String> emails) {
        Response r = api.post(
                path("/surveys/" + survey + "/invitations?wait_seconds=1"), admin, ApiClient.json("emails", emails));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** What answering through their invitation link leaves behind: the invitation no longer unanswered. */
    private void answered(long survey, List<String> emails) {
        inIcs(
                ods,
                () -> jdbc.sql("""
                        delete from survey_invitation_unanswered u using survey_invitation i
                         where u.invitation_id = i.id and i.survey_id = :s and lower(i.email) = any (cast(:e as text[]))""")
                        .param("s", survey)
                        .param("e", emails.stream().map(String::toLowerCase).toArray(String[]::new))
                        .update());
    }

    private long invitedAndAnswered() {
        long survey = survey("pulse");
        List<String> invited = new ArrayList<>(gps.subList(0, 8));
        invited.addAll(nurses.subList(0, 4));
        invited.addAll(paramedics.subList(0, 2));
        invite(survey, invited);
        List<String> responded = new ArrayList<>(gps.subList(0, 3));
        responded.addAll(nurses.subList(0, 4));
        answered(survey, responded);
        return survey;
    }

    private static JsonNode table(JsonNode report, String dimension) {
        for (JsonNode t : report.get("tables")) {
            if (t.get("dimension").asString().equals(dimension)) {
                return t;
            }
        }
        throw new AssertionError("no table for " + dimension);
    }

    private static JsonNode row(JsonNode table, String group) {
        for (JsonNode r : table.get("rows")) {
            if (r.get("group").asString().equals(group)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + group);
    }

    private static JsonNode cell(JsonNode row, String stage) {
        for (JsonNode c : row.get("cells")) {
            if (c.get("stage").asString().equals(stage)) {
                return c;
            }
        }
        throw new AssertionError("no cell for " + stage);
    }

    @Test
    void aSurveysReachMatchesTheHandWorkedFiguresWithSmallGroupsHidden() {
        long survey = invitedAndAnswered();
        Response r = api.get(path("/surveys/" + survey + "/reach"), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("stages").toString()).isEqualTo("[\"invited\",\"responded\"]");

        JsonNode groups = table(report, "profession_group");
        assertThat(groups.get("compared_with").asString()).isEqualTo("the register");
        JsonNode medical = row(groups, "Medical");
        assertThat(cell(medical, "invited").get("count").asInt()).isEqualTo(8);
        assertThat(cell(medical, "invited").get("percent").decimalValue()).isEqualByComparingTo("57.1");
        assertThat(cell(medical, "responded").get("percent").decimalValue()).isEqualByComparingTo("42.9");
        assertThat(medical.get("expected_percent").decimalValue()).isEqualByComparingTo("50.0");
        // 2 paramedics invited is under k, and nursing's 4 would give it away from the total of 14
        JsonNode ahp = row(groups, "Allied health professions");
        assertThat(cell(ahp, "invited").get("suppressed").asBoolean()).isTrue();
        assertThat(cell(ahp, "invited").has("count")).isFalse();
        assertThat(cell(row(groups, "Nursing and midwifery"), "invited")
                        .get("suppressed")
                        .asBoolean())
                .isTrue();
        assertThat(cell(groups.get("total"), "invited").get("count").asInt()).isEqualTo(14);
        assertThat(cell(row(groups, "Nursing and midwifery"), "responded")
                        .get("count")
                        .asInt())
                .isEqualTo(4);
        assertThat(ahp.get("flags").get(0).asString())
                .isEqualTo("Under-represented: 0% of those who responded against 20% of the register");

        JsonNode sectors = table(report, "sector");
        assertThat(row(sectors, "ambulance").get("label").asString()).isEqualTo("Ambulance");
        assertThat(row(sectors, "ambulance").get("flags")).hasSize(1);
        // the same gap seen by profession group and by sector; nobody has a place and all are mid-career
        assertThat(report.get("representation_gaps").asInt()).isEqualTo(2);
        assertThat(report.get("findings").toString())
                .contains("Profession group, Allied health professions: under-represented: 0% of those who responded"
                        + " against 20% of the register");

        // the CSV carries the same figures, hidden ones blank
        Response csv = api.get(path("/surveys/" + survey + "/reach.csv"), admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith(
                        "dimension,group,invited,invited_percent,responded,responded_percent,expected,expected_percent,")
                .contains("Profession group,Medical,8,57.1,3,42.9,10,50.0,the register,")
                .contains("Profession group,Allied health professions,,,0,0.0,4,20.0,the register,Under-represented");
    }

    @Test
    void anAnonymousSurveysReachNeverReadsTheResponses() {
        long survey = invitedAndAnswered();
        String before = api.get(path("/surveys/" + survey + "/reach"), admin).body();
        StringBuilder csv = new StringBuilder("Q1\n");
        for (int i = 0; i < 30; i++) {
            csv.append("Agree\n");
        }
        Response imported = api.post(
                path("/surveys/" + survey + "/responses/import"),
                admin,
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(api.get(path("/surveys/" + survey + "/reach"), admin).body())
                .as("30 more responses, none through an invitation")
                .isEqualTo(before);

        // and with every response gone, the same again
        inIcs(
                ods,
                () -> jdbc.sql("delete from survey_response where survey_id = :s")
                        .param("s", survey)
                        .update());
        assertThat(api.get(path("/surveys/" + survey + "/reach"), admin).body()).isEqualTo(before);
    }

    @Test
    void aBaselineReplacesTheRegisterForItsDimensionAndABadFileChangesNothing() {
        long survey = invitedAndAnswered();
        Response good = api.post(
                path("/reach/baseline/import"),
                admin,
                "text/csv",
                ("dimension,group,headcount\n" + "profession_group,Medical,100\n"
                                + "profession_group,nursing and midwifery,300\n"
                                + "profession_group,Allied health professions,100\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("rows").asInt()).isEqualTo(3);

        JsonNode report = api.get(path("/surveys/" + survey + "/reach"), admin).json();
        JsonNode groups = table(report, "profession_group");
        assertThat(groups.get("compared_with").asString()).isEqualTo("the workforce baseline");
        assertThat(table(report, "sector").get("compared_with").asString()).isEqualTo("the register");
        assertThat(row(groups, "Nursing and midwifery").get("expected_percent").decimalValue())
                .isEqualByComparingTo("60.0");
        assertThat(row(groups, "Allied health professions").get("flags").get(0).asString())
                .isEqualTo("Under-represented: 0% of those who responded against 20% of the workforce baseline");

        Response bad = api.post(
                path("/reach/baseline/import"),
                admin,
                "text/csv",
                ("dimension,group,headcount\n" + "profession_group,Medical,50\n"
                                + "ethnicity,White,10\n"
                                + "place,Atlantis,10\n"
                                + "sector,acute,-5\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        JsonNode errors = bad.json().get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("dimension");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("group");
        assertThat(errors.get(1).get("reason").asString()).contains("\"Atlantis\" is not a place of this ICS");
        assertThat(errors.get(2).get("row").asInt()).isEqualTo(5);
        assertThat(errors.get(2).get("field").asString()).isEqualTo("headcount");
        JsonNode kept = api.get(path("/reach/baseline"), admin).json();
        assertThat(kept).hasSize(3);
        assertThat(kept.toString()).contains("\"headcount\":100").doesNotContain("\"headcount\":50");

        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.get(path("/surveys/" + survey + "/reach"), analyst).status())
                .isEqualTo(200);
        assertThat(api.post(
                                path("/reach/baseline/import"),
                                analyst,
                                "text/csv",
                                "dimension,group,headcount\nsector,acute,5\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .as("analysts read reach, they do not change the baseline")
                .isEqualTo(403);
    }

    @Test
    void anEventsReachCountsInvitedRegisteredAndAttended() {
        Response planned = api.post(
                path("/events"),
                admin,
                ApiClient.json(
                        "title", "GP roundtable",
                        "kind", "roundtable",
                        "level", "place",
                        "date", LocalDate.now().plusDays(20).toString(),
                        "start_time", "10:00",
                        "end_time", "12:00",
                        "online", "true",
                        "location", "https://meet.example/gp",
                        "capacity", "20"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long event = planned.json().get("id").asLong();
        // 5 GPs invited, of whom 4 registered and 3 came; a nurse off the register came by the open link
        for (int i = 0; i < 5; i++) {
            registration(event, gps.get(i), null, true, i < 4 ? "registered" : "invited", i < 3 ? "attended" : null);
        }
        registration(event, "outside@example.org", "nurse_adult", false, "registered", "attended");
        // two more nurses off the register registered but did not come
        registration(event, "away1@example.org", "nurse_adult", false, "registered", "did_not_attend");
        registration(event, "away2@example.org", "midwife", false, "registered", "did_not_attend");

        JsonNode report = api.get(path("/events/" + event + "/reach"), admin).json();
        assertThat(report.get("stages").toString()).isEqualTo("[\"invited\",\"registered\",\"attended\"]");
        JsonNode groups = table(report, "profession_group");
        JsonNode medical = row(groups, "Medical");
        assertThat(cell(medical, "invited").get("count").asInt()).isEqualTo(5);
        assertThat(cell(medical, "registered").get("count").asInt()).isEqualTo(4);
        assertThat(cell(medical, "registered").get("percent").decimalValue()).isEqualByComparingTo("57.1");
        assertThat(cell(row(groups, "Nursing and midwifery"), "registered")
                        .get("count")
                        .asInt())
                .isEqualTo(3);
        // attended: 3 GPs and 1 nurse. The nurse is under k, and the GPs' 3 would give her away from the 4
        assertThat(cell(row(groups, "Nursing and midwifery"), "attended")
                        .get("suppressed")
                        .asBoolean())
                .isTrue();
        assertThat(cell(medical, "attended").get("suppressed").asBoolean()).isTrue();
        assertThat(cell(groups.get("total"), "attended").get("count").asInt()).isEqualTo(4);
        // the nurse told us her profession, but nothing the register knows: her sector is not known
        assertThat(cell(row(table(report, "sector"), ""), "attended")
                        .get("suppressed")
                        .asBoolean())
                .isTrue();

        PageClient browser = new PageClient(port).signIn(adminEmail, PASSWORD);
        assertThat(browser.get("/ics/" + ods + "/reach/events/" + event).body())
                .contains("GP roundtable", "Invited", "Registered", "Attended", "Nursing and midwifery");
        assertThat(browser.get("/ics/" + ods + "/reach/events/" + event + "?by=sector")
                        .body())
                .contains("id=\"reach-sector\"")
                .doesNotContain("id=\"reach-profession_group\"");
        PageClient.Page unknown =
                browser.get("/ics/" + ods + "/reach/events/" + event + "?by=team", "Accept", "text/html");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("Reach is shown by profession_group, place, career_stage or sector, not &quot;team&quot;");
    }

    @Test
    void acrossASurveyAndAnEventEachPersonCountsOnceAtEveryStageTheyReached() {
        long survey = invitedAndAnswered();
        Response planned = api.post(
                path("/events"),
                admin,
                ApiClient.json(
                        "title", "Webinar",
                        "kind", "webinar",
                        "level", "system",
                        "date", LocalDate.now().plusDays(30).toString(),
                        "start_time", "13:00",
                        "end_time", "14:00",
                        "online", "true",
                        "location", "https://meet.example/w",
                        "capacity", "50"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long event = planned.json().get("id").asLong();
        // two GPs the survey invited, and a paramedic it did not
        registration(event, gps.get(0).toUpperCase(java.util.Locale.ROOT), null, true, "registered", null);
        registration(event, gps.get(1), null, true, "invited", null);
        registration(event, paramedics.get(3), null, true, "registered", null);

        Reach.Report both = inIcs(ods, () -> reach.across(List.of(survey), List.of(event)));
        assertThat(both.stages()).containsExactly("invited", "registered", "attended", "responded");
        ReachTable groups = both.tables().get(0);
        assertThat(groups.dimension()).isEqualTo("profession_group");
        assertThat(groups.total().cells().get(0).count())
                .as("14 invited to the survey, and one more")
                .isEqualTo(15);
        assertThat(groups.total().cells().get(1).suppressed())
                .as("2 registered is under k")
                .isTrue();
        assertThat(groups.total().cells().get(3).count()).isEqualTo(7);
        // the event's own table hides its 1 paramedic and 2 GPs invited; the survey's shows its 8 GPs. Shown
        // here, the 8 GPs of both less the survey's 8 would say the event's two were invited to the survey too,
        // and the paramedics likewise: a cell either one hides is hidden in the table of both
        for (String hidden : List.of("Allied health professions", "Medical")) {
            assertThat(groups.rows().stream()
                            .filter(r -> r.group().equals(hidden))
                            .findFirst()
                            .orElseThrow()
                            .cells()
                            .get(0)
                            .suppressed())
                    .as(hidden + " invited")
                    .isTrue();
        }
        // and so for every cell: whatever the survey's or the event's own table hides, the table of both hides
        for (Reach.Report own : List.of(inIcs(ods, () -> reach.survey(survey)), inIcs(ods, () -> reach.event(event)))) {
            ReachTable part = own.tables().get(0);
            for (ReachTable.Row row : part.rows()) {
                ReachTable.Row whole = groups.rows().stream()
                        .filter(r -> r.group().equals(row.group()))
                        .findFirst()
                        .orElseThrow();
                for (ReachTable.Cell cell : row.cells()) {
                    if (cell.suppressed()) {
                        assertThat(whole.cells().stream()
                                        .filter(c -> c.stage().equals(cell.stage()))
                                        .findFirst()
                                        .orElseThrow()
                                        .suppressed())
                                .as(row.group() + " " + cell.stage())
                                .isTrue();
                    }
                }
            }
        }

        // the plan's reach is that of the surveys and events its activities are linked to
        String plan = "/api/v1/ics/" + ods + "/engagement-plan";
        assertThat(api.get(plan + "/reach", admin).json().get("stages").size())
                .as("a plan with no linked activity has reached nobody yet")
                .isEqualTo(1);
        for (String[] linked : new String[][] {
            {"survey", "survey_id", String.valueOf(survey)}, {"webinar", "event_id", String.valueOf(event)}
        }) {
            Response activity = api.post(
                    plan + "/activities",
                    admin,
                    ApiClient.json(
                            "kind",
                            linked[0],
                            "title",
                            "Linked " + linked[0],
                            "starts_on",
                            LocalDate.now().toString(),
                            "ends_on",
                            LocalDate.now().plusDays(40).toString(),
                            "status",
                            "under_way",
                            linked[1],
                            linked[2]));
            assertThat(activity.status()).as(activity.body()).isEqualTo(201);
        }
        JsonNode planReach = api.get(plan + "/reach", admin).json();
        assertThat(planReach.get("title").asString()).startsWith("The engagement plan: 1 survey and 1 event");
        assertThat(planReach.get("stages").toString())
                .isEqualTo("[\"invited\",\"registered\",\"attended\",\"responded\"]");
        JsonNode planGroups = table(planReach, "profession_group");
        assertThat(planGroups.get("total").get("cells").get(0).get("count").asInt())
                .as("the same 15 invited as across the survey and the event")
                .isEqualTo(15);
        assertThat(planGroups.get("total").get("cells").get(3).get("count").asInt())
                .isEqualTo(7);
        assertThat(cell(row(planGroups, "Allied health professions"), "invited")
                        .get("suppressed")
                        .asBoolean())
                .isTrue();
    }

    private void registration(
            long event,
            String email,
            @Nullable String profession,
            boolean invited,
            String status,
            @Nullable String attendance) {
        inIcs(
                ods,
                () -> jdbc.sql("""
                        insert into engagement_registration (event_id, email, name, profession, status, invited,
                                                             registered_at, attendance)
                        values (:e, :email, 'Someone', :profession, :status, :invited,
                                case when :status = 'registered' then now() end, :attendance)""")
                        .param("e", event)
                        .param("email", email)
                        .param("profession", profession)
                        .param("status", status)
                        .param("invited", invited)
                        .param("attendance", attendance)
                        .update());
    }
}
