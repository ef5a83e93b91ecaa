package org.goldenthread.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of malformed requests to the talent pool, succession and exit endpoints. Each is refused
 * with a 4xx (never a 5xx) whose body names what was wrong, and the pool, the plan, the exits and
 * the register are exactly as they were afterwards.
 */
class SuccessionCorpusTest extends IntegrationTest {

    private enum Method {
        POST,
        PATCH,
        PUT
    }

    private record Case(String name, Method method, String path, String body, int status, String expected) {}

    private static Case bad(String name, Method method, String path, String body, String expected) {
        return new Case(name, method, path, body, 400, expected);
    }

    private static String longText(int length) {
        return "x".repeat(length);
    }

    private List<Case> corpus(long p5, long entry, long chair, long ended, long current) {
        List<Case> cases = new ArrayList<>();
        String talent = "/talent";
        String nominate = "\"origin\":\"nomination\",\"nomination_reason\":\"Leads well\",\"readiness\":\"ready_now\"";
        cases.add(bad("empty object", Method.POST, talent, "{}", "origin"));
        cases.add(bad("not JSON", Method.POST, talent, "origin=nomination", "400"));
        cases.add(bad("a JSON array", Method.POST, talent, "[]", "400"));
        cases.add(bad("JSON null", Method.POST, talent, "null", "400"));
        cases.add(bad(
                "origin recruitment",
                Method.POST,
                talent,
                "{\"person_id\":" + p5 + ",\"origin\":\"recruitment\",\"readiness\":\"ready_now\"}",
                "origin"));
        cases.add(bad(
                "origin unknown",
                Method.POST,
                talent,
                "{\"person_id\":" + p5 + ",\"origin\":\"astronaut\",\"readiness\":\"ready_now\"}",
                "astronaut"));
        cases.add(bad(
                "no readiness",
                Method.POST,
                talent,
                "{\"person_id\":" + p5 + ",\"origin\":\"interest\"}",
                "readiness"));
        cases.add(bad(
                "readiness unknown",
                Method.POST,
                talent,
                "{\"person_id\":" + p5 + ",\"origin\":\"interest\",\"readiness\":\"soon\"}",
                "soon"));
        cases.add(bad(
                "nomination without a reason",
                Method.POST,
                talent,
                "{\"person_id\":" + p5 + ",\"origin\":\"nomination\",\"readiness\":\"ready_now\"}",
                "nomination_reason"));
        cases.add(bad("person nobody", Method.POST, talent, "{\"person_id\":999999999," + nominate + "}", "person_id"));
        cases.add(
                bad("person_id as text", Method.POST, talent, "{\"person_id\":\"P5\"," + nominate + "}", "person_id"));
        cases.add(bad(
                "both person_id and person",
                Method.POST,
                talent,
                "{\"person_id\":" + p5 + ",\"person\":{\"person_ref\":\"N1\",\"given_name\":\"New\","
                        + "\"family_name\":\"Person\",\"profession\":\"gp\"}," + nominate + "}",
                "person_id"));
        cases.add(bad(
                "someone already in the pool",
                Method.POST,
                talent,
                "{\"person_id\":" + p5 + "," + nominate + "}",
                "already in the talent pool"));
        cases.add(bad(
                "a new person with an unknown profession",
                Method.POST,
                talent,
                "{\"person\":{\"person_ref\":\"N1\",\"given_name\":\"New\",\"family_name\":\"Person\","
                        + "\"profession\":\"astronaut\"}," + nominate + "}",
                "profession"));
        cases.add(bad(
                "a new person with a broken email",
                Method.POST,
                talent,
                "{\"person\":{\"person_ref\":\"N1\",\"given_name\":\"New\",\"family_name\":\"Person\","
                        + "\"profession\":\"gp\",\"email\":\"new@\"}," + nominate + "}",
                "email"));
        cases.add(bad(
                "an unknown level",
                Method.POST,
                talent,
                "{\"person_id\":" + current + ",\"levels\":[\"galaxy\"]," + nominate + "}",
                "levels"));
        cases.add(bad(
                "an unknown forum kind",
                Method.POST,
                talent,
                "{\"person_id\":" + current + ",\"forum_kinds\":[\"tea_party\"]," + nominate + "}",
                "forum_kinds"));
        cases.add(bad(
                "development needs too long",
                Method.POST,
                talent,
                "{\"person_id\":" + current + ",\"development_needs\":\"" + longText(5001) + "\"," + nominate + "}",
                "development_needs"));
        cases.add(bad(
                "review date that does not exist",
                Method.POST,
                talent,
                "{\"person_id\":" + current + ",\"review_on\":\"2027-02-30\"," + nominate + "}",
                "review_on"));

        String one = talent + "/" + entry;
        cases.add(bad("changing the origin", Method.PATCH, one, "{\"origin\":\"interest\"}", "origin"));
        cases.add(bad("changing the person", Method.PATCH, one, "{\"person_id\":" + current + "}", "person_id"));
        cases.add(bad("readiness unknown on a change", Method.PATCH, one, "{\"readiness\":\"later\"}", "later"));
        cases.add(bad("clearing who nominated", Method.PATCH, one, "{\"nominated_by\":\"  \"}", "nominated_by"));
        cases.add(new Case("changing an entry that is not there", Method.PATCH, talent + "/999999999", "{}", 404, ""));

        String critical = "/succession/critical-seats";
        cases.add(bad("marking without a seat", Method.POST, critical, "{}", "seat_id"));
        cases.add(bad("marking a seat that is not there", Method.POST, critical, "{\"seat_id\":999999999}", "seat_id"));
        cases.add(bad("marking a seat given as text", Method.POST, critical, "{\"seat_id\":\"Chair\"}", "seat_id"));
        String successors = critical + "/" + chair + "/successors";
        cases.add(bad(
                "a successor without a person", Method.POST, successors, "{\"readiness\":\"ready_now\"}", "person_id"));
        cases.add(bad(
                "a successor who is not there",
                Method.POST,
                successors,
                "{\"person_id\":999999999,\"readiness\":\"ready_now\"}",
                "person_id"));
        cases.add(bad(
                "a successor without readiness",
                Method.POST,
                successors,
                "{\"person_id\":" + p5 + ",\"readiness\":\"\"}",
                "readiness"));
        cases.add(new Case(
                "a successor for a seat that is not critical",
                Method.POST,
                critical + "/999999999/successors",
                "{\"person_id\":" + p5 + ",\"readiness\":\"ready_now\"}",
                404,
                ""));

        String exit = "/exits/" + ended;
        String held = "\"held_on\":\"" + LocalDate.now().minusDays(3) + "\"";
        cases.add(bad(
                "an exit in the future",
                Method.PUT,
                exit,
                "{\"held_on\":\"" + LocalDate.now().plusDays(3) + "\",\"reason\":\"workload\",\"handover\":false}",
                "held_on"));
        cases.add(bad(
                "an exit for an unknown reason",
                Method.PUT,
                exit,
                "{" + held + ",\"reason\":\"bored\",\"handover\":false}",
                "bored"));
        cases.add(bad(
                "would return unknown",
                Method.PUT,
                exit,
                "{" + held + ",\"reason\":\"workload\",\"would_return\":\"perhaps\",\"handover\":false}",
                "would_return"));
        cases.add(bad(
                "a handover to nobody",
                Method.PUT,
                exit,
                "{" + held + ",\"reason\":\"workload\",\"handover\":true}",
                "handover_to_person_id"));
        cases.add(bad(
                "a handover to someone not in the register",
                Method.PUT,
                exit,
                "{" + held + ",\"reason\":\"workload\",\"handover\":true,\"handover_to_person_id\":999999999}",
                "handover_to_person_id"));
        cases.add(bad(
                "a reason's detail too long",
                Method.PUT,
                exit,
                "{" + held + ",\"reason\":\"other\",\"reason_detail\":\"" + longText(5001) + "\",\"handover\":false}",
                "reason_detail"));
        cases.add(bad("an exit date as words", Method.PUT, exit, "{\"held_on\":\"last Tuesday\"}", "held_on"));
        cases.add(new Case(
                "an exit for an appointment that is not there",
                Method.PUT,
                "/exits/999999999",
                "{" + held + ",\"reason\":\"workload\",\"handover\":false}",
                404,
                ""));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedAndChangesNothing() {
        String ods = createIcs("Broken succession");
        String admin = tokenFor(createUser("ics_admin", ods));
        SuccessionFixture.load(api, admin, ods);
        long p5 = SuccessionFixture.person(api, admin, ods, "P5");
        Response added = api.post(
                "/api/v1/ics/" + ods + "/talent",
                admin,
                ApiClient.json(
                        "person_id",
                        p5,
                        "origin",
                        "nomination",
                        "nominated_by",
                        "The chair",
                        "nomination_reason",
                        "Leads well",
                        "readiness",
                        "ready_now"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long entry = added.json().get("id").asLong();
        Response marked = api.post(
                "/api/v1/ics/" + ods + "/succession/critical-seats",
                admin,
                ApiClient.json("seat_id", SuccessionFixture.seat(api, admin, ods, "System Board", "Chair")));
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        long chair = marked.json().get("id").asLong();
        long ended = SuccessionFixture.appointment(api, admin, ods, "P2", "Member A");
        long p7 = SuccessionFixture.person(api, admin, ods, "P7");

        List<String> paths = List.of("/talent", "/succession", "/exits", "/people");
        return corpus(p5, entry, chair, ended, p7).stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    List<String> before = paths.stream()
                            .map(p -> api.get("/api/v1/ics/" + ods + p, admin).body())
                            .toList();
                    String path = "/api/v1/ics/" + ods + c.path();
                    Response r = switch (c.method()) {
                        case POST -> api.post(path, admin, c.body());
                        case PATCH -> api.patch(path, admin, c.body());
                        case PUT -> api.put(path, admin, c.body());
                    };
                    assertThat(r.status()).as(r.body()).isEqualTo(c.status());
                    if (c.status() == 400 && !c.expected().equals("400")) {
                        assertThat(r.body()).contains(c.expected());
                    }
                    List<String> after = paths.stream()
                            .map(p -> api.get("/api/v1/ics/" + ods + p, admin).body())
                            .toList();
                    assertThat(after).as("nothing changed").isEqualTo(before);
                }));
    }
}
