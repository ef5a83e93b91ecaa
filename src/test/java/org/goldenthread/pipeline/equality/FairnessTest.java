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
     * A system-level round in January 2026 and a place-level round in March 2026, each with many
     * appointed (as a recruitment system's file may say), so that every group has at least k = 10
     * appointed and k not appointed and the figures may be shown.
     *
     * <p>January, ethnic group: White 30 of 50 appointed; Asian 6 of 20, Black 6 of 20, Mixed 2 of 10, Other
     * 2 of 10, so ethnic minority 16 of 60. Disability: the White, Mixed and Other applicants are not
     * disabled (34 of 70), the Asian and Black are disabled (12 of 40). Not stated 7 of 7 and 3 of 3 with
     * no answers at all, which would change both figures if counted; 50 who only applied and 9 who
     * withdrew, who were never shortlisted.
     *
     * <p>March: White not disabled 10 of 20; Black disabled 10 of 25.
     */
    private Rounds seed() {
        return inIcs(ods, () -> {
            long january = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 30));
            applicants.shortlisted(january, 50, 30, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(january, 20, 6, Applicants.ethnic(EthnicGroup.ASIAN, Disability.YES));
            applicants.shortlisted(january, 20, 6, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            applicants.shortlisted(january, 10, 2, Applicants.ethnic(EthnicGroup.MIXED, Disability.NO));
            applicants.shortlisted(january, 10, 2, Applicants.ethnic(EthnicGroup.OTHER, Disability.NO));
            applicants.shortlisted(january, 7, 7, Answers.NOT_STATED);
            applicants.addWithoutAnswers(january, 3, "appointed");
            applicants.add(january, 50, "applied", Applicants.ethnic(WHITE, Disability.NO));
            applicants.add(january, 9, "withdrawn", Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            long march = applicants.round(
                    applicants.seat("Northfield Place Board", "Social care lead"),
                    LocalDate.of(2026, 3, 2),
                    LocalDate.of(2026, 3, 27));
            applicants.shortlisted(march, 20, 10, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(march, 25, 10, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
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
                        "suppressed",
                        "suppressed_reason");
        assertThat(f.get("by").asString()).isEqualTo("ethnic_group");
        assertThat(f.get("reference").asString()).isEqualTo("white");
        assertThat(f.get("comparison").asString()).isEqualTo("ethnic_minority");
        // White 40 of 70 (0.5714), ethnic minority 26 of 85 (0.3059): RR = 1.868132
        // SE = √(1/40 − 1/70 + 1/26 − 1/85) = √0.037411 = 0.193420; z·SE = 0.379095; ln RR = 0.624939
        // low = exp(0.245844) = 1.279 → 1.28; high = exp(1.004034) = 2.729 → 2.73
        expect(f, 70, 40, 85, 26);
        likelihood(f, "1.87", "1.28", "2.73");
        assertThat(f.get("suppressed_reason").isNull()).isTrue();
    }

    @Test
    void disabilityComparesNonDisabledWithDisabled() {
        Rounds rounds = seed();
        JsonNode all = fairness("by=disability");
        assertThat(all.get("reference").asString()).isEqualTo("non_disabled");
        assertThat(all.get("comparison").asString()).isEqualTo("disabled");
        // not disabled 44 of 90 (0.4889), disabled 22 of 65 (0.3385): RR = 1.444444
        // SE = √(1/44 − 1/90 + 1/22 − 1/65) = √0.041686 = 0.204172; z·SE = 0.400169; ln RR = 0.367725
        // low = exp(−0.032444) = 0.968 → 0.97; high = exp(0.767894) = 2.155 → 2.16
        expect(all, 90, 44, 65, 22);
        likelihood(all, "1.44", "0.97", "2.16");

        JsonNode january = fairness("by=disability&round=" + rounds.system());
        // 34 of 70 (0.4857) against 12 of 40 (0.3): RR = 1.619048
        // SE = √(1/34 − 1/70 + 1/12 − 1/40) = √0.073459 = 0.271034; z·SE = 0.531217; ln RR = 0.481838
        // low = exp(−0.049379) = 0.952 → 0.95; high = exp(1.013055) = 2.754 → 2.75
        expect(january, 70, 34, 40, 12);
        likelihood(january, "1.62", "0.95", "2.75");
    }

    @Test
    void narrowedToALevelARoundOrAPeriod() {
        Rounds rounds = seed();
        // January alone: White 30 of 50 (0.6) against 16 of 60 (0.2667): RR = 2.25
        // SE = √(1/30 − 1/50 + 1/16 − 1/60) = √0.059167 = 0.243242; z·SE = 0.476746; ln 2.25 = 0.810930
        // low = exp(0.334185) = 1.397 → 1.40; high = exp(1.287676) = 3.624 → 3.62
        // (one round is shown: this fixture's rounds have at least k appointed and k not in each group)
        for (String query :
                List.of("level=system", "round=" + rounds.system(), "to=2026-02-01", "from=2026-01-05&to=2026-01-30")) {
            JsonNode f = fairness("by=ethnic_group&" + query);
            expect(f, 50, 30, 60, 16);
            likelihood(f, "2.25", "1.40", "3.62");
        }
        // March alone: 10 of 20 (0.5) against 10 of 25 (0.4), exactly k = 10 appointed and not appointed
        // among White applicants: RR = 1.25; SE = √(1/10 − 1/20 + 1/10 − 1/25) = √0.11 = 0.331662
        // z·SE = 0.650047; ln 1.25 = 0.223144; low = exp(−0.426903) = 0.653 → 0.65; high = exp(0.873190) = 2.394 → 2.39
        for (String query : List.of("level=place", "round=" + rounds.place(), "from=2026-03-01")) {
            JsonNode f = fairness("by=ethnic_group&" + query);
            expect(f, 20, 10, 25, 10);
            likelihood(f, "1.25", "0.65", "2.39");
        }
        // a round that closed after the period's end is not in it
        JsonNode none = fairness("by=ethnic_group&from=2026-01-06&to=2026-03-26");
        assertThat(none.get("suppressed").asBoolean()).isTrue();
        assertThat(none.get("suppressed_reason").asString()).isEqualTo("few_shortlisted");
    }

    @Test
    void hiddenBelowKShortlistedAndShownAtK() {
        int k = small.platformMinGroupSize();
        long round = inIcs(ods, () -> {
            long id = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 29));
            applicants.shortlisted(id, 2 * k, k, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, k - 1, k - 1, Applicants.ethnic(EthnicGroup.ASIAN, Disability.YES));
            return id;
        });
        String may = "by=ethnic_group&from=2026-05-01&to=2026-05-29";

        JsonNode hidden = fairness(may);
        assertThat(hidden.get("suppressed").asBoolean()).isTrue();
        assertThat(hidden.get("suppressed_reason").asString()).isEqualTo("few_shortlisted");
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

        // one more, appointed: k of k ethnic minority applicants appointed, so nobody beside them is small
        inIcs(ods, () -> {
            applicants.shortlisted(round, 1, 1, Applicants.ethnic(EthnicGroup.OTHER, Disability.YES));
            return null;
        });
        JsonNode shown = fairness(may);
        expect(shown, 2 * k, k, k, k);
        assertThat(shown.get("relative_likelihood").isNull()).isFalse();
    }

    /**
     * The privacy review's case: one round, 10 White and 10 Black applicants shortlisted, one White
     * applicant appointed. Who was appointed is in the register, so a 1 beside a 0 would give their
     * ethnic group away; neither the round nor the ICS's figures may show it.
     */
    @Test
    void anAppointeesGroupIsGivenAwayNeitherByTheirRoundNorByTheIcsFigures() {
        long round = inIcs(ods, () -> {
            long id = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31));
            applicants.shortlisted(id, 10, 1, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, 10, 0, Applicants.ethnic(EthnicGroup.BLACK, Disability.NO));
            return id;
        });
        String analyst = tokenFor(createUser("analyst", ods));
        String base = "/api/v1/ics/" + ods + "/recruitment/fairness?by=ethnic_group";

        JsonNode oneRound = api.get(base + "&round=" + round, analyst).json();
        assertHidden(oneRound, "one_round");
        assertHidden(api.get(base, analyst).json(), "few_appointed");
        assertHidden(api.get(base + "&from=2026-07-01&to=2026-07-31", analyst).json(), "few_appointed");

        // two more such rounds, one appointing a White applicant and one a Black applicant: 2 and 1 appointed
        inIcs(ods, () -> {
            for (EthnicGroup appointee : List.of(WHITE, EthnicGroup.BLACK)) {
                long id = applicants.round(
                        applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 28));
                applicants.shortlisted(id, 10, appointee == WHITE ? 1 : 0, Applicants.ethnic(WHITE, Disability.NO));
                applicants.shortlisted(
                        id, 10, appointee == WHITE ? 0 : 1, Applicants.ethnic(EthnicGroup.BLACK, Disability.NO));
            }
            return null;
        });
        assertHidden(api.get(base, analyst).json(), "few_appointed");
        assertHidden(api.get(base + "&level=system", analyst).json(), "few_appointed");

        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness?round=" + round)
                .body();
        assertThat(page).contains("A single round").doesNotContain(" appointed of ");
        var september = inIcs(ods, () -> quoted.onDay(null, LocalDate.of(2026, 9, 30)));
        assertThat(september.get("relative_likelihood.ethnic_group").shown()).isEqualTo("hidden (small group)");
    }

    private static void assertHidden(JsonNode f, String reason) {
        assertThat(f.get("suppressed").asBoolean()).as(f.toString()).isTrue();
        assertThat(f.get("suppressed_reason").asString()).isEqualTo(reason);
        for (String number : List.of(
                "reference_shortlisted",
                "reference_appointed",
                "comparison_shortlisted",
                "comparison_appointed",
                "relative_likelihood",
                "ci_low",
                "ci_high")) {
            assertThat(f.get(number).isNull()).as(number).isTrue();
        }
    }

    @Test
    void noOneAppointedInAGroupCannotBeCalculated() {
        long round = inIcs(ods, () -> {
            long id = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 26));
            applicants.shortlisted(id, 25, 12, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, 11, 0, Applicants.ethnic(EthnicGroup.BLACK, Disability.NO));
            return id;
        });
        String june = "from=2026-06-01&to=2026-06-26";

        JsonNode f = fairness("by=ethnic_group&" + june);
        expect(f, 25, 12, 11, 0);
        assertThat(f.get("relative_likelihood").isNull()).isTrue();
        assertThat(f.get("ci_low").isNull()).isTrue();
        assertThat(f.get("ci_high").isNull()).isTrue();

        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness?" + june)
                .body();
        assertThat(page).contains("cannot be calculated");
        // the round alone would say the appointee is neither White nor from an ethnic minority group
        assertThat(fairness("by=ethnic_group&round=" + round)
                        .get("suppressed_reason")
                        .asString())
                .isEqualTo("one_round");
    }

    @Autowired
    private org.goldenthread.insight.LeadershipFigures quoted;

    @Test
    void theSelfAssessmentQuotesTheTwelveMonthsToItsDayForTheIcsOrAPlace() {
        seed();
        // 30 June 2026: January and March both opened and closed in the twelve months, as every round above
        var june = inIcs(ods, () -> quoted.onDay(null, LocalDate.of(2026, 6, 30)));
        assertThat(june.get("relative_likelihood.ethnic_group").value()).isEqualByComparingTo("1.87");
        assertThat(june.get("relative_likelihood.ethnic_group").shown()).isEqualTo("1.87 (95% CI 1.28 to 2.73)");
        assertThat(june.get("relative_likelihood.disability").shown()).isEqualTo("1.44 (95% CI 0.97 to 2.16)");
        assertThat(june.get("relative_likelihood.disability").detail()).contains("includes 1");

        // 28 February 2026: January alone, 2.25 (1.40 to 3.62) as in narrowedToALevelARoundOrAPeriod
        var february = inIcs(ods, () -> quoted.onDay(null, LocalDate.of(2026, 2, 28)));
        assertThat(february.get("relative_likelihood.ethnic_group").shown()).isEqualTo("2.25 (95% CI 1.40 to 3.62)");

        // Northfield's seats: March alone, 1.25 (0.65 to 2.39) as in narrowedToALevelARoundOrAPeriod
        var northfield = inIcs(ods, () -> quoted.onDay("Northfield", LocalDate.of(2026, 6, 30)));
        assertThat(northfield.get("relative_likelihood.ethnic_group").shown()).isEqualTo("1.25 (95% CI 0.65 to 2.39)");

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
                .contains("2.25 times as likely to be appointed as ethnic minority applicants")
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
                .isEqualTo(70);
    }
}
