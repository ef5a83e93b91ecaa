package org.goldenthread.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Dates read the NHS.UK way on every page ("1 April 2026"), never as ISO dates, abbreviated months
 * or the browser's numeric style, and counts agree with their nouns ("1 response").
 */
class DatesAndCountsJourneyTest extends BrowserTest {

    private static final Pattern OTHER_DATE_STYLES =
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"
                    + "|\\b\\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec) \\d{4}\\b");

    @Test
    void surveyAndAssessmentPagesWriteDatesInFullAndCountsInTheRightNumber() throws Exception {
        String ods = createIcs("Dates ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        // named, so that one response shows figures (an anonymous survey shows none below k)
        String definition = new ClassPathResource("engagement/pulse.json")
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("\"anonymous\"\\s*:\\s*true", "\"anonymous\": false");
        long survey = api.post(
                        "/api/v1/ics/" + ods + "/surveys?opens_on=2026-04-01&closes_on=2027-01-04", token, definition)
                .json()
                .get("id")
                .asLong();
        ApiClient.Response answered = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + survey + "/responses",
                token,
                "{\"answers\":{\"Q1\":\"Agree\",\"Q2\":\"No\",\"Q3\":[\"Acute\"]}}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        long framework = api.post(
                        "/api/v1/ics/" + ods + "/frameworks/adopt", token, ApiClient.json("code", "national-2021"))
                .json()
                .get("id")
                .asLong();
        ApiClient.Response opened = api.post(
                "/api/v1/ics/" + ods + "/assessments",
                token,
                ApiClient.json(
                        "framework_id", framework, "title", "2026/27 self-assessment", "opened_on", "2026-04-01"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        long cycle = opened.json().get("id").asLong();
        ApiClient.Response action = api.post(
                "/api/v1/ics/" + ods + "/assessments/" + cycle + "/actions",
                token,
                ApiClient.json(
                        "indicator",
                        "P3.1",
                        "title",
                        "Fund backfill for place leads",
                        "owner",
                        "Medical Director",
                        "due_on",
                        LocalDate.now()
                                .plusYears(1)
                                .withMonth(3)
                                .withDayOfMonth(31)
                                .toString()));
        assertThat(action.status()).as(action.body()).isEqualTo(200);
        String due = "31 March " + LocalDate.now().plusYears(1).getYear();

        signIn(admin, PASSWORD);
        assertPageSays("/ics/" + ods + "/surveys", "1 April 2026 to 4 January 2027");
        assertPageSays("/ics/" + ods + "/surveys/" + survey, "1 April 2026 to 4 January 2027");
        assertPageSays("/ics/" + ods + "/surveys/" + survey + "/results", "1 response");
        assertThat(main()).doesNotContain("1 responses");
        assertPageSays("/ics/" + ods + "/assessments", "1 April 2026 to now");
        assertPageSays("/ics/" + ods + "/assessments/" + cycle, "Opened 1 April 2026");
        assertPageSays("/ics/" + ods + "/assessments/actions", due);
        assertPageSays("/ics/" + ods + "/assessments/" + cycle + "/indicators/P3.1", due);
        assertPageSays("/ics/" + ods + "/assessments/" + cycle + "/report", "opened 1 April 2026");
        // the token the test used was created today, at a time of day such as "9:05am"
        String today =
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(LocalDate.now(ZoneId.of("Europe/London")));
        assertPageSays("/account", today + " at ");
        assertThat(main()).containsPattern(" at \\d{1,2}(:\\d{2})?(am|pm)|at midday|at midnight");
        // the audit log keeps the second, as "9:05:07am"
        assertPageSays("/ics/" + ods + "/audit", today + " at ");
        assertThat(main()).containsPattern(" at \\d{1,2}:\\d{2}:\\d{2}(am|pm)");
    }

    private void assertPageSays(String path, String text) {
        page.navigate(url(path));
        String main = main();
        assertThat(main).as(path).contains(text);
        assertThat(OTHER_DATE_STYLES.matcher(main).results().map(m -> m.group()).toList())
                .as("dates not written the NHS.UK way on " + path)
                .isEmpty();
    }

    /**
     * What the page shows, less the hints under form fields, which still ask for dates as YYYY-MM-DD,
     * and the audit log's record of each change, which shows the data exactly as it was sent.
     */
    private String main() {
        return (String)
                page.locator("main")
                        .evaluate(
                                "m => { const shown = m.cloneNode(true);"
                                        + " shown.querySelectorAll('.nhsuk-hint, .gt-json').forEach(h => h.remove()); return shown.textContent; }");
    }
}
