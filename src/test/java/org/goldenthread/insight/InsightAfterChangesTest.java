package org.goldenthread.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Insight keeps a copy of each ICS's map and register between calls; every change to them, however
 * it is made, shows in the very next call's figures, which are those a fresh read gives. Figures for
 * the small register are as worked out in {@link InsightTest}.
 */
class InsightAfterChangesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegisterCopies copies;

    @Autowired
    java.time.Clock clock;

    private String ods;
    private String admin;

    @BeforeEach
    void theSmallRegister() {
        ods = createIcs("Insight after changes");
        admin = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.addGeography(api, admin, ods);
        importFile(RegisterFixture.smallRegister());
    }

    @Test
    void aNewAppointmentShowsInTheNextCall() {
        assertThat(level(insight(""), "place").get("vacant_seats").asInt()).isEqualTo(2);
        long p8 = id(api.get("/api/v1/ics/" + ods + "/people", admin).json(), "person_ref", "P8");
        long ahpLead = id(api.get("/api/v1/ics/" + ods + "/seats", admin).json(), "title", "AHP lead");

        Response appointed = api.post(
                "/api/v1/ics/" + ods + "/people/" + p8 + "/appointments",
                admin,
                ApiClient.json(
                        "seat_id", ahpLead, "start_date", LocalDate.now(clock).toString(), "route", "nomination"));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);

        JsonNode place = level(insight(""), "place");
        assertThat(place.get("vacant_seats").asInt()).isEqualTo(1);
        assertThat(place.get("leaders").asInt()).isEqualTo(3);
        assertSameAsFresh("");
    }

    @Test
    void anEndedAppointmentShowsInTheNextCall() {
        assertThat(level(insight(""), "neighbourhood").get("leaders").asInt()).isEqualTo(2);
        long p7 = id(api.get("/api/v1/ics/" + ods + "/appointments", admin).json(), "person_ref", "P7");

        Response ended = api.patch(
                "/api/v1/ics/" + ods + "/appointments/" + p7,
                admin,
                ApiClient.json("end_date", LocalDate.now(clock).minusDays(1).toString()));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        JsonNode neighbourhood = level(insight(""), "neighbourhood");
        assertThat(neighbourhood.get("leaders").asInt()).isEqualTo(1);
        assertThat(neighbourhood.get("vacant_seats").asInt()).isEqualTo(1);
        assertSameAsFresh("");
    }

    @Test
    void aForumRenamedInTheDatabaseShowsInTheNextCall() {
        assertThat(insight("").get("forums_without_line_of_sight").toString()).isEqualTo("[\"Southvale East Team\"]");

        // no page renames a forum; whatever writes to the table, the next call must see it
        inIcs(
                ods,
                () -> jdbc.sql("update forum set name = 'Southvale East Network' where name = 'Southvale East Team'")
                        .update());

        assertThat(insight("").get("forums_without_line_of_sight").toString())
                .isEqualTo("[\"Southvale East Network\"]");
        assertSameAsFresh("");
    }

    @Test
    void anImportShowsInTheNextCall() {
        assertThat(level(insight(""), "system").get("vacant_seats").asInt()).isEqualTo(1);

        importFile(RegisterFixture.HEADER + "\n"
                + ",,,,,,,,,,system,,,Quality Committee,committee,advises,ICS Board,Member,member,true,,,,,\n");

        assertThat(level(insight(""), "system").get("vacant_seats").asInt()).isEqualTo(2);
        assertSameAsFresh("");
    }

    @Test
    void aPlaceLeadStillSeesOnlyTheirPlaceFromTheCopyOfTheWholeIcs() {
        String lead = tokenFor(createUser("place_lead", ods, "Northfield"));
        JsonNode whole = insight("");
        JsonNode northfield = insight("?place=Northfield");

        Response theirs = api.get("/api/v1/ics/" + ods + "/insight", lead);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json()).isEqualTo(northfield).isNotEqualTo(whole);
        assertThat(theirs.json().get("forums_without_line_of_sight").toString()).isEqualTo("[]");
        assertThat(api.get("/api/v1/ics/" + ods + "/insight?place=Southvale", lead)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anotherIcsChangingLeavesThisOnesCountAlone() {
        JsonNode before = insight("");
        String counted = changeCount();
        String other = createIcs("Insight elsewhere");
        String otherAdmin = tokenFor(createUser("ics_admin", other));
        RegisterFixture.loadSmallRegister(api, otherAdmin, other);

        assertThat(changeCount()).isEqualTo(counted);
        assertThat(insight("")).isEqualTo(before);
    }

    private String changeCount() {
        return inIcs(
                ods,
                () -> jdbc.sql("select change_counts('register')")
                        .query(String.class)
                        .single());
    }

    private void importFile(String csv) {
        Response imported = api.post(
                "/api/v1/ics/" + ods + "/register/import", admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private JsonNode insight(String query) {
        Response r = api.get("/api/v1/ics/" + ods + "/insight" + query, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The figures from the copy kept are those read afresh with no copy kept. */
    private void assertSameAsFresh(String query) {
        JsonNode kept = insight(query);
        copies.forgetAll();
        assertThat(insight(query)).isEqualTo(kept);
    }

    private static JsonNode level(JsonNode figures, String level) {
        for (JsonNode l : figures.get("levels")) {
            if (l.get("level").asString().equals(level)) {
                return l;
            }
        }
        throw new AssertionError("No level " + level + " in " + figures);
    }

    private static long id(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.path(field).asString().equals(value)) {
                return row.get("id").asLong();
            }
        }
        throw new AssertionError("No row with " + field + " " + value + " in " + rows);
    }
}
