package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * The engagement survey of March 2021, run again in Golden Thread: its published result tables
 * (Appendix 6 of the engagement report) are reproduced from a response file to two decimal places.
 */
public class SurveyTest extends IntegrationTest {

    private String ods;
    private String token;
    private String adminEmail;

    @BeforeEach
    void anIcs() {
        ods = createIcs("Survey ICS");
        adminEmail = createUser("ics_admin", ods);
        token = tokenFor(adminEmail);
    }

    static String exampleDefinition() throws IOException {
        return new ClassPathResource("engagement/ccpl-principles.json").getContentAsString(StandardCharsets.UTF_8);
    }

    private long create(String definition) {
        Response r = api.post("/api/v1/ics/" + ods + "/surveys", token, definition);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /**
     * 60 responses: Yes × Agree 20, Yes × Disagree 10, No × Agree 5, 3 No × Strongly agree, and No ×
     * Disagree 22. A multiple of the platform's k (10) and of 3, so that every response is in the
     * figures at either (see {@link #anAnonymousSurveysFiguresMoveInStepsOfK}).
     */
    private long surveyWithASmallGroup() {
        long id = create(SMALL);
        StringBuilder csv = new StringBuilder("Q1,Q2,Q2_comment,Q3,Q3_other,Q4,Q5\n");
        append(csv, 20, "Yes,Agree,,Board;Senate,,2,");
        append(csv, 10, "Yes,Disagree,,Board,,1.5,");
        append(csv, 5, "No,Agree,,Other (please specify);council,Assembly,,");
        append(csv, 3, "No,Strongly agree,,,,,");
        append(csv, 22, "No,Disagree,too busy,,,,none");
        Response imported = api.post(
                path(id, "/responses/import"), token, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return id;
    }

    /**
     * Results read just before and just after one response would differ by that response's answers,
     * and whoever runs a survey sees whose invitation was used. So an anonymous survey's figures,
     * cross-tabs, comments and raw rows move in steps of k responses: one more response changes none
     * of them until k have arrived, and the raw rows are not in the order they came.
     */
    @Test
    void anAnonymousSurveysFiguresMoveInStepsOfK() {
        long id = create(SMALL);
        StringBuilder first = new StringBuilder("Q1,Q2,Q2_comment,Q5\n");
        for (int r = 1; r <= 10; r++) {
            first.append(r % 2 == 0 ? "Yes" : "No")
                    .append(",Agree,said ")
                    .append(r)
                    .append(",text ")
                    .append(r)
                    .append('\n');
        }
        importResponses(id, first.toString());
        JsonNode before = api.get(path(id, "/results"), token).json();
        assertThat(before.get("responses").asInt()).isEqualTo(10);
        assertThat(before.has("held_back")).isFalse();
        String rawBefore = api.get(path(id, "/responses.csv"), token).body();

        // one more, who disagrees: nothing shown changes, and the page says why
        importResponses(id, "Q1,Q2,Q2_comment,Q5\nYes,Strongly disagree,said 11,text 11\n");
        JsonNode after = api.get(path(id, "/results"), token).json();
        assertThat(after.get("responses").asInt()).isEqualTo(10);
        assertThat(after.get("held_back").asInt()).isEqualTo(1);
        assertThat(after.get("questions")).isEqualTo(before.get("questions"));
        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        assertThat(tab.get("responses").asInt()).isEqualTo(10);
        assertThat(tab.get("held_back").asInt()).isEqualTo(1);
        assertThat(api.get(path(id, "/responses.csv"), token).body())
                .isEqualTo(rawBefore)
                .doesNotContain("text 11");
        assertThat(api.get(path(id, "/comments?field=Q2_comment&page_size=50"), token)
                        .body())
                .contains("said 10")
                .doesNotContain("said 11");
        org.goldenthread.support.PageClient pages =
                new org.goldenthread.support.PageClient(port).signIn(adminEmail, PASSWORD);
        assertThat(pages.get("/ics/" + ods + "/surveys/" + id + "/results").body())
                .contains("10 responses")
                .contains("leave out the latest response until there are 10 new ones");
        assertThat(pages.get("/ics/" + ods + "/surveys/" + id + "/crosstab?row=Q1&col=Q2")
                        .body())
                .contains("leave out the latest response until there are 10 new ones");
        // the survey's response count is not held back: that someone answered is not what they answered
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys", token).body()).contains("\"responses\":11");

        // the tenth new response releases all ten at once
        StringBuilder more = new StringBuilder("Q1,Q2,Q2_comment,Q5\n");
        for (int r = 12; r <= 20; r++) {
            more.append("No,Disagree,said ")
                    .append(r)
                    .append(",text ")
                    .append(r)
                    .append('\n');
        }
        importResponses(id, more.toString());
        JsonNode twenty = api.get(path(id, "/results"), token).json();
        assertThat(twenty.get("responses").asInt()).isEqualTo(20);
        assertThat(twenty.has("held_back")).isFalse();
        assertThat(question(twenty, "Q2").get("options").get(3).get("count").asInt())
                .as("Strongly disagree")
                .isEqualTo(1);
        List<String> rows = new ArrayList<>(
                List.of(api.get(path(id, "/responses.csv"), token).body().split("\r\n")));
        rows.remove(0);
        List<String> texts =
                rows.stream().map(row -> row.substring(row.indexOf("text "))).toList();
        assertThat(texts).hasSize(20).contains("text 11", "text 20");
        List<String> arrived = new ArrayList<>();
        for (int r = 1; r <= 20; r++) {
            arrived.add("text " + r);
        }
        assertThat(texts).as("rows in the order they arrived").isNotEqualTo(arrived);

        // a named survey shows every response at once
        long named =
                create(SMALL.replace("\"pulse\"", "\"named\"").replace("\"anonymous\": true", "\"anonymous\": false"));
        importResponses(named, first.toString());
        importResponses(named, "Q1,Q2\nYes,Strongly disagree\n");
        JsonNode all = api.get(path(named, "/results"), token).json();
        assertThat(all.get("responses").asInt()).isEqualTo(11);
        assertThat(all.has("held_back")).isFalse();
    }

    private void importResponses(long id, String csv) {
        Response imported =
                api.post(path(id, "/responses/import"), token, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    /**
     * The published tables count all 1,251 responses: at k = 3, of which 1,251 is a multiple, none
     * of them waits for a step (see {@link #anAnonymousSurveysFiguresMoveInStepsOfK}).
     */
    private void everyResponseOfTheConsultationCounted() {
        setMinGroupSize(ods, 3);
    }

    @Test
    void anIcsCanHaveItsOwnSmallNumberThresholdButNeverBelowThree() {
        long id = surveyWithASmallGroup();
        String threshold = "/api/v1/admin/ics/" + ods + "/min-group-size";
        assertThat(api.get(path(id, "/crosstab?row=Q1&col=Q2"), token)
                        .json()
                        .get("hidden_cells")
                        .asInt())
                .isPositive();

        Response set = api.put(threshold, adminToken(), ApiClient.json("min_group_size", 3));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("min_group_size").asInt()).isEqualTo(3);
        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        assertThat(tab.get("hidden_cells").asInt()).isZero();
        assertThat(tab.get("columns").toString()).contains("Strongly agree");
        JsonNode three =
                api.get(path(id, "/results?filter=Q2:Strongly%20agree"), token).json();
        assertThat(three.get("suppressed").asBoolean()).isFalse();
        assertThat(three.get("responses").asInt()).isEqualTo(3);

        // another ICS keeps the platform's threshold
        String first = ods;
        String firstToken = token;
        ods = createIcs("Survey ICS at the platform's k");
        token = tokenFor(createUser("ics_admin", ods));
        long elsewhere = surveyWithASmallGroup();
        assertThat(api.get(path(elsewhere, "/crosstab?row=Q1&col=Q2"), token)
                        .json()
                        .get("hidden_cells")
                        .asInt())
                .isPositive();
        ods = first;
        token = firstToken;

        // the ICS's own administrator cannot change it; nobody can go below 3 or leave the value out
        assertThat(api.put(threshold, token, ApiClient.json("min_group_size", 5))
                        .status())
                .isEqualTo(403);
        Response tooLow = api.put(threshold, adminToken(), ApiClient.json("min_group_size", 2));
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(tooLow.json().get("errors").get(0).get("field").asString()).isEqualTo("min_group_size");
        assertThat(tooLow.json().get("errors").get(0).get("reason").asString()).contains("from 3 to 100");
        Response missing = api.put(threshold, adminToken(), "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("min_group_size");
        assertThat(api.get(path(id, "/crosstab?row=Q1&col=Q2"), token)
                        .json()
                        .get("hidden_cells")
                        .asInt())
                .isZero();

        Response reset = api.put(threshold, adminToken(), "{\"min_group_size\": null}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(api.get(path(id, "/crosstab?row=Q1&col=Q2"), token)
                        .json()
                        .get("hidden_cells")
                        .asInt())
                .isPositive();
        assertThat(api.get("/api/v1/admin/audit?action=ics.min_group_size_changed", adminToken())
                        .body())
                .contains(ods);
    }

    private String path(long id, String rest) {
        return "/api/v1/ics/" + ods + "/surveys/" + id + rest;
    }

    /** Published counts from Appendix 6, by question, in our option labels. */
    static final Map<String, Map<String, Integer>> PUBLISHED = new LinkedHashMap<>();

    static {
        PUBLISHED.put("Q3", agreement(639, 500, 81, 31));
        PUBLISHED.put("Q4", agreement(797, 365, 52, 37));
        PUBLISHED.put("Q5", agreement(810, 382, 39, 20));
        PUBLISHED.put("Q6", agreement(700, 493, 39, 19));
        PUBLISHED.put("Q7", agreement(785, 428, 25, 13));
        PUBLISHED.put("Q8", ordered("Yes", 529, "No", 722));
        PUBLISHED.put("Q9", agreement(478, 545, 181, 47));
        PUBLISHED.put(
                "Q10",
                ordered("Very important", 450, "Important", 582, "Unimportant", 165, "Not at all important", 54));
        PUBLISHED.put(
                "Q14",
                ordered(
                        "Yes, I work in a clinical or care professional role",
                        1088,
                        "No, I am a non-clinician or manager",
                        163));
        PUBLISHED.put(
                "Q15",
                ordered(
                        "Allied health professional",
                        322,
                        "Clinical psychologist",
                        71,
                        "Dental consultant",
                        6,
                        "General dental practitioner",
                        18,
                        "General practitioner",
                        180,
                        "Healthcare scientist",
                        28,
                        "Medical consultant",
                        141,
                        "Pharmacist",
                        67,
                        "Public health consultant",
                        86,
                        "Registered nurse or midwife",
                        145,
                        "Social worker",
                        14,
                        "Other (please specify)",
                        83,
                        "Not applicable",
                        90));
    }

    /** Published percentages from Appendix 6 for the same options. */
    static final Map<String, List<String>> PUBLISHED_PERCENT = Map.of(
            "Q3", List.of("51.08", "39.97", "6.47", "2.48"),
            "Q4", List.of("63.71", "29.18", "4.16", "2.96"),
            "Q5", List.of("64.75", "30.54", "3.12", "1.60"),
            "Q6", List.of("55.96", "39.41", "3.12", "1.52"),
            "Q7", List.of("62.75", "34.21", "2.00", "1.04"),
            "Q8", List.of("42.29", "57.71"),
            "Q9", List.of("38.21", "43.57", "14.47", "3.76"),
            "Q10", List.of("35.97", "46.52", "13.19", "4.32"),
            "Q14", List.of("86.97", "13.03"),
            "Q15",
                    List.of(
                            "25.74", "5.68", "0.48", "1.44", "14.39", "2.24", "11.27", "5.36", "6.87", "11.59", "1.12",
                            "6.63", "7.19"));

    private static Map<String, Integer> agreement(int sa, int a, int d, int sd) {
        return ordered("Strongly agree", sa, "Agree", a, "Disagree", d, "Strongly disagree", sd);
    }

    private static Map<String, Integer> ordered(Object... labelCount) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < labelCount.length; i += 2) {
            m.put((String) labelCount[i], (Integer) labelCount[i + 1]);
        }
        return m;
    }

    /** 1,251 respondents whose answers add up to the published tables, in a shuffled order. */
    public static String appendixSixResponses(String firstIcs) {
        int n = 1251;
        Random random = new Random(2021);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Integer>> q : PUBLISHED.entrySet()) {
            List<String> values = new ArrayList<>();
            q.getValue().forEach((label, count) -> values.addAll(Collections.nCopies(count, label)));
            assertThat(values).hasSize(n);
            Collections.shuffle(values, random);
            columns.put(q.getKey(), values);
        }
        StringBuilder csv =
                new StringBuilder("Q1,Q1_comment,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q8a,Q9,Q10,Q11,Q12,Q13,Q14,Q15,Q15_other,Q16\n");
        for (int r = 0; r < n; r++) {
            boolean other = columns.get("Q15").get(r).startsWith("Other");
            csv.append("Agree,")
                    .append(r % 5 == 0 ? "\"Comment, with a comma " + r + "\"" : "")
                    .append(",Strongly agree,");
            for (String q : List.of("Q3", "Q4", "Q5", "Q6", "Q7", "Q8")) {
                csv.append(columns.get(q).get(r)).append(',');
            }
            csv.append(columns.get("Q8").get(r).equals("Yes") && r % 2 == 0 ? "A principle about data" : "")
                    .append(',');
            csv.append(columns.get("Q9").get(r))
                    .append(',')
                    .append(columns.get("Q10").get(r))
                    .append(',');
            csv.append(r < 531 ? "What works " + r : "").append(',');
            csv.append(r >= 1251 - 533 ? "Barrier " + r : "").append(',');
            csv.append(r % 2 == 0 || r < 9 ? "Support " + r : "").append(',');
            csv.append('"').append(columns.get("Q14").get(r)).append("\",");
            csv.append(columns.get("Q15").get(r))
                    .append(',')
                    .append(other ? "Paramedic" : "")
                    .append(',');
            csv.append('"').append(firstIcs).append("\"\n");
        }
        return csv.toString();
    }

