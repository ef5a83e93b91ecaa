package org.goldenthread.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.pipeline.RecruitmentFixture.HEADER;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of broken applications files. Each is refused with a 400 naming the row, the column and
 * why (never a 5xx), and the round is exactly as it was afterwards.
 */
class ApplicationsCorpusTest extends IntegrationTest {

    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    private static final String GOOD = "B-001,,Asha,Khan,asha@example.nhs.uk,gp,mid,applied,asian,female,no";

    private record Case(String name, byte[] body, String expected) {}

    private static Case csv(String name, String text, String expected) {
        return new Case(name, text.getBytes(StandardCharsets.UTF_8), expected);
    }

    /** The good row with one column's value replaced. */
    private static String rowWith(String column, String value) {
        List<String> values = new ArrayList<>(List.of(GOOD.split(",", -1)));
        values.set(COLUMNS.indexOf(column), value);
        return HEADER + "\n" + String.join(",", values) + "\n";
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("applicant_ref", List.of("", " ", "r".repeat(61)));
        bad.put("person_ref", List.of("P-NOBODY", "p1"));
        bad.put("given_name", List.of("", "  ", "g".repeat(101)));
        bad.put("family_name", List.of("", "f".repeat(101)));
        bad.put(
                "email",
                List.of(
                        "asha",
                        "asha@",
                        "@example.nhs.uk",
                        "asha@example",
                        "asha smith@example.nhs.uk",
                        "a@b@c.uk",
                        "x".repeat(250) + "@example.nhs.uk"));
        bad.put("profession", List.of("", "astronaut", "GP", "gp;nurse_adult", "p".repeat(500)));
        bad.put("career_stage", List.of("junior", "Early", "retired"));
        bad.put("stage", List.of("", "interviewed", "Applied", "appointed;applied", "offered", "rejected"));
        bad.put("ethnic_group", List.of("purple", "White", "british", "asian;white", "prefer_not_to_say"));
        bad.put("sex", List.of("f", "Female", "other", "unknown"));
        bad.put("disability", List.of("true", "Y", "maybe", "prefer not to say"));
        bad.forEach((column, values) -> values.forEach(
                v -> cases.add(csv(column + " = '" + abbreviated(v) + "'", rowWith(column, v), column))));
        cases.add(csv("empty file", "", "empty"));
        cases.add(csv("only blank lines", "\n\n\n", "empty"));
        cases.add(csv("header only", HEADER + "\n", "no applications"));
        cases.add(csv(
                "missing column",
                HEADER.replace(",disability", "") + "\n" + GOOD.substring(0, GOOD.lastIndexOf(',')) + "\n",
                "disability"));
        cases.add(csv("unknown column", HEADER + ",salary\n" + GOOD + ",40000\n", "salary"));
        cases.add(csv("column twice", HEADER + ",stage\n" + GOOD + ",applied\n", "twice"));
        cases.add(csv("no header", GOOD + "\n", "not a column"));
        cases.add(csv("register file header", "person_ref,given_name,family_name\nP1,A,B\n", "missing"));
        cases.add(csv("semicolons", HEADER.replace(',', ';') + "\n" + GOOD.replace(',', ';') + "\n", "not a column"));
        cases.add(csv("too few values", HEADER + "\nB-001,,Asha\n", "3 values"));
        cases.add(csv("too many values", HEADER + "\n" + GOOD + ",extra\n", "12 values"));
        cases.add(csv("unclosed quote", HEADER + "\n\"B-001,,Asha,Khan\n", "not valid CSV"));
        cases.add(csv(
                "duplicate applicant_ref",
                HEADER + "\n" + GOOD + "\n" + GOOD.replace("Asha,Khan", "Ann,Kerr") + "\n",
                "also on row 2"));
        cases.add(csv(
                "duplicate applicant_ref after blanks trimmed",
                HEADER + "\n" + GOOD + "\n" + GOOD.replace("B-001", " B-001 ") + "\n",
                "also on row 2"));
        cases.add(csv("NUL byte", HEADER + "\n" + GOOD.replace("Asha", "As\u0000ha") + "\n", "NUL"));
        cases.add(new Case(
                "BOM before a header that is otherwise wrong",
                concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        (HEADER + ",x\n" + GOOD + ",1\n").getBytes()),
                "'x'".isEmpty() ? "" : "x"));
        cases.add(new Case(
                "BOM before a good header and a bad stage",
                concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        rowWith("stage", "hired").getBytes(StandardCharsets.UTF_8)),
                "'hired' is not a stage"));
        cases.add(new Case(
                "Latin-1",
                (HEADER + "\n" + GOOD.replace("Khan", "Zoë") + "\n").getBytes(StandardCharsets.ISO_8859_1),
                "not UTF-8"));
        cases.add(new Case("UTF-16", (HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_16), "row"));
        Random random = new Random(14);
        byte[] garbage = new byte[100_000];
        random.nextBytes(garbage);
        cases.add(new Case("binary garbage", garbage, "row"));
        StringBuilder many = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 20_001; i++) {
            many.append("M-").append(i).append(",,A,B,,gp,,applied,,,\n");
        }
        cases.add(csv("more rows than one round could have", many.toString(), "at most 20000"));
        StringBuilder manyBad = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 600; i++) {
            manyBad.append("Q-").append(i).append(",,A,B,,nobody,,applied,,,\n");
        }
        cases.add(csv("hundreds of bad rows", manyBad.toString(), "more problems not listed"));
        return cases;
    }

    private static String abbreviated(String v) {
        return v.length() > 20 ? v.substring(0, 20) + "…(" + v.length() + ")" : v;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileIsRefusedAndChangesNothing() {
        String ods = createIcs("Broken applications");
        String token = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.loadSmallRegister(api, token, ods);
        long round = RecruitmentFixture.openRound(api, token, ods, "Northfield Place Board", "AHP lead");
        assertThat(RecruitmentFixture.importApplications(api, token, ods, round, RecruitmentFixture.threeApplicants())
                        .status())
                .isEqualTo(200);
        String before = api.get("/api/v1/ics/" + ods + "/recruitment/rounds/" + round, token)
                .body();
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        return corpus.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Response r = api.post(
                            "/api/v1/ics/" + ods + "/recruitment/rounds/" + round + "/applications/import",
                            token,
                            "text/csv",
                            c.body());
                    assertThat(r.status()).as(r.body()).isEqualTo(400);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.body()).contains(c.expected());
                    assertThat(r.json().get("errors").get(0).has("row")).isTrue();
                    assertThat(api.get("/api/v1/ics/" + ods + "/recruitment/rounds/" + round, token)
                                    .body())
                            .isEqualTo(before);
                }));
    }
}
