package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forums;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The fairness figures through the API, over applicants whose answers were recorded as an import
 * records them. Hand workings (z = 1.959964, log method, rounded half-up to 2 places) are beside
 * each expectation; {@link RelativeLikelihoodTest} has more.
 */
class FairnessTest extends IntegrationTest {

    private static final EthnicGroup WHITE = EthnicGroup.WHITE;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EqualityAnswers answers;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private Forums forums;

    @Autowired
    private SmallNumbers small;

    private String ods;
    private String admin;
    private Applicants applicants;

    @BeforeEach
    void anIcsWithForums() {
        ods = createIcs("Fairness");
        admin = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.loadSmallRegister(api, admin, ods);
        applicants = new Applicants(jdbc, answers, new TransactionTemplate(transactionManager), forums);
    }

    private record Rounds(long system, long place) {}

    /**
     * A system-level round in January 2026 and a place-level round in March 2026.
     *
     * <p>January, ethnic group: White 20 of 40 appointed; Asian 2 of 10, Black 2 of 10, Mixed 1 of 5, Other
     * 1 of 5, so ethnic minority 6 of 30. Disability: the White, Mixed and Other applicants are not
     * disabled (22 of 50), the Asian and Black are disabled (4 of 20). Not stated 7 of 7 and 3 of 3 with
     * no answers at all, which would change both figures if counted; 50 who only applied and 9 who
     * withdrew, who were never shortlisted.
     *
     * <p>March: White not disabled 5 of 10; Black disabled 4 of 10.
     */
    private Rounds seed() {
        return inIcs(ods, () -> {
            long january = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 30));
            applicants.shortlisted(january, 40, 20, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(january, 10, 2, Applicants.ethnic(EthnicGroup.ASIAN, Disability.YES));
            applicants.shortlisted(january, 10, 2, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            applicants.shortlisted(january, 5, 1, Applicants.ethnic(EthnicGroup.MIXED, Disability.NO));
            applicants.shortlisted(january, 5, 1, Applicants.ethnic(EthnicGroup.OTHER, Disability.NO));
            applicants.shortlisted(january, 7, 7, Answers.NOT_STATED);
            applicants.addWithoutAnswers(january, 3, "appointed");
            applicants.add(january, 50, "applied", Applicants.ethnic(WHITE, Disability.NO));
            applicants.add(january, 9, "withdrawn", Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            long march = applicants.round(
                    applicants.seat("Northfield Place Board", "Social care lead"),
                    LocalDate.of(2026, 3, 2),
                    LocalDate.of(2026, 3, 27));
            applicants.shortlisted(march, 10, 5, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(march, 10, 4, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            return new Rounds(january, march);
        });
    }

    private JsonNode fairness(String query) {
        Response r = api.get("/api/v1/ics/" + ods + "/recruitment/fairness?" + query, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static void expect(JsonNode f, int refShort, int refAppointed, int cmpShort, int cmpAppointed) {
        assertThat(f.get("suppressed").asBoolean()).isFalse();
        assertThat(f.get("reference_shortlisted").asInt()).isEqualTo(refShort);
        assertThat(f.get("reference_appointed").asInt()).isEqualTo(refAppointed);
        assertThat(f.get("comparison_shortlisted").asInt()).isEqualTo(cmpShort);
        assertThat(f.get("comparison_appointed").asInt()).isEqualTo(cmpAppointed);
    }

    private static void likelihood(JsonNode f, String ratio, String low, String high) {
        assertThat(f.get("relative_likelihood").decimalValue()).isEqualByComparingTo(ratio);
        assertThat(f.get("ci_low").decimalValue()).isEqualByComparingTo(low);
        assertThat(f.get("ci_high").decimalValue()).isEqualByComparingTo(high);
    }

    @Test
    void ethnicGroupOverEveryRoundLeavesOutNotStatedAndTheUnshortlisted() {
        seed();
        JsonNode f = fairness("by=ethnic_group");

        List<String> keys = new ArrayList<>();
        f.propertyNames().forEach(keys::add);
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "by",
                        "reference",
                        "comparison",
                        "reference_shortlisted",
                        "reference_appointed",
                        "comparison_shortlisted",
                        "comparison_appointed",
                        "relative_likelihood",
                        "ci_low",
                        "ci_high",
                        "suppressed");
        assertThat(f.get("by").asString()).isEqualTo("ethnic_group");
        assertThat(f.get("reference").asString()).isEqualTo("white");
        assertThat(f.get("comparison").asString()).isEqualTo("ethnic_minority");
        // White 25 of 50 (0.5), ethnic minority 10 of 40 (0.25): RR = 2.0
        // SE = √(1/25 − 1/50 + 1/10 − 1/40) = √0.095 = 0.308221; z·SE = 0.604101; ln 2 = 0.693147
        // low = exp(0.089046) = 1.093 → 1.09; high = exp(1.297248) = 3.659 → 3.66
        expect(f, 50, 25, 40, 10);
        likelihood(f, "2.00", "1.09", "3.66");
    }

    @Test
    void disabilityComparesNonDisabledWithDisabled() {
        Rounds rounds = seed();
        JsonNode all = fairness("by=disability");
        assertThat(all.get("reference").asString()).isEqualTo("non_disabled");
        assertThat(all.get("comparison").asString()).isEqualTo("disabled");
        // not disabled 27 of 60 (0.45), disabled 8 of 30 (0.2667): RR = 1.6875
        // SE = √(1/27 − 1/60 + 1/8 − 1/30) = √0.112037 = 0.334719; z·SE = 0.656038; ln 1.6875 = 0.523248
        // low = exp(−0.132790) = 0.876 → 0.88; high = exp(1.179286) = 3.252 → 3.25
        expect(all, 60, 27, 30, 8);
        likelihood(all, "1.69", "0.88", "3.25");

        JsonNode january = fairness("by=disability&round=" + rounds.system());
        // 22 of 50 (0.44) against 4 of 20 (0.2): RR = 2.2
        // SE = √(1/22 − 1/50 + 1/4 − 1/20) = √0.225455 = 0.474821; z·SE = 0.930632; ln 2.2 = 0.788457
        // low = exp(−0.142175) = 0.867 → 0.87; high = exp(1.719089) = 5.579 → 5.58
        expect(january, 50, 22, 20, 4);
        likelihood(january, "2.20", "0.87", "5.58");
    }

    @Test
    void narrowedToALevelARoundOrAPeriod() {
        Rounds rounds = seed();
        // January alone: 20 of 40 against 6 of 30, worked in RelativeLikelihoodTest: 2.50 (1.15 to 5.45)
        for (String query :
                List.of("level=system", "round=" + rounds.system(), "to=2026-02-01", "from=2026-01-05&to=2026-01-30")) {
            JsonNode f = fairness("by=ethnic_group&" + query);
            expect(f, 40, 20, 30, 6);
            likelihood(f, "2.50", "1.15", "5.45");
        }
        // March alone: 5 of 10 against 4 of 10, exactly k = 10 in each group: 1.25 (0.47 to 3.33)
        for (String query : List.of("level=place", "round=" + rounds.place(), "from=2026-03-01")) {
            JsonNode f = fairness("by=ethnic_group&" + query);
            expect(f, 10, 5, 10, 4);
            likelihood(f, "1.25", "0.47", "3.33");
        }
        // a round that closed after the period's end is not in it
        JsonNode none = fairness("by=ethnic_group&from=2026-01-06&to=2026-03-26");
        assertThat(none.get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void hiddenBelowKShortlistedAndShownAtK() {
        int k = small.platformMinGroupSize();
        long round = inIcs(ods, () -> {
            long id = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 29));
            applicants.shortlisted(id, k, 4, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, k - 1, 3, Applicants.ethnic(EthnicGroup.ASIAN, Disability.YES));
            return id;
        });

        JsonNode hidden = fairness("by=ethnic_group&round=" + round);
        assertThat(hidden.get("suppressed").asBoolean()).isTrue();
        for (String number : List.of(
                "reference_shortlisted",
                "reference_appointed",
                "comparison_shortlisted",
                "comparison_appointed",
                "relative_likelihood",
                "ci_low",
                "ci_high")) {
            assertThat(hidden.get(number).isNull()).as(number).isTrue();
        }

        inIcs(ods, () -> {
            applicants.shortlisted(round, 1, 0, Applicants.ethnic(EthnicGroup.OTHER, Disability.YES));
            return null;
        });
        JsonNode shown = fairness("by=ethnic_group&round=" + round);
        expect(shown, k, 4, k, 3);
        assertThat(shown.get("relative_likelihood").isNull()).isFalse();
    }

    @Test
    void noOneAppointedInAGroupCannotBeCalculated() {
        long round = inIcs(ods, () -> {
            long id = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 26));
            applicants.shortlisted(id, 12, 3, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, 11, 0, Applicants.ethnic(EthnicGroup.BLACK, Disability.NO));
            return id;
        });

        JsonNode f = fairness("by=ethnic_group&round=" + round);
        expect(f, 12, 3, 11, 0);
        assertThat(f.get("relative_likelihood").isNull()).isTrue();
        assertThat(f.get("ci_low").isNull()).isTrue();
        assertThat(f.get("ci_high").isNull()).isTrue();

        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness?round=" + round)
                .body();
        assertThat(page).contains("cannot be calculated");
    }

    @Autowired
    private org.goldenthread.insight.LeadershipFigures quoted;

    @Test
    void theSelfAssessmentQuotesTheTwelveMonthsToItsDayForTheIcsOrAPlace() {
        seed();
        // 30 June 2026: January and March both opened and closed in the twelve months, as every round above
        var june = inIcs(ods, () -> quoted.onDay(null, LocalDate.of(2026, 6, 30)));
        assertThat(june.get("relative_likelihood.ethnic_group").value()).isEqualByComparingTo("2.00");
        assertThat(june.get("relative_likelihood.ethnic_group").shown()).isEqualTo("2.00 (95% CI 1.09 to 3.66)");
        assertThat(june.get("relative_likelihood.disability").shown()).isEqualTo("1.69 (95% CI 0.88 to 3.25)");
        assertThat(june.get("relative_likelihood.disability").detail()).contains("includes 1");

        // 28 February 2026: January alone, 2.50 (1.15 to 5.45) as in narrowedToALevelARoundOrAPeriod
        var february = inIcs(ods, () -> quoted.onDay(null, LocalDate.of(2026, 2, 28)));
        assertThat(february.get("relative_likelihood.ethnic_group").shown()).isEqualTo("2.50 (95% CI 1.15 to 5.45)");

        // Northfield's seats: March alone, White 5 of 10 against Black 4 of 10: RR = 1.25
        // SE = √(1/5 − 1/10 + 1/4 − 1/10) = 0.5; z·SE = 0.979982; ln 1.25 = 0.223144
        // low = exp(−0.756838) = 0.469 → 0.47; high = exp(1.203126) = 3.330 → 3.33
        var northfield = inIcs(ods, () -> quoted.onDay("Northfield", LocalDate.of(2026, 6, 30)));
        assertThat(northfield.get("relative_likelihood.ethnic_group").shown()).isEqualTo("1.25 (95% CI 0.47 to 3.33)");

        // a year on, no round falls in the twelve months: no one shortlisted, so hidden, not zero
        var later = inIcs(ods, () -> quoted.onDay(null, LocalDate.of(2027, 4, 1)));
        assertThat(later.get("relative_likelihood.ethnic_group").value()).isNull();
        assertThat(later.get("relative_likelihood.ethnic_group").shown()).isEqualTo("hidden (small group)");
    }

    @Test
    void thePageSaysInWordsWhenTheFigureSuggestsAProblem() {
        seed();
        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("ics_admin", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness?level=system")
                .body();
        assertThat(page)
                .contains("2.50 times as likely to be appointed as ethnic minority applicants")
                .contains("The whole interval is above 1")
                .contains("The interval includes 1, so these figures do not show a difference beyond chance");
    }

    @Test
    void onlyIcsAdminsAndAnalystsMayReadIt() {
        String path = "/api/v1/ics/" + ods + "/recruitment/fairness?by=ethnic_group";
        assertThat(api.get(path, tokenFor(createUser("analyst", ods))).status()).isEqualTo(200);
        assertThat(api.get(path, tokenFor(createUser("member", ods))).status()).isEqualTo(403);
        assertThat(api.get(path, tokenFor(createUser("place_lead", ods, "Northfield")))
                        .status())
                .isEqualTo(403);
        String other = createIcs("Another");
        assertThat(api.get("/api/v1/ics/" + other + "/recruitment/fairness?by=ethnic_group", admin)
                        .status())
                .isIn(403, 404);
    }

    @Test
    void badQuestionsAreRefusedNamingTheParameter() {
        String base = "/api/v1/ics/" + ods + "/recruitment/fairness?";
        for (String[] c : new String[][] {
            {"", "by"},
            {"by=religion", "by"},
            {"by=ethnic_group&from=2026-13-01", "from"},
            {"by=ethnic_group&to=yesterday", "to"},
            {"by=ethnic_group&from=2026-05-01&to=2026-04-01", "to"},
            {"by=ethnic_group&level=ward", "level"},
            {"by=ethnic_group&round=abc", "round"},
            {"by=ethnic_group&round=987654321", "round"}
        }) {
            Response r = api.get(base + c[0], admin);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void answersAreOutOfSightOfEveryQueryButTheCountsAndCannotBeWrittenWithoutWrite() {
        seed();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long seen = inIcs(
                ods,
                () -> tx.execute(status -> jdbc.sql("select count(*) from equality_answer")
                        .query(Long.class)
                        .single()));
        assertThat(seen).isZero();
        List<?> rows = inIcs(
                ods,
                () -> tx.execute(status ->
                        jdbc.sql("select * from equality_answer").query().listOfRows()));
        assertThat(rows).isEmpty();

        long person = inIcs(
                ods,
                () -> tx.execute(status -> jdbc.sql("select id from person limit 1")
                        .query(Long.class)
                        .single()));
        assertThatThrownBy(() -> inIcs(
                        ods,
                        () -> tx.execute(status -> jdbc.sql(
                                        "insert into equality_answer (person_id, ethnic_group) values (:id, 'white')")
                                .param("id", person)
                                .update())))
                .rootCause()
                .hasMessageContaining("row-level security policy \"equality_purpose\"");

        // the counts, and nothing else, still see them
        assertThat(fairness("by=ethnic_group").get("reference_shortlisted").asInt())
                .isEqualTo(50);
    }
}
