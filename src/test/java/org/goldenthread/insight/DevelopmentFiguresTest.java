package org.goldenthread.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.goldenthread.people.RegisterFixture;
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
        setMinGroupSize(ods, 3);
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
                .get("/ics/" + ods + "/insight/development")
                .body();
        assertThat(page)
                .contains("id=\"development\"")
                .contains("62.5%")
                .contains("33.3%")
                .contains("75%");
    }

    @Test
    void analystsSeeOnlySharesWhoseBothSidesAreLargeEnough() {
        setMinGroupSize(ods, 3);
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

    /**
     * Three exchange pairs, placed where either of their people leads: X1 D1 (system) with P9 (no seat),
     * both visits done and all four reflections given, one idea adopted; X2 D6 (Northfield place) with D2
     * (system), one visit done, one idea proposed; X3 D7 with D8 (both Northfield place), no visit yet.
     * Whole ICS: 3 pairs, 3 visits, 1 completed, ideas 1 proposed and 1 adopted. System (D1, D2): X1 and
     * X2. Place level and Northfield (D6, D7, D8): X2 and X3, 1 visit, none completed, 1 idea proposed.
     */
    private void arrangeExchanges(LocalDate t) {
        long exchange = insert("insert into programme (name, kind) values ('Exchanges', 'exchange')");
        long x1 = pair(exchange, "D1", "P9", t.minusMonths(3));
        long x2 = pair(exchange, "D6", "D2", t.minusMonths(2));
        pair(exchange, "D7", "D8", t.minusMonths(1));
        for (int number = 1; number <= 2; number++) {
            long visit = visit(x1, number, number == 1 ? "D1" : "P9", t.minusMonths(3 - number));
            reflect(visit, "D1", t.minusDays(10));
            reflect(visit, "P9", t.minusDays(10));
        }
        visit(x2, 1, "D6", t.minusDays(5));
        visit(x2, 2, "D2", t.plusDays(20));
        idea(x1, "D1", "adopted", t.minusDays(3));
        idea(x2, "D2", "proposed", t.minusDays(2));
    }

    private long pair(long programme, String giver, String receiver, LocalDate from) {
        return jdbc.sql("""
                        insert into relationship (programme_id, giver_id, receiver_id, started_on)
                        values (:p, :giver, :receiver, :from) returning id""")
                .param("p", programme)
                .param("giver", person(giver))
                .param("receiver", person(receiver))
                .param("from", from)
                .query(Long.class)
                .single();
    }

    private long visit(long pair, int number, String host, LocalDate on) {
        return jdbc.sql("""
                        insert into exchange_visit (relationship_id, number, host_id, visits_on, place)
                        values (:pair, :number, :host, :on, 'The host''s workplace') returning id""")
                .param("pair", pair)
                .param("number", number)
                .param("host", person(host))
                .param("on", on)
                .query(Long.class)
                .single();
    }

    private void reflect(long visit, String ref, LocalDate on) {
        jdbc.sql("""
                        insert into exchange_reflection (visit_id, person_id, saw, take_back, given_on)
                        values (:visit, :person, 'What I saw', 'What I take back', :on)""")
                .param("visit", visit)
                .param("person", person(ref))
                .param("on", on)
                .update();
    }

    private void idea(long pair, String ref, String status, LocalDate on) {
        jdbc.sql("""
                        insert into improvement_idea (relationship_id, title, status, raised_by, raised_on, status_on)
                        values (:pair, 'An idea', :status, :person, :on, :on)""")
                .param("pair", pair)
                .param("status", status)
                .param("person", person(ref))
                .param("on", on)
                .update();
    }

    private static void assertExchanges(
            JsonNode row, String pairs, String visits, String completed, int proposed, int adopted) {
        assertThat(row.get("pairs").toString()).as("pairs").isEqualTo(pairs);
        assertThat(row.get("visits_done").toString()).as("visits done").isEqualTo(visits);
        assertThat(row.get("completed").toString()).as("completed").isEqualTo(completed);
        assertThat(row.get("ideas_proposed").asInt()).as("ideas proposed").isEqualTo(proposed);
        assertThat(row.get("ideas_tried").asInt()).as("ideas tried").isZero();
        assertThat(row.get("ideas_adopted").asInt()).as("ideas adopted").isEqualTo(adopted);
    }

    @Test
    void exchangesCountInEveryLevelAndPlaceWhereEitherPersonLeads() {
        LocalDate t = LocalDate.now();
        inIcs(ods, () -> {
            arrangeExchanges(t);
            return null;
        });
        Response r = api.get("/api/v1/ics/" + ods + "/insight", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode x = r.json().get("exchanges");
        assertExchanges(row(x, "all", null), "3", "3", "1", 1, 1);
        assertExchanges(row(x, "level", "system"), "2", "3", "1", 1, 1);
        assertExchanges(row(x, "level", "place"), "2", "1", "0", 1, 0);
        assertExchanges(row(x, "level", "neighbourhood"), "0", "0", "0", 0, 0);
        assertExchanges(row(x, "place", "Northfield"), "2", "1", "0", 1, 0);
        assertExchanges(row(x, "place", "Southvale"), "0", "0", "0", 0, 0);

        // a place lead's view of Northfield counts the pairs whose people lead there, not the whole ICS
        JsonNode north = api.get("/api/v1/ics/" + ods + "/insight?place=Northfield", admin)
                .json()
                .get("exchanges");
        assertExchanges(row(north, "all", null), "2", "1", "0", 1, 0);

        // analysts: with k = 3, counts of 1 or 2 are hidden; the 3 pairs and 3 visits of the whole ICS show
        setMinGroupSize(ods, 3);
        String analyst = tokenFor(createUser("analyst", ods));
        JsonNode hidden =
                api.get("/api/v1/ics/" + ods + "/insight", analyst).json().get("exchanges");
        assertExchanges(row(hidden, "all", null), "3", "3", "null", 1, 1);
        assertThat(row(hidden, "all", null).get("suppressed").toString()).isEqualTo("[\"completed\"]");
        assertExchanges(row(hidden, "level", "place"), "null", "null", "0", 1, 0);

        // the self-assessment evidence follows the same groups; ideas are not people and always show
        var whole = inIcs(ods, () -> figures.today(null));
        assertThat(whole.get("exchanges_completed").shown()).isEqualTo("hidden (small group)");
        assertThat(whole.get("exchanges_completed.system").shown()).isEqualTo("hidden (small group)");
        assertThat(whole.get("exchanges_completed.neighbourhood").shown()).isEqualTo("–");
        assertThat(whole.get("ideas_adopted").detail()).isEqualTo("1 of 2 improvement ideas");
        var northfield = inIcs(ods, () -> figures.today("Northfield"));
        assertThat(northfield.get("ideas_adopted").detail()).isEqualTo("0 of 1 improvement ideas");

        // and the Insight page shows the table
        String page = new PageClient(port)
                .signIn(adminEmail, PASSWORD)
                .get("/ics/" + ods + "/insight/development")
                .body();
        assertThat(page).contains("id=\"exchange-figures\"").contains("1 proposed, 0 tried, 1 adopted");
    }
}