    @Test
    void theExampleSurveyReproducesThePublishedDistributionsToTwoDecimalPlaces() throws IOException {
        long id = create(exampleDefinition());
        JsonNode definition = api.get(path(id, "/definition"), token).json();
        JsonNode q16 = null;
        for (JsonNode q : definition.get("questions")) {
            q16 = q.get("code").asString().equals("Q16") ? q : q16;
        }
        String firstIcs = q16.get("options").get(0).asString();
        Response imported = api.post(
                path(id, "/responses/import"),
                token,
                "text/csv",
                appendixSixResponses(firstIcs).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("responses").asInt()).isEqualTo(1251);
        // at the platform's k of 10 the last response waits for nine more
        JsonNode stepped = api.get(path(id, "/results"), token).json();
        assertThat(stepped.get("responses").asInt()).isEqualTo(1250);
        assertThat(stepped.get("held_back").asInt()).isEqualTo(1);
        everyResponseOfTheConsultationCounted();

        JsonNode results = api.get(path(id, "/results"), token).json();
        assertThat(results.get("responses").asInt()).isEqualTo(1251);
        // every published question, and every option it published, is compared: none is skipped for being absent
        for (String code : PUBLISHED.keySet()) {
            JsonNode q = question(results, code);
            assertThat(q.get("answered").asInt()).as(code).isEqualTo(1251);
            assertThat(q.get("skipped").asInt()).as(code).isZero();
            List<String> labels = new ArrayList<>(PUBLISHED.get(code).keySet());
            List<String> percents = PUBLISHED_PERCENT.get(code);
            assertThat(q.get("options").findValuesAsString("label"))
                    .as(code)
                    .containsExactlyInAnyOrderElementsOf(labels);
            for (JsonNode option : q.get("options")) {
                int at = labels.indexOf(option.get("label").asString());
                assertThat(at).as(code + " " + option.get("label")).isNotNegative();
                assertThat(option.get("count").asInt())
                        .isEqualTo(PUBLISHED.get(code).get(labels.get(at)));
                assertThat(option.get("percent").decimalValue())
                        .as(code + " " + labels.get(at))
                        .isEqualByComparingTo(percents.get(at));
            }
        }
        assertThat(question(results, "Q11").get("answered").asInt()).isEqualTo(531);
        assertThat(question(results, "Q11").get("skipped").asInt()).isEqualTo(720);
        assertThat(question(results, "Q12").get("answered").asInt()).isEqualTo(533);
        assertThat(question(results, "Q13").get("answered").asInt()).isEqualTo(630);
        assertThat(question(results, "Q13").get("skipped").asInt()).isEqualTo(621);
        // the PDF report carries the same figures, as its text shows
        ApiClient.Response pdf = api.get(path(id, "/report.pdf"), token);
        assertThat(pdf.status()).isEqualTo(200);
        String text = pdfText(api.getBytes(path(id, "/report.pdf"), token));
        org.goldenthread.support.PdfUa.assertConformant(api.getBytes(path(id, "/report.pdf"), token));
        assertThat(text)
                .contains("1,251 responses")
                .contains("Q3 Principle 3")
                .contains("51.08")
                .contains("91.05")
                .contains("Not at all important")
                .contains("4.32");
        // net agreement on principle 3: (639 + 500) / 1251
        assertThat(question(results, "Q3")
                        .get("net_agreement")
                        .get("percent")
                        .decimalValue()
                        .toPlainString())
                .isEqualTo("91.05");
    }

