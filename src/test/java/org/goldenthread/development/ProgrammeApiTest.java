package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Programmes, the participants file and matching through the API, as automation drives them: the
 * contract's shapes, every refusal of the participants file (400 naming row, column and reason,
 * nothing changed), the malformed-input corpus, rules, and the 409 for a stale confirmation.
 */
class ProgrammeApiTest extends IntegrationTest {

    private String ods;
    private String token;
    private long programme;

    @BeforeEach
    void aProgrammeWithPeopleInTheRegister() {
        ods = createIcs("Programmes ICS");
        token = tokenFor(createUser("ics_admin", ods));
        person("M1", "Mo", "Trust A", "RAA", "mo@test.example");
        person("M2", "Ada", "Care Co", null, "ada@test.example");
        person("M3", "Ike", "Trust B", "RBB", null);
        person("E1", "Eve", "Trust A", "RAA", "eve@test.example");
        person("E2", "Bo", "care co ", null, "bo@test.example");
        person("E3", "Cy", null, null, "cy@test.example");
        person("E4", "Di", "Trust C", "RCC", "di@test.example");
        Response r = api.post(
                "/api/v1/ics/" + ods + "/programmes",
                token,
                ApiClient.json("name", "Mentoring 2027", "kind", "mentoring", "cross_organisation", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().propertyNames()).containsExactly("id");
        programme = r.json().get("id").asLong();
    }

    private void person(String ref, String name, String employer, String employerOds, String email) {
        Response r = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json(
                        "person_ref", ref,
                        "given_name", name,
                        "family_name", "Test",
                        "profession", "public_health_consultant",
                        "employer", employer,
                        "employer_ods", employerOds,
                        "email", email));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + "/programmes/" + programme + rest;
    }

