package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * Page forms take dates as the NHS.UK date input does, in day, month and year boxes, and say what is
 * wrong in its words: a missing part, or a date that does not exist. The boxes come back as typed.
 */
class DateInputFormsTest extends IntegrationTest {

    @Test
    void aSurveyTakesItsDatesInThreeBoxesAndSaysWhatIsMissingOrImpossible() {
        String ods = createIcs("Date Boxes Surveys ICS");
        String admin = createUser("ics_admin", ods);
        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);
        String form = browser.get("/ics/" + ods + "/surveys").body();
        assertThat(form)
                .contains("name=\"opens_on-day\"", "name=\"opens_on-month\"", "name=\"opens_on-year\"")
                .contains("nhsuk-date-input")
                .contains("For example, 15 3 2027");

        Page missingMonth = browser.post(
                "/ics/" + ods + "/surveys/new",
                "title",
                "Pulse",
                "code",
                "pulse",
                "anonymous",
                "true",
                "opens_on-day",
                "15",
                "opens_on-month",
                "",
                "opens_on-year",
                "2027",
                "closes_on-day",
                "31",
                "closes_on-month",
                "2",
                "closes_on-year",
                "2027");
        assertThat(missingMonth.status()).isEqualTo(200);
        assertThat(missingMonth.body())
                .contains("Opens on must include a month")
                .contains("Closes on must be a real date")
                .doesNotContain("opens_on:", "year-month-day")
                .contains("nhsuk-form-group nhsuk-form-group--error")
                .containsPattern("id=\"opens_on-day\"[^>]*value=\"15\"|value=\"15\"[^>]*id=\"opens_on-day\"")
                .containsPattern("id=\"closes_on-day\"[^>]*value=\"31\"|value=\"31\"[^>]*id=\"closes_on-day\"");
        assertThat(surveys(ods, admin)).isEmpty();

        Page created = browser.post(
                "/ics/" + ods + "/surveys/new",
                "title",
                "Pulse",
                "code",
                "pulse",
                "anonymous",
                "true",
                "opens_on-day",
                "5",
                "opens_on-month",
                "3",
                "opens_on-year",
                "2027",
                "closes_on-day",
                "",
                "closes_on-month",
                "",
                "closes_on-year",
                "");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode survey = surveys(ods, admin).get(0);
        assertThat(survey.get("opens_on").asString()).isEqualTo("2027-03-05");
        assertThat(survey.get("closes_on").isNull()).isTrue();

        // the survey's own page shows the stored date back in the boxes, without leading zeros
        String page = browser.follow(created).body();
        assertThat(page)
                .containsPattern("id=\"opens_on-day\"[^>]*value=\"5\"|value=\"5\"[^>]*id=\"opens_on-day\"")
                .containsPattern("id=\"opens_on-month\"[^>]*value=\"3\"|value=\"3\"[^>]*id=\"opens_on-month\"");
    }

    @Test
    void anAppointmentTakesItsStartDateInThreeBoxes() {
        String ods = createIcs("Date Boxes Register ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        long forum = api.post(
                        "/api/v1/ics/" + ods + "/forums",
                        token,
                        ApiClient.json(
                                "name", "ICS Board", "level", "system", "kind", "board", "decision_rights", "decides"))
                .json()
                .get("id")
                .asLong();
        long seat = api.post(
                        "/api/v1/ics/" + ods + "/forums/" + forum + "/seats",
                        token,
                        ApiClient.json("title", "Chair", "seat_type", "chair"))
                .json()
                .get("id")
                .asLong();
        ApiClient.Response person = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json("person_ref", "D1", "given_name", "Dee", "family_name", "Day", "profession", "gp"));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        long id = person.json().get("id").asLong();

        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);
        browser.get("/ics/" + ods + "/people/" + id);
        Page impossible = browser.post(
                "/ics/" + ods + "/people/" + id + "/appointments",
                "seat_id",
                String.valueOf(seat),
                "start_date-day",
                "31",
                "start_date-month",
                "2",
                "start_date-year",
                "2027",
                "end_date-day",
                "",
                "end_date-month",
                "",
                "end_date-year",
                "27");
        assertThat(impossible.status()).isEqualTo(200);
        assertThat(impossible.body())
                .contains("Start date must be a real date")
                .contains("End date must include a day and month");
        assertThat(api.get("/api/v1/ics/" + ods + "/people/" + id, token).json().get("appointments"))
                .isEmpty();

        Page appointed = browser.post(
                "/ics/" + ods + "/people/" + id + "/appointments",
                "seat_id",
                String.valueOf(seat),
                "start_date-day",
                "1",
                "start_date-month",
                "4",
                "start_date-year",
                "2026",
                "end_date-day",
                "",
                "end_date-month",
                "",
                "end_date-year",
                "");
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(302);
        JsonNode appointment = api.get("/api/v1/ics/" + ods + "/people/" + id, token)
                .json()
                .get("appointments")
                .get(0);
        assertThat(appointment.get("start_date").asString()).isEqualTo("2026-04-01");
        assertThat(appointment.get("end_date").isNull()).isTrue();
    }

    @Test
    void theAuditFilterTakesDatesInBoxesAndMultipartFormsStillWork() throws Exception {
        String ods = createIcs("Date Boxes Audit ICS");
        String admin = createUser("ics_admin", ods);
        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);

        Page filtered = browser.get(
                "/ics/" + ods + "/audit?from-day=1&from-month=13&from-year=2026&to-day=&to-month=&to-year=");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).contains("From date must be a real date");

        // a multipart form, with its CSRF token, still reaches its controller through the date joining
        browser.get("/ics/" + ods + "/surveys");
        String boundary = "dates" + System.nanoTime();
        byte[] definition = new ClassPathResource("engagement/ccpl-principles.json").getContentAsByteArray();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = new byte[head.length() + definition.length + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, body, 0, head.length());
        System.arraycopy(definition, 0, body, head.length(), definition.length);
        System.arraycopy(
                tail.getBytes(StandardCharsets.UTF_8), 0, body, head.length() + definition.length, tail.length());
        Page uploaded =
                browser.postBody("/ics/" + ods + "/surveys/upload", "multipart/form-data; boundary=" + boundary, body);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        assertThat(surveys(ods, admin)).hasSize(1);
    }

    private JsonNode surveys(String ods, String admin) {
        return api.get("/api/v1/ics/" + ods + "/surveys", tokenFor(admin)).json();
    }
}
