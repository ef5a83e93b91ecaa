package org.goldenthread.engagement.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Two waves of a survey compared on the results page and in the API, and engagement's figures as evidence. */
class WavesAndEvidenceTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private String ods;
    private String adminEmail;
    private String admin;

    @BeforeEach
    void anIcs() {
        ods = createIcs("Waves ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        setMinGroupSize(ods, 3);
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }

    private long survey(String code, String question, int agree, int disagree) {
        Response created = api.post(path("/surveys"), admin, """
                {"code":"%s","title":"Pulse %s","anonymous":true,"questions":[
                 {"code":"%s","text":"Professionals are heard","type":"agreement4"}]}""".formatted(code, code, question));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        StringBuilder csv = new StringBuilder(question + "\n");
        csv.append("Agree\n".repeat(agree)).append("Disagree\n".repeat(disagree));
        Response imported = api.post(
                path("/surveys/" + id + "/responses/import"),
                admin,
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return id;
    }

    @Test
    void theSameQuestionInTwoWavesShowsItsChangeInPointsWithATest() {
        // 24 responses each, a multiple of k (3), so that an anonymous survey's figures hold every one
        long last = survey("pulse-2025", "Q1", 12, 12);
        // asked under another code, in the same words with the same options
        long now = survey("pulse-2026", "Q7", 18, 6);
        long tiny = survey("pulse-tiny", "Q1", 1, 1);

        Response r = api.get(path("/surveys/" + now + "/waves?previous=" + last), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode q = r.json().get("questions").get(0);
        assertThat(q.get("code").asString()).isEqualTo("Q7");
        assertThat(q.get("previous_code").asString()).isEqualTo("Q1");
        assertThat(q.get("compared").asBoolean()).isTrue();
        // Agree: 12 of 24, then 18 of 24: pooled 0.625, SE = √(0.625 × 0.375 × (2 / 24)) = 0.1398, z = 1.789, p = 0.074
        JsonNode agree = q.get("options").get(1);
        assertThat(agree.get("label").asString()).isEqualTo("Agree");
        assertThat(agree.get("change_points").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(agree.get("z").decimalValue()).isEqualByComparingTo("1.79");
        assertThat(agree.get("p_value").asDouble()).isBetween(0.073, 0.074);
        assertThat(agree.get("words").asString())
                .isEqualTo("Agree rose from 50% to 75%, 25 points; could be chance, p = 0.07");

        JsonNode small = api.get(path("/surveys/" + now + "/waves?previous=" + tiny), admin)
                .json()
                .get("questions")
                .get(0);
        assertThat(small.get("compared").asBoolean()).as("2 answers is under k").isFalse();
        assertThat(small.get("options")).isEmpty();
        assertThat(small.get("note").asString()).contains("fewer than 3");

        Response same = api.get(path("/surveys/" + now + "/waves?previous=" + now), admin);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("errors").get(0).get("field").asString()).isEqualTo("previous");

        PageClient browser = new PageClient(port).signIn(adminEmail, PASSWORD);
        assertThat(browser.get("/ics/" + ods + "/surveys/" + now + "/results?previous=" + last)
                        .body())
                .contains("Compared with an earlier survey")
                .contains("Agree rose from 50% to 75%, 25 points; could be chance, p = 0.07");
    }

    @Test
    void responseRateRepresentationGapsAndEventsHeldAreCitedAsEvidence() {
        // 12 paramedics on the register, 12 invited to a survey, 6 of them answered: 50%
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String email = uniqueEmail("paramedic");
            assertThat(api.post(
                                    path("/people"),
                                    admin,
                                    ApiClient.json(
                                            "person_ref",
                                            "P" + i,
                                            "given_name",
                                            "Pat",
                                            "family_name",
                                            "Medic" + i,
                                            "email",
                                            email,
                                            "profession",
                                            "paramedic"))
                            .status())
                    .isEqualTo(201);
            emails.add(email);
        }
        long survey = survey("pulse", "Q1", 3, 3);
        assertThat(api.post(
                                path("/surveys/" + survey + "/invitations?wait_seconds=1"),
                                admin,
                                ApiClient.json("emails", emails))
                        .status())
                .isEqualTo(201);
        inIcs(ods, () -> jdbc.sql("""
                        delete from survey_invitation_unanswered
                         where invitation_id in (select id from survey_invitation where survey_id = :s
                                                  order by id limit 6)""").param("s", survey).update());
        // a place event held last month, a system one held two years ago, and a place one still to come
        event("place", LocalDate.now().minusMonths(1));
        event("system", LocalDate.now().minusYears(2));
        event("place", LocalDate.now().plusDays(10));

        Response framework = api.post(path("/frameworks/adopt"), admin, ApiClient.json("code", "national-2021"));
        assertThat(framework.status()).as(framework.body()).isEqualTo(200);
        Response opened = api.post(
                path("/assessments"),
                admin,
                ApiClient.json(
                        "framework_id",
                        framework.json().get("id").asLong(),
                        "title",
                        "2026",
                        "opened_on",
                        LocalDate.now().minusMonths(1).toString()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        long cycle = opened.json().get("id").asLong();
        for (Map<String, Object> cite : List.<Map<String, Object>>of(
                Map.of("indicator", "P1.1", "metric", "response_rate", "survey_id", survey),
                Map.of("indicator", "P1.1", "metric", "representation_gaps", "survey_id", survey),
                Map.of("indicator", "P1.1", "metric", "events_held.place"),
                Map.of("indicator", "P1.1", "metric", "events_held"))) {
            Response r = api.post(path("/assessments/" + cycle + "/evidence"), admin, json(cite));
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
        Map<String, JsonNode> live = new HashMap<>();
        api.get(path("/assessments/" + cycle), admin)
                .json()
                .get("evidence")
                .forEach(e -> live.put(e.get("metric").asString(), e));
        assertThat(live.get("response_rate").get("value").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(live.get("response_rate").get("shown").asString()).isEqualTo("50%");
        // every paramedic invited, none under-represented against a register of paramedics
        assertThat(live.get("representation_gaps").get("value").asInt()).isZero();
        assertThat(live.get("events_held.place").get("value").asInt()).isOne();
        assertThat(live.get("events_held").get("value").asInt()).isOne();
    }

    private void event(String level, LocalDate day) {
        inIcs(
                ods,
                () -> jdbc.sql("""
                        insert into engagement_event (title, kind, level, starts_at, ends_at, online, location, capacity,
                                                      registration_closes_at, link_hash, uid)
                        values ('Held', 'webinar', :level, :starts, :ends, true, 'https://meet.example', 10, :starts,
                                sha256(convert_to(gen_random_uuid()::text, 'UTF8')), gen_random_uuid()::text)""")
                        .param("level", level)
                        .param("starts", java.sql.Timestamp.valueOf(day.atTime(10, 0)))
                        .param("ends", java.sql.Timestamp.valueOf(day.atTime(11, 0)))
                        .update());
    }

    private static String json(Map<String, Object> map) {
        List<Object> pairs = new ArrayList<>();
        map.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return ApiClient.json(pairs.toArray());
    }
}