    private Response importCsv(String csv) {
        return api.post(path("/participants/import"), token, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static final String GOOD = """
            person_ref,role,capacity,preferences
            M1,mentor,2,
            M2,mentor,,
            M3,mentor,1,
            E1,mentee,,M1;M2
            E2,mentee,,M2;M1
            E3,mentee,,M3;M1
            E4,mentee,,
            """;

    @Test
    void theContractFromCreationToConfirmation() {
        Response imported = importCsv(GOOD);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("mentors").asInt()).isEqualTo(3);
        assertThat(imported.json().get("mentees").asInt()).isEqualTo(4);

        Response matched = api.post(path("/matching"), token, "{}");
        assertThat(matched.status()).as(matched.body()).isEqualTo(200);
        JsonNode m = matched.json();
        assertThat(m.propertyNames()).containsExactlyInAnyOrder("matched", "rank_sum", "pairs", "unmatched");
        // E1 may not have M1 (same ODS code), E2 may not have M2 (same name): each takes the other
        assertThat(m.get("matched").asInt()).isEqualTo(3);
        assertThat(m.get("rank_sum").asInt()).isEqualTo(2 + 2 + 1);
        List<String> pairs = new ArrayList<>();
        for (JsonNode p : m.get("pairs")) {
            assertThat(p.propertyNames()).containsExactlyInAnyOrder("mentor", "mentee", "rank", "why");
            pairs.add(p.get("mentee").asString() + "-" + p.get("mentor").asString() + "-"
                    + p.get("rank").asInt());
        }
        assertThat(pairs).containsExactlyInAnyOrder("E1-M2-2", "E2-M1-2", "E3-M3-1");
        assertThat(m.get("unmatched").get(0).get("mentee").asString()).isEqualTo("E4");
        assertThat(m.get("unmatched").get(0).get("why").asString()).isEqualTo("Listed no mentors");

        Response confirmed = api.post(path("/matching/confirm"), token, "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("relationships").asInt()).isEqualTo(3);
        // M3 has no address in the register: five of six emails go
        assertThat(confirmed.json().get("emails_sent").asInt()).isEqualTo(5);
        assertThat(confirmed.json().get("emails_not_sent").asInt()).isEqualTo(1);
        assertThat(TestMailServer.to("eve@test.example")).isNotEmpty();
        assertThat(api.post(path("/matching/confirm"), token, "{}").status()).isEqualTo(409);

        String audit = api.get("/api/v1/ics/" + ods + "/audit", token).body();
        assertThat(audit).contains("programme_participants").contains("pairing_proposal");
    }

    @Test
    void aProposalMadeBeforeTheParticipantsChangedIsNotConfirmed() {
        assertThat(importCsv(GOOD).status()).isEqualTo(200);
        assertThat(api.post(path("/matching"), token, "{}").status()).isEqualTo(200);
        assertThat(importCsv(GOOD.replace("E4,mentee,,", "E4,mentee,,M3")).status())
                .isEqualTo(200);
        Response stale = api.post(path("/matching/confirm"), token, "{}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("changed since this proposal was made");
        // and a rule is a change too
        assertThat(api.post(path("/matching"), token, "{}").status()).isEqualTo(200);
        assertThat(api.post(path("/rules"), token, ApiClient.json("mentor", "M3", "mentee", "E4", "rule", "forbidden"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(path("/matching/confirm"), token, "{}").status()).isEqualTo(409);
        Response again = api.post(path("/matching"), token, "{}");
        assertThat(again.body()).doesNotContain("\"mentee\":\"E4\",\"rank\"");
        assertThat(api.post(path("/matching/confirm"), token, "{}").status()).isEqualTo(200);
    }

    @Test
    void locksAndForbiddenPairsThroughTheApi() {
        assertThat(importCsv(GOOD).status()).isEqualTo(200);
        // a lock between colleagues on a cross-organisation programme is refused
        Response colleagues =
                api.post(path("/rules"), token, ApiClient.json("mentor", "M1", "mentee", "E1", "rule", "locked"));
        assertThat(colleagues.status()).isEqualTo(400);
        assertThat(colleagues.body()).contains("same employer");
        // E4 listed nobody, but an administrator locks them to M3
        assertThat(api.post(path("/rules"), token, ApiClient.json("mentor", "M3", "mentee", "E4", "rule", "locked"))
                        .status())
                .isEqualTo(200);
        Response second =
                api.post(path("/rules"), token, ApiClient.json("mentor", "M2", "mentee", "E4", "rule", "locked"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body()).contains("a mentee has one mentor");
        JsonNode m = api.post(path("/matching"), token, "{}").json();
        assertThat(m.get("pairs").toString()).contains("\"mentor\":\"M3\",\"mentee\":\"E4\"");
        // M3's one place goes to the lock, so E3 takes their second choice
        assertThat(m.get("pairs").toString()).contains("\"mentor\":\"M1\",\"mentee\":\"E3\",\"rank\":2");
        assertThat(api.delete(path("/rules?mentor=M3&mentee=E4"), token).status())
                .isEqualTo(204);
        assertThat(api.get(path(""), token).json().get("rules").size()).isZero();
    }

    @Test
    void onlyIcsAdminsRunProgrammes() {
        api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "North"));
        String lead = tokenFor(createUser("place_lead", ods, "North"));
        assertThat(api.get("/api/v1/ics/" + ods + "/programmes", lead).status()).isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/programmes",
                                lead,
                                ApiClient.json("name", "X", "kind", "coaching", "cross_organisation", false))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aProgrammeNeedsANameAKnownKindAndTheRule() {
        Response r =
                api.post("/api/v1/ics/" + ods + "/programmes", token, ApiClient.json("name", " ", "kind", "juggling"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"name\"", "\"field\":\"kind\"", "\"field\":\"cross_organisation\"");
        Response twice = api.post(
                "/api/v1/ics/" + ods + "/programmes",
                token,
                ApiClient.json("name", "Mentoring 2027", "kind", "coaching", "cross_organisation", true));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("already a programme");
    }

    // ------------------------------------------------------------------ the participants file refused

    /** A broken file is a 400 naming row and column with the reason, and the participants stay as they were. */
    private void refused(byte[] body, String... expected) {
        String before = api.get(path(""), token).body();
        Response r = api.post(path("/participants/import"), token, "text/csv", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(expected);
        assertThat(api.get(path(""), token).body()).isEqualTo(before);
    }

    private void refused(String csv, String... expected) {
        refused(csv.getBytes(StandardCharsets.UTF_8), expected);
    }

    @Test
    void everyRuleOfTheFileIsAFourHundredNamingRowColumnAndReason() {
        assertThat(importCsv(GOOD).status()).isEqualTo(200);
        String h = "person_ref,role,capacity,preferences\n";
        refused(
                h + "M1,mentor,,\nX9,mentee,,M1\n",
                "\"row\":3,\"field\":\"person_ref\"",
                "not in the register",
                "add them to the register first");
        refused(h + "M1,mentor,,\nE1,mentee,,E1;M1\n", "\"row\":3,\"field\":\"preferences\"", "cannot list themselves");
        refused(
                h + "M1,mentor,,\nE1,mentee,,E2\nE2,mentee,,\n",
                "\"row\":3,\"field\":\"preferences\"",
                "not a mentor in this file");
        refused(h + "M1,mentor,,\nE1,mentee,,M3\n", "\"row\":3,\"field\":\"preferences\"", "not a mentor in this file");
        refused(h + "M1,mentor,11,\n", "\"row\":2,\"field\":\"capacity\"", "from 1 to 10");
        refused(h + "M1,mentor,0,\n", "\"row\":2,\"field\":\"capacity\"");
        refused(h + "M1,mentor,two,\n", "\"row\":2,\"field\":\"capacity\"");
        refused(h + "E1,mentee,2,\n", "\"row\":2,\"field\":\"capacity\"", "blank for a mentee");
        refused(
                h + "M1,mentor,,\nM2,mentor,,\nM3,mentor,,\nE2,mentor,,\nE3,mentor,,\nE4,mentor,,\nE1,mentee,,"
                        + "M1;M2;M3;E2;E3;E4\n",
                "\"row\":8,\"field\":\"preferences\"",
                "at most 5");
        refused(h + "M1,mentor,,\nM1,mentor,,\n", "\"row\":3,\"field\":\"person_ref\"", "already on row 2");
        refused(h + "M1,mentor,,\nM1,mentee,,\n", "\"row\":3,\"field\":\"person_ref\"", "one role");
        refused(h + "M1,boss,,\n", "\"row\":2,\"field\":\"role\"", "mentor or mentee");
        refused(h + "M1,mentor,,E1\n", "\"row\":2,\"field\":\"preferences\"", "only mentees rank");
        refused(h + "M1,mentor,,\nE1,mentee,,M1;M1\n", "\"row\":3,\"field\":\"preferences\"", "twice");
        refused("person_ref,role,places,preferences\nM1,mentor,,\n", "\"row\":1", "capacity", "missing");
        refused("person_ref,role,capacity\nM1,mentor,\n", "\"row\":1,\"field\":\"preferences\"", "missing");
        refused(h + "M1,mentor\n", "\"row\":2", "2 values");
        refused("", "empty");
    }

    @Test
    void aMalformedInputCorpusIsRefusedWithoutAServerErrorOrAChange() {
        assertThat(importCsv(GOOD).status()).isEqualTo(200);
        List<byte[]> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(100);
        String before = api.get(path(""), token).body();
        int refused = 0;
        for (byte[] body : corpus) {
            Response r = api.post(path("/participants/import"), token, "text/csv", body);
            assertThat(r.status())
                    .as(new String(body, StandardCharsets.UTF_8) + " → " + r.body())
                    .isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            refused++;
        }
        assertThat(refused).isEqualTo(corpus.size());
        assertThat(api.get(path(""), token).body()).isEqualTo(before);
    }

    /** Broken variants of a good file: each line mangled in each column in many ways, and broken files whole. */
    private static List<byte[]> corpus() {
        List<String> lines = GOOD.lines().toList();
        List<String> badValues = List.of(
                "",
                " ",
                "X404",
                "=cmd|' /C calc'!A0",
                "M1;M1",
                "0",
                "-1",
                "11",
                "1.5",
                "999999999999",
                "mentor;mentee",
                "\u0000",
                "E1",
                "M1;M2;M3;E2;E3;E4",
                "\"",
                "null",
                "\u202eM1");
        List<String> files = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",", -1);
            for (int col = 0; col < 4; col++) {
                for (String bad : badValues) {
                    String[] copy = cells.clone();
                    copy[col] = bad;
                    List<String> mangled = new ArrayList<>(lines);
                    mangled.set(line, String.join(",", copy));
                    String file = String.join("\n", mangled) + "\n";
                    // a blank capacity (1 for a mentor) or blank preferences leave the file good
                    boolean blank = bad.isBlank() && col >= 2;
                    if (!blank && !bad.equals(cells[col])) {
                        files.add(file);
                    }
                }
            }
        }
        files.add("person_ref;role;capacity;preferences\nM1;mentor;;\n");
        files.add("PERSON_REF,ROLE,CAPACITY,PREFERENCES,EXTRA\nM1,mentor,,,\n");
        files.add("person_ref,person_ref,capacity,preferences\nM1,M1,,\n");
        files.add("\n\n\n");
        files.add(GOOD + "M1,mentor,1,\n");
        files.add(GOOD + "E1,mentor,1,\n");
        files.add(GOOD.replace("\n", "\r") + "\"unclosed\n");
        List<byte[]> bytes = new ArrayList<>(
                files.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
        bytes.add(GOOD.replace("Eve", "Zoë").replace("M1,mentor", "Mé,mentor").getBytes(StandardCharsets.ISO_8859_1));
        byte[] garbage = new byte[200_000];
        new java.util.Random(5).nextBytes(garbage);
        bytes.add(garbage);
        return bytes;
    }

    @Test
    void aParticipantsImportInTheBackgroundAnswersAsTheWaitingOneAndFailsTheSameWay() {
        Response waiting = importCsv(GOOD);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
        Response started = api.post(
                path("/participants/import?async=true"), token, "text/csv", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.location()).isEqualTo("/api/v1/ics/" + ods + "/jobs/" + id);
        JsonNode job = finishedJob(ods, token, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        for (String field : List.of("mentors", "mentees", "preferences")) {
            assertThat(job.get("result").get(field))
                    .as(field)
                    .isEqualTo(waiting.json().get(field));
        }
        assertThat(job.get("result").get("participants_version").asInt())
                .isEqualTo(waiting.json().get("participants_version").asInt() + 1);
        assertThat(job.get("rows_stored").asInt()).isEqualTo(7);

        String before = api.get(path(""), token).body();
        String broken = GOOD.replace("M1,mentor,2,", "M9,mentor,two,");
        Response refused = importCsv(broken);
        assertThat(refused.status()).isEqualTo(400);
        JsonNode failed = finishedJob(
                ods,
                token,
                api.post(
                                path("/participants/import?async=true"),
                                token,
                                "text/csv",
                                broken.getBytes(StandardCharsets.UTF_8))
                        .json()
                        .get("id")
                        .asLong());
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("problems")).isNotEmpty().isEqualTo(refused.json().get("errors"));
        assertThat(api.get(path(""), token).body()).isEqualTo(before);
    }
}
