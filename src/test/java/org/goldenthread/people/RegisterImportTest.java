package org.goldenthread.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The register file: import, export, round trip, idempotence and the precise report of problems. */
class RegisterImportTest extends IntegrationTest {

    private String ods;
    private String token;

    @BeforeEach
    void anIcsWithGeography() {
        ods = createIcs("Register import");
        token = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.addGeography(api, token, ods);
    }

    private Response importCsv(String csv) {
        return api.post(
                "/api/v1/ics/" + ods + "/register/import", token, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private String export() {
        Response r = api.get("/api/v1/ics/" + ods + "/register/export", token);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void importsTheRegisterAndExportThenImportRoundTripsExactly() {
        Response first = importCsv(RegisterFixture.smallRegister());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode outcome = first.json();
        assertThat(outcome.get("people_added").asInt()).isEqualTo(8);
        assertThat(outcome.get("forums_added").asInt()).isEqualTo(5);
        assertThat(outcome.get("seats_added").asInt()).isEqualTo(12);
        assertThat(outcome.get("appointments_added").asInt()).isEqualTo(10);

        String exported = export();
        assertThat(exported.lines().count()).isEqualTo(14);
        assertThat(exported.lines().findFirst().orElseThrow()).isEqualTo(RegisterFixture.HEADER);

        Response again = importCsv(exported);
        assertThat(again.status()).isEqualTo(200);
        assertThat(changes(again.json())).isZero();
        assertThat(export()).isEqualTo(exported);

        // the same original file twice changes nothing either
        assertThat(changes(importCsv(RegisterFixture.smallRegister()).json())).isZero();
    }

    @Test
    void anExportedRegisterImportsIntoAnotherIcsAndExportsIdentically() {
        importCsv(RegisterFixture.smallRegister());
        String exported = export();
        String otherOds = createIcs("Register copy");
        String otherToken = tokenFor(createUser("ics_admin", otherOds));
        RegisterFixture.addGeography(api, otherToken, otherOds);
        Response copied = api.post(
                "/api/v1/ics/" + otherOds + "/register/import",
                otherToken,
                "text/csv",
                exported.getBytes(StandardCharsets.UTF_8));
        assertThat(copied.status()).as(copied.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + otherOds + "/register/export", otherToken)
                        .body())
                .isEqualTo(exported);
    }

    @Test
    void changesToAPersonAreAppliedAndAudited() {
        importCsv(RegisterFixture.smallRegister());
        String changed = RegisterFixture.smallRegister().replace("P8,Hana,Iles", "P8,Hannah,Iles");
        Response r = importCsv(changed);
        assertThat(r.json().get("people_changed").asInt()).isEqualTo(1);
        assertThat(changes(r.json())).isEqualTo(1);
        JsonNode audit = api.get("/api/v1/ics/" + ods + "/audit?action=person.updated", token)
                .json();
        assertThat(audit.toString()).contains("Hannah").contains("Hana");
    }

    @Test
    void everyProblemIsReportedByRowAndColumnAndNothingChanges() {
        importCsv(RegisterFixture.smallRegister());
        String before = export();
        String today = java.time.LocalDate.now().toString();
        String bad = RegisterFixture.HEADER + "\n"
                + "Q1,Ann,Ash,,dentist,,,,acute,senior,,,,,,,,,,,,,,,\n"
                + "Q2,Bo,Bell,,gp,12345,,,acute,senior,,,,,,,,,,,,,,,\n"
                + "Q3,Cy,Cole,,gp,1234567,,,acute,senior,system,,,ICS Board,board,decides,,Chair,chair,true,2026-05-01,2026-04-01,election,2,2\n"
                + "Q4,Di,Dee,,gp,7654321,,,acute,senior,system,,,New Forum,committee,advises,Nowhere Board,Seat,member,true,"
                + today + ",,,1,1\n"
                + "Q5,Ed,Eve,,gp,7654322,,,acute,veteran,,,,,,,,,,,,,,,\n"
                + "Q5,Ed,Evans,,gp,7654322,,,acute,veteran,,,,,,,,,,,,,,,\n"
                + ",,,,,,,,,,system,,,Loop A,committee,advises,Loop B,S,member,true,,,,,\n"
                + ",,,,,,,,,,system,,,Loop B,committee,advises,Loop A,S,member,true,,,,,\n";
        Response r = importCsv(bad);
        assertThat(r.status()).isEqualTo(400);
        String errors = r.json().get("errors").toString();
        assertThat(errors)
                .contains("{\"row\":2,\"field\":\"profession\"")
                .contains("{\"row\":3,\"field\":\"registration_number\"")
                .contains("{\"row\":4,\"field\":\"end_date\"")
                .contains("{\"row\":5,\"field\":\"reports_to\"")
                .contains("{\"row\":6,\"field\":\"career_stage\"")
                .contains("{\"row\":7,\"field\":\"family_name\"")
                .contains("Conflicting details for person Q5")
                .contains("round in a circle");
        assertThat(export()).isEqualTo(before);
    }

    @Test
    void validRowsModeImportsTheGoodRowsAndReportsTheRest() {
        String file = RegisterFixture.HEADER + "\n"
                + "Q1,Ann,Ash,,gp,1234567,,,acute,senior,,,,,,,,,,,,,,,\n"
                + "Q2,Bo,Bell,,gp,12345,,,acute,senior,,,,,,,,,,,,,,,\n";
        Response r = api.post(
                "/api/v1/ics/" + ods + "/register/import?mode=valid_rows",
                token,
                "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("people_added").asInt()).isEqualTo(1);
        assertThat(r.json().get("skipped_rows").toString()).isEqualTo("[3]");
        assertThat(export()).contains("Q1,Ann,Ash").doesNotContain("Q2");
    }

    @Test
    void exportGuardsAgainstFormulasAndImportRestoresTheValues() {
        Response added = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json(
                        "person_ref",
                        "F1",
                        "given_name",
                        "=HYPERLINK(\"http://x\")",
                        "family_name",
                        "-Smith",
                        "profession",
                        "gp"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String exported = export();
        assertThat(exported).contains("F1,\"'=HYPERLINK(\"\"http://x\"\")\",'-Smith,");
        assertThat(changes(importCsv(exported).json())).isZero();
        assertThat(export()).isEqualTo(exported);
    }

    @Test
    void xlsxExportOpensAsAWorkbookWithTheSameRows() throws Exception {
        importCsv(RegisterFixture.smallRegister());
        Response r = api.get("/api/v1/ics/" + ods + "/register/export?format=xlsx", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).contains("spreadsheetml");
    }

    @Test
    void anExportInAFormatNotOfferedIsRefusedNamingTheFormat() {
        for (String format : java.util.List.of("pdf", "XLSX")) {
            Response r = api.get("/api/v1/ics/" + ods + "/register/export?format=" + format, token);
            assertThat(r.status()).as(format).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
        }
        assertThat(api.get("/api/v1/ics/" + ods + "/register/export?format=csv", token)
                        .contentType())
                .startsWith("text/csv");
    }

    @Test
    void theImportPageRefusesAModeItDoesNotOfferAndImportsNothing() {
        PageClient pages = new PageClient(port).signIn(createUser("ics_admin", ods), PASSWORD);
        pages.get("/ics/" + ods + "/register");
        String boundary = "register" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nbogus\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + RegisterFixture.smallRegister() + "\r\n--" + boundary + "--\r\n";
        Page shown = pages.postBody(
                "/ics/" + ods + "/register",
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains("id=\"mode-error\"")
                .contains("Choose what to do if some rows have problems")
                .contains("href=\"#mode\"");
        assertThat(api.get("/api/v1/ics/" + ods + "/people", token).json()).isEmpty();
    }

    @Test
    void onlyAnIcsAdminMayImport() {
        String lead = tokenFor(createUser("place_lead", ods, "Northfield"));
        Response r = api.post(
                "/api/v1/ics/" + ods + "/register/import",
                lead,
                "text/csv",
                RegisterFixture.smallRegister().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(403);
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.get("/api/v1/ics/" + ods + "/register/export", analyst).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/ics/" + ods + "/people", analyst).status()).isEqualTo(403);
    }

    private static int changes(JsonNode outcome) {
        int total = 0;
        for (String field : new String[] {
            "people_added",
            "people_changed",
            "forums_added",
            "forums_changed",
            "seats_added",
            "seats_changed",
            "appointments_added",
            "appointments_changed"
        }) {
            total += outcome.get(field).asInt();
        }
        return total;
    }
}
