package org.goldenthread.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insight figures for the small register, worked out by hand from its rows.
 *
 * <p>Current appointments (today is within each one), by forum:
 * <pre>
 * ICS Board (system board)              P1 gp senior 4/4 · P2 nurse_adult mid 3/1 · P3 manager senior –/–
 * Professional Council (system → Board) P1 gp 2/1 · P4 pharmacist early 2/2 · seat EbE vacant
 * Northfield Place Board (place → Board) P1 gp 1/1 · P5 social_worker_adults senior 2/2 · AHP lead vacant ·
 *                                       Nurse lead vacant (P2 held it until a year and a day ago)
 * Northfield Central Team (neighbourhood → Place Board) P6 gp early 2/0.5
 * Southvale East Team (neighbourhood, reports to no one) P7 physiotherapist mid –/–
 * P8 holds no seat.
 * </pre>
 * System: leaders P1 P2 P3 P4 = 4; professions gp, manager, nurse_adult, pharmacist. Clinical and care
 * appointments: gp ×2, nurse_adult, pharmacist = 4, of which the top two professions hold 2 + 1 = 3:
 * 0.75. Clinical and care leaders P1 (senior), P2 (mid), P4 (early): 2 of 3 early or mid = 0.6667.
 * Hours agreed 4 + 3 + 2 + 2 = 11 (P3 has none recorded), used 4 + 1 + 1 + 2 = 8. Seats 6, held 5:
 * 1 vacant.
 * <br>Place: leaders P1 P5 = 2; gp, social_worker_adults; appointments gp, social worker: the top two hold
 * 2 of 2 = 1.0; both senior: 0.0. Hours 1 + 2 = 3 agreed, 1 + 2 = 3 used. Seats 4, held 2: 2 vacant.
 * <br>Neighbourhood: leaders P6 P7 = 2; gp, physiotherapist; top two 2 of 2 = 1.0; P6 early, P7 mid:
 * 1.0. Hours agreed 2, used 0.5. Seats 2, both held.
 * <br>Provider collaborative and clinical network: no forums, so no one: shares null, hours 0, no seats.
 * <br>P1 holds three seats. Southvale East Team is the only forum whose lines do not reach the board
 * (the council and both Northfield forums reach it; the board is its own line of sight).
 */
class InsightTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every clinical and care profession in the reference list: all but manager and expert_by_experience. */
    private static final List<String> CLINICAL_AND_CARE = List.of(
            "arts_therapist",
            "care_professional_other",
            "clinical_psychologist",
            "dental_care_professional",
            "dental_consultant",
            "dietitian",
            "dispensing_optician",
            "doctor_other",
            "general_dental_practitioner",
            "gp",
            "healthcare_scientist",
            "medical_consultant",
            "midwife",
            "nurse_adult",
            "nurse_children",
            "nurse_learning_disability",
            "nurse_mental_health",
            "nursing_associate",
            "occupational_therapist",
            "operating_department_practitioner",
            "optometrist",
            "orthoptist",
            "osteopath",
            "other_clinical",
            "paramedic",
            "pharmacist",
            "pharmacy_technician",
            "physician_associate",
            "physiotherapist",
            "podiatrist",
            "prosthetist_orthotist",
            "public_health_consultant",
            "public_health_practitioner",
            "radiographer",
            "social_worker_adults",
            "social_worker_children",
            "speech_language_therapist");

    /**
     * The two neighbourhoods, each with one forum and one clinical leader: Northfield Central Team reports
     * to the place board, which reports to the board; Southvale East Team reports to no one.
     */
    private static final String NEIGHBOURHOODS = """
            {"name":"Northfield Central PCN","place":"Northfield","forums":1,"leaders":1,\
            "line_of_sight":true},\
            {"name":"Southvale East PCN","place":"Southvale","forums":1,"leaders":1,\
            "line_of_sight":false}""";

    @org.springframework.beans.factory.annotation.Autowired
    private LeadershipFigures leadership;

    private String ods;
    private String admin;

    @BeforeEach
    void theSmallRegister() {
        ods = createIcs("Insight");
        admin = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.loadSmallRegister(api, admin, ods);
    }

    private JsonNode insight(String token, String query) {
        Response r = api.get("/api/v1/ics/" + ods + "/insight" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String missing(String... present) {
        List<String> codes = new ArrayList<>(CLINICAL_AND_CARE);
        codes.removeAll(List.of(present));
        return JSON.writeValueAsString(codes);
    }

    /** A level's figures; {@code topTwoNamed} is a JSON string or null, {@code topTwoProfessions} a JSON list. */
    private static String level(
            String level,
            int leaders,
            String present,
            String missing,
            String topTwo,
            String topTwoProfessions,
            String topTwoNamed,
            String earlyMid,
            String agreed,
            String used,
            int vacant,
            String suppressed) {
        return """
                {"level":"%s","leaders":%d,"professions_present":%s,"professions_missing":%s,"top_two_share":%s,
                 "top_two_professions":%s,"top_two_named":%s,
                 "early_mid_share":%s,"protected_hours_agreed":%s,"protected_hours_used":%s,"vacant_seats":%d,
                 "suppressed":%s}""".formatted(
                        level,
                        leaders,
                        present,
                        missing,
                        topTwo,
                        topTwoProfessions,
                        topTwoNamed,
                        earlyMid,
                        agreed,
                        used,
                        vacant,
                        suppressed);
    }

    private static final String GP = "General practitioner";
    private static final String TIED_AT_SYSTEM = "[\"" + GP + "\",\"Pharmacist\",\"Registered nurse (adult)\"]";
    private static final String TIED_AT_SYSTEM_NAMED =
            "\"General practitioner and, tied for second, Pharmacist / Registered nurse (adult)\"";
    private static final String GP_AND_SOCIAL_WORKER = "[\"" + GP + "\",\"Social worker (adults)\"]";
    private static final String GP_AND_SOCIAL_WORKER_NAMED = "\"General practitioner and Social worker (adults)\"";
    private static final String GP_AND_PHYSIO = "[\"" + GP + "\",\"Physiotherapist\"]";
    private static final String GP_AND_PHYSIO_NAMED = "\"General practitioner and Physiotherapist\"";

    private static final String NONE = "[]";

    private String emptyLevel(String level, String suppressed) {
        return level(level, 0, NONE, missing(), "null", NONE, "null", "null", "0.0", "0.0", 0, suppressed);
    }

    /**
     * The development rows when no one is developing: leaders P1–P7 in all, 4 at system, 2 at place and
     * neighbourhood, 3 in Northfield (P1, P5, P6) and 1 in Southvale (P7); every appointment started a
     * year ago, so no new leaders; no programmes, so no mentees. For an analyst with k = 10, a reach of 0
     * of n leaders leaves n people on the other side, a small group whenever n is 1 to 9.
     */
    private static String noDevelopment(boolean analyst) {
        String row = """
                {"group":"%s","name":%s,"leaders":%d,"developing":%s,"development_reach":%s,"new_leaders":0,
                 "new_leaders_supported":0,"new_leader_support":null,"mentees":0,"mentees_matched":0,
                 "mentees_matched_share":null,"suppressed":%s}""";
        List<String> rows = new ArrayList<>();
        Object[][] groups = {
            {"all", "null", 7},
            {"level", "\"system\"", 4},
            {"level", "\"place\"", 2},
            {"level", "\"neighbourhood\"", 2},
            {"level", "\"provider_collaborative\"", 0},
            {"level", "\"clinical_network\"", 0},
            {"place", "\"Northfield\"", 3},
            {"place", "\"Southvale\"", 1}
        };
        for (Object[] g : groups) {
            int leaders = (int) g[2];
            boolean hidden = analyst && leaders > 0;
            rows.add(row.formatted(
                    g[0],
                    g[1],
                    leaders,
                    hidden ? "null" : "0",
                    hidden || leaders == 0 ? "null" : "0.0",
                    hidden ? "[\"development_reach\"]" : NONE));
        }
        return "[" + String.join(",", rows) + "]";
    }

    /** The exchange rows when there are no exchanges: nothing to hide, for admins and analysts alike. */
    private static String noExchanges() {
        String row = """
                {"group":"%s","name":%s,"pairs":0,"visits_done":0,"completed":0,"ideas_proposed":0,
                 "ideas_tried":0,"ideas_adopted":0,"suppressed":[]}""";
        List<String> rows = new ArrayList<>();
        for (String[] g : new String[][] {
            {"all", "null"},
            {"level", "\"system\""},
            {"level", "\"place\""},
            {"level", "\"neighbourhood\""},
            {"level", "\"provider_collaborative\""},
            {"level", "\"clinical_network\""},
            {"place", "\"Northfield\""},
            {"place", "\"Southvale\""}
        }) {
            rows.add(row.formatted(g[0], g[1]));
        }
        return "[" + String.join(",", rows) + "]";
    }

    @Test
    void theFiguresForTheSmallRegisterAreThoseWorkedOutByHand() {
        JsonNode actual = insight(admin, "");
        String expected = """
                {"as_of":"%s","place":null,"min_group_size":10,"levels":[%s,%s,%s,%s,%s],
                 "people_with_3plus_seats":["P1"],"people_with_3plus_seats_count":1,
                 "forums_without_line_of_sight":["Southvale East Team"],
                 "neighbourhoods":[%s],"neighbourhoods_without_line_of_sight":["Southvale East PCN"],
                 "development":%s,
                 "exchanges":%s}""".formatted(
                        java.time.LocalDate.now(),
                        level(
                                "system",
                                4,
                                "[\"gp\",\"manager\",\"nurse_adult\",\"pharmacist\"]",
                                missing("gp", "nurse_adult", "pharmacist"),
                                "0.75",
                                TIED_AT_SYSTEM,
                                TIED_AT_SYSTEM_NAMED,
                                "0.6667",
                                "11.0",
                                "8.0",
                                1,
                                NONE),
                        level(
                                "place",
                                2,
                                "[\"gp\",\"social_worker_adults\"]",
                                missing("gp", "social_worker_adults"),
                                "1.0",
                                GP_AND_SOCIAL_WORKER,
                                GP_AND_SOCIAL_WORKER_NAMED,
                                "0.0",
                                "3.0",
                                "3.0",
                                2,
                                NONE),
                        level(
                                "neighbourhood",
                                2,
                                "[\"gp\",\"physiotherapist\"]",
                                missing("gp", "physiotherapist"),
                                "1.0",
                                GP_AND_PHYSIO,
                                GP_AND_PHYSIO_NAMED,
                                "1.0",
                                "2.0",
                                "0.5",
                                0,
                                NONE),
                        emptyLevel("provider_collaborative", NONE),
                        emptyLevel("clinical_network", NONE),
                        NEIGHBOURHOODS,
                        noDevelopment(false),
                        noExchanges());
        assertThat(actual).isEqualTo(JSON.readTree(expected));
        assertThat(missing("gp", "nurse_adult", "pharmacist"))
                .contains("\"midwife\"")
                .doesNotContain("manager");
    }

    @Test
    void aPlaceNarrowsTheFiguresToItsForums() {
        // Northfield: its place board and the Northfield Central Team; system forums belong to no place.
        JsonNode north = insight(admin, "?place=northfield");
        assertThat(north.get("place").asString()).isEqualTo("Northfield");
        JsonNode levels = north.get("levels");
        assertThat(levels.get(0)).isEqualTo(JSON.readTree(emptyLevel("system", NONE)));
        assertThat(levels.get(1))
                .isEqualTo(JSON.readTree(level(
                        "place",
                        2,
                        "[\"gp\",\"social_worker_adults\"]",
                        missing("gp", "social_worker_adults"),
                        "1.0",
                        GP_AND_SOCIAL_WORKER,
                        GP_AND_SOCIAL_WORKER_NAMED,
                        "0.0",
                        "3.0",
                        "3.0",
                        2,
                        NONE)));
        assertThat(levels.get(2))
                .isEqualTo(JSON.readTree(level(
                        "neighbourhood",
                        1,
                        "[\"gp\"]",
                        missing("gp"),
                        "1.0",
                        "[\"" + GP + "\"]",
                        "\"" + GP + "\"",
                        "1.0",
                        "2.0",
                        "0.5",
                        0,
                        NONE)));
        // P1 holds three seats in the ICS, one of them in Northfield
        assertThat(north.get("people_with_3plus_seats").toString()).isEqualTo("[\"P1\"]");
        assertThat(north.get("forums_without_line_of_sight").toString()).isEqualTo("[]");
        assertThat(north.get("neighbourhoods").size()).isEqualTo(1);
        assertThat(north.get("neighbourhoods_without_line_of_sight").toString()).isEqualTo("[]");

        // Southvale: only the Southvale East Team, held by P7 (mid career, no hours recorded)
        JsonNode south = insight(admin, "?place=Southvale");
        assertThat(south.get("levels").get(1)).isEqualTo(JSON.readTree(emptyLevel("place", NONE)));
        assertThat(south.get("levels").get(2))
                .isEqualTo(JSON.readTree(level(
                        "neighbourhood",
                        1,
                        "[\"physiotherapist\"]",
                        missing("physiotherapist"),
                        "1.0",
                        "[\"Physiotherapist\"]",
                        "\"Physiotherapist\"",
                        "1.0",
                        "0.0",
                        "0.0",
                        0,
                        NONE)));
        assertThat(south.get("people_with_3plus_seats").toString()).isEqualTo("[]");
        assertThat(south.get("forums_without_line_of_sight").toString()).isEqualTo("[\"Southvale East Team\"]");
        assertThat(south.get("neighbourhoods_without_line_of_sight").toString()).isEqualTo("[\"Southvale East PCN\"]");
    }

    @Test
    void anUnknownPlaceIsRefusedNamingTheField() {
        Response r = api.get("/api/v1/ics/" + ods + "/insight?place=Atlantis", admin);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("place");
        assertThat(r.json().get("errors").get(0).get("reason").asString()).contains("Atlantis");
    }

    @Test
    void placeLeadsAndAnalystsMayLookMembersMayNotAndOtherIcssSeeNothing() {
        String lead = tokenFor(createUser("place_lead", ods, "Northfield"));
        assertThat(api.get("/api/v1/ics/" + ods + "/insight", lead).status()).isEqualTo(200);
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.get("/api/v1/ics/" + ods + "/insight", analyst).status()).isEqualTo(200);
        String member = tokenFor(createUser("member", ods));
        assertThat(api.get("/api/v1/ics/" + ods + "/insight", member).status()).isEqualTo(403);
        // a member is refused before the place is looked at
        assertThat(api.get("/api/v1/ics/" + ods + "/insight?place=Atlantis", member)
                        .status())
                .isEqualTo(403);

        String other = createIcs("Elsewhere");
        String otherAdmin = tokenFor(createUser("ics_admin", other));
        Response r = api.get("/api/v1/ics/" + ods + "/insight", otherAdmin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Southvale");
    }

    @Test
    void analystsSeeAggregatesWithSmallGroupsHidden() {
        String analyst = tokenFor(createUser("analyst", ods));
        JsonNode actual = insight(analyst, "");
        // With k = 10 every group here is small: each share splits fewer than 10 people (or seats) into two
        // groups, at least one of them of 1 to 9, and each level's hours sum fewer than 10 appointments.
        // Levels with no one have nothing to hide: shares null because no one is there, hours 0.
        String hidden = "[\"top_two_share\",\"early_mid_share\",\"protected_hours_agreed\",\"protected_hours_used\"]";
        String expected = """
                {"as_of":"%s","place":null,"min_group_size":10,"levels":[%s,%s,%s,%s,%s],
                 "people_with_3plus_seats":[],"people_with_3plus_seats_count":1,
                 "forums_without_line_of_sight":["Southvale East Team"],
                 "neighbourhoods":[%s],"neighbourhoods_without_line_of_sight":["Southvale East PCN"],
                 "development":%s,
                 "exchanges":%s}""".formatted(
                        java.time.LocalDate.now(),
                        level(
                                "system",
                                4,
                                "[\"gp\",\"manager\",\"nurse_adult\",\"pharmacist\"]",
                                missing("gp", "nurse_adult", "pharmacist"),
                                "null",
                                "null",
                                "null",
                                "null",
                                "null",
                                "null",
                                1,
                                hidden),
                        level(
                                "place",
                                2,
                                "[\"gp\",\"social_worker_adults\"]",
                                missing("gp", "social_worker_adults"),
                                "null",
                                "null",
                                "null",
                                "null",
                                "null",
                                "null",
                                2,
                                hidden),
                        level(
                                "neighbourhood",
                                2,
                                "[\"gp\",\"physiotherapist\"]",
                                missing("gp", "physiotherapist"),
                                "null",
                                "null",
                                "null",
                                "null",
                                "null",
                                "null",
                                0,
                                hidden),
                        emptyLevel("provider_collaborative", NONE),
                        emptyLevel("clinical_network", NONE),
                        NEIGHBOURHOODS,
                        noDevelopment(true),
                        noExchanges());
        assertThat(actual).isEqualTo(JSON.readTree(expected));
    }

    /**
     * A neighbourhood is heard at the board only through a forum that reports up to it: one with no forum
     * at all is listed too, on the API, the page, each place's row and the figure a self-assessment cites.
     */
    @Test
    void aNeighbourhoodWithNoForumHasNoLineOfSight() {
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/neighbourhoods",
                                admin,
                                org.goldenthread.support.ApiClient.json(
                                        "name", "Southvale West PCN", "place", "Southvale"))
                        .status())
                .isEqualTo(201);
        JsonNode figures = insight(admin, "");
        assertThat(figures.get("neighbourhoods_without_line_of_sight").toString())
                .isEqualTo("[\"Southvale East PCN\",\"Southvale West PCN\"]");
        assertThat(figures.get("neighbourhoods").get(2)).isEqualTo(JSON.readTree("""
                        {"name":"Southvale West PCN","place":"Southvale","forums":0,"leaders":0,\
                        "line_of_sight":false}"""));
        assertThat(insight(admin, "?place=Northfield")
                        .get("neighbourhoods_without_line_of_sight")
                        .toString())
                .isEqualTo("[]");

        var pages = new org.goldenthread.support.PageClient(port).signIn(createUser("analyst", ods), PASSWORD);
        assertThat(pages.get("/ics/" + ods + "/insight/professions").body())
                .contains("2 of 3 neighbourhoods have no line of sight to the board:")
                .contains("Southvale West PCN (Southvale): no forum")
                .contains("Southvale East PCN (Southvale): 1 forum whose reporting lines stop short of the board,"
                        + " 1 leader");
        assertThat(pages.get("/ics/" + ods + "/insight/professions?place=Northfield")
                        .body())
                .contains("The one neighbourhood has a forum that reports up to the board.");
        String glance = pages.get("/ics/" + ods + "/insight").body();
        assertThat(glance.replaceAll("\\s+", " "))
                .containsPattern("Northfield</a></th>( <td[^>]*>[^<]*</td>){4} <td[^>]*>0 of 1</td>")
                .containsPattern("Southvale</a></th>( <td[^>]*>[^<]*</td>){4} <td[^>]*>2 of 2</td>");

        var quoted = inIcs(ods, () -> leadership.today(null));
        assertThat(quoted.get("neighbourhoods_without_line_of_sight").shown()).isEqualTo("2 of 3");
        assertThat(quoted.get("neighbourhoods_without_line_of_sight").detail())
                .isEqualTo("Southvale East PCN, Southvale West PCN");
    }

    @Test
    void anIcsWithNoForumsHasNothingToShowButAnswers() {
        String empty = createIcs("Empty insight");
        String token = tokenFor(createUser("ics_admin", empty));
        Response r = api.get("/api/v1/ics/" + empty + "/insight", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("levels").size()).isEqualTo(5);
        assertThat(r.json().get("levels").get(0).get("leaders").asInt()).isZero();
        assertThat(r.json().get("people_with_3plus_seats").size()).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheCallAndTheAnalystView() {
        Response r = api.get("/api/v1/openapi", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/ics/{ods}/insight").contains("Analysts see aggregates only");
    }
}
