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

    @BeforeEach
    void anIcs() {
        ods = createIcs("Survey ICS");
        token = tokenFor(createUser("ics_admin", ods));
    }

    static String exampleDefinition() throws IOException {
        return new ClassPathResource("engagement/ccpl-principles.json").getContentAsString(StandardCharsets.UTF_8);
    }

    private long create(String definition) {
        Response r = api.post("/api/v1/ics/" + ods + "/surveys", token, definition);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** 53 responses: Yes × Agree 20, Yes × Disagree 10, No × Agree 5, No × Disagree 15, and 3 No × Strongly agree. */
    private long surveyWithASmallGroup() {
        long id = create(SMALL);
        StringBuilder csv = new StringBuilder("Q1,Q2,Q2_comment,Q3,Q3_other,Q4,Q5\n");
        append(csv, 20, "Yes,Agree,,Board;Senate,,2,");
        append(csv, 10, "Yes,Disagree,,Board,,1.5,");
        append(csv, 5, "No,Agree,,Other (please specify);council,Assembly,,");
        append(csv, 15, "No,Disagree,too busy,,,,none");
        append(csv, 3, "No,Strongly agree,,,,,");
        Response imported = api.post(path(id, "/responses/import"), token, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return id;
    }

    @Test
    void anIcsCanHaveItsOwnSmallNumberThresholdButNeverBelowThree() {
        long id = surveyWithASmallGroup();
        String threshold = "/api/v1/admin/ics/" + ods + "/min-group-size";
        assertThat(api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json().get("hidden_columns").asInt())
                .isEqualTo(1);

        Response set = api.put(threshold, adminToken(), ApiClient.json("min_group_size", 3));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("min_group_size").asInt()).isEqualTo(3);
        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        assertThat(tab.get("hidden_columns").asInt()).isZero();
        assertThat(tab.get("columns").toString()).contains("Strongly agree");
        JsonNode three = api.get(path(id, "/results?filter=Q2:Strongly%20agree"), token).json();
        assertThat(three.get("suppressed").asBoolean()).isFalse();
        assertThat(three.get("responses").asInt()).isEqualTo(3);

        // another ICS keeps the platform's threshold
        String first = ods;
        String firstToken = token;
        ods = createIcs("Survey ICS at the platform's k");
        token = tokenFor(createUser("ics_admin", ods));
        long elsewhere = surveyWithASmallGroup();
        assertThat(api.get(path(elsewhere, "/crosstab?row=Q1&col=Q2"), token).json().get("hidden_columns").asInt())
                .isEqualTo(1);
        ods = first;
        token = firstToken;

        // the ICS's own administrator cannot change it; nobody can go below 3 or leave the value out
        assertThat(api.put(threshold, token, ApiClient.json("min_group_size", 5)).status()).isEqualTo(403);
        Response tooLow = api.put(threshold, adminToken(), ApiClient.json("min_group_size", 2));
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(tooLow.json().get("errors").get(0).get("field").asString()).isEqualTo("min_group_size");
        assertThat(tooLow.json().get("errors").get(0).get("reason").asString()).contains("from 3 to 100");
        Response missing = api.put(threshold, adminToken(), "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("min_group_size");
        assertThat(api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json().get("hidden_columns").asInt())
                .isZero();

        Response reset = api.put(threshold, adminToken(), "{\"min_group_size\": null}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json().get("hidden_columns").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/admin/audit?action=ics.min_group_size_changed", adminToken()).body())
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
        PUBLISHED.put("Q10", ordered("Very important", 450, "Important", 582, "Unimportant", 165,
                "Not at all important", 54));
        PUBLISHED.put("Q14", ordered("Yes, I work in a clinical or care professional role", 1088,
                "No, I am a non-clinician or manager", 163));
        PUBLISHED.put("Q15", ordered("Allied health professional", 322, "Clinical psychologist", 71,
                "Dental consultant", 6, "General dental practitioner", 18, "General practitioner", 180,
                "Healthcare scientist", 28, "Medical consultant", 141, "Pharmacist", 67, "Public health consultant", 86,
                "Registered nurse or midwife", 145, "Social worker", 14, "Other (please specify)", 83,
                "Not applicable", 90));
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
            "Q15", List.of("25.74", "5.68", "0.48", "1.44", "14.39", "2.24", "11.27", "5.36", "6.87", "11.59", "1.12",
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
        StringBuilder csv = new StringBuilder("Q1,Q1_comment,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q8a,Q9,Q10,Q11,Q12,Q13,Q14,Q15,Q15_other,Q16\n");
        for (int r = 0; r < n; r++) {
            boolean other = columns.get("Q15").get(r).startsWith("Other");
            csv.append("Agree,").append(r % 5 == 0 ? "\"Comment, with a comma " + r + "\"" : "").append(",Strongly agree,");
            for (String q : List.of("Q3", "Q4", "Q5", "Q6", "Q7", "Q8")) {
                csv.append(columns.get(q).get(r)).append(',');
            }
            csv.append(columns.get("Q8").get(r).equals("Yes") && r % 2 == 0 ? "A principle about data" : "").append(',');
            csv.append(columns.get("Q9").get(r)).append(',').append(columns.get("Q10").get(r)).append(',');
            csv.append(r < 531 ? "What works " + r : "").append(',');
            csv.append(r >= 1251 - 533 ? "Barrier " + r : "").append(',');
            csv.append(r % 2 == 0 || r < 9 ? "Support " + r : "").append(',');
            csv.append('"').append(columns.get("Q14").get(r)).append("\",");
            csv.append(columns.get("Q15").get(r)).append(',').append(other ? "Paramedic" : "").append(',');
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
        Response imported = api.post(path(id, "/responses/import"), token, "text/csv",
                appendixSixResponses(firstIcs).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("responses").asInt()).isEqualTo(1251);

        JsonNode results = api.get(path(id, "/results"), token).json();
        assertThat(results.get("responses").asInt()).isEqualTo(1251);
        for (JsonNode q : results.get("questions")) {
            String code = q.get("code").asString();
            if (PUBLISHED.containsKey(code)) {
                assertThat(q.get("answered").asInt()).as(code).isEqualTo(1251);
                assertThat(q.get("skipped").asInt()).as(code).isZero();
                List<String> labels = new ArrayList<>(PUBLISHED.get(code).keySet());
                List<String> percents = PUBLISHED_PERCENT.get(code);
                for (JsonNode option : q.get("options")) {
                    int at = labels.indexOf(option.get("label").asString());
                    assertThat(at).as(code + " " + option.get("label")).isNotNegative();
                    assertThat(option.get("count").asInt()).isEqualTo(PUBLISHED.get(code).get(labels.get(at)));
                    assertThat(option.get("percent").decimalValue()).as(code + " " + labels.get(at))
                            .isEqualByComparingTo(percents.get(at));
                }
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
        assertThat(text).contains("1,251 responses").contains("Q3 Principle 3").contains("51.08").contains("91.05")
                .contains("Not at all important").contains("4.32");
        // net agreement on principle 3: (639 + 500) / 1251
        assertThat(question(results, "Q3").get("net_agreement").get("percent").decimalValue().toPlainString())
                .isEqualTo("91.05");
    }

    private static JsonNode question(JsonNode results, String code) {
        for (JsonNode q : results.get("questions")) {
            if (q.get("code").asString().equals(code)) {
                return q;
            }
        }
        throw new AssertionError("No " + code);
    }

    private static final String SMALL = """
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
        assertThat(all.get("responses").asInt()).isEqualTo(53);
        JsonNode q3 = question(all, "Q3");
        assertThat(q3.get("answered").asInt()).isEqualTo(35);
        assertThat(q3.get("options").get(0).get("count").asInt()).isEqualTo(30);
        assertThat(q3.get("options").get(0).get("percent").decimalValue()).isEqualByComparingTo("85.71");
        assertThat(q3.get("options").get(2).get("count").asInt()).isEqualTo(5);
        JsonNode q4 = question(all, "Q4");
        assertThat(q4.get("answered").asInt()).isEqualTo(30);
        assertThat(q4.get("mean").decimalValue()).isEqualByComparingTo("1.83");
        assertThat(q4.get("median").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(question(all, "Q5").get("answered").asInt()).isEqualTo(15);
        // Wilson interval for 30 of 35
        assertThat(q3.get("options").get(0).get("ci_low").decimalValue()).isEqualByComparingTo("70.62");
        assertThat(q3.get("options").get(0).get("ci_high").decimalValue()).isEqualByComparingTo("93.74");

        JsonNode yes = api.get(path(id, "/results?filter=Q1:yes"), token).json();
        assertThat(yes.get("responses").asInt()).isEqualTo(30);
        assertThat(question(yes, "Q2").get("options").get(1).get("percent").decimalValue().toPlainString())
                .isEqualTo("66.67");
        JsonNode tiny = api.get(path(id, "/results?filter=Q2:Strongly%20agree"), token).json();
        assertThat(tiny.get("suppressed").asBoolean()).isTrue();
        assertThat(tiny.get("questions")).isEmpty();

        JsonNode tab = api.get(path(id, "/crosstab?row=Q1&col=Q2"), token).json();
        assertThat(tab.get("hidden_columns").asInt()).isEqualTo(1);
        assertThat(tab.get("columns").toString()).contains("Agree").doesNotContain("Strongly agree");
        JsonNode yesRow = tab.get("rows").get(0);
        assertThat(yesRow.get("label").asString()).isEqualTo("Yes");
        assertThat(yesRow.get("cells").get(0).get("count").asInt()).isEqualTo(20);
        assertThat(yesRow.get("cells").get(0).get("row_percent").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(yesRow.get("cells").get(0).get("col_percent").decimalValue()).isEqualByComparingTo("80.00");
        // by hand: expected Yes×Agree 15, Yes×Disagree 15, No×Agree 10, No×Disagree 10 →
        // 25/15 + 25/15 + 25/10 + 25/10 = 8.33, 1 degree of freedom, p = 0.0039
        assertThat(tab.get("chi_square").get("statistic").decimalValue()).isEqualByComparingTo("8.33");
        assertThat(tab.get("chi_square").get("df").asInt()).isEqualTo(1);
        assertThat(tab.get("chi_square").get("p_value").decimalValue()).isEqualByComparingTo("0.0039");
    }

    private static void append(StringBuilder csv, int times, String line) {
        for (int i = 0; i < times; i++) {
            csv.append(line).append('\n');
        }
    }

    @Test
    void oneResponseSentTwiceWithTheSameKeyIsStoredOnce() {
        long id = create(SMALL);
        String body = ApiClient.json("idempotency_key", "abc-123", "answers",
                Map.of("Q1", "Yes", "Q3", List.of("Board", "Council"), "Q4", 3));
        assertThat(api.post(path(id, "/responses"), token, body).status()).isEqualTo(201);
        assertThat(api.post(path(id, "/responses"), token, body).status()).isEqualTo(200);
        JsonNode results = api.get(path(id, "/results"), token).json();
        assertThat(results.get("responses").asInt()).isEqualTo(1);
        assertThat(question(results, "Q3").get("options").get(2).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void malformedDefinitionsAreRefusedWithTheirPlaceAndNothingIsCreated() {
        String[][] corpus = {
                {"{\"code\":\"x1\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"likert\"}]}",
                        "questions[0].type"},
                {"{\"code\":\"x2\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"yes_no\"},"
                        + "{\"code\":\"q1\",\"text\":\"?\",\"type\":\"text\"}]}", "questions[1].code"},
                {"{\"code\":\"x3\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"agreement4\","
                        + "\"options\":[\"a\",\"b\"]}]}", "questions[0].options"},
                {"{\"code\":\"x4\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"text\","
                        + "\"show_if\":{\"question\":\"Q2\",\"equals\":\"Yes\"}},{\"code\":\"Q2\",\"text\":\"?\",\"type\":\"yes_no\"}]}",
                        "questions[0].show_if.question"},
                {"{\"code\":\"x5\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"yes_no\"},"
                        + "{\"code\":\"Q2\",\"text\":\"?\",\"type\":\"text\",\"show_if\":{\"question\":\"Q1\",\"equals\":\"Maybe\"}}]}",
                        "questions[1].show_if.equals"},
                {"{\"code\":\"x6\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"single\","
                        + "\"options\":[\"a\",\"A\"]}]}", "questions[0].options[1]"},
                {"{\"code\":\"x7\",\"title\":\"T\",\"questions\":[]}", "\"field\":\"questions\""},
                {"{\"code\":\"Bad Code\",\"title\":\"\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"text\"}]}",
                        "\"field\":\"title\""},
                {"{\"code\":\"x9\",\"title\":\"T\",\"colour\":\"red\",\"questions\":[]}", "colour"},
                {"{\"code\":\"x10\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\"", "JSON"},
                {"{\"code\":\"x11\",\"title\":\"T\",\"questions\":[{\"code\":\"Q1\",\"text\":\"?\",\"type\":\"multi\","
                        + "\"options\":[\"a;b\",\"c\"]}]}", "questions[0].options[0]"},
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
        long id = create(SMALL);
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
            Response r = api.post(path(id, "/responses/import"), token, "text/csv",
                    ((String) c[0]).getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(c[0] + " → " + r.body()).isEqualTo(400);
            for (int i = 1; i < c.length; i++) {
                assertThat(r.body()).as((String) c[0]).contains((String) c[i]);
            }
        }
        Response latin1 = api.post(path(id, "/responses/import"), token, "text/csv",
                "Q1,Q5\nYes,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.body()).contains("not UTF-8");
        // a good file after a bad one: only the good one counts
        byte[] good = "Q1,Q2\nYes,Agree\n".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = "Q1,Q2\nYes,Agree\nNo,Sideways\n".getBytes(StandardCharsets.UTF_8);
        assertThat(api.post(path(id, "/responses/import"), token, "text/csv", mixed).status()).isEqualTo(400);
        assertThat(api.post(path(id, "/responses/import"), token, "text/csv", good).status()).isEqualTo(200);
        assertThat(api.get(path(id, "/results"), token).json().get("responses").asInt()).isEqualTo(1);
    }

    @Test
    void anotherIcsCannotSeeTheSurvey() {
        long id = create(SMALL);
        String other = createIcs("Other survey ICS");
        String otherToken = tokenFor(createUser("ics_admin", other));
        assertThat(api.get("/api/v1/ics/" + other + "/surveys/" + id + "/results", otherToken).status()).isEqualTo(404);
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
