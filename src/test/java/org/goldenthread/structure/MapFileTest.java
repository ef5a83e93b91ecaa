package org.goldenthread.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ICS map as one file: an ICS admin adds its places, neighbourhoods and organisations in one import
 * rather than one form at a time, brings them up to date the same way, and downloads the map in the
 * form it imports, so that an export imported again changes nothing. A file with any problem changes
 * nothing and says what is wrong, by row and column.
 */
class MapFileTest extends IntegrationTest {

    private static final String HEADER = "kind,name,place,local_authority,ods_code,sector,population\n";

    /** Two places, three neighbourhoods (naming places on rows above and below them) and three organisations. */
    private static final String MAP = HEADER
            + "neighbourhood,Abbey PCN,Northfield,,U12345,,41000\n"
            + "place,Northfield,,Northfield Council,,,300000\n"
            + "place,Southvale,,Southvale Council,,,\n"
            + "neighbourhood,Brook PCN,Southvale,,,,\n"
            + "neighbourhood,Castle PCN,northfield,,,,38000\n"
            + "organisation,Northfield General Hospital,,,RX1,acute,\n"
            + "organisation,Abbey Surgery,Northfield,,B81001,general_practice,\n"
            + "organisation,=Formula Friends,Southvale,,,vcse,\n";

    private String ods;
    private String admin;

    @BeforeEach
    void anEmptyIcs() {
        ods = createIcs("Map file ICS");
        admin = tokenFor(createUser("ics_admin", ods));
    }

