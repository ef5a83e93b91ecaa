package org.goldenthread.development.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.Programmes;
import org.goldenthread.support.RegisterEntries;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A programme's count of leader types, with k = 3. Its participants are known to whoever reads it,
 * so the counts stand until k of them have taken a new reflection, joined or left: read before and
 * after one participant's reflection, they would otherwise give that person's type away.
 */
class LeaderTypeCohortTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void theCountsStandUntilKParticipantsHaveChanged() {
        String ods = createIcs("Leader types ICS");
        String admin = tokenFor(createUser("ics_admin", ods));
        setMinGroupSize(ods, 3);
        Map<String, Long> people = new java.util.LinkedHashMap<>();
        for (String ref : List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8")) {
            people.put(ref, RegisterEntries.gp(api, admin, ods, ref, "Person", ref, uniqueEmail(ref.toLowerCase())));
        }
        long programme = Programmes.create(api, admin, ods, "Mentoring 2027", "mentoring", false);
        Programmes.addParticipants(
                api,
                admin,
                ods,
                programme,
                "person_ref,role,capacity,preferences\nP1,mentor,2,\nP2,mentor,2,\nP3,mentor,2,\nP4,mentor,2,\n"
                        + "P5,mentee,,\nP6,mentee,,\nP7,mentee,,\nP8,mentee,,\n");
        for (String ref : List.of("P1", "P2", "P3", "P4", "P5", "P6")) {
            reflect(ods, people.get(ref), "shaper", 20);
        }
        String analyst = tokenFor(createUser("analyst", ods));
        String path = "/api/v1/ics/" + ods + "/programmes/" + programme + "/leader-types";
        JsonNode first = api.get(path, analyst).json();
        assertThat(count(first, "shaper")).isEqualTo(6);

        // two participants reflect again (one of them twice): fewer than k, so the counts stand
        reflect(ods, people.get("P1"), "steady", 5);
        reflect(ods, people.get("P2"), "steady", 5);
        reflect(ods, people.get("P2"), "pioneer", 4);
        JsonNode standing = api.get(path, analyst).json();
        assertThat(count(standing, "shaper")).isEqualTo(6);
        assertThat(count(standing, "steady")).isZero();
        assertThat(standing.get("counted_on").asString())
                .isEqualTo(LocalDate.now().toString());
        String page = new org.goldenthread.support.PageClient(port)
                .signIn(createUser("analyst", ods), PASSWORD)
                .get("/ics/" + ods + "/programmes/" + programme + "/leader-types")
                .body();
        assertThat(page).contains("Counted on ").contains("once at least 3 participants");

        // a third: the counts move by all three at once
        reflect(ods, people.get("P3"), "steady", 3);
        JsonNode moved = api.get(path, analyst).json();
        assertThat(count(moved, "shaper")).isEqualTo(3);
        assertThat(count(moved, "steady")).isNull();
        assertThat(count(moved, "pioneer")).isNull();
    }

    @Test
    void changedCountsEachParticipantOnce() {
        assertThat(Reflections.changed(Map.of(1L, 10L, 2L, 20L), Map.of(1L, 10L, 2L, 20L)))
                .isZero();
        // 1 reflected again, 2 left, 3 joined with a reflection
        assertThat(Reflections.changed(Map.of(1L, 10L, 2L, 20L), Map.of(1L, 11L, 3L, 30L)))
                .isEqualTo(3);
    }

    private void reflect(String ods, long person, String type, int daysAgo) {
        inIcs(
                ods,
                () -> jdbc.sql("""
                                insert into leader_type_reflection
                                       (person_id, answers, ambition, politics, leader_type, taken_on)
                                values (:person, cast('{}' as jsonb), 3, 3, :type, :on)""")
                        .param("person", person)
                        .param("type", type)
                        .param("on", LocalDate.now().minusDays(daysAgo))
                        .update());
    }

    private static @Nullable Integer count(JsonNode cohort, String type) {
        for (JsonNode t : cohort.get("types")) {
            if (t.get("type").asString().equals(type)) {
                return t.get("people").isNull() ? null : t.get("people").asInt();
            }
        }
        throw new AssertionError("No " + type + " in " + cohort);
    }
}
