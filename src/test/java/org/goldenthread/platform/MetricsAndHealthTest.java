package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * What an operator's Prometheus and load balancer see: the business figures behind a platform
 * administrator's token, and probes that say whether an instance is alive and may take traffic.
 */
class MetricsAndHealthTest extends IntegrationTest {

    private static final String SURVEY = """
            {"code": "figures", "title": "Figures", "anonymous": true, "questions": [
              {"code": "Q1", "text": "Do you have protected time?", "type": "yes_no", "required": true}]}""";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    MetricsProperties metrics;

    @Test
    void prometheusReadsTheBusinessFiguresWithAPlatformAdministratorsTokenOnly() {
        String ods = createIcs("Figures ICS");
        String icsAdmin = tokenFor(createUser("ics_admin", ods));
        ApiClient.Response made = api.post("/api/v1/ics/" + ods + "/surveys", icsAdmin, SURVEY);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long survey = made.json().get("id").asLong();
        ApiClient.Response response = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + survey + "/responses",
                icsAdmin,
                ApiClient.json("answers", Map.of("Q1", "Yes")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);

        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", icsAdmin).status()).isEqualTo(403);

        long icssInUse = 0;
        for (JsonNode ics : api.get("/api/v1/admin/ics", adminToken()).json()) {
            if (!ics.path("merged_into").isString() && !ics.path("mergedInto").isString()) {
                icssInUse++;
            }
        }
        ApiClient.Response scraped = api.get("/actuator/prometheus", adminToken());
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.contentType()).startsWith("text/plain");
        String text = scraped.body();
        assertThat(figure(text, "gt_icss")).isEqualTo(icssInUse);
        assertThat(figure(text, "gt_people")).isGreaterThanOrEqualTo(0);
        assertThat(figure(text, "gt_surveys_open")).isGreaterThanOrEqualTo(1);
        assertThat(figure(text, "gt_survey_mailings_waiting")).isGreaterThanOrEqualTo(0);
        assertThat(figure(text, "gt_survey_responses_last_hour")).isGreaterThanOrEqualTo(1);
        assertThat(figure(text, "gt_api_shed_total")).isGreaterThanOrEqualTo(0);
    }

    /**
     * Micrometer times requests under their route's pattern, up to a limit of distinct patterns
     * (100 by default); past it, requests to any further route go untimed, with one warning in the
     * log. The application has several hundred routes, so the limit must be above their number.
     */
    @Test
    void everyRouteCanBeTimedUnderItsOwnPattern() {
        long patterns = routes.getHandlerMethods().keySet().stream()
                .flatMap(route -> route.getPatternValues().stream())
                .distinct()
                .count();
        assertThat(patterns).as("routes").isGreaterThan(100);
        assertThat(metrics.getWeb().getServer().getMaxUriTags())
                .as("the limit of distinct uri tags on http.server.requests, for %d route patterns", patterns)
                .isGreaterThanOrEqualTo((int) patterns);
    }

    @Test
    void probesSayTheInstanceIsAliveAndReadyForTraffic() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            ApiClient.Response answer = api.get(probe, null);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    /** The value of a figure with no labels, or of its only series. */
    private static long figure(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(exposition);
        assertThat(m.find()).as("%s in%n%s", name, exposition).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
