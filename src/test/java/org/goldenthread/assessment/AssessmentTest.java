package org.goldenthread.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Self-assessment through the API, on a register big enough that no figure is hidden at k = 10:
 * each of the system, place and neighbourhood levels has 24 current appointments (gp 8, nurse_adult 6,
 * pharmacist 3, physiotherapist 3, paramedic 2, midwife 2: the top two hold 14 of 24; career stages
 * early, mid, senior, senior in turn: 12 of 24 early or mid; 2 hours agreed and 0, 1 or 2 used in
 * turn) and one vacant seat per forum. The Southvale team reports to no one.
 */
class AssessmentTest extends IntegrationTest {

    private static final String[] PROFESSIONS = {
        "gp",
        "gp",
        "gp",
        "gp",
        "gp",
        "gp",
        "gp",
        "gp",
        "nurse_adult",
        "nurse_adult",
        "nurse_adult",
        "nurse_adult",
        "nurse_adult",
        "nurse_adult",
        "pharmacist",
        "pharmacist",
        "pharmacist",
        "physiotherapist",
        "physiotherapist",
        "physiotherapist",
        "paramedic",
        "paramedic",
        "midwife",
        "midwife"
    };
    private static final String[] STAGES = {"early", "mid", "senior", "senior"};

    private String ods;
    private String admin;
    private String adminEmail;

    static String register(String prefix, int extraGps) {
        String started = LocalDate.now().minusYears(1).toString();
        String[][] forums = {
            {"ICS Board", "system", "", "", "board", "decides", "", "24"},
            {"Northfield Place Board", "place", "Northfield", "", "board", "decides", "ICS Board", "24"},
            {
                "Northfield Central Team",
                "neighbourhood",
                "Northfield",
                "Northfield Central PCN",
                "working_group",
                "recommends",
                "Northfield Place Board",
                "12"
            },
            {
                "Southvale East Team",
                "neighbourhood",
                "Southvale",
                "Southvale East PCN",
                "working_group",
                "recommends",
                "",
                "12"
            }
        };
        StringBuilder csv = new StringBuilder(RegisterFixture.HEADER).append('\n');
        int person = 0;
        int neighbourhoodSeat = 0;
        for (String[] f : forums) {
            int seats = Integer.parseInt(f[7]);
            for (int i = 0; i < seats; i++) {
                int slot = f[1].equals("neighbourhood") ? neighbourhoodSeat++ : i;
                String ref = prefix + (++person);
                csv.append(String.join(
                                ",",
                                ref,
                                "First" + person,
                                "Last" + person,
                                "",
                                PROFESSIONS[slot],
                                "",
                                "North Hospital",
                                "",
                                "acute",
                                STAGES[slot % 4],
                                f[1],
                                f[2],
                                f[3],
                                f[0],
                                f[4],
                                f[5],
                                f[6],
                                "Seat " + (i + 1),
                                "member",
                                "true",
                                started,
                                "",
                                "nomination",
                                "2",
                                String.valueOf(slot % 3)))
                        .append('\n');
            }
            csv.append(String.join(
                            ",",
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            f[1],
                            f[2],
                            f[3],
                            f[0],
                            f[4],
                            f[5],
                            f[6],
                            "Vacant seat",
                            "member",
                            "true",
                            "",
                            "",
                            "",
                            "",
                            ""))
                    .append('\n');
        }
        for (int i = 0; i < extraGps; i++) {
            String ref = prefix + "X" + i;
            csv.append(String.join(
                            ",",
                            ref,
                            "Extra" + i,
                            "Gp",
                            "",
                            "gp",
                            "",
                            "Brook Surgery",
                            "",
                            "general_practice",
                            "senior",
                            "system",
                            "",
                            "",
                            "ICS Board",
                            "board",
                            "decides",
                            "",
                            "Extra seat " + i,
                            "member",
                            "true",
                            started,
                            "",
                            "nomination",
                            "4",
                            "4"))
                    .append('\n');
        }
        return csv.toString();
    }