    /**
     * Option labels carry commas ("No, I am a non-clinician or manager"). Each filter is one condition,
     * the label whole after the code's colon; several are several filter parameters. A filter that
     * names no option is refused, on the API and on the page, never quietly dropped.
     */
    @Test
    void filtersOnOptionsWithCommasWorkAndABadFilterIsNeverIgnored() throws IOException {
        long id = create(exampleDefinition());
        String firstIcs = api.get(path(id, "/definition"), token)
                .json()
                .get("questions")
                .get(16)
                .get("options")
                .get(0)
                .asString();
        String responses = appendixSixResponses(firstIcs);
        assertThat(api.post(
                                path(id, "/responses/import"),
                                token,
                                "text/csv",
                                responses.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        everyResponseOfTheConsultationCounted();
        String no = "Q14:No, I am a non-clinician or manager";
        String yes = "Q14:Yes, I work in a clinical or care professional role";
        int noAndQ8Yes = 0;
        for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(responses))) {
            noAndQ8Yes += r.get("Q14").startsWith("No,") && r.get("Q8").equals("Yes") ? 1 : 0;
        }

        JsonNode nonClinical =
                api.get(path(id, "/results?filter=" + enc(no)), token).json();
        assertThat(nonClinical.get("responses").asInt()).isEqualTo(163);
        assertThat(nonClinical.get("filter").get(0).asString()).isEqualTo(no);
        assertThat(question(nonClinical, "Q14")
                        .get("options")
                        .get(1)
                        .get("count")
                        .asInt())
                .isEqualTo(163);
        JsonNode both = api.get(path(id, "/results?filter=" + enc(no) + "&filter=" + enc("Q8:yes")), token)
                .json();
        assertThat(both.get("responses").asInt()).isEqualTo(noAndQ8Yes);
        assertThat(both.get("filter").size()).isEqualTo(2);
        JsonNode tab = api.get(path(id, "/crosstab?row=Q8&col=Q9&filter=" + enc(yes)), token)
                .json();
        assertThat(tab.get("responses").asInt()).isEqualTo(1088);
        assertThat(pdfText(api.getBytes(path(id, "/report.pdf?filter=" + enc(no)), token)))
                .contains("163 responses matching " + no);

        assertThat(api.get("/api/v1/openapi", null).body()).contains("Repeat the parameter for several conditions");

        // the old comma-joined form is ambiguous with such labels: refused, naming the field
        for (String bad : List.of("Q8:Yes," + no, "Q14:Maybe", "Q14", "Q11:anything")) {
            Response refused = api.get(path(id, "/results?filter=" + enc(bad)), token);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("filter");
            assertThat(api.get(path(id, "/crosstab?row=Q8&col=Q9&filter=" + enc(bad)), token)
                            .status())
                    .isEqualTo(400);
        }

        // the page: the filter works, and a bad one shows the problem and no figures rather than everyone's
        String analyst = createUser("analyst", ods);
        org.goldenthread.support.PageClient browser =
                new org.goldenthread.support.PageClient(port).signIn(analyst, PASSWORD);
        String page = "/ics/" + ods + "/surveys/" + id + "/results";
        assertThat(browser.get(page + "?filter=" + enc(no)).body()).contains("163 responses matching " + no);
        org.goldenthread.support.PageClient.Page refused = browser.get(page + "?filter=" + enc("Q14:Maybe"));
        assertThat(refused.body())
                .contains("nhsuk-error-summary", "&#39;Maybe&#39; is not an option of Q14")
                .doesNotContain("1,251 responses")
                .doesNotContain("gt-question");
    }

