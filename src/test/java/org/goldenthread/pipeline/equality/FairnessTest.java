package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forums;
import org.goldenthread.support.ApiClient;
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
 * records them, in the latest financial year whose figures may be fixed today (and the one before).
 * Hand workings (z = 1.959964, log method, rounded half-up to 2 places) are beside each expectation;
 * {@link RelativeLikelihoodTest} has more.
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
    private String adminEmail;
    private Applicants applicants;

    /** The latest year whose figures may be fixed today: the one the API gives without {@code year}. */
    private final FinancialYear year = FinancialYear.lastFixableBy(LocalDate.now());

    /** A day of the year: months from January on are in the calendar year after it began. */
    private LocalDate in(FinancialYear fy, int month, int day) {
        return LocalDate.of(month >= 4 ? fy.startYear() : fy.startYear() + 1, month, day);
    }

    @BeforeEach
    void anIcsWithForums() {
        ods = createIcs("Fairness");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        RegisterFixture.loadSmallRegister(api, admin, ods);
        applicants = new Applicants(jdbc, answers, new TransactionTemplate(transactionManager), forums);
    }

    private record Rounds(long system, long place) {}

    /**
     * A system-level round in January and a place-level round (Northfield) in March of the year, each with many
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
            long january = applicants.round(applicants.seat("ICS Board", "Chair"), in(year, 1, 5), in(year, 1, 30));
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
                    applicants.seat("Northfield Place Board", "Social care lead"), in(year, 3, 2), in(year, 3, 27));
            applicants.shortlisted(march, 20, 10, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(march, 25, 10, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            return new Rounds(january, march);
        });
    }

    /**
     * The figure for a query, read as an admin would once every round of the year is in: the year (the one
     * named, or the default) is fixed first, which changes nothing when it is fixed already.
     */
    private JsonNode fairness(String query) {
        java.util.regex.Matcher named =
                java.util.regex.Pattern.compile("year=([^&]+)").matcher(query);
        fix(
                named.find()
                        ? FinancialYear.parse(named.group(1))
                                .map(FinancialYear::code)
                                .orElse(named.group(1))
                        : year.code());
        Response r = api.get("/api/v1/ics/" + ods + "/recruitment/fairness?" + query, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Fixes a year's figures as its ICS admin; a year nobody was shortlisted in has nothing to fix. */
    private void fix(String code) {
        Response r = api.post(
                "/api/v1/ics/" + ods + "/recruitment/fairness/years/" + code + "/fix", admin, ApiClient.json());
        assertThat(r.status()).as(r.body()).isIn(200, 400);
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
    void ethnicGroupOverAYearLeavesOutNotStatedAndTheUnshortlisted() {
        seed();
        JsonNode f = fairness("by=ethnic_group");

        List<String> keys = new ArrayList<>();
        f.propertyNames().forEach(keys::add);
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "by",
                        "year",
                        "level",
                        "place",
                        "fixed_on",
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
        assertThat(f.get("year").asString()).isEqualTo(year.code());
        assertThat(f.get("fixed_on").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(f.get("reference").asString()).isEqualTo("white");
        assertThat(f.get("comparison").asString()).isEqualTo("ethnic_minority");
        // White 40 of 70 (0.5714), ethnic minority 26 of 85 (0.3059): RR = 1.868132
        // SE = √(1/40 − 1/70 + 1/26 − 1/85) = √0.037411 = 0.193420; z·SE = 0.379095; ln RR = 0.624939
        // low = exp(0.245844) = 1.279 → 1.28; high = exp(1.004034) = 2.729 → 2.73
        expect(f, 70, 40, 85, 26);
        likelihood(f, "1.87", "1.28", "2.73");
        assertThat(f.get("suppressed_reason").isNull()).isTrue();
        // the same year asked for by name, in any of the ways it is written
        for (String written : List.of(
                year.code(), String.valueOf(year.startYear()), year.startYear() + "/" + (year.startYear() + 1))) {
            expect(fairness("by=ethnic_group&year=" + written), 70, 40, 85, 26);
        }
    }

    @Test
    void disabilityComparesNonDisabledWithDisabled() {
        seed();
        JsonNode all = fairness("by=disability");
        assertThat(all.get("reference").asString()).isEqualTo("non_disabled");
        assertThat(all.get("comparison").asString()).isEqualTo("disabled");
        // not disabled 44 of 90 (0.4889), disabled 22 of 65 (0.3385): RR = 1.444444
        // SE = √(1/44 − 1/90 + 1/22 − 1/65) = √0.041686 = 0.204172; z·SE = 0.400169; ln RR = 0.367725
        // low = exp(−0.032444) = 0.968 → 0.97; high = exp(0.767894) = 2.155 → 2.16
        expect(all, 90, 44, 65, 22);
        likelihood(all, "1.44", "0.97", "2.16");

        JsonNode system = fairness("by=disability&level=system");
        // January's round: 34 of 70 (0.4857) against 12 of 40 (0.3): RR = 1.619048
        // SE = √(1/34 − 1/70 + 1/12 − 1/40) = √0.073459 = 0.271034; z·SE = 0.531217; ln RR = 0.481838
        // low = exp(−0.049379) = 0.952 → 0.95; high = exp(1.013055) = 2.754 → 2.75
        expect(system, 70, 34, 40, 12);
        likelihood(system, "1.62", "0.95", "2.75");
    }

    @Test
    void narrowedToALevelOrAPlace() {
        seed();
        // January alone: White 30 of 50 (0.6) against 16 of 60 (0.2667): RR = 2.25
        // SE = √(1/30 − 1/50 + 1/16 − 1/60) = √0.059167 = 0.243242; z·SE = 0.476746; ln 2.25 = 0.810930
        // low = exp(0.334185) = 1.397 → 1.40; high = exp(1.287676) = 3.624 → 3.62
        JsonNode system = fairness("by=ethnic_group&level=system");
        expect(system, 50, 30, 60, 16);
        likelihood(system, "2.25", "1.40", "3.62");
        assertThat(system.get("level").asString()).isEqualTo("system");
        // March alone: 10 of 20 (0.5) against 10 of 25 (0.4), exactly k = 10 appointed and not appointed
        // among White applicants: RR = 1.25; SE = √(1/10 − 1/20 + 1/10 − 1/25) = √0.11 = 0.331662
        // z·SE = 0.650047; ln 1.25 = 0.223144; low = exp(−0.426903) = 0.653 → 0.65; high = exp(0.873190) = 2.394 → 2.39
        for (String query : List.of("level=place", "place=Northfield", "place=northfield")) {
            JsonNode f = fairness("by=ethnic_group&" + query);
            expect(f, 20, 10, 25, 10);
            likelihood(f, "1.25", "0.65", "2.39");
        }
        // nobody was shortlisted in Southvale or at neighbourhood level: hidden, not zero
        for (String query : List.of("place=Southvale", "level=neighbourhood")) {
            assertHidden(fairness("by=ethnic_group&" + query), "few_shortlisted");
        }
    }

    @Test
    void aRoundBelongsToTheYearItClosedIn() {
        int k = small.platformMinGroupSize();
        FinancialYear before = year.previous();
        inIcs(ods, () -> {
            // advertised from March into April: it closed in the later year
            long spanning = applicants.round(applicants.seat("ICS Board", "Chair"), in(before, 3, 2), in(year, 4, 2));
            applicants.shortlisted(spanning, 2 * k, k, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(spanning, 2 * k, k, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            // closed on the last day of the year before
            long last = applicants.round(applicants.seat("ICS Board", "Chair"), in(before, 3, 1), before.last());
            applicants.shortlisted(last, 3 * k, k, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(last, 3 * k, 2 * k, Applicants.ethnic(EthnicGroup.ASIAN, Disability.YES));
            return null;
        });
        expect(fairness("by=ethnic_group&year=" + year.code()), 2 * k, k, 2 * k, k);
        expect(fairness("by=ethnic_group&year=" + before.code()), 3 * k, k, 3 * k, 2 * k);
    }

    /**
     * A year's figures wait for its ICS admin to fix them, once every round is in: until then they are
     * hidden and say why; fixing is for admins only, from 1 July after the year, and not for a year
     * nobody was shortlisted in; it is audited, and fixing again changes nothing.
     */
    @Test
    void aYearIsShownOnlyOnceItsAdminHasFixedIt() {
        seed();
        String asked = "/api/v1/ics/" + ods + "/recruitment/fairness?by=ethnic_group&year=" + year.code();
        assertHidden(api.get(asked, admin).json(), "not_fixed");
        assertThat(new org.goldenthread.support.PageClient(port)
                        .signIn(createUser("analyst", ods), PASSWORD)
                        .get("/ics/" + ods + "/pipeline/fairness?year=" + year.code())
                        .body())
                .contains("have not been finalised yet")
                .doesNotContain("Finalise the figures for");

        String fixing = "/api/v1/ics/" + ods + "/recruitment/fairness/years/" + year.code() + "/fix";
        assertThat(api.post(fixing, tokenFor(createUser("analyst", ods)), ApiClient.json())
                        .status())
                .isEqualTo(403);
        Response empty = api.post(
                "/api/v1/ics/" + ods + "/recruitment/fairness/years/"
                        + year.previous().code() + "/fix",
                admin,
                ApiClient.json());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("\"year\"").contains("Nobody was shortlisted");
        Response early = api.post(
                "/api/v1/ics/" + ods + "/recruitment/fairness/years/"
                        + FinancialYear.containing(LocalDate.now()).code() + "/fix",
                admin,
                ApiClient.json());
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("can be finalised from");

        Response fixed = api.post(fixing, admin, ApiClient.json());
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("fixed_on").asString())
                .isEqualTo(LocalDate.now().toString());
        expect(api.get(asked, admin).json(), 70, 40, 85, 26);
        assertThat(api.post(fixing, admin, ApiClient.json())
                        .json()
                        .get("fixed_on")
                        .asString())
                .isEqualTo(fixed.json().get("fixed_on").asString());
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=fairness_year.fixed", admin)
                        .json()
                        .size())
                .isEqualTo(1);
    }

    /**
     * A year is counted on its first reading and kept: an appointment made later, a stage corrected or
     * an answer changed would otherwise let the two readings differ by one person, and say which group
     * they are in. Another year is counted on its own.
     */
    @Test
    void aYearIsCountedOnceAndKeptSoALaterChangeGivesNoOneAway() {
        int k = small.platformMinGroupSize();
        FinancialYear before = year.previous();
        long round = inIcs(ods, () -> {
            long id = applicants.round(applicants.seat("ICS Board", "Chair"), in(year, 5, 1), in(year, 5, 29));
            applicants.shortlisted(id, 2 * k, k, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, k - 1, k - 1, Applicants.ethnic(EthnicGroup.ASIAN, Disability.YES));
            long earlier = applicants.round(applicants.seat("ICS Board", "Chair"), in(before, 5, 1), in(before, 5, 29));
            applicants.shortlisted(earlier, 2 * k, k, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(earlier, k, k, Applicants.ethnic(EthnicGroup.ASIAN, Disability.YES));
            return id;
        });
        String asked = "by=ethnic_group&year=" + year.code();
        JsonNode first = fairness(asked);
        assertHidden(first, "few_shortlisted");

        // one more, appointed, after the year was read: k of k ethnic minority applicants would show
        inIcs(ods, () -> {
            applicants.shortlisted(round, 1, 1, Applicants.ethnic(EthnicGroup.OTHER, Disability.YES));
            return null;
        });
        JsonNode again = fairness(asked);
        assertHidden(again, "few_shortlisted");
        assertThat(again.get("fixed_on").asString())
                .isEqualTo(first.get("fixed_on").asString());
        // the reading that fixed the year is in the audit log, once
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=fairness_year.fixed", admin)
                        .json()
                        .valueStream()
                        .map(e -> e.get("entity_id").asString() + " by "
                                + e.get("actor").asString())
                        .toList())
                .containsExactly(year.code() + " by " + adminEmail);
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.get("/api/v1/ics/" + ods + "/recruitment/fairness?" + asked, analyst)
                        .json()
                        .get("suppressed")
                        .asBoolean())
                .isTrue();

        // the page says why the whole year is hidden, and points nowhere wider, since nothing is
        assertThat(new org.goldenthread.support.PageClient(port)
                        .signIn(createUser("analyst", ods), PASSWORD)
                        .get("/ics/" + ods + "/pipeline/fairness?year=" + year.code())
                        .body())
                .contains("so the figure is hidden: it could point to people.")
                .doesNotContain("Every level and place together");

        // the year before, first read now, has k of k and is shown
        expect(fairness("by=ethnic_group&year=" + before.code()), 2 * k, k, k, k);
    }

    /**
     * With the whole year's figure shown, a level or place shown beside a hidden one would give the
     * hidden one away as the whole less the rest; so they are shown together or not at all.
     */
    @Test
    void aLevelOrPlaceIsShownOnlyWhenEveryLevelAndPlaceOfTheYearIs() {
        seed();
        inIcs(ods, () -> {
            long southvale = applicants.round(
                    applicants.seat("Southvale East Team", "Clinical director"), in(year, 2, 1), in(year, 2, 20));
            applicants.shortlisted(southvale, 3, 1, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(southvale, 2, 0, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            return null;
        });
        // the whole year, White 41 of 73 and ethnic minority 26 of 87, stands on its own
        expect(fairness("by=ethnic_group"), 73, 41, 87, 26);
        assertHidden(fairness("by=ethnic_group&level=neighbourhood"), "few_shortlisted");
        assertHidden(fairness("by=ethnic_group&place=Southvale"), "few_shortlisted");
        for (String query : List.of("level=system", "level=place", "place=Northfield")) {
            assertHidden(fairness("by=ethnic_group&" + query), "with_others");
        }
        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness?level=system")
                .body();
        assertThat(page).contains("every level and place is hidden with it").doesNotContain(" appointed of ");
        // a level too small on its own points to the whole year
        assertThat(new org.goldenthread.support.PageClient(port)
                        .signIn(createUser("analyst", ods), PASSWORD)
                        .get("/ics/" + ods + "/pipeline/fairness?level=neighbourhood")
                        .body())
                .contains("it could point to people. Every level and place together may give enough to show.");
        var northfield = inIcs(ods, () -> quoted.onDay("Northfield", LocalDate.now()));
        assertThat(northfield.get("relative_likelihood.ethnic_group").shown()).isEqualTo("hidden (small group)");
    }

    /**
     * A place whose shortlisted applicants all stated no answer has nobody in either group compared, so
     * the whole less the other parts says nothing of anyone's group: it hides no other level or place.
     */
    @Test
    void aPartWhoseApplicantsAllStatedNoAnswerHidesNoOther() {
        seed();
        inIcs(ods, () -> {
            long southvale = applicants.round(
                    applicants.seat("Southvale East Team", "Clinical director"), in(year, 2, 1), in(year, 2, 20));
            applicants.shortlisted(southvale, 3, 1, Answers.NOT_STATED);
            return null;
        });
        assertHidden(fairness("by=ethnic_group&place=Southvale"), "few_shortlisted");
        assertHidden(fairness("by=ethnic_group&level=neighbourhood"), "few_shortlisted");
        expect(fairness("by=ethnic_group&level=system"), 50, 30, 60, 16);
        expect(fairness("by=ethnic_group&place=Northfield"), 20, 10, 25, 10);
    }

    /**
     * The privacy review's case: 10 White and 10 Black applicants shortlisted for one seat, one White
     * applicant appointed. Who was appointed is in the register, so a 1 beside a 0 would give their
     * ethnic group away; neither the round nor the ICS's figures may show it.
     */
    @Test
    void anAppointeesGroupIsGivenAwayNeitherByTheirRoundNorByTheIcsFigures() {
        inIcs(ods, () -> {
            long id = applicants.round(applicants.seat("ICS Board", "Chair"), in(year, 7, 1), in(year, 7, 31));
            applicants.shortlisted(id, 10, 1, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, 10, 0, Applicants.ethnic(EthnicGroup.BLACK, Disability.NO));
            // two more such rounds, one appointing a White applicant and one a Black applicant: 2 and 1 appointed
            for (EthnicGroup appointee : List.of(WHITE, EthnicGroup.BLACK)) {
                long more = applicants.round(applicants.seat("ICS Board", "Chair"), in(year, 8, 1), in(year, 8, 28));
                applicants.shortlisted(more, 10, appointee == WHITE ? 1 : 0, Applicants.ethnic(WHITE, Disability.NO));
                applicants.shortlisted(
                        more, 10, appointee == WHITE ? 0 : 1, Applicants.ethnic(EthnicGroup.BLACK, Disability.NO));
            }
            return id;
        });
        fix(year.code());
        String analyst = tokenFor(createUser("analyst", ods));
        String base = "/api/v1/ics/" + ods + "/recruitment/fairness?by=ethnic_group";
        assertHidden(api.get(base, analyst).json(), "few_appointed");
        assertHidden(api.get(base + "&level=system", analyst).json(), "few_appointed");

        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness")
                .body();
        assertThat(page).contains("so the figure is hidden").doesNotContain(" appointed of ");
        var quotedNow = inIcs(ods, () -> quoted.onDay(null, LocalDate.now()));
        assertThat(quotedNow.get("relative_likelihood.ethnic_group").shown()).isEqualTo("hidden (small group)");
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
            assertThat(f.get(number) == null || f.get(number).isNull())
                    .as(number)
                    .isTrue();
        }
    }

    @Test
    void noOneAppointedInAGroupCannotBeCalculated() {
        inIcs(ods, () -> {
            long id = applicants.round(applicants.seat("ICS Board", "Chair"), in(year, 6, 1), in(year, 6, 26));
            applicants.shortlisted(id, 25, 12, Applicants.ethnic(WHITE, Disability.NO));
            applicants.shortlisted(id, 11, 0, Applicants.ethnic(EthnicGroup.BLACK, Disability.NO));
            return id;
        });
        JsonNode f = fairness("by=ethnic_group&year=" + year.code());
        expect(f, 25, 12, 11, 0);
        assertThat(f.get("relative_likelihood") == null
                        || f.get("relative_likelihood").isNull())
                .isTrue();
        assertThat(f.get("ci_low") == null || f.get("ci_low").isNull()).isTrue();
        assertThat(f.get("ci_high") == null || f.get("ci_high").isNull()).isTrue();

        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness?year=" + year.code())
                .body();
        assertThat(page).contains("cannot be calculated");
    }

    @Autowired
    private org.goldenthread.insight.LeadershipFigures quoted;

    @Test
    void theSelfAssessmentQuotesTheLatestFixedYearForTheIcsOrAPlace() {
        seed();
        fix(year.code());
        var now = inIcs(ods, () -> quoted.onDay(null, LocalDate.now()));
        assertThat(now.get("relative_likelihood.ethnic_group").value()).isEqualByComparingTo("1.87");
        assertThat(now.get("relative_likelihood.ethnic_group").shown()).isEqualTo("1.87 (95% CI 1.28 to 2.73)");
        assertThat(now.get("relative_likelihood.ethnic_group").detail()).startsWith("Financial year " + year.code());
        assertThat(now.get("relative_likelihood.disability").shown()).isEqualTo("1.44 (95% CI 0.97 to 2.16)");
        assertThat(now.get("relative_likelihood.disability").detail()).contains("includes 1");

        // Northfield's seats: March alone, 1.25 (0.65 to 2.39) as in narrowedToALevelOrAPlace
        var northfield = inIcs(ods, () -> quoted.onDay("Northfield", LocalDate.now()));
        assertThat(northfield.get("relative_likelihood.ethnic_group").shown()).isEqualTo("1.25 (95% CI 0.65 to 2.39)");

        // the day before this year's figures could be fixed, the year before is quoted: nobody shortlisted
        var earlier = inIcs(ods, () -> quoted.onDay(null, year.fixableFrom().minusDays(1)));
        assertThat(earlier.get("relative_likelihood.ethnic_group").value()).isNull();
        assertThat(earlier.get("relative_likelihood.ethnic_group").shown()).isEqualTo("hidden (small group)");
        assertThat(earlier.get("relative_likelihood.ethnic_group").detail())
                .startsWith("Financial year " + year.previous().code());
    }

    @Test
    void thePageSaysInWordsWhenTheFigureSuggestsAProblem() {
        seed();
        fix(year.code());
        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("ics_admin", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness?level=system")
                .body();
        assertThat(page)
                .contains("2.25 times as likely to be appointed as ethnic minority applicants")
                .contains("The whole interval is above 1")
                .contains("The interval includes 1, so these figures do not show a difference beyond chance")
                .contains("as they stood on");
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
        FinancialYear next = new FinancialYear(year.startYear() + 1);
        for (String[] c : new String[][] {
            {"", "by"},
            {"by=religion", "by"},
            {"by=ethnic_group&from=2026-01-01", "whole financial years"},
            {"by=ethnic_group&to=2026-03-31", "whole financial years"},
            {"by=ethnic_group&round=1", "never shown"},
            {"by=ethnic_group&level=ward", "level"},
            {"by=ethnic_group&year=last", "like " + year.code()},
            {"by=ethnic_group&year=2025-27", "like " + year.code()},
            {"by=ethnic_group&year=1999-00", "from 2000-01"},
            {"by=ethnic_group&year=" + next.code(), "three months after the year ends"},
            {"by=ethnic_group&place=Nowhere", "no place called Nowhere"},
            {"by=ethnic_group&level=place&place=Northfield", "not both"}
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

        // the counts, and nothing else, still see them; and a year's kept counts are as far out of sight
        assertThat(fairness("by=ethnic_group").get("reference_shortlisted").asInt())
                .isEqualTo(70);
        long kept = inIcs(
                ods,
                () -> tx.execute(status -> jdbc.sql("select count(*) from fairness_year_count")
                        .query(Long.class)
                        .single()));
        assertThat(kept).isZero();
        assertThatThrownBy(() -> inIcs(
                        ods,
                        () -> tx.execute(status ->
                                jdbc.sql("""
                                        insert into fairness_year_count
                                               (starts_in, characteristic, part, answer, shortlisted, appointed)
                                        values (:year, 'ethnic_group', 'ics', 'white', 1, 1)""").param("year", year.startYear()).update())))
                .rootCause()
                .hasMessageContaining("row-level security policy \"equality_purpose\"");
    }
}
