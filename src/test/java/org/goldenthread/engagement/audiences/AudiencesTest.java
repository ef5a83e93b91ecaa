package org.goldenthread.engagement.audiences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * Segments against the small register, whose people are worked out by hand (see {@link
 * RegisterFixture#smallRegister()}): who is counted for each criterion, contacts outside the
 * register joining and leaving on request, inviting a segment to a survey and to an event, what a
 * place lead sees, and bad criteria refused by field on the page and in the API.
 */
class AudiencesTest extends IntegrationTest {

    /** The one person on the small register with an email address: P1, a GP in Northfield. */
    private static final String ASHA = "asha.reed@example.nhs.uk";

    private String ods;
    private String admin;
    private String adminEmail;

    @BeforeEach
    void anIcsWithTheSmallRegister() {
        ods = createIcs("Audiences ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        RegisterFixture.loadSmallRegister(api, admin, ods);
    }

    private JsonNode count(String token, Map<String, List<String>> criteria, boolean contacts) {
        Response r = api.post(
                "/api/v1/ics/" + ods + "/segments/count",
                token,
                ApiClient.json("criteria", criteria, "include_contacts", contacts));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Everyone the criteria reach, with an address or without one. */
    private int everyone(Map<String, List<String>> criteria) {
        JsonNode c = count(admin, criteria, false);
        return c.get("reachable").asInt() + c.get("without_email").asInt();
    }

    @Test
    void theLiveCountOfEachCriterionMatchesTheRegisterWorkedByHand() {
        // P1..P8, P2's place-board seat having ended a year ago
        assertThat(everyone(Map.of())).isEqualTo(8);
        assertThat(count(admin, Map.of(), false).get("reachable").asInt()).isEqualTo(1);
        // seats at place level today: P1 (GP lead) and P5 (social care lead); P2's ended
        assertThat(everyone(Map.of("levels", List.of("place")))).isEqualTo(2);
        // Northfield: P1 and P5 on its place board, P6 on its neighbourhood team
        assertThat(everyone(Map.of("places", List.of("Northfield")))).isEqualTo(3);
        assertThat(everyone(Map.of("places", List.of("Southvale")))).isEqualTo(1);
        assertThat(everyone(Map.of("forums", List.of("Northfield Place Board"))))
                .isEqualTo(2);
        // professional leads: P2 (ICS board), P4 (council), P5 (place board)
        assertThat(everyone(Map.of("seat_types", List.of("professional_lead")))).isEqualTo(3);
        assertThat(everyone(Map.of("professions", List.of("gp")))).isEqualTo(2);
        // a physiotherapist (P7) and an occupational therapist (P8)
        assertThat(everyone(Map.of("profession_groups", List.of("Allied health professions"))))
                .isEqualTo(2);
        assertThat(everyone(Map.of("sectors", List.of("acute")))).isEqualTo(3);
        assertThat(everyone(Map.of("career_stages", List.of("early")))).isEqualTo(3);
        // ticks in one list mean any of them (early P4, P6, P8; mid P2, P7), lists together mean all
        assertThat(everyone(Map.of("career_stages", List.of("early", "mid")))).isEqualTo(5);
        assertThat(everyone(Map.of("places", List.of("Northfield"), "career_stages", List.of("early"))))
                .isEqualTo(1);
    }

    @Test
    void contactsOutsideTheRegisterJoinASegmentAndLeaveItOnRequest() {
        Map<String, List<String>> ahps = Map.of("profession_groups", List.of("Allied health professions"));
        assertThat(count(admin, ahps, true).get("reachable").asInt()).isZero();
        Response added = api.post(
                "/api/v1/ics/" + ods + "/contacts",
                admin,
                ApiClient.json(
                        "name", "Sam Student",
                        "email", uniqueEmail("student"),
                        "profession", "physiotherapist",
                        "kind", "student"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(count(admin, ahps, true).get("reachable").asInt()).isEqualTo(1);
        // left out where the segment does not ask for contacts, or selects on what only the register knows
        assertThat(count(admin, ahps, false).get("reachable").asInt()).isZero();
        assertThat(count(admin, Map.of("sectors", List.of("acute")), true)
                        .get("reachable")
                        .asInt())
                .isZero();

        Response removed = api.delete(
                "/api/v1/ics/" + ods + "/contacts/" + added.json().get("id").asLong(), admin);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/ics/" + ods + "/contacts", admin).json().size())
                .isZero();
        assertThat(count(admin, ahps, true).get("reachable").asInt()).isZero();
    }

    @Test
    void whereEntriesShareAnAddressTheOneAddedFirstDecidesWhichSegmentsReachIt() {
        String shared = uniqueEmail("shared");
        // a GP added first, then a midwife by the same address who comes first by family name
        org.goldenthread.support.RegisterEntries.aGpThenAMidwifeSharing(api, admin, ods, shared);
        // and a contact by that address, in capitals, a midwife as well
        Response contact = api.post(
                "/api/v1/ics/" + ods + "/contacts",
                admin,
                ApiClient.json(
                        "name",
                        "Ada Aardvark",
                        "email",
                        shared.toUpperCase(java.util.Locale.ROOT),
                        "profession",
                        "midwife",
                        "kind",
                        "student"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);

        // the register's first entry stands for the address: neither the later entry nor the contact is a midwife
        Map<String, List<String>> midwives = Map.of("profession_groups", List.of("Nursing and midwifery"));
        assertThat(count(admin, midwives, false).get("reachable").asInt()).isZero();
        assertThat(count(admin, midwives, true).get("reachable").asInt()).isZero();
        // the GPs: Asha and the shared address, once
        assertThat(count(admin, Map.of("professions", List.of("gp")), true)
                        .get("reachable")
                        .asInt())
                .isEqualTo(2);
    }

    private long segment(String name, Map<String, List<String>> criteria, boolean contacts) {
        Response r = api.post(
                "/api/v1/ics/" + ods + "/segments",
                admin,
                ApiClient.json("name", name, "criteria", criteria, "include_contacts", contacts));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("segment").get("id").asLong();
    }

    @Test
    void aSegmentIsInvitedToASurveyAndToAnEvent() throws Exception {
        String student = uniqueEmail("gpstudent");
        api.post(
                "/api/v1/ics/" + ods + "/contacts",
                admin,
                ApiClient.json("name", "Gil Trainee", "email", student, "profession", "gp", "kind", "student"));
        long gps = segment("GPs", Map.of("professions", List.of("gp")), true);

        String definition = new ClassPathResource("engagement/pulse.json").getContentAsString(StandardCharsets.UTF_8);
        Response survey = api.post("/api/v1/ics/" + ods + "/surveys", admin, definition);
        assertThat(survey.status()).as(survey.body()).isEqualTo(201);
        long surveyId = survey.json().get("id").asLong();
        Response invited = api.post(
                "/api/v1/ics/" + ods + "/surveys/" + surveyId + "/invitations/segment",
                admin,
                ApiClient.json("segment_id", gps));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        // P1 from the register and the trainee; P6, the other GP, has no address
        assertThat(invited.json().get("invited").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.to(student).stream().anyMatch(m -> body(m).contains("/invited/")));

        Response event = api.post(
                "/api/v1/ics/" + ods + "/events",
                admin,
                ApiClient.json(
                        "title", "GP roundtable",
                        "kind", "roundtable",
                        "level", "system",
                        "date", LocalDate.now().plusDays(20).toString(),
                        "start_time", "18:00",
                        "end_time", "19:30",
                        "online", "true",
                        "location", "https://meet.example.org/gp",
                        "capacity", "12"));
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        long eventId = event.json().get("id").asLong();
        Response toEvent = api.post(
                "/api/v1/ics/" + ods + "/events/" + eventId + "/invitations", admin, ApiClient.json("segment_id", gps));
        assertThat(toEvent.status()).as(toEvent.body()).isEqualTo(201);
        assertThat(toEvent.json().get("invited").asInt()).isEqualTo(2);
        JsonNode registrations = api.get("/api/v1/ics/" + ods + "/events/" + eventId + "/registrations", admin)
                .json();
        assertThat(registrations.size()).isEqualTo(2);
        List<String> emails = new java.util.ArrayList<>();
        registrations.forEach(r -> emails.add(r.get("email").asString()));
        assertThat(emails).containsExactlyInAnyOrder(ASHA, student);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.to(student).stream().anyMatch(m -> body(m).contains("/event-place/")));
        // inviting again invites nobody twice
        Response again = api.post(
                "/api/v1/ics/" + ods + "/events/" + eventId + "/invitations", admin, ApiClient.json("segment_id", gps));
        assertThat(again.json().get("invited").asInt()).isZero();
        assertThat(again.json().get("already_invited").asInt()).isEqualTo(2);
    }

    private static String body(jakarta.mail.internet.MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof jakarta.mail.Multipart parts) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < parts.getCount(); i++) {
                    all.append(parts.getBodyPart(i).getContent());
                }
                return all.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void aPlaceLeadCountsOnlyThePeopleOfTheirPlace() {
        String lead = tokenFor(createUser("place_lead", ods, "Northfield"));
        // in Northfield's sight: P1, P5 and P6 hold seats there, P2 held one
        JsonNode all = count(lead, Map.of(), false);
        assertThat(all.get("reachable").asInt() + all.get("without_email").asInt())
                .isEqualTo(4);
        JsonNode southvale = count(lead, Map.of("places", List.of("Southvale")), false);
        assertThat(southvale.get("reachable").asInt()
                        + southvale.get("without_email").asInt())
                .isZero();
    }

    @Test
    void aSegmentNamingAnUnknownProfessionOrPlaceIsRefusedOnThePageByFieldAndNothingIsKept() {
        PageClient browser = new PageClient(port).signIn(adminEmail, PASSWORD);
        browser.get("/ics/" + ods + "/audiences/new");
        PageClient.Page page = browser.post(
                "/ics/" + ods + "/audiences/segments",
                "name",
                "Astronauts in Atlantis",
                "professions",
                "astronaut",
                "places",
                "Atlantis",
                "include_contacts",
                "false",
                "action",
                "save");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("nhsuk-error-summary")
                .contains("href=\"#professions\"")
                .contains("href=\"#places\"")
                .contains("astronaut")
                .contains("Atlantis");
        assertThat(api.get("/api/v1/ics/" + ods + "/segments", admin).json().size())
                .isZero();
    }

    @Test
    void anIcsWithManyForumsFindsThemByNameAndKeepsThoseTicked() {
        for (int i = 1; i <= AudiencePages.FORUMS_LISTED; i++) {
            Response r = api.post(
                    "/api/v1/ics/" + ods + "/forums",
                    admin,
                    ApiClient.json(
                            "name",
                            "Extra forum " + i,
                            "level",
                            "system",
                            "kind",
                            "senate",
                            "decision_rights",
                            "advises"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        PageClient browser = new PageClient(port).signIn(adminEmail, PASSWORD);
        String builder = browser.get("/ics/" + ods + "/audiences/new").body();
        assertThat(builder)
                .contains("id=\"forum_find\"")
                .contains("This ICS has 35 forums, too many to list")
                .doesNotContain("value=\"Extra forum 7\"")
                .doesNotContain("value=\"Northfield Place Board\"");

        String segments = "/ics/" + ods + "/audiences/segments";
        String found = browser.post(segments, "forum_find", "forum 1", "action", "find", "include_contacts", "false")
                .body();
        // Extra forum 1 and 10 to 19
        assertThat(found)
                .contains("11 forums match \u201cforum 1\u201d.")
                .contains("value=\"Extra forum 1\"")
                .contains("value=\"Extra forum 19\"")
                .doesNotContain("value=\"Extra forum 7\"");

        String both = browser.post(
                        segments,
                        "forums",
                        "Extra forum 7",
                        "forum_find",
                        "northfield",
                        "action",
                        "find",
                        "include_contacts",
                        "false")
                .body();
        assertThat(both)
                .containsPattern("value=\"Extra forum 7\"\\s+checked")
                .contains("value=\"Northfield Place Board\"")
                .contains("The forum ticked stays listed first.");

        String counted = browser.post(
                        segments, "forums", "Northfield Place Board", "action", "count", "include_contacts", "false")
                .body();
        // P1 and P5 sit on Northfield's place board; only P1 has an address
        assertThat(counted)
                .contains("1 person with an email address")
                .containsPattern("value=\"Northfield Place Board\"\\s+checked");
    }
}
