package org.goldenthread.development;

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
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of broken catalogue files, CSV and JSON. Each is refused with a 400 naming where and why
 * (never a 5xx), and the catalogue is exactly as it was afterwards.
 */
class CatalogueCorpusTest extends IntegrationTest {

    private static final String HEADER = String.join(",", CatalogueFile.COLUMNS);
    private static final String GOOD = "Good course,course,A course.,Provider,national,,online,12,6,0,,,,,,,,,,,false";

    private record Case(String name, String contentType, byte[] body, String expected) {}

    private static Case csv(String name, String text, String expected) {
        return new Case("CSV: " + name, "text/csv", text.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Case json(String name, String text, String expected) {
        return new Case("JSON: " + name, "application/json", text.getBytes(StandardCharsets.UTF_8), expected);
    }

    /** The good row with one column's value replaced. */
    private static String rowWith(String column, String value) {
        List<String> values = new ArrayList<>(List.of(GOOD.split(",", -1)));
        values.set(CatalogueFile.COLUMNS.indexOf(column), value);
        return HEADER + "\n" + String.join(",", values) + "\n";
    }

    private static String jsonWith(String field, String rawValue) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("title", "\"Good course\"");
        o.put("kind", "\"course\"");
        o.put("description", "\"A course.\"");
        o.put("provider", "\"Provider\"");
        o.put("scope", "\"national\"");
        o.put("delivery", "\"online\"");
        o.put("hours", "12");
        o.put(field, rawValue);
        StringBuilder b = new StringBuilder("[{");
        o.forEach((k, v) -> b.append(b.length() > 2 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
        return b.append("}]").toString();
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("title", List.of("", " ", "=HYPERLINK(1)", "+1", "@SUM(A1)", "-2", "x".repeat(201)));
        bad.put("kind", List.of("", "lecture", "cour se", "course;network", "1"));
        bad.put("description", List.of("", "=cmd", "d".repeat(5001)));
        bad.put("provider", List.of("", "@me", "p".repeat(201)));
        bad.put("scope", List.of("", "global", "ics;national", "local"));
        bad.put("place", List.of("Nowhere"));
        bad.put("delivery", List.of("", "by post", "hybrid"));
        bad.put("hours", List.of("0", "-1", "abc", "2001", "1.25", "1e3x", "NaN"));
        bad.put("weeks", List.of("0", "157", "1.5", "-3", "six", "99999999999"));
        bad.put("cost_pounds", List.of("-1", "free", "1000001", "1.234", "£-5"));
        bad.put("paid_by", List.of("nobody", "ics"));
        bad.put("professions", List.of("surgeon", "gp;astronaut", "GP"));
        bad.put("profession_groups", List.of("Medics", "Nursing"));
        bad.put("career_stages", List.of("junior", "early;retired"));
        bad.put("levels", List.of("national", "place;ward"));
        bad.put("sectors", List.of("hospital", "acute;space"));
        bad.put("capacity", List.of("0", "-1", "10001", "ten", "2.5"));
        bad.put("opens_on", List.of("2026-13-01", "01/04/2026", "1899-12-31", "tomorrow", "2026-02-30"));
        bad.put("closes_on", List.of("2201-01-01", "2026-04-31", "yesterday"));
        bad.put(
                "more_info_url",
                List.of(
                        "http://example.org",
                        "javascript:alert(1)",
                        "ftp://x.org/a",
                        "https://",
                        "www.example.org",
                        "https://exa mple.org"));
        bad.put("retired", List.of("maybe", "2"));
        bad.forEach((column, values) ->
                values.forEach(v -> cases.add(csv(column + " = " + v, rowWith(column, v), column))));
        cases.add(csv(
                "closes before it opens",
                rowWith("closes_on", "2026-01-01").replace(",,2026-01-01,", ",2026-02-01,2026-01-01,"),
                "closes_on"));
        cases.add(csv("no hours and no weeks", rowWith("hours", "").replace(",,6,", ",,,"), "hours"));
        cases.add(csv("scope place without a place", rowWith("scope", "place"), "Choose the place"));
        cases.add(csv("empty file", "", "empty"));
        cases.add(csv("header only", HEADER + "\n", "no offers"));
        cases.add(csv(
                "missing column",
                HEADER.replace(",retired", "") + "\n" + GOOD.substring(0, GOOD.lastIndexOf(',')) + "\n",
                "retired"));
        cases.add(csv("unknown column", HEADER + ",colour\n" + GOOD + ",red\n", "colour"));
        cases.add(csv("column twice", HEADER + ",title\n" + GOOD + ",x\n", "twice"));
        cases.add(csv("too few values", HEADER + "\nGood course,course\n", "2 values"));
        cases.add(csv("too many values", HEADER + "\n" + GOOD + ",extra\n", "22 values"));
        cases.add(csv("unclosed quote", HEADER + "\n\"Good course,course\n", "not valid CSV"));
        cases.add(csv(
                "title twice",
                HEADER + "\n" + GOOD + "\n" + GOOD.replace("Good course", "good COURSE") + "\n",
                "also on row 2"));
        cases.add(csv("NUL byte", HEADER + "\n" + GOOD.replace("Provider", "Pro\u0000vider") + "\n", "NUL"));
        cases.add(csv("no header", GOOD + "\n", "not a column"));
        cases.add(new Case(
                "CSV: Latin-1",
                "text/csv",
                (HEADER + "\n" + GOOD.replace("Provider", "Zoë") + "\n").getBytes(StandardCharsets.ISO_8859_1),
                "not UTF-8"));
        Random random = new Random(13);
        byte[] garbage = new byte[200_000];
        random.nextBytes(garbage);
        cases.add(new Case("CSV: binary garbage", "text/csv", garbage, "row"));
        cases.add(new Case("JSON: binary garbage", "application/json", garbage, "JSON"));
        cases.add(json("empty body", "", "JSON"));
        cases.add(json("not JSON", "title,kind", "JSON"));
        cases.add(json("truncated", "[{\"title\":\"A\"", "JSON"));
        cases.add(json("an object, not an array", "{\"title\":\"A\"}", "array"));
        cases.add(json("a string", "\"offers\"", "array"));
        cases.add(json("null", "null", "array"));
        cases.add(json("a number", "42", "array"));
        cases.add(json("empty array", "[]", "no offers"));
        cases.add(json("array of strings", "[\"a\", \"b\"]", "JSON object"));
        cases.add(json("array of arrays", "[[1,2]]", "JSON object"));
        cases.add(json("nested null entry", "[null]", "JSON object"));
        cases.add(json("empty object", "[{}]", "title"));
        cases.add(json("unknown field", jsonWith("colour", "\"red\""), "colour"));
        cases.add(json("title as object", jsonWith("title", "{\"en\":\"A\"}"), "title"));
        cases.add(json("title as array", jsonWith("title", "[\"A\"]"), "title"));
        cases.add(json("professions as text", jsonWith("professions", "\"gp\""), "professions"));
        cases.add(json("professions with an object", jsonWith("professions", "[{\"code\":\"gp\"}]"), "professions"));
        cases.add(json("professions with null", jsonWith("professions", "[null]"), "professions"));
        cases.add(json("sectors unknown", jsonWith("sectors", "[\"moon\"]"), "sectors"));
        cases.add(json("levels unknown", jsonWith("levels", "[\"ward\"]"), "levels"));
        cases.add(json("hours negative", jsonWith("hours", "-5"), "hours"));
        cases.add(json("hours as boolean", jsonWith("hours", "true"), "hours"));
        cases.add(json("capacity huge", jsonWith("capacity", "1e12"), "capacity"));
        cases.add(json("capacity fractional", jsonWith("capacity", "2.5"), "capacity"));
        cases.add(json("cost as text", jsonWith("cost_pounds", "\"lots\""), "cost_pounds"));
        cases.add(json("cost without payer", jsonWith("cost_pounds", "100"), "paid_by"));
        cases.add(json("date as number", jsonWith("opens_on", "20260101"), "opens_on"));
        cases.add(json("url http", jsonWith("more_info_url", "\"http://example.org\""), "more_info_url"));
        cases.add(json("retired as text", jsonWith("retired", "\"perhaps\""), "retired"));
        cases.add(json("kind unknown", jsonWith("kind", "\"seminar\""), "kind"));
        cases.add(json("scope place without place", jsonWith("scope", "\"place\""), "place"));
        cases.add(json("deeply nested", "[" + "[".repeat(2000) + "]".repeat(2000) + "]", "JSON"));
        cases.add(json(
                "two offers one title",
                "[" + jsonWith("hours", "1").replaceAll("^\\[|\\]$", "") + ","
                        + jsonWith("hours", "2").replaceAll("^\\[|\\]$", "") + "]",
                "also on row 1"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileIsRefusedAndChangesNothing() {
        String ods = createIcs("Broken catalogues");
        String token = tokenFor(createUser("ics_admin", ods));
        Map<String, Object> existing = OfferFixture.offer("Already here");
        existing.put("capacity", "5");
        OfferFixture.add(api, token, ods, existing);
        String before = api.get("/api/v1/ics/" + ods + "/offers/export", token).body();
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        return corpus.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Response r = api.post("/api/v1/ics/" + ods + "/offers/import", token, c.contentType(), c.body());
                    assertThat(r.status()).as(r.body()).isEqualTo(400);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.body()).contains(c.expected());
                    assertThat(api.get("/api/v1/ics/" + ods + "/offers/export", token)
                                    .body())
                            .isEqualTo(before);
                }));
    }
}
