package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ActionLearningTest extends IntegrationTest {

    private static final List<String> PROFESSIONS = List.of(
            "nurse_adult",
            "nurse_adult",
            "nurse_adult",
            "nurse_adult",
            "nurse_adult",
            "pharmacist",
            "pharmacist",
            "pharmacist",
            "pharmacist",
            "gp",
            "gp",
            "gp",
            "gp");

    @Autowired
    JdbcClient jdbc;

    private String ods;
    private String admin;
    private String adminEmail;
    private long programme;

    @BeforeEach
    void thirteenParticipants() {
        ods = createIcs("Action learning");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        List<String> professions = PROFESSIONS;
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < professions.size(); i++) {
            Response added = api.post(
                    "/api/v1/ics/" + ods + "/people",
                    admin,
                    ApiClient.json(
                            "person_ref",
                            "AL" + i,
                            "given_name",
                            "Person",
                            "family_name",
                            "Number " + i,
                            "profession",
                            professions.get(i),
                            "employer",
                            employer(i)));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            people.add(added.json().get("id").asLong());
        }
        programme = inIcs(ods, () -> {
            long id = jdbc.sql(
                            "insert into programme (name, kind) values ('Leading across boundaries', 'action_learning') returning id")
                    .query(Long.class)
                    .single();
            for (long person : people) {
                jdbc.sql(
                                "insert into programme_participant (programme_id, person_id, role) values (:p, :person, 'member')")
                        .param("p", id)
                        .param("person", person)
                        .update();
            }
            return id;
        });
    }

    @Test
    void formsMixedSetsOfFiveToEightWithTheirMeetings() {
        Response formed = api.post(
                sets(),
                admin,
                ApiClient.json("set_size", 6, "first_meeting_on", "2027-01-12", "every_weeks", 4, "meetings", 3));
        assertThat(formed.status()).as(formed.body()).isEqualTo(200);
        JsonNode body = formed.json();
        assertThat(body.get("sets")).hasSize(2);
        Set<String> placed = new HashSet<>();
        for (JsonNode set : body.get("sets")) {
            assertThat(set.get("members").size()).isBetween(6, 7);
            set.get("members").forEach(m -> placed.add(m.asString()));
            assertThat(set.get("meetings").toString()).isEqualTo("[\"2027-01-12\",\"2027-02-09\",\"2027-03-09\"]");
        }
        assertThat(placed).hasSize(13);
        assertThat(body.get("waiting")).isEmpty();
        assertThat(body.get("objective").asString()).contains("share a profession or an employer");
        int sharedPairs = body.get("shared_pairs").asInt();
        assertThat(sharedPairs).as("the fewest any split into 7 and 6 allows").isEqualTo(fewestSharedPairs());

        JsonNode again = api.get(sets(), admin).json();
        assertThat(again.get("shared_pairs").asInt()).isEqualTo(sharedPairs);
        assertThat(again.get("sets").get(0).get("members"))
                .isEqualTo(body.get("sets").get(0).get("members"));
    }

    @Test
    void onlyAnActionLearningProgrammeFormsSetsAndOnlyAdminsFormThem() {
        long mentoring = inIcs(
                ods,
                () -> jdbc.sql("insert into programme (name, kind) values ('Mentoring', 'mentoring') returning id")
                        .query(Long.class)
                        .single());
        Response refused = api.post(
                "/api/v1/ics/" + ods + "/programmes/" + mentoring + "/sets",
                admin,
                ApiClient.json("first_meeting_on", "2027-01-12"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Only an action learning programme forms sets");

        Response badSize = api.post(sets(), admin, ApiClient.json("set_size", 9, "first_meeting_on", "2027-01-12"));
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.body()).contains("set_size").contains("from 5 to 8");
        assertThat(api.get(sets(), admin).json().get("sets")).isEmpty();

        String member = tokenFor(createUser("member", ods));
        assertThat(api.get(sets(), member).status()).isEqualTo(403);
        assertThat(api.post(sets(), member, ApiClient.json("first_meeting_on", "2027-01-12"))
                        .status())
                .isEqualTo(403);
        String otherIcs = createIcs("Elsewhere");
        String otherAdmin = tokenFor(createUser("ics_admin", otherIcs));
        assertThat(api.get("/api/v1/ics/" + otherIcs + "/programmes/" + programme + "/sets", otherAdmin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theProgrammePageOfASetProgrammeAsksNothingThatOnlyPairsNeed() {
        PageClient page = new PageClient(port).signIn(adminEmail, PASSWORD);
        String sets = page.get("/ics/" + ods + "/programmes/" + programme).body();
        assertThat(sets)
                .contains("13 members")
                .contains("mix professions and organisations")
                .doesNotContain("name=\"capacity\"")
                .doesNotContain("name=\"preferences\"")
                .doesNotContain("Mentor (gives)")
                .doesNotContain("Places or choices")
                .doesNotContain("Pairing rules")
                .doesNotContain("same employer")
                .doesNotContain("mentor");
        String list = page.get("/ics/" + ods + "/programmes").body();
        assertThat(list).contains("Sets for Leading across boundaries");

        // a member added on the page is simply a member
        OfferFixture.person(api, admin, ods, "AL99", uniqueEmail("member"), "gp", "general_practice", "mid");
        PageClient.Page added = page.follow(page.post(
                "/ics/" + ods + "/programmes/" + programme + "/participants", "person_ref", "AL99", "role", "member"));
        assertThat(added.body()).contains("AL99 was added to the programme").contains("14 members");

        // every kind that pairs givers with receivers still asks for places, choices and the rules of pairing
        for (String kind : List.of("mentoring", "reverse_mentoring", "coaching", "buddying")) {
            Response created = api.post(
                    "/api/v1/ics/" + ods + "/programmes",
                    admin,
                    ApiClient.json("name", "Pairs by " + kind, "kind", kind, "cross_organisation", true));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String pairs = page.get("/ics/" + ods + "/programmes/"
                            + created.json().get("id").asLong())
                    .body();
            assertThat(pairs)
                    .as(kind)
                    .contains("name=\"capacity\"")
                    .contains("name=\"preferences\"")
                    .contains("Pairing rules")
                    .contains("same employer are never paired")
                    .contains("0 mentors and 0 mentees");
        }
        // an exchange pairs hosts with visitors, one partner each and nobody ranking, but keeps its rules
        Response exchange = api.post(
                "/api/v1/ics/" + ods + "/programmes",
                admin,
                ApiClient.json("name", "Pairs by exchange", "kind", "exchange", "cross_organisation", true));
        assertThat(exchange.status()).as(exchange.body()).isEqualTo(201);
        String exchangePage = page.get("/ics/" + ods + "/programmes/"
                        + exchange.json().get("id").asLong())
                .body();
        assertThat(exchangePage)
                .contains("Pairing rules")
                .contains("0 hosts first and 0 visitors first")
                .doesNotContain("name=\"capacity\"")
                .doesNotContain("name=\"preferences\"");
    }

    @Test
    void thePageFormsTheSetsAndNamesProfessionsAndMeetingDays() {
        PageClient page = new PageClient(port).signIn(adminEmail, PASSWORD);
        String path = "/ics/" + ods + "/programmes/" + programme + "/sets";
        assertThat(page.get(path).body()).contains("No sets have been formed yet");

        PageClient.Page refused = page.post(
                path,
                "set_size",
                "12",
                "first_meeting_on-day",
                "31",
                "first_meeting_on-month",
                "2",
                "first_meeting_on-year",
                "2027",
                "every_weeks",
                "4",
                "meetings",
                "6");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("There is a problem")
                .contains("Choose a set size from 5 to 8")
                .contains("First meeting must be a real date");

        PageClient.Page formed = page.follow(page.post(
                path, "set_size", "6", "first_meeting_on", "2027-01-12", "every_weeks", "4", "meetings", "2"));
        assertThat(formed.body())
                .contains("2 sets were formed")
                .contains("Set 1")
                .contains("Set 2")
                .contains("Pharmacist")
                .contains("12 January 2027")
                .contains("9 February 2027")
                .doesNotContain(">pharmacist<");
    }

    private String sets() {
        return "/api/v1/ics/" + ods + "/programmes/" + programme + "/sets";
    }

    /** Every split of the thirteen into sets of 7 and 6, and the fewest shared pairs among them. */
    private int fewestSharedPairs() {
        List<MixedSets.Member> all = new ArrayList<>();
        for (int i = 0; i < PROFESSIONS.size(); i++) {
            all.add(new MixedSets.Member(i, PROFESSIONS.get(i), employer(i)));
        }
        int best = Integer.MAX_VALUE;
        for (int mask = 0; mask < 1 << all.size(); mask++) {
            if (Integer.bitCount(mask) != 7) {
                continue;
            }
            List<MixedSets.Member> seven = new ArrayList<>();
            List<MixedSets.Member> six = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                ((mask & 1 << i) != 0 ? seven : six).add(all.get(i));
            }
            best = Math.min(best, MixedSets.sharedPairs(seven) + MixedSets.sharedPairs(six));
        }
        return best;
    }

    private static String employer(int i) {
        return i % 3 == 0 ? "Northern Trust" : i % 3 == 1 ? "Southern Trust" : "Riverside PCN";
    }
}
