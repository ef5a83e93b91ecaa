package org.goldenthread.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Development reach, new-leader support and mentees matched, worked out by hand. With today as T:
 * <pre>
 * ICS Board (system)            D1 since T−1y · D2 since T−30d · D3 since T−1y · D4 since T−10d · D5 since T−1y
 * Northfield Place Board (place) D6 since T−100d · D7 since T−1y · D8 since T−1y
 * P9 holds no seat.
 *
 * D1 completed a course 2 months ago            → active
 * D3 completed a course 2 years ago             → not active (outside the 12 months)
 * D5 has an accepted place on a course          → active; and buddies D2 since T−20d (running)
 * D2 receives D5's buddying                     → active, supported, a matched mentee
 * D4 is a mentee of the mentoring programme with no pair → not active, not supported
 * D6 is in an action learning set that met a month ago   → active, but a set is not a mentor or buddy
 * D7 mentored P9 from T−9m to T−6m              → active (ended inside the window); P9 a matched mentee
 * D1 mentored D8 from T−2y to T−13m             → D8 not active (ended before the window), still a matched mentee
 * </pre>
 * Whole ICS: reach 5 of 8 leaders (D1 D2 D5 D6 D7) = 0.625; new leaders D2 D4 D6, supported D2: 1 of 3 =
 * 0.3333; mentees D2 D4 P9 D8, matched D2 P9 D8: 3 of 4 = 0.75. System: reach 3 of 5 = 0.6; new D2 D4,
 * supported 1 of 2 = 0.5; mentees leading there D2 D4: 1 of 2 = 0.5. Place (and Northfield): reach 2 of 3
 * = 0.6667; new D6, supported 0 of 1 = 0.0; mentees leading there D8: 1 of 1 = 1.0.
 */
class DevelopmentFiguresTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadershipFigures figures;

    private String ods;
    private String admin;
    private String adminEmail;

    @BeforeEach
    void aRegisterWithDevelopment() {
        ods = createIcs("Development figures");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        RegisterFixture.addGeography(api, admin, ods);
        LocalDate t = LocalDate.now();
        StringBuilder file = new StringBuilder(RegisterFixture.HEADER).append('\n');
        Object[][] leaders = {
            {"D1", "system", t.minusYears(1)},
            {"D2", "system", t.minusDays(30)},
            {"D3", "system", t.minusYears(1)},
            {"D4", "system", t.minusDays(10)},
            {"D5", "system", t.minusYears(1)},
            {"D6", "place", t.minusDays(100)},
            {"D7", "place", t.minusYears(1)},
            {"D8", "place", t.minusYears(1)}
        };
        for (Object[] l : leaders) {
            String ref = (String) l[0];
            boolean system = l[1].equals("system");
            file.append(ref)
                    .append(",Given,")
                    .append(ref)
                    .append(",,gp,,Brook Surgery,,general_practice,mid,")
                    .append(
                            system
                                    ? "system,,,ICS Board,board,decides,,"
                                    : "place,Northfield,,Northfield Place Board,board,decides,ICS Board,")
                    .append("Seat ")
                    .append(ref)
                    .append(",professional_lead,false,")
                    .append(l[2])
                    .append(",,nomination,,\n");
        }
        file.append("P9,Given,P9,,gp,,Brook Surgery,,general_practice,early,,,,,,,,,,,,,,,\n");
        Response imported = api.post(
                "/api/v1/ics/" + ods + "/register/import",
                admin,
                "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        inIcs(ods, () -> {
            arrange(t);
            return null;
        });
    }

    private long person(String ref) {
        return jdbc.sql("select id from person where person_ref = :ref")
                .param("ref", ref)
                .query(Long.class)
                .single();
    }

    private long insert(String sql) {
        return jdbc.sql(sql + " returning id").query(Long.class).single();
    }

    private void arrange(LocalDate t) {
        long offer = insert("""
                insert into offer (title, kind, description, provider, scope, delivery)
                values ('Leading change', 'course', 'A course', 'The Academy', 'ics', 'online')""");
        enrol(offer, "D1", "completed", t.minusMonths(6), t.minusMonths(2));
        enrol(offer, "D3", "completed", t.minusYears(3), t.minusYears(2));
        enrol(offer, "D5", "accepted", t.minusMonths(1), null);

        long buddying = insert("insert into programme (name, kind) values ('Buddies', 'buddying')");
        long mentoring = insert("insert into programme (name, kind) values ('Mentors', 'mentoring')");
        participant(buddying, "D5", "mentor");
        participant(buddying, "D2", "mentee");
        participant(mentoring, "D7", "mentor");
        participant(mentoring, "D1", "mentor");
        participant(mentoring, "D4", "mentee");
        participant(mentoring, "P9", "mentee");
        participant(mentoring, "D8", "mentee");
        relationship(buddying, "D5", "D2", t.minusDays(20), null);
        relationship(mentoring, "D7", "P9", t.minusMonths(9), t.minusMonths(6));
        relationship(mentoring, "D1", "D8", t.minusYears(2), t.minusMonths(13));

        long learning = insert("insert into programme (name, kind) values ('Sets', 'action_learning')");
        long set = insert("insert into learning_set (programme_id, number) values (" + learning + ", 1)");
        jdbc.sql("insert into learning_set_member (set_id, person_id) values (:set, :person)")
                .param("set", set)
                .param("person", person("D6"))
                .update();
        jdbc.sql("insert into learning_set_meeting (set_id, meets_on) values (:set, :on)")
                .param("set", set)
                .param("on", t.minusMonths(1))
                .update();
    }

    private void enrol(long offer, String ref, String status, LocalDate applied, LocalDate completed) {
        jdbc.sql("""
                        insert into enrolment (offer_id, person_id, status, applied_on, changed_on, offered_on, completed_on)
                        values (:offer, :person, :status, :applied, :applied, :applied, :completed)""")
                .param("offer", offer)
                .param("person", person(ref))
                .param("status", status)
                .param("applied", applied)
                .param("completed", completed)
                .update();
    }

    private void participant(long programme, String ref, String role) {
        jdbc.sql("insert into programme_participant (programme_id, person_id, role) values (:p, :person, :role)")
                .param("p", programme)
                .param("person", person(ref))
                .param("role", role)
                .update();
    }

    private void relationship(long programme, String giver, String receiver, LocalDate from, LocalDate to) {
        jdbc.sql("""
                        insert into relationship (programme_id, giver_id, receiver_id, started_on, ended_on, end_reason)
                        values (:p, :giver, :receiver, :from, :to, :reason)""")
                .param("p", programme)
                .param("giver", person(giver))
                .param("receiver", person(receiver))
                .param("from", from)
                .param("to", to)
                .param("reason", to == null ? null : "goals_met")
                .update();
    }

    private JsonNode development(String token, String query) {
        Response r = api.get("/api/v1/ics/" + ods + "/insight" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("development");
    }

    private static JsonNode row(JsonNode development, String group, String name) {
        for (JsonNode d : development) {
            if (d.get("group").asString().equals(group)
                    && (name == null
                            ? d.get("name").isNull()
                            : name.equals(d.get("name").asString()))) {
                return d;
            }
        }
        throw new AssertionError("No " + group + " row " + name + " in " + development);
    }

    private static void assertFigures(
            JsonNode row,
            int leaders,
            String developing,
            String reach,
            int newLeaders,
            String supported,
            String support,
            int mentees,
            String matched,
            String matchedShare) {
        assertThat(row.get("leaders").asInt()).as("leaders").isEqualTo(leaders);
        assertThat(row.get("developing").toString()).as("developing").isEqualTo(developing);
        assertThat(row.get("development_reach").toString()).as("reach").isEqualTo(reach);
        assertThat(row.get("new_leaders").asInt()).as("new leaders").isEqualTo(newLeaders);
        assertThat(row.get("new_leaders_supported").toString()).as("supported").isEqualTo(supported);
        assertThat(row.get("new_leader_support").toString()).as("support").isEqualTo(support);
        assertThat(row.get("mentees").asInt()).as("mentees").isEqualTo(mentees);
        assertThat(row.get("mentees_matched").toString()).as("matched").isEqualTo(matched);
        assertThat(row.get("mentees_matched_share").toString())
                .as("matched share")
                .isEqualTo(matchedShare);
    }

    @Test
    void theFiguresAreThoseWorkedOutByHandOverallByLevelAndByPlace() {
        JsonNode d = development(admin, "");
        assertFigures(row(d, "all", null), 8, "5", "0.625", 3, "1", "0.3333", 4, "3", "0.75");
        assertFigures(row(d, "level", "system"), 5, "3", "0.6", 2, "1", "0.5", 2, "1", "0.5");
        assertFigures(row(d, "level", "place"), 3, "2", "0.6667", 1, "0", "0.0", 1, "1", "1.0");
        assertFigures(row(d, "level", "neighbourhood"), 0, "0", "null", 0, "0", "null", 0, "0", "null");
        assertFigures(row(d, "place", "Northfield"), 3, "2", "0.6667", 1, "0", "0.0", 1, "1", "1.0");
        assertFigures(row(d, "place", "Southvale"), 0, "0", "null", 0, "0", "null", 0, "0", "null");
        d.forEach(r -> assertThat(r.get("suppressed")).isEmpty());

        // narrowed to Northfield, only its leaders and the mentees who lead there count
        JsonNode north = development(admin, "?place=Northfield");
        assertFigures(row(north, "all", null), 3, "2", "0.6667", 1, "0", "0.0", 1, "1", "1.0");
        assertThat(north.toString()).doesNotContain("Southvale");
    }

    @Test
    void aSelfAssessmentQuotesTheFiguresWithSmallGroupsHidden() {
        Response set = api.put(
                "/api/v1/admin/ics/" + ods + "/min-group-size", adminToken(), ApiClient.json("min_group_size", 3));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var quoted = inIcs(ods, () -> figures.today(null));
        assertThat(quoted.get("development_reach").value()).isEqualByComparingTo("0.625");
        assertThat(quoted.get("development_reach").detail()).isEqualTo("5 of 8 leaders");
        // with k = 3 the quoted figures are those an analyst sees: 1 of 3 and 3 of 4 leave small groups
        assertThat(quoted.get("new_leader_support").value()).isNull();
        assertThat(quoted.get("new_leader_support").shown()).isEqualTo("hidden (small group)");
        assertThat(quoted.get("mentees_matched").shown()).isEqualTo("hidden (small group)");
        assertThat(quoted.get("development_reach.system").shown()).isEqualTo("hidden (small group)");
        assertThat(quoted.get("development_reach.neighbourhood").shown()).isEqualTo("–");
    }

    @Test
    void theInsightPageShowsTheDevelopmentSection() {
        String page = new PageClient(port)
                .signIn(adminEmail, PASSWORD)
                .get("/ics/" + ods + "/insight")
                .body();
        assertThat(page)
                .contains("id=\"development\"")
                .contains("62.5%")
                .contains("33.3%")
                .contains("75%");
    }

    @Test
    void analystsSeeOnlySharesWhoseBothSidesAreLargeEnough() {
        Response set = api.put(
                "/api/v1/admin/ics/" + ods + "/min-group-size", adminToken(), ApiClient.json("min_group_size", 3));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String analyst = tokenFor(createUser("analyst", ods));
        JsonNode d = development(analyst, "");
        // k = 3: 5 developing and 3 not are both large enough; 1 of 3 new leaders and 3 of 4 mentees leave
        // a group of 1 or 2 on one side
        JsonNode all = row(d, "all", null);
        assertFigures(all, 8, "5", "0.625", 3, "null", "null", 4, "null", "null");
        assertThat(all.get("suppressed").toString()).isEqualTo("[\"new_leader_support\",\"mentees_matched_share\"]");
        JsonNode system = row(d, "level", "system");
        assertFigures(system, 5, "null", "null", 2, "null", "null", 2, "null", "null");
        assertThat(system.get("suppressed").toString())
                .isEqualTo("[\"development_reach\",\"new_leader_support\",\"mentees_matched_share\"]");
        // ICS admins still see it exactly
        assertFigures(row(development(admin, ""), "level", "system"), 5, "3", "0.6", 2, "1", "0.5", 2, "1", "0.5");
    }
}