    /** A survey asking for one of 200 areas, any of 200 professions (and "Other") and yes or no. */
    public static String longLists(String code) {
        List<String> areas = new ArrayList<>();
        List<String> professions = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            areas.add("Area " + i + (i == 7 ? ", the coastal one" : ""));
            professions.add("Profession " + i);
        }
        return ApiClient.json(
                "code",
                code,
                "title",
                "Long lists",
                "anonymous",
                true,
                "questions",
                List.of(
                        Map.of(
                                "code",
                                "Q1",
                                "text",
                                "Where do you work?",
                                "type",
                                "single",
                                "options",
                                areas,
                                "required",
                                true),
                        Map.of(
                                "code",
                                "Q2",
                                "text",
                                "Whom do you work with?",
                                "type",
                                "multi",
                                "options",
                                professions,
                                "other",
                                true),
                        Map.of("code", "Q3", "text", "Do you have protected time?", "type", "yes_no")));
    }

    /**
     * Every ICS area (42) or every profession does not fit in 30 options. Up to 500 are taken, and a
     * question of 200 works everywhere: import, results, filters, cross-tabs, the raw export (which
     * imports again to the same figures) and the PDF. Several choices from a long list are stored a
     * bit per option over as many integers as they need.
     */
    @Test
    void aQuestionWithTwoHundredOptionsWorksThroughImportResultsCrossTabsExportsAndPdf() throws IOException {
        List<String> five = new ArrayList<>();
        for (int i = 1; i <= 501; i++) {
            five.add("Option " + i);
        }
        Response tooMany = api.post(
                "/api/v1/ics/" + ods + "/surveys",
                token,
                ApiClient.json(
                        "code",
                        "too-many",
                        "title",
                        "T",
                        "questions",
                        List.of(Map.of("code", "Q1", "text", "?", "type", "single", "options", five))));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("questions[0].options", "at most 500");
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/surveys",
                                token,
                                ApiClient.json(
                                        "code",
                                        "five-hundred",
                                        "title",
                                        "T",
                                        "questions",
                                        List.of(Map.of(
                                                "code",
                                                "Q1",
                                                "text",
                                                "?",
                                                "type",
                                                "multi",
                                                "options",
                                                five.subList(0, 500)))))
                        .status())
                .isEqualTo(201);

        long id = create(longLists("long-lists"));
        int n = 300;
        Map<String, Integer> professions = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("Q1,Q2,Q2_other,Q3\n");
        for (int r = 0; r < n; r++) {
            int area = r % 200 + 1;
            java.util.Set<Integer> chosen = new java.util.TreeSet<>(List.of(r % 200 + 1, (r * 7) % 200 + 1, 200));
            chosen.forEach(p -> professions.merge("Profession " + p, 1, Integer::sum));
            csv.append('"')
                    .append("Area ")
                    .append(area)
                    .append(area == 7 ? ", the coastal one" : "")
                    .append("\",")
                    .append(String.join(
                            ";", chosen.stream().map(p -> "Profession " + p).toList()))
                    .append(r % 50 == 0 ? ";Other (please specify),Paramedic," : ",,")
                    .append(r % 3 == 0 ? "Yes" : "No")
                    .append('\n');
        }
        Response imported = api.post(
                path(id, "/responses/import"), token, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        JsonNode results = api.get(path(id, "/results"), token).json();
        JsonNode q1 = question(results, "Q1");
        assertThat(q1.get("options").size()).isEqualTo(200);
        assertThat(q1.get("options").get(6).get("label").asString()).isEqualTo("Area 7, the coastal one");
        assertThat(q1.get("options").get(99).get("count").asInt()).isEqualTo(2);
        assertThat(q1.get("options").get(199).get("count").asInt()).isEqualTo(1);
        JsonNode q2 = question(results, "Q2");
        assertThat(q2.get("options").size()).isEqualTo(201);
        for (JsonNode option : q2.get("options")) {
            String label = option.get("label").asString();
            assertThat(option.get("count").asInt())
                    .as(label)
                    .isEqualTo(label.startsWith("Other") ? 6 : professions.getOrDefault(label, 0));
        }
        assertThat(professions.get("Profession 33"))
                .as("an option past the first 32")
                .isPositive();

        JsonNode everyone = api.get(path(id, "/results?filter=" + enc("Q2:Profession 200")), token)
                .json();
        assertThat(everyone.get("responses").asInt()).isEqualTo(n);
        JsonNode yes = api.get(path(id, "/results?filter=" + enc("Q2:Profession 200") + "&filter=Q3:Yes"), token)
                .json();
        assertThat(yes.get("responses").asInt()).isEqualTo(100);
        JsonNode coastal = api.get(path(id, "/results?filter=" + enc("Q1:Area 7, the coastal one")), token)
                .json();
        assertThat(coastal.get("suppressed").asBoolean()).as("two respondents").isTrue();

        JsonNode tab = api.get(path(id, "/crosstab?row=Q2&col=Q1"), token).json();
        assertThat(tab.get("rows").size()).isEqualTo(201);
        assertThat(tab.get("columns").size()).isEqualTo(200);
        assertThat(tab.get("rows").get(199).get("total").asInt()).isEqualTo(n);
        assertThat(api.get(path(id, "/crosstab?row=Q3&col=Q2"), token)
                        .json()
                        .get("rows")
                        .get(0)
                        .get("cells")
                        .size())
                .isEqualTo(201);

        // the raw export imports into a copy of the survey with the same figures
        String exported = api.get(path(id, "/responses.csv"), token).body();
        assertThat(exported.lines().count()).isEqualTo(n + 1);
        long copy = create(longLists("long-lists-copy"));
        Response reimported =
                api.post(path(copy, "/responses/import"), token, "text/csv", exported.getBytes(StandardCharsets.UTF_8));
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(200);
        assertThat(question(api.get(path(copy, "/results"), token).json(), "Q2")
                        .get("options")
                        .toString())
                .isEqualTo(q2.get("options").toString());
        assertThat(api.getBytes(path(id, "/responses.xlsx"), token).length).isPositive();

        String pdf = pdfText(api.getBytes(path(id, "/report.pdf"), token));
        assertThat(pdf).contains("Area 200", "Profession 199", "Area 7, the coastal one");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode question(JsonNode results, String code) {
        for (JsonNode q : results.get("questions")) {
            if (q.get("code").asString().equals(code)) {
                return q;
            }
        }
        throw new AssertionError("No " + code);
    }

    public static final String SMALL = """
            {"code": "pulse", "title": "Pulse", "anonymous": true, "questions": [
              {"code": "Q1", "text": "Do you have protected time?", "type": "yes_no", "required": true},
              {"code": "Q2", "text": "Is it enough?", "type": "agreement4", "comment": true},
              {"code": "Q3", "text": "Which forums?", "type": "multi", "options": ["Board", "Senate", "Council"], "other": true},
              {"code": "Q4", "text": "Hours a week?", "type": "number", "show_if": {"question": "Q1", "equals": "Yes"}},
              {"code": "Q5", "text": "Anything else?", "type": "text"}]}""";

    @Test
    void filtersCrossTabsWithAChiSquareTestAndSmallGroupsHidden() {
        long id = surveyWithASmallGroup();

        JsonNode all = api.get(path(id, "/results"), token).json();
        assertThat(all.get("responses").asInt()).isEqualTo(60);
        JsonNode q3 = question(all, "Q3");
        assertThat(q3.get("answered").asInt()).isEqualTo(35);
        assertThat(q3.get("options").get(0).get("count").asInt()).isEqualTo(30);
        assertThat(q3.get("options").get(0).get("percent").decimalValue()).isEqualByComparingTo("85.71");
        assertThat(q3.get("options").get(2).get("count").asInt()).isEqualTo(5);
        JsonNode q4 = question(all, "Q4");
        assertThat(q4.get("answered").asInt()).isEqualTo(30);
        assertThat(q4.get("mean").decimalValue()).isEqualByComparingTo("1.83");
        assertThat(q4.get("median").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(question(all, "Q5").get("answered").asInt()).isEqualTo(22);
        // Wilson interval for 30 of 35
        assertThat(q3.get("options").get(0).get("ci_low").decimalValue()).isEqualByComparingTo("70.62");
        assertThat(q3.get("options").get(0).get("ci_high").decimalValue()).isEqualByComparingTo("93.74");

        JsonNode yes = api.get(path(id, "/results?filter=Q1:yes"), token).json();
        assertThat(yes.get("responses").asInt()).isEqualTo(30);
        assertThat(question(yes, "Q1").get("options").get(0).get("count").asInt())
                .isEqualTo(30);
        // a filtered count is a cell of the cross-tab of the filter's question, hidden at least where
        // the cross-tab hides it: the unfiltered counts less the filtered ones give the rest's away
        JsonNode yesRowOfTab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token)
                .json()
                .get("rows")
                .get(0);
        JsonNode yesQ2 = question(yes, "Q2").get("options");
        for (int o = 0; o < 4; o++) {
            if (hidden(yesRowOfTab.get("cells").get(o), "count")) {
                assertThat(hidden(yesQ2.get(o), "count")).as("option " + o).isTrue();
            }
        }
        // 20 Yes × Agree beside 5 No × Agree; and 10 Yes × Disagree, which with the 30 who answered gives the 20
        assertThat(hidden(yesQ2.get(1), "count")).isTrue();
        assertThat(yesQ2.get(1).has("percent")).isFalse();
        assertThat(hidden(yesQ2.get(2), "count")).isTrue();
        assertThat(hidden(question(yes, "Q2").get("net_agreement"), "count")).isTrue();
        assertThat(yes.get("note").asString()).contains("fewer than 10");
        // two conditions: beside the 20 Yes who agreed and the 22 No who disagreed, each 0 or k or more answered Q4
        JsonNode both = api.get(path(id, "/results?filter=Q1:yes&filter=Q2:Disagree"), token)
                .json();
        assertThat(both.get("responses").asInt()).isEqualTo(10);
        assertThat(question(both, "Q4").get("mean").decimalValue()).isEqualByComparingTo("1.50");
        JsonNode tiny =
                api.get(path(id, "/results?filter=Q2:Strongly%20agree"), token).json();
        assertThat(tiny.get("suppressed").asBoolean()).isTrue();
        assertThat(tiny.get("questions")).isEmpty();
        // 3 match: not said, and not said to be none either
        assertThat(tiny.has("responses")).isFalse();
        assertThat(api.get(path(id, "/results?filter=Q1:yes&filter=Q1:no"), token)
                        .json()
                        .get("responses")
                        .asInt())
                .as("a filter nobody matches says so")
                .isZero();

        // the 3 who strongly agree, and the 5 who said No and Agree, are small groups inside larger rows
        // and columns: hidden, with as many others as it takes to stop them being worked out (see
        // smallCellsInsideLargerRowsAreHiddenWithEnoughOthersThatNoneCanBeWorkedOut for the detail)
        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        // and, since the unfiltered results give every option's count, Yes × Disagree (10) too: with
        // the 30 Yes it would give Yes × Agree (20), and so the 5 No × Agree of the 25 who agreed
        assertThat(tab.get("hidden_cells").asInt()).isEqualTo(6);
        assertThat(tab.has("chi_square"))
                .as("no test on a table with hidden counts")
                .isFalse();
        JsonNode yesRow = tab.get("rows").get(0);
        assertThat(yesRow.get("label").asString()).isEqualTo("Yes");
        assertThat(hidden(yesRow.get("cells").get(2), "count")).isTrue();
        assertThat(yesRow.get("cells").get(3).get("count").asInt()).isZero();
        assertThat(yesRow.get("total").asInt()).isEqualTo(30);
        assertThat(yesRow.get("cells").get(3).get("row_percent").decimalValue()).isEqualByComparingTo("0.00");
    }

    /** Whether a node (a cell or a total) shows its count. */
    private static boolean hidden(JsonNode cellOrTotal, String field) {
        return !cellOrTotal.has(field) || cellOrTotal.get(field).isNull();
    }

    /**
     * Secondary suppression: no row or column of a cross-tab (with its total) has exactly one hidden
     * count, which its total and the others would give away; the totals row likewise.
     */
    private static void assertNoHiddenCountCanBeWorkedOut(JsonNode tab) {
        JsonNode rows = tab.get("rows");
        JsonNode columns = tab.get("columns");
        for (JsonNode row : rows) {
            int hiddenHere = hidden(row, "total") ? 1 : 0;
            for (JsonNode cell : row.get("cells")) {
                hiddenHere += hidden(cell, "count") ? 1 : 0;
                assertThat(cell.has("row_percent") && hidden(row, "total"))
                        .as("a row % gives a hidden total away")
                        .isFalse();
            }
            assertThat(hiddenHere).as("hidden in row " + row.get("label")).isNotEqualTo(1);
        }
        for (int j = 0; j < columns.size(); j++) {
            int hiddenHere = hidden(columns.get(j), "total") ? 1 : 0;
            for (JsonNode row : rows) {
                hiddenHere += hidden(row.get("cells").get(j), "count") ? 1 : 0;
            }
            assertThat(hiddenHere)
                    .as("hidden in column " + columns.get(j).get("label"))
                    .isNotEqualTo(1);
        }
        int hiddenTotals = hidden(tab, "responses") ? 1 : 0;
        for (JsonNode column : columns) {
            hiddenTotals += hidden(column, "total") ? 1 : 0;
        }
        assertThat(hiddenTotals).as("hidden among the column totals").isNotEqualTo(1);
    }

    @Test
    void smallCellsInsideLargerRowsAreHiddenWithEnoughOthersThatNoneCanBeWorkedOut() {
        long id = surveyWithASmallGroup();
        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        // every option is listed, whatever it holds, so which are listed says nothing
        assertThat(tab.get("columns").findValuesAsString("label"))
                .containsExactly("Strongly agree", "Agree", "Disagree", "Strongly disagree");
        assertThat(tab.get("rows").findValuesAsString("label")).containsExactly("Yes", "No");
        JsonNode no = tab.get("rows").get(1);
        assertThat(hidden(no.get("cells").get(0), "count"))
                .as("3 No × Strongly agree")
                .isTrue();
        assertThat(hidden(no.get("cells").get(1), "count"))
                .as("5 No × Agree, inside a row of 30")
                .isTrue();
        assertThat(no.get("total").asInt()).isEqualTo(30);
        assertThat(hidden(tab.get("columns").get(0), "total"))
                .as("3 strongly agree")
                .isTrue();
        assertNoHiddenCountCanBeWorkedOut(tab);
        assertThat(tab.has("chi_square")).isFalse();
        assertThat(tab.toString()).doesNotContain("hidden_rows").doesNotContain("hidden_columns");
        assertThat(tab.get("note").asString()).contains("fewer than 10").doesNotContain("Strongly");

        // every group small: nothing in the table shows, nor a test (it used to say χ² = 0, p = 1)
        long spread = create(SMALL.replace("\"pulse\"", "\"pulse-spread\""));
        StringBuilder csv = new StringBuilder("Q1,Q2\n");
        append(csv, 4, "Yes,Agree");
        append(csv, 4, "Yes,Disagree");
        append(csv, 4, "No,Disagree");
        // an import that failed would leave a table of zeros, every cell hidden for the wrong reason
        Response spreadImported = api.post(
                path(spread, "/responses/import"),
                token,
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(spreadImported.status()).as(spreadImported.body()).isEqualTo(200);
        JsonNode all = api.get(path(spread, "/crosstab?row=Q1&col=Q2"), token).json();
        assertThat(all.get("rows").findValuesAsString("label")).containsExactly("Yes", "No");
        assertThat(all.get("columns").size()).isEqualTo(4);
        for (JsonNode row : all.get("rows")) {
            assertThat(hidden(row, "total")).isTrue();
            assertThat(row.get("cells")).hasSize(4);
            for (JsonNode cell : row.get("cells")) {
                assertThat(hidden(cell, "count"))
                        .as("every cell of a small row, its zeros too")
                        .isTrue();
            }
        }
        assertThat(all.has("chi_square")).isFalse();
        assertNoHiddenCountCanBeWorkedOut(all);
    }

    @Test
    void aChiSquareTestMatchesTheTextbookOnATableWithNothingHidden() {
        long id = create(SMALL);
        StringBuilder csv = new StringBuilder("Q1,Q2\n");
        append(csv, 20, "Yes,Agree");
        append(csv, 10, "Yes,Disagree");
        append(csv, 10, "No,Agree");
        append(csv, 10, "No,Disagree");
        Response imported = api.post(
                path(id, "/responses/import"), token, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        assertThat(tab.get("hidden_cells").asInt()).isZero();
        // by hand: expected Yes×Agree 18, Yes×Disagree 12, No×Agree 12, No×Disagree 8 →
        // 4/18 + 4/12 + 4/12 + 4/8 = 1.39, 1 degree of freedom, p = 0.2386
        assertThat(tab.get("chi_square").get("statistic").decimalValue()).isEqualByComparingTo("1.39");
        assertThat(tab.get("chi_square").get("df").asInt()).isEqualTo(1);
        assertThat(tab.get("chi_square").get("p_value").decimalValue()).isEqualByComparingTo("0.2386");
    }

    private static void append(StringBuilder csv, int times, String line) {
        for (int i = 0; i < times; i++) {
            csv.append(line).append('\n');
        }
    }

    @Test
    void oneResponseSentTwiceWithTheSameKeyIsStoredOnce() {
        // named, so that one response shows figures (an anonymous survey shows none below k)
        long id = create(SMALL.replace("\"anonymous\": true", "\"anonymous\": false"));
        String body = ApiClient.json(
                "idempotency_key",
                "abc-123",
                "answers",
                Map.of("Q1", "Yes", "Q3", List.of("Board", "Council"), "Q4", 3));
        assertThat(api.post(path(id, "/responses"), token, body).status()).isEqualTo(201);
        assertThat(api.post(path(id, "/responses"), token, body).status()).isEqualTo(200);
        JsonNode results = api.get(path(id, "/results"), token).json();
        assertThat(results.get("responses").asInt()).isEqualTo(1);
        assertThat(question(results, "Q3").get("options").get(2).get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void malformedDefinitionsAreRefusedWithTheirPlaceAndNothingIsCreated() {
        String[][] corpus = {
            {
                "{\"code\":\"x1\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"likert\"}]}",
                "questions[0].type"
            },
            {
                "{\"code\":\"x2\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"yes_no\"},"
                        + "{\"code\":\"q1\",\"text\":\"?\",\"type\":\"text\"}]}",
                "questions[1].code"
            },
            {
                "{\"code\":\"x3\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"agreement4\","
                        + "\"options\":[\"a\",\"b\"]}]}",
                "questions[0].options"
            },
            {
                "{\"code\":\"x4\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"text\","
                        + "\"show_if\":{\"question\":\"Q2\",\"equals\":\"Yes\"}},{\"code\":\"Q2\",\"text\":\"?\",\"type\":\"yes_no\"}]}",
                "questions[0].show_if.question"
            },
            {
                "{\"code\":\"x5\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"yes_no\"},"
                        + "{\"code\":\"Q2\",\"text\":\"?\",\"type\":\"text\",\"show_if\":{\"question\":\"Q1\",\"equals\":\"Maybe\"}}]}",
                "questions[1].show_if.equals"
            },
            {
                "{\"code\":\"x6\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"single\","
                        + "\"options\":[\"a\",\"A\"]}]}",
                "questions[0].options[1]"
            },
            {"{\"code\":\"x7\",\"title\":\"T\",\"questions\":[]}", "\"field\":\"questions\""},
            {
                "{\"code\":\"Bad Code\",\"title\":\"\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"text\"}]}",
                "\"field\":\"title\""
            },
            {"{\"code\":\"x9\",\"title\":\"T\",\"colour\":\"red\",\"questions\":[]}", "colour"},
            {"{\"code\":\"x10\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\"", "JSON"},
            {
                "{\"code\":\"x11\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"multi\","
                        + "\"options\":[\"a;b\",\"c\"]}]}",
                "questions[0].options[0]"
            },
        };
        for (String[] c : corpus) {
            Response r = api.post("/api/v1/ics/" + ods + "/surveys", token, c[0]);
            assertThat(r.status()).as(c[0] + " → " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[0]).containsIgnoringCase(c[1]);
        }
        assertThat(api.get("/api/v1/ics/" + ods + "/surveys", token).json()).isEmpty();
    }

    @Test
    void malformedResponseFilesAreRefusedWithRowAndColumnAndNothingIsStored() {
        // named, so that one response shows figures (an anonymous survey shows none below k)
        long id = create(SMALL.replace("\"anonymous\": true", "\"anonymous\": false"));
        Object[][] corpus = {
            {"Q1,Q2,Q9\nYes,Agree,x\n", "\"row\":1,\"field\":\"Q9\""},
            {"Q1,Q2\nYes,Agree\nPerhaps,Agree\n", "\"row\":3,\"field\":\"Q1\""},
            {"Q1,Q2\n,Agree\n", "\"row\":2,\"field\":\"Q1\"", "needs an answer"},
            {"Q1,Q4\nNo,3\n", "\"row\":2,\"field\":\"Q4\"", "only asked when"},
            {"Q1,Q4\nYes,three\n", "\"row\":2,\"field\":\"Q4\"", "not a number"},
            {"Q1,Q3,Q3_other\nYes,Board,Assembly\n", "\"row\":2,\"field\":\"Q3_other\""},
            {"Q1,Q3\nYes,Board;Parliament\n", "\"row\":2,\"field\":\"Q3\"", "Parliament"},
            {"Q1,Q2\nYes,Agree,extra\n", "\"row\":2", "3 values"},
            {"Q1,Q1\nYes,Yes\n", "appears more than once"},
            {"", "empty"},
            {"Q1,Q5\nYes,\"unclosed\n", "not valid CSV"},
        };
        for (Object[] c : corpus) {
            Response r = api.post(
                    path(id, "/responses/import"), token, "text/csv", ((String) c[0]).getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(c[0] + " → " + r.body()).isEqualTo(400);
            for (int i = 1; i < c.length; i++) {
                assertThat(r.body()).as((String) c[0]).contains((String) c[i]);
            }
        }
        Response latin1 = api.post(
                path(id, "/responses/import"),
                token,
                "text/csv",
                "Q1,Q5\nYes,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.body()).contains("not UTF-8");
        // a good file after a bad one: only the good one counts
        byte[] good = "Q1,Q2\nYes,Agree\n".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = "Q1,Q2\nYes,Agree\nNo,Sideways\n".getBytes(StandardCharsets.UTF_8);
        assertThat(api.post(path(id, "/responses/import"), token, "text/csv", mixed)
                        .status())
                .isEqualTo(400);
        assertThat(api.post(path(id, "/responses/import"), token, "text/csv", good)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(path(id, "/results"), token).json().get("responses").asInt())
                .isEqualTo(1);
    }

    /**
     * Raw rows carry every answer of small groups and every comment word for word: analysts, who see
     * only suppressed figures, never get them, and a place lead gets them for their own surveys only.
     */
    @Test
    void rawResponsesAreForIcsAdminsAndThePlaceLeadWhoCreatedTheSurvey() {
        long adminsSurvey = surveyWithASmallGroup();
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Northfield"))
                        .status())
                .isEqualTo(201);
        String lead = tokenFor(createUser("place_lead", ods, "Northfield"));
        String otherLead = tokenFor(createUser("place_lead", ods, "Northfield"));
        Response created =
                api.post("/api/v1/ics/" + ods + "/surveys", lead, SMALL.replace("\"pulse\"", "\"leads-pulse\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long leadsSurvey = created.json().get("id").asLong();
        api.post(
                path(leadsSurvey, "/responses/import"),
                lead,
                "text/csv",
                // ten, so that an anonymous survey's first step is there to read
                ("Q1,Q2,Q2_comment\nNo,Agree,my own words\n" + "Yes,Agree,\n".repeat(9))
                        .getBytes(StandardCharsets.UTF_8));

        for (String format : List.of("/responses.csv", "/responses.xlsx")) {
            Response refused = api.get(path(adminsSurvey, format), analyst);
            assertThat(refused.status()).as(format).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("too busy").contains("ICS admins");
            assertThat(api.get(path(leadsSurvey, format), analyst).status()).isEqualTo(403);
            assertThat(api.get(path(adminsSurvey, format), lead).status())
                    .as("not the lead's survey")
                    .isEqualTo(403);
            assertThat(api.get(path(leadsSurvey, format), otherLead).status()).isEqualTo(403);
            assertThat(api.get(path(leadsSurvey, format), lead).status()).isEqualTo(200);
            assertThat(api.get(path(adminsSurvey, format), token).status()).isEqualTo(200);
            assertThat(api.get(path(leadsSurvey, format), token).status()).isEqualTo(200);
        }
        assertThat(api.get(path(adminsSurvey, "/responses.csv"), token).body()).contains("too busy");
        assertThat(api.get(path(leadsSurvey, "/responses.csv"), lead).body()).contains("my own words");
        // the aggregates stay open to analysts
        assertThat(api.get(path(adminsSurvey, "/results"), analyst).status()).isEqualTo(200);
    }

    /**
     * With fewer than k responses in all, every figure of an anonymous survey is a small group: nine
     * colleagues' answers could be read off the results. Nothing is shown, and the note names only
     * the threshold, not how many responses there are so far.
     */
    @Test
    void anAnonymousSurveyShowsNoFiguresAnywhereUntilItHasKResponses() throws IOException {
        long id = create(SMALL);
        StringBuilder nine = new StringBuilder("Q1,Q2,Q3,Q4,Q5\n");
        append(nine, 8, "Yes,Agree,Board,2,fine");
        append(nine, 1, "No,Strongly disagree,Senate,,I am the only one who disagrees");
        assertThat(api.post(
                                path(id, "/responses/import"),
                                token,
                                "text/csv",
                                nine.toString().getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);

        JsonNode results = api.get(path(id, "/results"), token).json();
        assertThat(results.get("suppressed").asBoolean()).isTrue();
        assertThat(results.get("questions")).isEmpty();
        assertThat(results.has("responses"))
                .as("the exact number so far is not given")
                .isFalse();
        assertThat(results.get("note").asString())
                .contains("fewer than 10 responses")
                .doesNotContain("9");
        assertThat(api.get(path(id, "/results?filter=Q1:Yes"), token).json().get("questions"))
                .isEmpty();

        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        assertThat(tab.get("rows")).isEmpty();
        assertThat(tab.get("columns")).isEmpty();
        assertThat(tab.has("chi_square")).isFalse();
        assertThat(tab.has("responses")).isFalse();
        assertThat(tab.get("note").asString()).contains("fewer than 10 responses");

        JsonNode themes = api.get(path(id, "/themes/counts?field=Q5"), token).json();
        assertThat(themes.get("themes")).isEmpty();
        assertThat(themes.get("group_sizes")).isEmpty();

        String pdf = pdfText(api.getBytes(path(id, "/report.pdf"), token));
        assertThat(pdf)
                .contains("fewer than 10 responses")
                .doesNotContain("Strongly disagree")
                .doesNotContain("Answered")
                .doesNotContain("9 responses");

        // the tenth response brings every figure back
        api.post(
                path(id, "/responses/import"), token, "text/csv", "Q1,Q2\nNo,Agree\n".getBytes(StandardCharsets.UTF_8));
        JsonNode ten = api.get(path(id, "/results"), token).json();
        assertThat(ten.get("suppressed").asBoolean()).isFalse();
        assertThat(ten.get("responses").asInt()).isEqualTo(10);
        assertThat(question(ten, "Q1").get("options").get(0).get("count").asInt())
                .isEqualTo(8);
        assertThat(pdfText(api.getBytes(path(id, "/report.pdf"), token))).contains("10 responses");
    }

    /**
     * Below k the number of responses to an anonymous survey is itself a small group (three
     * colleagues answered, and as it ticks up, when each did). Those who may have the raw responses
     * see it to follow progress; everyone else sees that there are fewer than k, on the pages and in
     * the API alike, until the survey has k.
     */
    @Test
    void theNumberOfResponsesToAnAnonymousSurveyBelowKIsForItsRunnersOnly() {
        long id = create(SMALL);
        long named = create(
                SMALL.replace("\"pulse\"", "\"named-pulse\"").replace("\"anonymous\": true", "\"anonymous\": false"));
        byte[] three = "Q1,Q2\nYes,Agree\nNo,Agree\nYes,Disagree\n".getBytes(StandardCharsets.UTF_8);
        for (long survey : List.of(id, named)) {
            assertThat(api.post(path(survey, "/responses/import"), token, "text/csv", three)
                            .status())
                    .isEqualTo(200);
        }
        String analystEmail = createUser("analyst", ods);
        String analyst = tokenFor(analystEmail);
        assertThat(api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Eastwold"))
                        .status())
                .isEqualTo(201);
        String lead = tokenFor(createUser("place_lead", ods, "Eastwold"));
        Response leads =
                api.post("/api/v1/ics/" + ods + "/surveys", lead, SMALL.replace("\"pulse\"", "\"leads-pulse\""));
        long leadsSurvey = leads.json().get("id").asLong();
        api.post(path(leadsSurvey, "/responses/import"), lead, "text/csv", three);

        JsonNode hidden = listed(analyst, id);
        assertThat(hidden.get("responses").isNull()).as(hidden.toString()).isTrue();
        assertThat(hidden.get("responses_hidden").asBoolean()).isTrue();
        assertThat(listed(analyst, named).get("responses").asInt())
                .as("a survey that names its respondents has nothing to hide in its count")
                .isEqualTo(3);
        assertThat(listed(analyst, named).get("responses_hidden").asBoolean()).isFalse();
        assertThat(listed(token, id).get("responses").asInt())
                .as("an ICS admin may have the responses themselves")
                .isEqualTo(3);
        assertThat(listed(lead, leadsSurvey).get("responses").asInt())
                .as("the place lead who runs it")
                .isEqualTo(3);
        assertThat(listed(lead, id).get("responses").isNull())
                .as("but not another's survey")
                .isTrue();

        org.goldenthread.support.PageClient pages =
                new org.goldenthread.support.PageClient(port).signIn(analystEmail, PASSWORD);
        String list = pages.get("/ics/" + ods + "/surveys").body();
        assertThat(list).contains("Fewer than 10");
        String page = pages.get("/ics/" + ods + "/surveys/" + id).body();
        assertThat(page).contains("id=\"responses\">Fewer than 10<");

        StringBuilder seven = new StringBuilder("Q1,Q2\n");
        append(seven, 7, "No,Disagree");
        api.post(
                path(id, "/responses/import"),
                token,
                "text/csv",
                seven.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(listed(analyst, id).get("responses").asInt()).isEqualTo(10);
        assertThat(pages.get("/ics/" + ods + "/surveys/" + id).body()).contains("id=\"responses\">10<");
    }

    private JsonNode listed(String caller, long id) {
        Response r = api.get("/api/v1/ics/" + ods + "/surveys", caller);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode s : r.json()) {
            if (s.get("id").asLong() == id) {
                return s;
            }
        }
        throw new AssertionError("Survey " + id + " is not listed: " + r.body());
    }

    @Test
    void anotherIcsCannotSeeTheSurvey() {
        long id = create(SMALL);
        String other = createIcs("Other survey ICS");
        String otherToken = tokenFor(createUser("ics_admin", other));
        assertThat(api.get("/api/v1/ics/" + other + "/surveys/" + id + "/results", otherToken)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(path(id, "/results"), otherToken).status()).isEqualTo(404);
        String member = tokenFor(createUser("member", ods));
        assertThat(api.get(path(id, "/results"), member).status()).isEqualTo(403);
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }
}