    @BeforeEach
    void anIcsWithARegister() {
        ods = createIcs("Assessment");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        RegisterFixture.addGeography(api, admin, ods);
        importRegister(register("A", 0));
    }

    private void importRegister(String csv) {
        Response r = api.post(
                "/api/v1/ics/" + ods + "/register/import", admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }

    private long adoptNational() {
        Response r = api.post(path("/frameworks/adopt"), admin, ApiClient.json("code", "national-2021"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    private long open(long framework, String title) {
        Response r = api.post(
                path("/assessments"),
                admin,
                ApiClient.json(
                        "framework_id",
                        framework,
                        "title",
                        title,
                        "opened_on",
                        LocalDate.now().minusMonths(2).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    private JsonNode cycle(long id, String token) {
        Response r = api.get(path("/assessments/" + id), token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, JsonNode> evidence(JsonNode cycle) {
        Map<String, JsonNode> byMetric = new HashMap<>();
        cycle.get("evidence").forEach(e -> byMetric.put(e.get("metric").asString(), e));
        return byMetric;
    }

    private long survey() {
        String definition = """
                {"code":"pulse","title":"Pulse","anonymous":true,"questions":[
                 {"code":"Q1","text":"Professionals are heard","type":"agreement4"},
                 {"code":"Q2","text":"Role","type":"single","options":["Clinical","Care"]}]}""";
        Response created = api.post(path("/surveys"), admin, definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        StringBuilder csv = new StringBuilder("Q1,Q2\n");
        String[] answers = {
            "Strongly agree",
            "Agree",
            "Agree",
            "Disagree",
            "Agree",
            "Strongly disagree",
            "Agree",
            "Strongly agree",
            "Agree",
            "Disagree",
            "Agree",
            "Agree",
            "Strongly agree"
        };
        for (String a : answers) {
            csv.append(a).append(",Clinical\n");
        }
        Response imported = api.post(
                path("/surveys/" + id + "/responses/import"),
                admin,
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return id;
    }

    private void agreeAll(long cycle, JsonNode detail, int level) {
        assertThat(detail.get("indicators")).as("indicators to agree").isNotEmpty();
        for (JsonNode i : detail.get("indicators")) {
            Response r = api.put(
                    path("/assessments/" + cycle + "/agreed/" + i.get("code").asString()),
                    admin,
                    ApiClient.json("level", level, "rationale", "Agreed at the workshop"));
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
    }

    @Test
    void liveEvidenceEqualsTheInsightAndSurveyFiguresAndFreezesWhenTheCycleCloses() {
        long framework = adoptNational();
        long survey = survey();
        long id = open(framework, "2026 self-assessment");
        assertThat(api.post(
                                path("/assessments/" + id + "/evidence"),
                                admin,
                                ApiClient.json(
                                        "indicator",
                                        "P1.1",
                                        "metric",
                                        "net_agreement",
                                        "survey_id",
                                        survey,
                                        "question",
                                        "Q1"))
                        .status())
                .isEqualTo(204);
        assertThat(api.post(
                                path("/assessments/" + id + "/evidence"),
                                admin,
                                ApiClient.json("indicator", "P1.1", "metric", "engagement_reach", "survey_id", survey))
                        .status())
                .isEqualTo(204);

        String analyst = tokenFor(createUser("analyst", ods));
        JsonNode insight = api.get(path("/insight"), analyst).json();
        JsonNode results =
                api.get(path("/surveys/" + survey + "/results"), admin).json();
        Map<String, JsonNode> live = evidence(cycle(id, admin));

        BigDecimal agreed = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        int vacant = 0;
        List<String> compared = new java.util.ArrayList<>();
        for (JsonNode level : insight.get("levels")) {
            String code = level.get("level").asString();
            vacant += level.get("vacant_seats").asInt();
            agreed = agreed.add(level.get("protected_hours_agreed").decimalValue());
            used = used.add(level.get("protected_hours_used").decimalValue());
            if (!List.of("system", "place", "neighbourhood").contains(code)) {
                continue;
            }
            compared.add(code);
            assertThat(level.get("suppressed"))
                    .as("the fixture is big enough to show everything")
                    .isEmpty();
            assertThat(live.get("professions_missing." + code).get("value").asInt())
                    .isEqualTo(level.get("professions_missing").size());
            assertThat(live.get("top_two_share." + code).get("value").decimalValue())
                    .isEqualByComparingTo(level.get("top_two_share").decimalValue());
            assertThat(live.get("top_two_share." + code).get("shown").asString())
                    .as("names its professions")
                    .endsWith(" (" + level.get("top_two_named").asString() + ")");
            // the missing professions are listed as the reference list names them, never by code
            String missingNames =
                    live.get("professions_missing." + code).get("detail").asString();
            assertThat(missingNames)
                    .contains("Art, drama or music therapist")
                    .contains("Other registered or regulated care professional")
                    .doesNotContain("arts_therapist")
                    .doesNotContain("care_professional_other")
                    .doesNotContain("_");
            assertThat(live.get("early_mid_share." + code).get("value").decimalValue())
                    .isEqualByComparingTo(level.get("early_mid_share").decimalValue());
        }
        assertThat(compared)
                .as("each level's live evidence was compared with insight")
                .containsExactlyInAnyOrder("system", "place", "neighbourhood");
        assertThat(live.get("top_two_share.system").get("value").decimalValue()).isEqualByComparingTo("0.5833");
        assertThat(live.get("top_two_share.system").get("shown").asString())
                .isEqualTo("58.3% (General practitioner and Registered nurse (adult))");
        assertThat(live.get("early_mid_share.place").get("value").decimalValue())
                .isEqualByComparingTo("0.5");
        assertThat(live.get("protected_time_used").get("value").decimalValue())
                .isEqualByComparingTo(used.divide(agreed, 4, RoundingMode.HALF_UP));
        assertThat(live.get("vacant_seats").get("value").asInt())
                .isEqualTo(vacant)
                .isEqualTo(4);
        assertThat(live.get("forums_without_line_of_sight").get("value").asInt())
                .isEqualTo(insight.get("forums_without_line_of_sight").size())
                .isEqualTo(1);
        JsonNode q1 = results.get("questions").get(0);
        assertThat(live.get("net_agreement").get("value").decimalValue())
                .isEqualByComparingTo(q1.get("net_agreement").get("percent").decimalValue())
                .as("7 of the first 10: an anonymous survey's figures move in steps of k, the last 3 wait")
                .isEqualByComparingTo("70");
        // reach counts every response, those the figures still wait on too
        assertThat(live.get("engagement_reach").get("value").asInt())
                .isEqualTo(results.get("responses").asInt()
                        + results.get("held_back").asInt())
                .isEqualTo(13);

        // close the cycle, then change the register: the closed cycle keeps its figures, a new one moves
        assertThat(api.post(path("/assessments/" + id + "/close"), admin, "{}").status())
                .as("not all agreed")
                .isEqualTo(400);
        agreeAll(id, cycle(id, admin), 2);
        Response closed = api.post(path("/assessments/" + id + "/close"), admin, "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(204);
        JsonNode frozen = cycle(id, admin).get("evidence");
        assertThat(evidence(cycle(id, admin))
                        .get("top_two_share.system")
                        .get("shown")
                        .asString())
                .as("a closed cycle keeps the names with the figure")
                .isEqualTo("58.3% (General practitioner and Registered nurse (adult))");

        importRegister(register("A", 0)
                + register("A", 4).lines().filter(l -> l.startsWith("AX")).reduce("", (a, b) -> a + b + "\n"));
        JsonNode insightAfter = api.get(path("/insight"), analyst).json();
        assertThat(insightAfter.get("levels").get(0).get("top_two_share").decimalValue())
                .as("the register really changed")
                .isEqualByComparingTo("0.6429");
        assertThat(cycle(id, admin).get("evidence")).isEqualTo(frozen);
        assertThat(api.put(path("/assessments/" + id + "/ratings/P1.1"), admin, ApiClient.json("level", 3))
                        .status())
                .as("a closed cycle takes no ratings")
                .isEqualTo(400);

        long next = open(framework, "2027 self-assessment");
        assertThat(evidence(cycle(next, admin))
                        .get("top_two_share.system")
                        .get("value")
                        .decimalValue())
                .isEqualByComparingTo("0.6429");
    }

    @Test
    void contributorsRateIndependentlyAndTheLeadSeesTheSpread() {
        long id = open(adoptNational(), "Round one");
        String nurse = tokenFor(createUser("member", ods));
        String placeLead = tokenFor(createUser("place_lead", ods, "Northfield"));
        assertThat(api.put(
                                path("/assessments/" + id + "/ratings/P3.1"),
                                nurse,
                                ApiClient.json("level", 1, "narrative", "Time is never protected"))
                        .status())
                .isEqualTo(204);
        assertThat(api.put(path("/assessments/" + id + "/ratings/P3.1"), placeLead, ApiClient.json("level", 3))
                        .status())
                .isEqualTo(204);
        assertThat(api.put(path("/assessments/" + id + "/ratings/P3.1"), nurse, ApiClient.json("level", 7))
                        .status())
                .as("off the scale")
                .isEqualTo(400);
        assertThat(api.put(path("/assessments/" + id + "/ratings/P9.9"), nurse, ApiClient.json("level", 2))
                        .status())
                .as("no such indicator")
                .isEqualTo(400);

        JsonNode seenByNurse = cycle(id, nurse).get("ratings");
        assertThat(seenByNurse).hasSize(1);
        assertThat(seenByNurse.get(0).get("level").asInt()).isEqualTo(1);
        assertThat(cycle(id, admin).get("ratings")).hasSize(2);

        assertThat(api.put(
                                path("/assessments/" + id + "/agreed/P3.1"),
                                nurse,
                                ApiClient.json("level", 2, "rationale", "x"))
                        .status())
                .as("only the lead agrees")
                .isEqualTo(403);
        assertThat(api.put(path("/assessments/" + id + "/agreed/P3.1"), admin, ApiClient.json("level", 2))
                        .status())
                .as("a rationale is required")
                .isEqualTo(400);
        assertThat(api.put(
                                path("/assessments/" + id + "/agreed/P3.1"),
                                admin,
                                ApiClient.json("level", 2, "rationale", "Agreed for most roles, rarely used"))
                        .status())
                .isEqualTo(204);
        JsonNode p31 = findIndicator(cycle(id, admin), "P3.1");
        assertThat(p31.get("level").asInt()).isEqualTo(2);
        assertThat(p31.get("gap").asBoolean()).isTrue();
    }

    private static JsonNode findIndicator(JsonNode cycle, String code) {
        for (JsonNode i : cycle.get("indicators")) {
            if (i.get("code").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    @Test
    void overdueActionsTheTrendAndTheBoardReport() throws IOException {
        long framework = adoptNational();
        long first = open(framework, "2025 self-assessment");
        agreeAll(first, cycle(first, admin), 1);
        assertThat(api.post(
                                path("/assessments/" + first + "/close"),
                                admin,
                                ApiClient.json(
                                        "closed_on",
                                        LocalDate.now().minusMonths(1).toString()))
                        .status())
                .isEqualTo(204);
        long second = open(framework, "2026 self-assessment");
        agreeAll(second, cycle(second, admin), 2);
        assertThat(api.put(
                                path("/assessments/" + second + "/agreed/P3.1"),
                                admin,
                                ApiClient.json("level", 1, "rationale", "Protected time is agreed but not used"))
                        .status())
                .isEqualTo(204);
        Response action = api.post(
                path("/assessments/" + second + "/actions"),
                admin,
                ApiClient.json(
                        "indicator",
                        "P3.1",
                        "title",
                        "Fund backfill for place leads",
                        "owner",
                        "Chief Nursing Officer",
                        "due_on",
                        LocalDate.now().minusDays(3).toString()));
        assertThat(action.status()).as(action.body()).isEqualTo(200);
        assertThat(api.post(
                                path("/assessments/" + second + "/actions"),
                                admin,
                                ApiClient.json("indicator", "P3.1", "title", "", "owner", ""))
                        .status())
                .isEqualTo(400);

        JsonNode detail = cycle(second, admin);
        assertThat(detail.get("previous_cycle").asLong()).isEqualTo(first);
        assertThat(findIndicator(detail, "E1.1").get("previous_level").asInt()).isEqualTo(1);

        byte[] pdf = api.getBytes(path("/assessments/" + second + "/report.pdf"), admin);
        org.goldenthread.support.PdfUa.assertConformant(pdf);
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains(
                        "2026 self-assessment",
                        "Summary by principle",
                        "Gaps and actions",
                        "Fund backfill for place leads",
                        "Chief Nursing Officer",
                        "(overdue)",
                        "up from 1",
                        "Protected time is agreed but not used",
                        "What changed since 2025 self-assessment");
        // the cited top-two share names the two professions it counts, however the cell wraps
        assertThat(text.replaceAll("\\s+", " ")).contains("(General practitioner and Registered nurse (adult))");

        Response list = api.get(path("/assessments"), tokenFor(createUser("member", ods)));
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().get(0).get("status").asString()).isEqualTo("closed");
        assertThat(list.json().get(1).get("status").asString()).isEqualTo("open");
    }

    @Test
    void frameworksAreFilesThatImportExportAndAreCheckedWithPreciseProblems() {
        long id = adoptNational();
        assertThat(api.post(path("/frameworks/adopt"), admin, ApiClient.json("code", "national-2021"))
                        .status())
                .as("adopting twice")
                .isEqualTo(400);
        JsonNode exported = api.get(path("/frameworks"), admin).json().get(0);
        assertThat(exported.get("principles")).hasSize(7);
        assertThat(exported.get("principles").get(0).get("group").asString()).isEqualTo("Expectation");

        String broken = exported.toString()
                .replace("\"Not yet started\"", "\"\"")
                .replaceFirst(
                        "\"descriptors\":\\[\"Leadership seats are held by one or two professions; most professions are absent at most levels.\",",
                        "\"descriptors\":[")
                .replace("\"protected_time_used\"", "\"time_well_spent\"");
        Response refused = api.post(path("/frameworks"), admin, broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "scale[0].name",
                        "principles[0].indicators[0].descriptors",
                        "principles[4].indicators[0].evidence[0]");
        assertThat(api.get(path("/frameworks"), admin).json().get(0))
                .as("nothing changed")
                .isEqualTo(exported);

        String local = exported.toString()
                .replace(
                        "\"Clinical and care professional leadership: the 2021 national framework\"",
                        "\"Our local framework\"");
        Response replaced = api.post(path("/frameworks"), admin, local);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("id").asLong()).isEqualTo(id);
        assertThat(api.get(path("/frameworks"), admin)
                        .json()
                        .get(0)
                        .get("title")
                        .asString())
                .isEqualTo("Our local framework");
        assertThat(api.post(path("/frameworks"), tokenFor(createUser("member", ods)), local)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void malformedFrameworkFilesAndCitationsAreRefusedWithPreciseProblems() {
        String good = new String(readShipped(), StandardCharsets.UTF_8);
        String[][] corpus = {
            {"not json at all", "file"},
            {"[]", "file"},
            {good.replace("\"code\": \"E1.2\"", "\"code\": \"E1.1\""), "principles[0].indicators[1].code"},
            {good.replace("{\"level\": 2,", "{\"level\": 3,"), "scale[1].level"},
            {good.replace("\"national-2021\"", "\"National 2021\""), "code"},
            {
                good.replace(
                        "\"indicators\": [\n       {\"code\": \"P4.1\"",
                        "\"indicators\": [null,\n       {\"code\": \"P4.1\""),
                "principles[5].indicators[0]"
            },
            {good.replace("\"scale\": [", "\"scale\": [{\"level\": 1, \"name\": \"Too many\"},"), "scale[1].level"},
            {
                "{\"code\":\"x-y\",\"title\":\"T\",\"scale\":[{\"level\":1,\"name\":\"a\"},{\"level\":2,\"name\":\"b\"}],"
                        + "\"principles\":[]}",
                "principles"
            }
        };
        for (String[] c : corpus) {
            Response r = api.post(path("/frameworks"), admin, c[0]);
            assertThat(r.status()).as(c[0].length() > 60 ? c[1] : c[0]).isEqualTo(400);
            if (!c[1].equals("file")) {
                assertThat(r.body()).as(c[1]).contains("\"" + c[1] + "\"");
            }
        }
        assertThat(api.get(path("/frameworks"), admin).json())
                .as("nothing was saved")
                .isEmpty();

        long id = open(adoptNational(), "Citations");
        long survey = survey();
        assertThat(api.post(
                                path("/assessments/" + id + "/evidence"),
                                admin,
                                ApiClient.json(
                                        "indicator",
                                        "P1.1",
                                        "metric",
                                        "net_agreement",
                                        "survey_id",
                                        survey,
                                        "question",
                                        "Q9"))
                        .body())
                .contains("has no question Q9");
        assertThat(api.post(
                                path("/assessments/" + id + "/evidence"),
                                admin,
                                ApiClient.json(
                                        "indicator",
                                        "P1.1",
                                        "metric",
                                        "net_agreement",
                                        "survey_id",
                                        survey,
                                        "question",
                                        "Q2"))
                        .body())
                .contains("not an agreement question");
        assertThat(api.post(
                                path("/assessments/" + id + "/evidence"),
                                admin,
                                ApiClient.json("indicator", "P1.1", "metric", "happiness"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                path("/assessments/" + id + "/evidence"),
                                admin,
                                ApiClient.json("indicator", "P2.1", "metric", "forums_without_line_of_sight"))
                        .body())
                .as("cited when the cycle opened")
                .contains("already cited");
        assertThat(api.post(
                                path("/assessments/" + id + "/evidence"),
                                admin,
                                ApiClient.json(
                                        "indicator", "P1.1", "metric", "engagement_reach", "survey_id", 999999999))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void analystsSeeTheListOfCyclesButNotWhoRatedWhat() {
        long id = open(adoptNational(), "Private to contributors");
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.get(path("/assessments"), analyst).json()).hasSize(1);
        assertThat(api.get(path("/assessments/" + id), analyst).status()).isEqualTo(403);
        assertThat(api.get(path("/assessments/" + id + "/report.pdf"), analyst).status())
                .isEqualTo(403);
        assertThat(api.get(path("/benchmark/national-2021"), analyst).status()).isEqualTo(200);
    }

    @Test
    void aSurveyQuestionNobodyHasAnsweredYetIsCitedWithoutAValue() {
        Response created = api.post(path("/surveys"), admin, """
                {"code":"fresh","title":"Fresh","anonymous":true,"questions":[
                 {"code":"Q1","text":"Professionals are heard","type":"agreement4"}]}""");
        long survey = created.json().get("id").asLong();
        long id = open(adoptNational(), "Before the survey");
        Response cited = api.post(
                path("/assessments/" + id + "/evidence"),
                admin,
                ApiClient.json("indicator", "P1.1", "metric", "net_agreement", "survey_id", survey, "question", "q1"));
        assertThat(cited.status()).as(cited.body()).isEqualTo(204);
        JsonNode e = evidence(cycle(id, admin)).get("net_agreement");
        assertThat(e.get("value").isNull()).isTrue();
        assertThat(e.get("question").asString())
                .as("stored as the survey spells it")
                .isEqualTo("Q1");
    }

    @Test
    void closingOnThePageRunsAsAJobThatCountsTheFiguresItFreezes() {
        long framework = adoptNational();
        long id = open(framework, "Closed by page");
        PageClient pages = new PageClient(port).signIn(adminEmail, PASSWORD);
        String cyclePage = "/ics/" + ods + "/assessments/" + id;
        pages.get(cyclePage);
        PageClient.Page refused = pages.post(cyclePage + "/close");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Agree a rating for every indicator before closing");
        assertThat(api.get(path("/jobs"), admin).json())
                .as("a refused close starts no job")
                .isEmpty();

        agreeAll(id, cycle(id, admin), 2);
        int cited = cycle(id, admin).get("evidence").size();
        pages.get(cyclePage);
        PageClient.Page closed = pages.post(cyclePage + "/close");
        assertThat(closed.status()).isEqualTo(302);
        JsonNode job = api.get(path("/jobs"), admin).json().get(0);
        assertThat(job.get("kind").asString()).isEqualTo("cycle_close");
        assertThat(job.get("measure").asString()).isEqualTo("figures");
        long jobId = job.get("id").asLong();
        await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> api.get(path("/jobs/" + jobId), admin)
                        .json()
                        .get("state")
                        .asString()
                        .equals("done"));
        assertThat(cycle(id, admin).get("status").asString()).isEqualTo("closed");

        String closingPage = pages.get(cyclePage + "/closing/" + jobId).body();
        assertThat(closingPage)
                .contains("id=\"outcome\">Closed</h2>")
                .contains((cited == 1 ? "1 figure" : cited + " figures") + " frozen.");
        assertThat(pages.get("/ics/" + ods + "/jobs").body()).contains("Closing Closed by page");
        // a closing job is shown under its own cycle only
        long other = open(framework, "Another");
        assertThat(pages.get("/ics/" + ods + "/assessments/" + other + "/closing/" + jobId)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aClosedCycleKeepsThePreviousCycleItWasComparedWith() {
        long framework = adoptNational();
        long first = open(framework, "First");
        agreeAll(first, cycle(first, admin), 1);
        assertThat(api.post(path("/assessments/" + first + "/close"), admin, "{}")
                        .status())
                .isEqualTo(204);
        long second = open(framework, "Second");
        agreeAll(second, cycle(second, admin), 2);
        assertThat(api.post(path("/assessments/" + second + "/close"), admin, "{}")
                        .status())
                .isEqualTo(204);
        // a cycle opened and closed later, but back-dated before the others, must not change Second's report
        long late = api.post(
                        path("/assessments"),
                        admin,
                        ApiClient.json(
                                "framework_id",
                                framework,
                                "title",
                                "Late",
                                "opened_on",
                                LocalDate.now().minusYears(3).toString()))
                .json()
                .get("id")
                .asLong();
        agreeAll(late, cycle(late, admin), 4);
        assertThat(api.post(
                                path("/assessments/" + late + "/close"),
                                admin,
                                ApiClient.json(
                                        "closed_on", LocalDate.now().plusDays(1).toString()))
                        .status())
                .as("not in the future")
                .isEqualTo(400);
        assertThat(api.post(path("/assessments/" + late + "/close"), admin, "{}")
                        .status())
                .isEqualTo(204);
        assertThat(cycle(second, admin).get("previous_cycle").asLong()).isEqualTo(first);
        assertThat(findIndicator(cycle(second, admin), "P3.1")
                        .get("previous_level")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anotherIcsCannotSeeACycle() {
        long id = open(adoptNational(), "Private");
        String other = createIcs("Elsewhere");
        String otherAdmin = tokenFor(createUser("ics_admin", other));
        assertThat(api.get("/api/v1/ics/" + other + "/assessments/" + id, otherAdmin)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + other + "/assessments", otherAdmin).json())
                .isEmpty();
        assertThat(api.get(path("/assessments/" + id), otherAdmin).status())
                .as("no role there: the ICS is not revealed")
                .isEqualTo(404);
    }

    @Test
    void benchmarkingAFrameworkNobodyHasIsNotFound() {
        Response unknown = api.get(path("/benchmark/nonexist"), admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        // a framework Golden Thread ships has a pool whether or not this ICS adopted it
        assertThat(api.get(path("/benchmark/draft-principles-2021"), admin).status())
                .isEqualTo(200);
    }

    @Test
    void benchmarkingShowsNothingUntilFiveIcssShare() {
        // Each shares a closed cycle rated all 3; the pool is global, so count from what is already there.
        String code = "bench-" + System.nanoTime();
        java.util.List<String> icss = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String ics = i == 0 ? ods : createIcs("Peer " + i);
            String token = i == 0 ? admin : tokenFor(createUser("ics_admin", ics));
            icss.add(ics + " " + token);
        }
        int shared = 0;
        for (String it : icss) {
            String ics = it.split(" ")[0];
            String token = it.split(" ")[1];
            String framework =
                    new String(readShipped(), StandardCharsets.UTF_8).replace("\"national-2021\"", "\"" + code + "\"");
            if (shared == 0) {
                // this ICS adapted the framework: an indicator only it rates must never be shown
                framework = framework.replace(
                        "{\"code\": \"E1.2\"",
                        "{\"code\": \"E1.9\", \"text\": \"Local\","
                                + " \"descriptors\": [\"a\", \"b\", \"c\", \"d\"]},\n       {\"code\": \"E1.2\"");
                // without it, "E1.9 is never shown" below would hold of an indicator nobody has
                assertThat(framework).as("the adapted framework").contains("\"E1.9\"");
            }
            long fid = api.post("/api/v1/ics/" + ics + "/frameworks", token, framework)
                    .json()
                    .get("id")
                    .asLong();
            long cid = api.post(
                            "/api/v1/ics/" + ics + "/assessments",
                            token,
                            ApiClient.json("framework_id", fid, "title", "Shared"))
                    .json()
                    .get("id")
                    .asLong();
            JsonNode detail =
                    api.get("/api/v1/ics/" + ics + "/assessments/" + cid, token).json();
            assertThat(detail.get("indicators")).isNotEmpty();
            for (JsonNode ind : detail.get("indicators")) {
                assertThat(api.put(
                                        "/api/v1/ics/" + ics + "/assessments/" + cid + "/agreed/"
                                                + ind.get("code").asString(),
                                        token,
                                        ApiClient.json("level", 1 + (shared % 4), "rationale", "Peer"))
                                .status())
                        .as(ind.get("code").asString())
                        .isEqualTo(204);
            }
            assertThat(api.post("/api/v1/ics/" + ics + "/assessments/" + cid + "/close", token, "{}")
                            .status())
                    .isEqualTo(204);
            assertThat(api.post("/api/v1/ics/" + ics + "/assessments/" + cid + "/share", token, null)
                            .status())
                    .isEqualTo(204);
            shared++;
            JsonNode pool =
                    api.get("/api/v1/ics/" + ics + "/benchmark/" + code, token).json();
            assertThat(pool.get("contributors").asInt()).isEqualTo(shared);
            assertThat(pool.get("shown").asBoolean()).isEqualTo(shared >= 5);
            if (shared < 5) {
                assertThat(pool.get("indicators")).isEmpty();
            } else {
                JsonNode e11 = pool.get("indicators").get(0);
                assertThat(e11.get("indicator").asString()).isEqualTo("E1.1");
                assertThat(e11.get("counts").toString()).isEqualTo("[2,1,1,1]");
                assertThat(pool.toString()).doesNotContain(ods, "Peer", "E1.9");
            }
        }
    }

    private static byte[] readShipped() {
        try (var in = AssessmentTest.class.getResourceAsStream("/assessment/national-2021.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
