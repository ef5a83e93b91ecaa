package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of broken workforce baseline files. Each is refused with a 400 naming the row, column
 * and reason (never a 5xx), and the baseline is exactly as it was afterwards.
 */
class BaselineCorpusTest extends IntegrationTest {

    static final String HEADER = "profession_group,characteristic,value,count";
    static final String GOOD = "Medical,ethnic_group,white,60";

    /** A whole good baseline: two profession groups, every characteristic. */
    static final String GOOD_FILE = HEADER + "\n"
            + "Medical,ethnic_group,white,60\n"
            + "Medical,ethnic_group,asian,30\n"
            + "Medical,ethnic_group,black,10\n"
            + "Medical,sex,female,50\n"
            + "Medical,sex,male,50\n"
            + "Medical,disability,no,90\n"
            + "Medical,disability,yes,10\n"
            + "Nursing and midwifery,ethnic_group,white,70\n"
            + "Nursing and midwifery,ethnic_group,black,20\n"
            + "Nursing and midwifery,ethnic_group,mixed,10\n"
            + "Nursing and midwifery,sex,female,90\n"
            + "Nursing and midwifery,sex,male,10\n"
            + "Nursing and midwifery,disability,no,85\n"
            + "Nursing and midwifery,disability,yes,10\n"
            + "Nursing and midwifery,disability,not_stated,5\n";

    private record Case(String name, byte[] body, String expected) {}

    private static Case csv(String name, String text, String expected) {
        return new Case(name, text.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static String rowWith(String column, String value) {
        List<String> values = new ArrayList<>(List.of(GOOD.split(",", -1)));
        values.set(BaselineFile.COLUMNS.indexOf(column), value);
        return HEADER + "\n" + GOOD.replace("white,60", "asian,5") + "\n" + String.join(",", values) + "\n";
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put(
                "profession_group",
                List.of("", " ", "Surgeons", "=HYPERLINK(1)", "+Medical", "Medical;Dental", "x".repeat(300)));
        bad.put(
                "characteristic",
                List.of("", "religion", "Ethnic Group", "sex;disability", "@sex", "age", "ethnicity"));
        bad.put("value", List.of("", "purple", "White", "Not stated", "wh ite", "-white"));
        bad.put(
                "count",
                List.of(
                        "",
                        "-1",
                        "1.5",
                        "ten",
                        "10000001",
                        "1e3",
                        "99999999999",
                        "0x10",
                        "+5",
                        "5 people",
                        "\"1,000\"",
                        "\uFF11\uFF10"));
        bad.forEach((column, values) ->
                values.forEach(v -> cases.add(csv(column + " = '" + v + "'", rowWith(column, v), "Row 3, " + column))));
        cases.add(csv(
                "sex answered as disability",
                rowWith("value", "yes").replace("ethnic_group,yes", "sex,yes"),
                "Row 3, value"));
        cases.add(csv("disability answered as sex", HEADER + "\nMedical,disability,female,4\n", "Row 2, value"));
        cases.add(csv(
                "the same count twice",
                HEADER + "\n" + GOOD + "\n" + GOOD.replace("60", "61") + "\n",
                "also on row 2"));
        cases.add(csv(
                "the same count twice, differently spelt",
                HEADER + "\n" + GOOD + "\n" + GOOD.replace("Medical", "MEDICAL") + "\n",
                "also on row 2"));
        cases.add(csv("empty file", "", "empty"));
        cases.add(csv("blank lines only", "\n\n\n", "empty"));
        cases.add(csv("header only", HEADER + "\n", "no counts"));
        cases.add(
                csv("missing column", "profession_group,characteristic,value\nMedical,sex,male\n", "no count column"));
        cases.add(csv("unknown column", HEADER + ",colour\n" + GOOD + ",red\n", "colour"));
        cases.add(csv("column twice", HEADER + ",count\n" + GOOD + ",3\n", "twice"));
        cases.add(csv("too few values", HEADER + "\nMedical,sex\n", "2 values"));
        cases.add(csv("too many values", HEADER + "\n" + GOOD + ",extra\n", "5 values"));
        cases.add(csv("unclosed quote", HEADER + "\n\"Medical,sex,male,4\n", "not valid CSV"));
        cases.add(csv("NUL byte", HEADER + "\n" + GOOD.replace("Medical", "Med\u0000ical") + "\n", "NUL"));
        cases.add(csv("no header", GOOD + "\n", "not a column"));
        cases.add(csv("semicolons", HEADER.replace(',', ';') + "\n" + GOOD.replace(',', ';') + "\n", "not a column"));
        cases.add(new Case(
                "Latin-1",
                (HEADER + "\n" + GOOD + "\nMédical,sex,male,4\n").getBytes(StandardCharsets.ISO_8859_1),
                "not UTF-8"));
        byte[] garbage = new byte[100_000];
        new Random(14).nextBytes(garbage);
        cases.add(new Case("binary garbage", garbage, "Row"));
        StringBuilder many = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 500; i++) {
            many.append("Medical,sex,male,").append(i % 2 == 0 ? "lots" : "1").append('\n');
        }
        cases.add(csv("five hundred rows, problems on most", many.toString(), "\"row\":2,\"field\":\"count\""));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileIsRefusedAndChangesNothing() {
        String ods = createIcs("Broken baselines");
        String token = tokenFor(createUser("ics_admin", ods));
        Response good = api.post(
                "/api/v1/ics/" + ods + "/workforce-baseline/import",
                token,
                "text/csv",
                GOOD_FILE.getBytes(StandardCharsets.UTF_8));
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        String before =
                api.get("/api/v1/ics/" + ods + "/workforce-baseline", token).body();
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
        return corpus.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Response r =
                            api.post("/api/v1/ics/" + ods + "/workforce-baseline/import", token, "text/csv", c.body());
                    assertThat(r.status()).as(r.body()).isEqualTo(400);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.body()).contains(c.expected());
                    assertThat(api.get("/api/v1/ics/" + ods + "/workforce-baseline", token)
                                    .body())
                            .isEqualTo(before);
                }));
    }

    @Test
    void aGoodFileReplacesTheBaselineWhole() {
        String ods = createIcs("Baselines");
        String token = tokenFor(createUser("ics_admin", ods));
        String path = "/api/v1/ics/" + ods + "/workforce-baseline";
        Response first = api.post(path + "/import", token, "text/csv", GOOD_FILE.getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("rows").asInt()).isEqualTo(15);
        assertThat(first.json().get("people").asLong()).isEqualTo(200);
        assertThat(api.get(path, token).json()).hasSize(15);

        Response second = api.post(
                path + "/import",
                token,
                "text/csv",
                ("\uFEFF" + HEADER + "\r\n medical , sex , female , 7 \r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(api.get(path, token).body())
                .isEqualTo(
                        "[{\"profession_group\":\"Medical\",\"characteristic\":\"sex\",\"value\":\"female\",\"count\":7}]");
        assertThat(api.get(path, tokenFor(createUser("analyst", ods))).status()).isEqualTo(200);
        assertThat(api.post(
                                path + "/import",
                                tokenFor(createUser("analyst", ods)),
                                "text/csv",
                                GOOD_FILE.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(403);
    }
}
