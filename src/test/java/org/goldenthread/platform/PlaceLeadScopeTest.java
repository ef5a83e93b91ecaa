package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.people.RegisterFile;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A place lead sees the places they lead and nothing of the others: the register and its exports,
 * insight, and self-assessment cycles, on the API and on the pages. An ICS admin still sees it all.
 *
 * <p>In the small register, Northfield's people are P1, P5 and P6 (seats there now) and P2 (held a seat
 * there); Southvale's are P7 (a seat there) and P9, who holds no seat but works for an organisation
 * there. P3, P4 and P8 belong to no place.
 */
class PlaceLeadScopeTest extends IntegrationTest {

    private String ods;
    private String admin;
    private String northLead;
    private String northEmail;
    private String southLead;

    @BeforeEach
    void anIcsWithTwoPlaces() {
        ods = createIcs("Two places");
        admin = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.addGeography(api, admin, ods);
        assertThat(api.post(
                                path("/organisations"),
                                admin,
                                ApiClient.json(
                                        "name",
                                        "Southvale Community Trust",
                                        "ods_code",
                                        "RSV01",
                                        "sector",
                                        "community",
                                        "place",
                                        "Southvale"))
                        .status())
                .isEqualTo(201);
        Response imported = api.post(
                path("/register/import"),
                admin,
                "text/csv",
                RegisterFixture.smallRegister().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Response added = api.post(
                path("/people"),
                admin,
                ApiClient.json(
                        "person_ref",
                        "P9",
                        "given_name",
                        "Ida",
                        "family_name",
                        "Jones",
                        "profession",
                        "manager",
                        "employer",
                        "Southvale Community Trust",
                        "employer_ods",
                        "RSV01"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        northEmail = createUser("place_lead", ods, "Northfield");
        northLead = tokenFor(northEmail);
        southLead = tokenFor(createUser("place_lead", ods, "Southvale"));
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }

    private Set<String> refs(String token) {
        Response r = api.get(path("/people"), token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Set<String> refs = new TreeSet<>();
        r.json().forEach(p -> refs.add(p.get("person_ref").asString()));
        return refs;
    }

    private long idOf(String ref) {
        for (JsonNode p : api.get(path("/people"), admin).json()) {
            if (p.get("person_ref").asString().equals(ref)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("No person " + ref);
    }

    @Test
    void theRegisterOfAPlaceLeadHoldsThePeopleAndAppointmentsOfTheirPlace() {
        assertThat(refs(northLead)).containsExactly("P1", "P2", "P5", "P6");
        assertThat(refs(southLead)).as("P9 through their employer").containsExactly("P7", "P9");
        assertThat(refs(admin)).containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9");

        Response appointments = api.get(path("/appointments"), northLead);
        assertThat(appointments.status()).isEqualTo(200);
        Set<String> forums = new TreeSet<>();
        appointments.json().forEach(a -> forums.add(a.get("forum").asString()));
        assertThat(forums).containsExactly("Northfield Central Team", "Northfield Place Board");
        assertThat(api.get(path("/appointments"), admin).json().size())
                .isGreaterThan(appointments.json().size());

        assertThat(api.get(path("/people/" + idOf("P7")), northLead).status()).isEqualTo(404);
        assertThat(api.get(path("/people/" + idOf("P9")), northLead).status()).isEqualTo(404);
        assertThat(api.get(path("/people/" + idOf("P3")), northLead).status()).isEqualTo(404);
        Response asha = api.get(path("/people/" + idOf("P1")), northLead);
        assertThat(asha.status()).isEqualTo(200);
        List<String> seats = new ArrayList<>();
        asha.json().get("appointments").forEach(a -> seats.add(a.get("forum").asString()));
        assertThat(seats).as("her system seats are not Northfield's").containsExactly("Northfield Place Board");
        assertThat(api.get(path("/people/" + idOf("P1")), admin).json().get("appointments"))
                .hasSize(3);
    }

    @Test
    void registerExportsHoldOnlyThePlaceLedInCsvAndExcelOnApiAndPage() throws Exception {
        String csv = api.get(path("/register/export"), northLead).body();
        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).isEqualTo(RegisterFile.COLUMNS);
        assertNorthfieldOnly(rows);

        byte[] xlsx = api.getBytes(path("/register/export?format=xlsx"), northLead);
        assertThat(RegisterFile.readXlsx(xlsx)).isEqualTo(rows);

        PageClient page = new PageClient(port).signIn(northEmail, PASSWORD);
        PageClient.Page download = page.get("/ics/" + ods + "/register/download?format=csv");
        assertThat(download.status()).isEqualTo(200);
        assertThat(parse(download.body())).isEqualTo(rows);
        PageClient.Page workbook = page.get("/ics/" + ods + "/register/download?format=xlsx");
        assertThat(RegisterFile.readXlsx(workbook.bytes())).isEqualTo(rows);
        PageClient.Page people = page.get("/ics/" + ods + "/people");
        assertThat(people.body())
                .contains("Reed")
                .doesNotContain("Hale")
                .doesNotContain("Jones")
                .doesNotContain("Dunn");
        assertThat(page.get("/ics/" + ods + "/people/" + idOf("P7")).status()).isEqualTo(404);

        List<List<String>> whole =
                parse(api.get(path("/register/export"), admin).body());
        assertThat(whole).hasSizeGreaterThan(rows.size());
        assertThat(whole.stream().map(r -> r.get(13))).contains("Southvale East Team", "ICS Board");
    }

    private static void assertNorthfieldOnly(List<List<String>> rows) {
        int ref = RegisterFile.COLUMNS.indexOf("person_ref");
        int place = RegisterFile.COLUMNS.indexOf("place");
        int forum = RegisterFile.COLUMNS.indexOf("forum");
        Set<String> people = new TreeSet<>();
        Set<String> forums = new TreeSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (!row.get(ref).isEmpty()) {
                people.add(row.get(ref));
            }
            if (!row.get(forum).isEmpty()) {
                forums.add(row.get(forum));
                assertThat(row.get(place)).isEqualTo("Northfield");
            }
        }
        assertThat(people).containsExactly("P1", "P2", "P5", "P6");
        assertThat(forums).containsExactly("Northfield Central Team", "Northfield Place Board");
    }

    private static List<List<String>> parse(String csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
            rows.add(record.toList());
        }
        return rows;
    }

    @Test
    void aPlaceLeadSeesInsightForTheirPlaceOnly() {
        Response own = api.get(path("/insight"), northLead);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("place").asString())
                .as("narrowed to their place without asking")
                .isEqualTo("Northfield");
        assertThat(api.get(path("/insight?place=northfield"), northLead).status())
                .isEqualTo(200);
        Response other = api.get(path("/insight?place=Southvale"), northLead);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("levels");
        assertThat(api.get(path("/insight?place=Southvale"), southLead).status())
                .isEqualTo(200);
        Response whole = api.get(path("/insight"), admin);
        assertThat(whole.json().get("place").isNull()).isTrue();
        assertThat(api.get(path("/insight?place=Southvale"), admin).status()).isEqualTo(200);

        PageClient page = new PageClient(port).signIn(northEmail, PASSWORD);
        assertThat(page.get("/ics/" + ods + "/insight?place=Southvale").status())
                .isEqualTo(403);
        assertThat(page.get("/ics/" + ods + "/insight.csv?place=Southvale").status())
                .isEqualTo(403);
        assertThat(page.get("/ics/" + ods + "/insight/forums?place=Southvale").status())
                .isEqualTo(403);
        for (String part : List.of("time-and-seats", "professions", "development")) {
            assertThat(page.get("/ics/" + ods + "/insight/" + part + "?place=Southvale")
                            .status())
                    .as(part)
                    .isEqualTo(403);
            assertThat(page.get("/ics/" + ods + "/insight/" + part).body())
                    .as(part)
                    .doesNotContain("Whole ICS")
                    .doesNotContain("Southvale");
        }
        PageClient.Page mine = page.get("/ics/" + ods + "/insight");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).doesNotContain("Whole ICS").doesNotContain("Southvale");
        PageClient.Page csv = page.get("/ics/" + ods + "/insight.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).as("system seats belong to no place").contains("\r\nsystem,0,");
        assertThat(page.get("/ics/" + ods).body()).doesNotContain("at system level");
    }

    @Test
    void aPlaceLeadTakesPartInTheIcsCyclesAndTheirPlacesButNotAnotherPlaces() {
        Response adopted = api.post(path("/frameworks/adopt"), admin, ApiClient.json("code", "national-2021"));
        long framework = adopted.json().get("id").asLong();
        long icsWide = open(framework, "ICS 2026", null);
        long south = open(framework, "Southvale 2026", "Southvale");
        long north = open(framework, "Northfield 2026", "Northfield");
        assertThat(api.post(
                                path("/assessments/" + south + "/actions"),
                                admin,
                                ApiClient.json(
                                        "indicator",
                                        "P3.1",
                                        "title",
                                        "Protect Southvale's time",
                                        "owner",
                                        "Place director",
                                        "due_on",
                                        LocalDate.now().minusDays(3).toString()))
                        .status())
                .isEqualTo(200);

        Set<String> listed = new TreeSet<>();
        api.get(path("/assessments"), northLead)
                .json()
                .forEach(c -> listed.add(c.get("title").asString()));
        assertThat(listed).containsExactly("ICS 2026", "Northfield 2026");
        Set<String> all = new TreeSet<>();
        api.get(path("/assessments"), admin)
                .json()
                .forEach(c -> all.add(c.get("title").asString()));
        assertThat(all).contains("Southvale 2026");

        assertThat(api.get(path("/assessments/" + south), northLead).status()).isEqualTo(404);
        assertThat(api.get(path("/assessments/" + south + "/report.pdf"), northLead)
                        .status())
                .isEqualTo(404);
        assertThat(api.put(path("/assessments/" + south + "/ratings/P3.1"), northLead, ApiClient.json("level", 2))
                        .status())
                .isEqualTo(404);
        assertThat(api.put(path("/assessments/" + north + "/ratings/P3.1"), northLead, ApiClient.json("level", 2))
                        .status())
                .isEqualTo(204);
        assertThat(api.put(path("/assessments/" + icsWide + "/ratings/P3.1"), northLead, ApiClient.json("level", 3))
                        .status())
                .isEqualTo(204);
        assertThat(api.put(path("/assessments/" + south + "/ratings/P3.1"), southLead, ApiClient.json("level", 1))
                        .status())
                .isEqualTo(204);
        JsonNode southRatings =
                api.get(path("/assessments/" + south), admin).json().get("ratings");
        assertThat(southRatings).hasSize(1);

        PageClient page = new PageClient(port).signIn(northEmail, PASSWORD);
        String base = "/ics/" + ods + "/assessments/";
        for (String other : List.of(
                base + south,
                base + south + "/indicators/P3.1",
                base + south + "/report",
                base + south + "/report.pdf",
                base + south + "/trend")) {
            assertThat(page.get(other).status()).as(other).isEqualTo(404);
        }
        assertThat(page.get(base + north).status()).isEqualTo(200);
        PageClient.Page actions = page.get(base + "actions");
        assertThat(actions.status()).isEqualTo(200);
        assertThat(actions.body()).doesNotContain("Protect Southvale");
        assertThat(page.get("/ics/" + ods + "/assessments").body()).doesNotContain("Southvale 2026");
    }

    private long open(long framework, String title, String place) {
        Response r = api.post(
                path("/assessments"),
                admin,
                place == null
                        ? ApiClient.json("framework_id", framework, "title", title)
                        : ApiClient.json("framework_id", framework, "title", title, "place", place));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asLong();
    }
}
