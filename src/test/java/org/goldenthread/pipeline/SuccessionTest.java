package org.goldenthread.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Succession, exits and the pipeline's quoted figures against figures worked out by hand (see
 * {@link SuccessionFixture}), with k set to 3; a place lead seeing and acting on their place's seats
 * only; and bad input refused with nothing changed.
 */
class SuccessionTest extends IntegrationTest {

    @Autowired
    private PipelineFigures figures;

    private String ods;
    private String admin;
    private String northLead;
    private String analyst;

    @BeforeEach
    void register() {
        ods = createIcs("Succession ICS");
        admin = tokenFor(createUser("ics_admin", ods));
        setMinGroupSize(ods, 3);
        SuccessionFixture.load(api, admin, ods);
        northLead = tokenFor(createUser("place_lead", ods, "Northfield"));
        analyst = tokenFor(createUser("analyst", ods));
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }

    private long seat(String forum, String title) {
        return SuccessionFixture.seat(api, admin, ods, forum, title);
    }

    private long person(String ref) {
        return SuccessionFixture.person(api, admin, ods, ref);
    }

    private long markCritical(String token, long seat) {
        Response r = api.post(path("/succession/critical-seats"), token, ApiClient.json("seat_id", seat));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private void name(String token, long critical, String ref, String readiness) {
        Response r = api.post(
                path("/succession/critical-seats/" + critical + "/successors"),
                token,
                ApiClient.json("person_id", person(ref), "readiness", readiness));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void benchStrengthIsCriticalSeatsWithASuccessorReadyNowOverCriticalSeats() {
        long chair = markCritical(admin, seat("System Board", "Chair"));
        long memberD = markCritical(admin, seat("System Board", "Member D"));
        long gpLead = markCritical(northLead, seat("Northfield Board", "GP lead"));
        name(admin, chair, "P5", "ready_now");
        name(admin, chair, "P7", "three_years_plus");
        name(admin, memberD, "P7", "one_to_two_years");
        name(northLead, gpLead, "P9", "ready_now");

        // 2 of the 3 critical seats have someone ready now
        JsonNode plan = api.get(path("/succession"), admin).json();
        assertThat(plan.get("bench_strength").get("critical_seats").asInt()).isEqualTo(3);
        assertThat(plan.get("bench_strength").get("with_ready_now_successor").asInt())
                .isEqualTo(2);
        assertThat(plan.get("bench_strength").get("share").asDouble()).isCloseTo(2.0 / 3, within(1e-9));

        // naming P7 again for Member D as ready now changes their readiness rather than naming them twice
        name(admin, memberD, "P7", "ready_now");
        plan = api.get(path("/succession"), admin).json();
        assertThat(plan.get("bench_strength").get("with_ready_now_successor").asInt())
                .isEqualTo(3);
        JsonNode d =
                api.get(path("/succession/critical-seats/" + memberD), admin).json();
        assertThat(d.get("successors")).hasSize(1);

        // the quoted figure is the same, and for one place only that place's critical seats count
        LocalDate today = LocalDate.now();
        PipelineFigures.Share whole = inIcs(ods, () -> figures.benchStrength(null, today));
        assertThat(whole.part()).isEqualTo(3);
        assertThat(whole.whole()).isEqualTo(3);
        PipelineFigures.Share north = inIcs(ods, () -> figures.benchStrength("Northfield", today));
        assertThat(north.part()).isEqualTo(1);
        assertThat(north.whole()).isEqualTo(1);
    }

    @Test
    void termsEndingWithinTheHorizonSayWhetherSomeoneIsReadyNow() {
        long chair = markCritical(admin, seat("System Board", "Chair"));
        name(admin, chair, "P5", "ready_now");

        JsonNode ending = api.get(path("/succession/ending"), admin).json();
        assertThat(ending).hasSize(2);
        assertThat(ending.get(0).get("person").asString()).isEqualTo("Pat One");
        assertThat(ending.get(0).get("ready_now_successors").asInt()).isEqualTo(1);
        assertThat(ending.get(1).get("person").asString()).isEqualTo("Pax Nine");
        assertThat(ending.get(1).get("ready_now_successors").asInt()).isZero();
        assertThat(api.get(path("/succession/ending?horizon=90"), admin).json()).hasSize(1);

        Response bad = api.get(path("/succession/ending?horizon=soon"), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("horizon").contains("whole number");
    }

    @Test
    void turnoverIsLeaversOverAverageHeadcountAndSmallCountsAreHidden() {
        JsonNode f = api.get(path("/exits/figures"), analyst).json();
        Map<String, JsonNode> rows = new java.util.HashMap<>();
        f.get("turnover").forEach(r -> rows.put(r.get("group").asString(), r));

        JsonNode system = rows.get("system");
        assertThat(system.get("headcount_at_start").asInt()).isEqualTo(5);
        assertThat(system.get("headcount_at_end").asInt()).isEqualTo(4);
        assertThat(system.get("leavers").asInt()).isEqualTo(3);
        assertThat(system.get("turnover").asDouble()).isCloseTo(3 / 4.5, within(1e-9));

        JsonNode place = rows.get("place");
        assertThat(place.get("headcount_at_start").asInt()).isEqualTo(2);
        assertThat(place.get("headcount_at_end").asInt()).isEqualTo(2);
        // one leaver is fewer than k = 3: neither the count nor the rate shows
        assertThat(place.get("leavers").isNull()).isTrue();
        assertThat(place.get("turnover").isNull()).isTrue();
        assertThat(place.get("suppressed").asBoolean()).isTrue();

        JsonNode all = rows.get("all");
        assertThat(all.get("leavers").asInt()).isEqualTo(4);
        assertThat(all.get("turnover").asDouble()).isCloseTo(4 / 6.5, within(1e-9));
        PipelineFigures.Share quoted = inIcs(ods, () -> figures.turnover(null, LocalDate.now()));
        assertThat(quoted.value()).isCloseTo(0.6154, within(1e-9));
    }

    @Test
    void openRecruitmentShareCountsAppointmentsMadeInTheLastTwelveMonths() {
        Map<String, PipelineFigures.Share> shares =
                inIcs(ods, () -> figures.openRecruitmentShare(null, LocalDate.now()));
        assertThat(shares.get("system").part()).isEqualTo(3);
        assertThat(shares.get("system").whole()).isEqualTo(3);
        assertThat(shares.get("system").value()).isEqualTo(1.0);
        // 1 appointment at place level: too few to show at k = 3
        assertThat(shares.get("place").hidden()).isTrue();
        assertThat(shares.get("place").value()).isNull();
        assertThat(shares.get("neighbourhood").value()).isNull();
    }

    private Response exit(String token, String ref, String seat, String reason, String wouldReturn) {
        return exit(ods, token, SuccessionFixture.appointment(api, admin, ods, ref, seat), reason, wouldReturn);
    }

    private Response exit(String ods, String token, long appointment, String reason, String wouldReturn) {
        return api.put(
                "/api/v1/ics/" + ods + "/exits/" + appointment,
                token,
                ApiClient.json(
                        "held_on",
                        LocalDate.now().minusDays(5).toString(),
                        "reason",
                        reason,
                        "would_return",
                        wouldReturn,
                        "handover",
                        false));
    }

    @Test
    void exitReasonsShowOnlyInGroupsOfAtLeastK() {
        assertThat(exit(admin, "P2", "Member A", "workload", "yes").status()).isEqualTo(200);
        assertThat(exit(admin, "P3", "Member B", "workload", "yes").status()).isEqualTo(200);
        assertThat(exit(admin, "P4", "Member C", "workload", "maybe").status()).isEqualTo(200);
        assertThat(exit(northLead, "P8", "GP lead", "burnout", "no").status()).isEqualTo(200);

        JsonNode f = api.get(path("/exits/figures"), analyst).json();
        assertThat(f.get("conversations").asInt()).isEqualTo(4);
        Map<String, JsonNode> reasons = new java.util.HashMap<>();
        f.get("reasons").forEach(c -> reasons.put(c.get("code").asString(), c.get("count")));
        // burnout is 1, below k; workload's 3 would then give it away from the total of 4, so it goes too
        assertThat(reasons.get("burnout").isNull()).isTrue();
        assertThat(reasons.get("workload").isNull()).isTrue();
        assertThat(reasons.get("retirement").asInt()).isZero();

        // every ended appointment is offered, each with its conversation once held
        JsonNode ended = api.get(path("/exits"), admin).json();
        assertThat(ended).hasSize(5);
        assertThat(ended.get(0).get("person").asString()).isEqualTo("Peg Eight");
        assertThat(ended.get(0).get("conversation").get("reason").asString()).isEqualTo("burnout");
    }

    /**
     * Who left is public, so figures that moved with each conversation recorded would say what that
     * leaver said: they are released, and stand until k conversations have come, changed or gone.
     */
    @Test
    void whatExitConversationsSaidStandsUntilKConversationsHaveChanged() {
        assertThat(exit(admin, "P2", "Member A", "workload", "yes").status()).isEqualTo(200);
        assertThat(exit(admin, "P3", "Member B", "workload", "yes").status()).isEqualTo(200);
        assertThat(exit(admin, "P4", "Member C", "workload", "yes").status()).isEqualTo(200);
        JsonNode first = api.get(path("/exits/figures"), analyst).json();
        assertThat(first.get("conversations").asInt()).isEqualTo(3);
        assertThat(reason(first, "workload")).isEqualTo(3);

        // a fourth leader's conversation, and one changed (twice): two conversations, fewer than k
        assertThat(exit(northLead, "P8", "GP lead", "burnout", "no").status()).isEqualTo(200);
        assertThat(exit(admin, "P2", "Member A", "burnout", "yes").status()).isEqualTo(200);
        assertThat(exit(admin, "P2", "Member A", "retirement", "yes").status()).isEqualTo(200);
        JsonNode again = api.get(path("/exits/figures"), analyst).json();
        assertThat(again.get("conversations").asInt()).isEqualTo(3);
        assertThat(reason(again, "workload")).isEqualTo(3);
        assertThat(again.get("answers_to").asString())
                .isEqualTo(first.get("answers_to").asString());
        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/pipeline/exits")
                .body();
        assertThat(page).contains("counted again only once at least 3 conversations");

        // a third: now the figures move by all three at once
        assertThat(exit(admin, "P3", "Member B", "career_move", "yes").status()).isEqualTo(200);
        JsonNode moved = api.get(path("/exits/figures"), analyst).json();
        assertThat(moved.get("conversations").asInt()).isEqualTo(4);
        assertThat(reason(moved, "workload")).isNull();
    }

    private static @org.jspecify.annotations.Nullable Integer reason(JsonNode figures, String code) {
        for (JsonNode c : figures.get("reasons")) {
            if (c.get("code").asString().equals(code)) {
                return c.get("count").isNull() ? null : c.get("count").asInt();
            }
        }
        throw new AssertionError("No reason " + code);
    }

    /**
     * The privacy review's case: one place with fewer than k exit conversations. Hiding only the
     * answer given, with zeros beside it, would say what every leaver there answered.
     */
    @Test
    void aPlaceWithFewerThanKConversationsShowsNoneOfWhatTheySaidNotEvenZeros() {
        assertThat(exit(admin, "P2", "Member A", "workload", "yes").status()).isEqualTo(200);
        assertThat(exit(admin, "P3", "Member B", "workload", "yes").status()).isEqualTo(200);
        assertThat(exit(admin, "P4", "Member C", "workload", "maybe").status()).isEqualTo(200);
        assertThat(exit(northLead, "P8", "GP lead", "retirement", "no").status())
                .isEqualTo(200);

        JsonNode northfield =
                api.get(path("/exits/figures?place=Northfield"), analyst).json();
        Response misspelt = api.get(path("/exits/figures?place=Northfeld"), analyst);
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.body()).contains("place").contains("Northfeld");
        assertThat(northfield.get("conversations").isNull()).isTrue();
        for (String breakdown : List.of("reasons", "would_return", "handover")) {
            northfield
                    .get(breakdown)
                    .forEach(c -> assertThat(c.get("count").isNull())
                            .as(breakdown + " " + c.get("code").asString())
                            .isTrue());
        }

        // the whole ICS has 4, at least k = 3: its zeros are shown, as the gap is often the finding
        JsonNode all = api.get(path("/exits/figures"), analyst).json();
        assertThat(all.get("conversations").asInt()).isEqualTo(4);
        Map<String, JsonNode> reasons = new java.util.HashMap<>();
        all.get("reasons").forEach(c -> reasons.put(c.get("code").asString(), c.get("count")));
        assertThat(reasons.get("burnout").asInt()).isZero();
    }

    /**
     * Figures for the whole ICS and for each place are all open to analysts, and each place's count
     * of an answer is the whole ICS's less the other places'. Northfield's 7 leavers (4 workload, 3
     * burnout) are shown; Southvale's 3 (2 workload, 1 burnout) are small counts, hidden. With the
     * whole ICS's 6 and 4 beside Northfield's 4 and 3, Southvale's would be 2 and 1 by subtraction:
     * so wherever one place's count is hidden, the whole ICS's or another place's is too.
     */
    @Test
    void noPlacesHiddenExitCountIsTheWholeIcsLessTheOtherPlaces() {
        String other = createIcs("Two Places ICS");
        String otherAdmin = tokenFor(createUser("ics_admin", other));
        setMinGroupSize(other, 3);
        org.goldenthread.people.RegisterFixture.addGeography(api, otherAdmin, other);
        Response imported = api.post(
                "/api/v1/ics/" + other + "/register/import",
                otherAdmin,
                "text/csv",
                SuccessionFixture.leavers(LocalDate.now(), Map.of("Northfield", 7, "Southvale", 3))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Map<String, String> said = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 7; i++) {
            said.put("N" + i, i <= 4 ? "workload" : "burnout");
        }
        for (int i = 1; i <= 3; i++) {
            said.put("S" + i, i <= 2 ? "workload" : "burnout");
        }
        said.forEach((ref, reason) -> {
            String place = ref.startsWith("N") ? "Northfield" : "Southvale";
            long appointment = SuccessionFixture.appointment(api, otherAdmin, other, ref, "Seat " + ref.substring(1));
            Response r = exit(other, otherAdmin, appointment, reason, "yes");
            assertThat(r.status()).as(place + " " + r.body()).isEqualTo(200);
        });

        String reader = tokenFor(createUser("analyst", other));
        Map<String, Map<String, JsonNode>> figures = new java.util.LinkedHashMap<>();
        for (String place : List.of("", "Northfield", "Southvale")) {
            JsonNode f = api.get(
                            "/api/v1/ics/" + other + "/exits/figures" + (place.isEmpty() ? "" : "?place=" + place),
                            reader)
                    .json();
            Map<String, JsonNode> counts = new java.util.HashMap<>();
            f.get("reasons").forEach(c -> counts.put(c.get("code").asString(), c.get("count")));
            figures.put(place, counts);
        }
        // Southvale's 1 burnout is hidden, and so is its 2 workload beside it (its 3 leavers are shown)
        assertThat(figures.get("Southvale").get("burnout").isNull()).isTrue();
        for (String reason : List.of("workload", "burnout")) {
            for (String place : List.of("Northfield", "Southvale")) {
                String rest = place.equals("Northfield") ? "Southvale" : "Northfield";
                if (figures.get(place).get(reason).isNull()) {
                    assertThat(figures.get("").get(reason).isNull()
                                    || figures.get(rest).get(reason).isNull())
                            .as(place + "'s " + reason + " would be the whole ICS's less " + rest + "'s")
                            .isTrue();
                }
            }
        }
        // and the whole ICS says what its ten leavers gave as reasons as far as that is safe: nobody retired
        assertThat(figures.get("").get("retirement").asInt()).isZero();
    }

    @Test
    void aPlaceLeadSeesAndActsOnlyOnTheirPlacesSeats() {
        long chair = markCritical(admin, seat("System Board", "Chair"));
        long gpLead = markCritical(northLead, seat("Northfield Board", "GP lead"));

        JsonNode plan = api.get(path("/succession"), northLead).json();
        assertThat(plan.get("critical_seats")).hasSize(1);
        assertThat(plan.get("critical_seats").get(0).get("id").asLong()).isEqualTo(gpLead);

        Response other = api.post(
                path("/succession/critical-seats"),
                northLead,
                ApiClient.json("seat_id", seat("Southvale Board", "Lead")));
        assertThat(other.status()).isEqualTo(400);
        assertThat(api.get(path("/succession/critical-seats/" + chair), northLead)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(path("/succession/critical-seats/" + chair), northLead)
                        .status())
                .isEqualTo(404);
        Response naming = api.post(
                path("/succession/critical-seats/" + chair + "/successors"),
                northLead,
                ApiClient.json("person_id", person("P9"), "readiness", "ready_now"));
        assertThat(naming.status()).isEqualTo(404);
        // a successor from outside their sight of the register cannot be named
        Response outsider = api.post(
                path("/succession/critical-seats/" + gpLead + "/successors"),
                northLead,
                ApiClient.json("person_id", person("P2"), "readiness", "ready_now"));
        assertThat(outsider.status()).isEqualTo(400);

        JsonNode ended = api.get(path("/exits"), northLead).json();
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).get("person").asString()).isEqualTo("Peg Eight");
        assertThat(exit(northLead, "P2", "Member A", "workload", "yes").status())
                .isEqualTo(404);
        assertThat(api.get(path("/succession/ending"), northLead).json()).hasSize(1);
        assertThat(api.get(path("/exits/figures"), northLead).status()).isEqualTo(403);
        assertThat(api.get(path("/succession"), analyst).status()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedByFieldAndChangesNothing() {
        Response noSeat = api.post(path("/succession/critical-seats"), admin, "{}");
        assertThat(noSeat.status()).isEqualTo(400);
        assertThat(noSeat.body()).contains("seat_id").contains("Choose the seat");

        long chair = markCritical(admin, seat("System Board", "Chair"));
        Response twice = api.post(
                path("/succession/critical-seats"), admin, ApiClient.json("seat_id", seat("System Board", "Chair")));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("already marked as critical");

        Response soon = api.post(
                path("/succession/critical-seats/" + chair + "/successors"),
                admin,
                ApiClient.json("person_id", person("P5"), "readiness", "soon"));
        assertThat(soon.status()).isEqualTo(400);
        assertThat(soon.body()).contains("readiness").contains("'soon' is not a readiness");
        Response holder = api.post(
                path("/succession/critical-seats/" + chair + "/successors"),
                admin,
                ApiClient.json("person_id", person("P1"), "readiness", "ready_now"));
        assertThat(holder.status()).isEqualTo(400);
        assertThat(holder.body()).contains("holds this seat today");
        assertThat(api.get(path("/succession/critical-seats/" + chair), admin)
                        .json()
                        .get("successors"))
                .isEmpty();

        long appointment = SuccessionFixture.appointment(api, admin, ods, "P2", "Member A");
        Response exit = api.put(
                path("/exits/" + appointment),
                admin,
                ApiClient.json(
                        "held_on",
                        LocalDate.now().plusDays(3).toString(),
                        "reason",
                        "bored",
                        "would_return",
                        "yes",
                        "handover",
                        true));
        assertThat(exit.status()).isEqualTo(400);
        assertThat(exit.body())
                .contains("today or in the past")
                .contains("'bored' is not a reason for leaving")
                .contains("handover_to_person_id");
        List<JsonNode> recorded = new ArrayList<>();
        api.get(path("/exits"), admin).json().forEach(e -> {
            if (!e.get("conversation").isNull()) {
                recorded.add(e);
            }
        });
        assertThat(recorded).isEmpty();
    }

    /** A nomination of someone new, by whoever the token is. */
    private Response nominateNew(String token, String ref, String email) {
        return api.post(
                path("/talent"),
                token,
                ApiClient.json(
                        "origin",
                        "nomination",
                        "nomination_reason",
                        "Leads well",
                        "readiness",
                        "ready_now",
                        "person",
                        Map.of(
                                "person_ref",
                                ref,
                                "given_name",
                                "Jai",
                                "family_name",
                                "Aardvark",
                                "email",
                                email,
                                "profession",
                                "pharmacist")));
    }

    /**
     * Someone new in a nomination must be new: a second register entry with someone's address would
     * decide how that address is judged across the ICS. An address or reference already in the
     * register is refused by field, and a place lead hears the same words whether that person is in
     * their places or not, never who it is (review 36, F7).
     */
    @Test
    void aNominationAddsNobodyWithAnAddressOrReferenceAlreadyInTheRegister() {
        String outsider = uniqueEmail("jai.fairlie");
        Response jai = api.post(
                path("/people"),
                admin,
                ApiClient.json(
                        "person_ref", "JF1",
                        "given_name", "Jai",
                        "family_name", "Fairlie",
                        "profession", "medical_consultant",
                        "email", outsider));
        assertThat(jai.status()).as(jai.body()).isEqualTo(201);
        String insider = uniqueEmail("pax.nine");
        Response pax = api.put(
                path("/people/" + person("P9")),
                admin,
                ApiClient.json(
                        "given_name", "Pax",
                        "family_name", "Nine",
                        "profession", "manager",
                        "career_stage", "senior",
                        "email", insider));
        assertThat(pax.status()).as(pax.body()).isEqualTo(200);
        int people = api.get(path("/people"), admin).json().size();
        int pool = api.get(path("/talent"), admin).json().size();

        Response outside = nominateNew(northLead, "NEW1", outsider);
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(outside.body())
                .contains("\"email\"")
                .contains("That address is already in the register")
                .doesNotContain("Fairlie")
                .doesNotContain("JF1");
        Response inside = nominateNew(northLead, "NEW1", insider);
        assertThat(inside.status()).isEqualTo(400);
        assertThat(outside.body()).isEqualTo(inside.body());

        // a reference outside their places is answered in the same words as one inside them
        Response refOutside = nominateNew(northLead, "JF1", uniqueEmail("new"));
        Response refInside = nominateNew(northLead, "P9", uniqueEmail("new"));
        assertThat(refOutside.status()).isEqualTo(400);
        assertThat(refInside.status()).isEqualTo(400);
        assertThat(refOutside.body())
                .contains("\"person_ref\"")
                .contains("That reference is already in the register")
                .doesNotContain("Someone in this ICS")
                .doesNotContain("Fairlie");
        assertThat(refOutside.body().replace("JF1", "REF"))
                .isEqualTo(refInside.body().replace("P9", "REF"));

        // an ICS administrator is refused too, whatever the address's case
        Response byAdmin = nominateNew(admin, "NEW2", outsider.toUpperCase(java.util.Locale.ROOT));
        assertThat(byAdmin.status()).isEqualTo(400);
        assertThat(byAdmin.body()).contains("\"email\"").contains("choose the person from the register");
        assertThat(api.get(path("/people"), admin).json().size()).isEqualTo(people);
        assertThat(api.get(path("/talent"), admin).json().size()).isEqualTo(pool);

        // a new address and reference are fine
        Response fresh = nominateNew(northLead, "NEW3", uniqueEmail("new"));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        assertThat(api.get(path("/people"), admin).json().size()).isEqualTo(people + 1);
    }

    @Test
    void aMemberFindsTheTalentPoolOnTheOverviewAndSeesWhereTheyStand() {
        String email = createUser("member", ods);
        var member = new org.goldenthread.support.PageClient(port).signIn(email, PASSWORD);
        String before = member.get("/ics/" + ods).body();
        assertThat(before)
                .contains("Interested in leadership?")
                .contains("Not in the talent pool")
                .contains("/ics/" + ods + "/pipeline/talent/mine")
                .doesNotContain("Terms ending");

        Response joined = api.put(path("/talent/mine"), tokenFor(email), """
                {"person":{"given_name":"Mo","family_name":"Member","profession":"gp","career_stage":"early"},
                 "levels":["place"],"readiness":"one_to_two_years","consent_to_contact":true}""");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);

        String after = member.get("/ics/" + ods).body();
        assertThat(after)
                .contains("Your interest in leadership")
                .contains("In the talent pool")
                .contains("Ready in 1 to 2 years");
        // admins keep their own card, not a member's
        String admins = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("ics_admin", ods), PASSWORD)
                .get("/ics/" + ods)
                .body();
        assertThat(admins).contains("Terms ending").doesNotContain("Interested in leadership?");
    }
}