    private Response importMap(String csv) {
        return api.post("/api/v1/ics/" + ods + "/map/import", admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode list(String what) {
        return api.get("/api/v1/ics/" + ods + "/" + what, admin).json();
    }

    private static String names(JsonNode rows) {
        return rows.valueStream().map(r -> r.get("name").asString()).toList().toString();
    }

    @Test
    void aWholeMapImportsInOneFileAndItsExportImportsAgainChangingNothing() {
        Response imported = importMap(MAP);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().toString()).isEqualTo("{\"rows\":8,\"added\":8,\"changed\":0,\"unchanged\":0}");

        assertThat(names(list("places"))).isEqualTo("[Northfield, Southvale]");
        JsonNode hoods = list("neighbourhoods");
        assertThat(names(hoods)).isEqualTo("[Abbey PCN, Castle PCN, Brook PCN]");
        assertThat(hoods.get(0).get("ods_code").asString()).isEqualTo("U12345");
        assertThat(hoods.get(0).get("population").asInt()).isEqualTo(41000);
        // the place is spelt as the map spells it, whatever the file's case
        assertThat(hoods.get(1).get("place").asString()).isEqualTo("Northfield");
        JsonNode organisations = list("organisations");
        assertThat(names(organisations)).isEqualTo("[=Formula Friends, Abbey Surgery, Northfield General Hospital]");
        assertThat(organisations.get(2).get("place").isNull()).isTrue();
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=neighbourhood.created", admin)
                        .json()
                        .size())
                .isEqualTo(3);

        Response export = api.get("/api/v1/ics/" + ods + "/map/export", admin);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body())
                .startsWith("kind,name,place,local_authority,ods_code,sector,population\r\n"
                        + "place,Northfield,,Northfield Council,,,300000\r\n")
                .contains("neighbourhood,Abbey PCN,Northfield,,U12345,,41000\r\n")
                // a name a spreadsheet would run is exported as text
                .contains("organisation,'=Formula Friends,Southvale,,,vcse,\r\n");
        Response again = importMap(export.body());
        assertThat(again.json().toString()).isEqualTo("{\"rows\":8,\"added\":0,\"changed\":0,\"unchanged\":8}");
        assertThat(names(list("organisations"))).contains("=Formula Friends");
    }

    @Test
    void aLaterFileBringsRowsUpToDateAndABlankLeavesWhatTheMapHas() {
        assertThat(importMap(MAP).status()).isEqualTo(200);
        Response changed = importMap(HEADER
                + "place,Southvale,,,,,250000\n"
                + "neighbourhood,Abbey PCN,,,,,\n"
                + "neighbourhood,Brook PCN,Southvale,,u99999,,\n"
                + "organisation,Northfield General Hospital,Southvale,,,community,\n"
                + "organisation,Delta Pharmacy,Southvale,,,community_pharmacy,\n"
                // a known organisation may leave its sector blank, and keeps it
                + "organisation,Abbey Surgery,,,,,\n");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().toString()).isEqualTo("{\"rows\":6,\"added\":1,\"changed\":3,\"unchanged\":2}");

        JsonNode southvale = list("places").get(1);
        assertThat(southvale.get("population").asInt()).isEqualTo(250000);
        assertThat(southvale.get("local_authority").asString()).isEqualTo("Southvale Council");
        JsonNode abbey = list("neighbourhoods").get(0);
        assertThat(abbey.get("ods_code").asString()).isEqualTo("U12345");
        assertThat(abbey.get("population").asInt()).isEqualTo(41000);
        assertThat(list("neighbourhoods").get(2).get("ods_code").asString()).isEqualTo("U99999");
        JsonNode hospital = list("organisations")
                .valueStream()
                .filter(o -> o.get("name").asString().equals("Northfield General Hospital"))
                .findFirst()
                .orElseThrow();
        assertThat(hospital.get("sector").asString()).isEqualTo("community");
        assertThat(hospital.get("place").asString()).isEqualTo("Southvale");
        JsonNode audit = api.get("/api/v1/ics/" + ods + "/audit?action=organisation.changed", admin)
                .json();
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).toString()).contains("acute").contains("community");
    }

    @Test
    void aFileWithProblemsChangesNothingAndNamesEachByRowAndColumn() {
        assertThat(importMap(MAP).status()).isEqualTo(200);
        String before = api.get("/api/v1/ics/" + ods + "/map/export", admin).body();
        Response refused = importMap(HEADER
                + "region,Somewhere,,,,,\n"
                + "neighbourhood,Orphan PCN,,,,,\n"
                + "neighbourhood,Far PCN,Atlantis,,,,\n"
                + "place,Eastwold,Northfield,,,,\n"
                + "organisation,Bad Code Trust,,,R!1,acute,\n"
                + "organisation,No Sector Trust,,,,,\n"
                + "organisation,Wrong Sector Trust,,,,hospital,\n"
                + "place,Westvale,,,,,lots\n"
                + "place,westvale,,,,,\n"
                + "neighbourhood,Brook PCN,Northfield,,,,\n"
                + "place,Short\n"
                // names Westvale, whose own row (9) has a problem: it is not told Westvale is missing
                + "neighbourhood,West PCN,Westvale,,,,\n");
        assertThat(refused.status()).isEqualTo(400);
        List<String> problems = refused.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("row").asInt() + " "
                        + (e.get("field") == null || e.get("field").isNull()
                                ? null
                                : e.get("field").asString()))
                .toList();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "2 kind",
                        "3 place",
                        "5 place",
                        "6 ods_code",
                        "7 sector",
                        "8 sector",
                        "9 population",
                        "10 name",
                        "12 null",
                        "4 place",
                        "11 place");
        assertThat(refused.body())
                .contains("Use place, neighbourhood or organisation, not \\\"region\\\"")
                .contains("This ICS has no place called 'Atlantis'")
                .contains("A place has no place; leave it blank")
                .contains("This place is also on row 9")
                .contains("Brook PCN is a neighbourhood of Southvale; a neighbourhood cannot move");
        assertThat(api.get("/api/v1/ics/" + ods + "/map/export", admin).body()).isEqualTo(before);

        assertThat(importMap("").body()).contains("The file is empty: it needs the header row kind,name,");
        assertThat(importMap(HEADER).body()).contains("there are no places, neighbourhoods or organisations to import");
        assertThat(importMap("kind,name,region\nplace,Eastwold,North\n").body())
                .contains("\\\"region\\\" is not a column of the map file")
                .contains("The header has no population column");
        assertThat(api.get("/api/v1/ics/" + ods + "/map/export", admin).body()).isEqualTo(before);
    }

    /**
     * Names are unique within one ICS, but two ICSs merged into one may each have a place of the same
     * name: a row naming it cannot say which it means, so it is refused saying so, and the rest of the
     * file is not imported either.
     */
    @Test
    void inAMergedIcsARowNamingAPlaceBothHadIsRefused() {
        assertThat(importMap(MAP).status()).isEqualTo(200);
        String small = createIcs("Map file small ICS");
        String theirs = tokenFor(createUser("ics_admin", small));
        assertThat(api.post(
                                "/api/v1/ics/" + small + "/map/import",
                                theirs,
                                "text/csv",
                                (HEADER + "place,NORTHFIELD,,,,,\n").getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/admin/ics/" + small + "/merge-into/" + ods,
                                adminToken(),
                                org.goldenthread.support.ApiClient.json("confirm", small))
                        .status())
                .isEqualTo(200);

        Response refused = importMap(HEADER
                + "neighbourhood,Dale PCN,Northfield,,,,\n"
                + "place,northfield,,,,,5\n"
                + "place,Southvale,,,,,260000\n");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Two places of the ICSs merged into this one are called Northfield")
                .contains("Two places of the ICSs merged into this one are called northfield");
        // nothing of the file was imported: Southvale still has no population
        assertThat(list("places")
                        .valueStream()
                        .filter(p -> p.get("name").asString().equals("Southvale"))
                        .findFirst()
                        .orElseThrow()
                        .get("population")
                        .isNull())
                .isTrue();
        // a file naming neither is imported as usual
        Response fine = importMap(HEADER + "place,Southvale,,,,,260000\n");
        assertThat(fine.json().get("changed").asInt()).isEqualTo(1);
    }

    @Test
    void onlyAnIcsAdminImportsAnyoneWhoSeesTheMapDownloadsItAndNoOtherIcsReachesIt() {
        assertThat(importMap(MAP).status()).isEqualTo(200);
        for (String role : List.of("place_lead", "analyst", "member")) {
            String token = role.equals("place_lead")
                    ? tokenFor(createUser(role, ods, "Northfield"))
                    : tokenFor(createUser(role, ods));
            assertThat(api.post(
                                    "/api/v1/ics/" + ods + "/map/import",
                                    token,
                                    "text/csv",
                                    MAP.getBytes(StandardCharsets.UTF_8))
                            .status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/ics/" + ods + "/map/export", token).body())
                    .as(role)
                    .contains("Abbey PCN");
        }
        String other = createIcs("Another map ICS");
        String theirs = tokenFor(createUser("ics_admin", other));
        // another ICS's map is not there for them at all
        assertThat(api.get("/api/v1/ics/" + ods + "/map/export", theirs).status())
                .isEqualTo(404);
        Response own = api.get("/api/v1/ics/" + other + "/map/export", theirs);
        assertThat(own.body()).isEqualTo("kind,name,place,local_authority,ods_code,sector,population\r\n");
    }
}
