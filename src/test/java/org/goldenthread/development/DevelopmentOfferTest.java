package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;

/** The development offer: who sees what, capacity and the waitlist, enrolment changes, and the catalogue file. */
class DevelopmentOfferTest extends IntegrationTest {

    private String ods;
    private String admin;
    private String adminEmail;
    private String memberEmail;
    private String member;
    private long memberId;

    @BeforeEach
    void anIcsWithAnAdminAndAMemberOnTheRegister() {
        ods = createIcs("Development ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        memberEmail = createUser("member", ods);
        member = tokenFor(memberEmail);
        memberId = OfferFixture.person(
                api, admin, ods, "M1", memberEmail.toUpperCase(), "nurse_adult", "community", "early");
    }

    private long offer(String title, Object... overrides) {
        Map<String, Object> o = OfferFixture.offer(title);
        for (int i = 0; i < overrides.length; i += 2) {
            o.put((String) overrides[i], overrides[i + 1]);
        }
        return OfferFixture.add(api, admin, ods, o);
    }

    private Response enrol(long offer, String ref) {
        return api.post(
                "/api/v1/ics/" + ods + "/offers/" + offer + "/enrolments", admin, "{\"person_ref\":\"" + ref + "\"}");
    }

    private Response change(long enrolment, String status) {
        return api.patch("/api/v1/ics/" + ods + "/enrolments/" + enrolment, admin, "{\"status\":\"" + status + "\"}");
    }

    @Test
    void findDevelopmentShowsWhatTheMemberIsEligibleForAndSaysWhose() {
        offer("For everyone");
        offer("Nursing leaders", "profession_groups", List.of("Nursing and midwifery"));
        offer("GPs only", "professions", List.of("gp"));
        offer("Senior leaders", "career_stages", List.of("senior"));
        offer("Community and early", "sectors", List.of("community"), "career_stages", List.of("early", "mid"));
        offer("Paid course", "cost_pounds", "350", "paid_by", "employer", "delivery", "in_person");
        PageClient pages = new PageClient(port).signIn(memberEmail, PASSWORD);

        String page = pages.get("/ics/" + ods + "/development/find").body();
        assertThat(page).contains("GivenM1 Family", "Registered nurse (adult)", "Early career", "Community health");
        assertThat(page).contains("For everyone", "Nursing leaders", "Community and early", "Paid course");
        assertThat(page).doesNotContain("GPs only").doesNotContain("Senior leaders");
        assertThat(page).contains("does not give your level");

        String everything =
                pages.get("/ics/" + ods + "/development/find?everything=true").body();
        assertThat(everything).contains("GPs only", "Senior leaders");

        String freeOnline = pages.get("/ics/" + ods + "/development/find?free=true&delivery=online")
                .body();
        assertThat(freeOnline).contains("For everyone").doesNotContain("Paid course");
    }

    @Test
    void findDevelopmentNamesTheLevelsOfTheReadersCurrentSeatsAndFiltersByThem() {
        RegisterFixture.addGeography(api, admin, ods);
        Response forum = api.post(
                "/api/v1/ics/" + ods + "/forums",
                admin,
                ApiClient.json(
                        "name",
                        "Northfield Central Team",
                        "level",
                        "neighbourhood",
                        "kind",
                        "working_group",
                        "decision_rights",
                        "recommends",
                        "place",
                        "Northfield",
                        "neighbourhood",
                        "Northfield Central PCN"));
        assertThat(forum.status()).as(forum.body()).isEqualTo(201);
        Response seat = api.post(
                "/api/v1/ics/" + ods + "/forums/" + forum.json().get("id").asLong() + "/seats",
                admin,
                ApiClient.json(
                        "title",
                        "Nursing lead",
                        "seat_type",
                        "professional_lead",
                        "professionally_agnostic",
                        true,
                        "expected_hours_per_week",
                        2));
        assertThat(seat.status()).as(seat.body()).isEqualTo(201);
        Response appointed = api.post(
                "/api/v1/ics/" + ods + "/people/" + memberId + "/appointments",
                admin,
                ApiClient.json(
                        "seat_id", seat.json().get("id").asLong(), "start_date", "2025-01-01", "route", "nomination"));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        offer("Neighbourhood leaders", "levels", List.of("neighbourhood"));
        offer("System leaders", "levels", List.of("system"));

        String page = new PageClient(port)
                .signIn(memberEmail, PASSWORD)
                .get("/ics/" + ods + "/development/find")
                .body();

        assertThat(page).contains("Neighbourhood level").doesNotContain("null level");
        assertThat(page).doesNotContain("does not give your level");
        assertThat(page).contains("Neighbourhood leaders").doesNotContain("System leaders");
    }

    @Test
    void someoneNotOnTheRegisterSeesEverythingAndIsToldWhy() {
        offer("GPs only", "professions", List.of("gp"));
        String analyst = createUser("analyst", ods);
        String page = new PageClient(port)
                .signIn(analyst, PASSWORD)
                .get("/ics/" + ods + "/development/find")
                .body();
        assertThat(page).contains("GPs only").contains("not on the leadership register");
        Response apply =
                api.post("/api/v1/ics/" + ods + "/offers/" + offerId("GPs only") + "/apply", tokenFor(analyst), "");
        assertThat(apply.status()).isEqualTo(409);
    }

    private long offerId(String title) {
        for (JsonNode o : api.get("/api/v1/ics/" + ods + "/offers", admin).json()) {
            if (o.get("title").asString().equals(title)) {
                return o.get("id").asLong();
            }
        }
        throw new AssertionError("No offer " + title);
    }

    @Test
    void aFullOfferWaitlistsAndAFreedPlaceGoesToTheFirstWaiting() {
        long offer = offer("Two places", "capacity", "2");
        OfferFixture.person(api, admin, ods, "P2", "p2@test.example", "gp", "acute", "senior");
        OfferFixture.person(api, admin, ods, "P3", "p3@test.example", "gp", "acute", "senior");
        OfferFixture.person(api, admin, ods, "P4", "p4@test.example", "gp", "acute", "senior");

        Response mine = api.post("/api/v1/ics/" + ods + "/offers/" + offer + "/apply", member, "");
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        assertThat(mine.json().get("status").asString()).isEqualTo("applied");
        assertThat(enrol(offer, "P2").json().get("status").asString()).isEqualTo("applied");
        Response third = enrol(offer, "P3");
        Response fourth = enrol(offer, "P4");
        assertThat(third.json().get("status").asString()).isEqualTo("waitlisted");
        assertThat(fourth.json().get("status").asString()).isEqualTo("waitlisted");
        // a waitlisted person cannot be accepted over capacity
        assertThat(change(third.json().get("id").asLong(), "accepted").status()).isEqualTo(409);

        Response withdrawn = api.post(
                "/api/v1/ics/" + ods + "/my/enrolments/" + mine.json().get("id").asLong() + "/withdraw", member, "");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode list = api.get("/api/v1/ics/" + ods + "/offers/" + offer + "/enrolments", admin)
                .json();
        assertThat(statusOf(list, "P3")).isEqualTo("applied");
        assertThat(statusOf(list, "P4")).isEqualTo("waitlisted");
        for (JsonNode e : list) {
            if (e.get("person_ref").asString().equals("P3")) {
                assertThat(e.get("offered_on").isNull()).isFalse();
            }
        }
        // someone who withdrew applies again at the back of the queue: the offer is full again
        assertThat(api.post("/api/v1/ics/" + ods + "/offers/" + offer + "/apply", member, "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("waitlisted");
    }

    /** The emails that reached an address, each as its subject and text. */
    private static List<String> mailTo(String address) {
        return TestMailServer.to(address).stream()
                .map(m -> {
                    try {
                        return m.getSubject() + "\n" + m.getContent();
                    } catch (java.io.IOException | jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void whoeverAFreedPlaceIsOfferedToIsEmailedAboutTheOffer() {
        long offer = offer("Coaching for new leaders", "capacity", "1");
        String first = uniqueEmail("first-waiting");
        String second = uniqueEmail("second-waiting");
        OfferFixture.person(api, admin, ods, "W1", first, "gp", "acute", "senior");
        OfferFixture.person(api, admin, ods, "W2", second, "gp", "acute", "senior");
        long mine = api.post("/api/v1/ics/" + ods + "/offers/" + offer + "/apply", member, "")
                .json()
                .get("id")
                .asLong();
        assertThat(enrol(offer, "W1").json().get("status").asString()).isEqualTo("waitlisted");
        assertThat(enrol(offer, "W2").json().get("status").asString()).isEqualTo("waitlisted");
        assertThat(mailTo(first)).isEmpty();

        assertThat(api.post("/api/v1/ics/" + ods + "/my/enrolments/" + mine + "/withdraw", member, "")
                        .status())
                .isEqualTo(200);

        assertThat(mailTo(first))
                .singleElement()
                .satisfies(mail -> assertThat(mail)
                        .contains("A place on Coaching for new leaders is yours")
                        .contains("\"Coaching for new leaders\" (NHS Leadership Academy)")
                        .contains("GivenW1 Family"));
        // only one place came free: the second in the queue waits, and hears nothing
        assertThat(mailTo(second)).isEmpty();
    }

    @Test
    void morePlacesOnAnOfferGoToTheWaitlistInTheOrderPeopleJoinedIt() {
        Map<String, Object> details = OfferFixture.offer("Action learning for leaders");
        details.put("capacity", "1");
        long offer = OfferFixture.add(api, admin, ods, details);
        List<String> emails = new java.util.ArrayList<>();
        for (String ref : List.of("Q1", "Q2", "Q3", "Q4")) {
            String email = uniqueEmail("queue-" + ref);
            emails.add(email);
            OfferFixture.person(api, admin, ods, ref, email, "gp", "acute", "senior");
            enrol(offer, ref);
        }
        JsonNode before = api.get("/api/v1/ics/" + ods + "/offers/" + offer + "/enrolments", admin)
                .json();
        assertThat(statusOf(before, "Q1")).isEqualTo("applied");
        assertThat(List.of(statusOf(before, "Q2"), statusOf(before, "Q3"), statusOf(before, "Q4")))
                .containsOnly("waitlisted");

        details.put("capacity", "3");
        Response raised = api.put("/api/v1/ics/" + ods + "/offers/" + offer, admin, OfferFixture.json(details));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);

        JsonNode after = api.get("/api/v1/ics/" + ods + "/offers/" + offer + "/enrolments", admin)
                .json();
        // first come, first served: the two who waited longest take the two new places
        assertThat(statusOf(after, "Q2")).isEqualTo("applied");
        assertThat(statusOf(after, "Q3")).isEqualTo("applied");
        assertThat(statusOf(after, "Q4")).isEqualTo("waitlisted");
        assertThat(mailTo(emails.get(1))).singleElement().asString().contains("Action learning for leaders");
        assertThat(mailTo(emails.get(2))).singleElement().asString().contains("Action learning for leaders");
        assertThat(mailTo(emails.get(3))).isEmpty();
        assertThat(mailTo(emails.get(0))).isEmpty();
        String audit = api.get("/api/v1/ics/" + ods + "/audit", admin).body();
        assertThat(audit).contains("offer.updated").contains("enrolment.offered_a_place");

        // with no limit at all, nobody is left waiting; on the page, the admin is told who moved up
        PageClient page = new PageClient(port).signIn(adminEmail, PASSWORD);
        assertThat(page.get("/ics/" + ods + "/development/catalogue/" + offer + "/edit")
                        .status())
                .isEqualTo(200);
        PageClient.Page saved = page.follow(page.post(
                "/ics/" + ods + "/development/catalogue/" + offer + "/edit",
                "title",
                "Action learning for leaders",
                "kind",
                "course",
                "description",
                "A course for leaders.",
                "provider",
                "NHS Leadership Academy",
                "scope",
                "national",
                "delivery",
                "online",
                "hours",
                "12",
                "weeks",
                "6",
                "capacity",
                ""));
        assertThat(saved.body())
                .contains("Action learning for leaders was saved.")
                .contains("The place that came free was offered to the first person on the waitlist.");
        JsonNode unlimited = api.get("/api/v1/ics/" + ods + "/offers/" + offer + "/enrolments", admin)
                .json();
        assertThat(statusOf(unlimited, "Q4")).isEqualTo("applied");
        assertThat(mailTo(emails.get(3))).hasSize(1);
    }

    private static String withoutIds(String json) {
        return json.replaceAll("\"id\"\\s*:\\s*\\d+", "\"id\":0");
    }

    private static String statusOf(JsonNode list, String ref) {
        for (JsonNode e : list) {
            if (e.get("person_ref").asString().equals(ref)) {
                return e.get("status").asString();
            }
        }
        throw new AssertionError("No enrolment for " + ref);
    }

    @Test
    void enrolmentsMoveOnlyInWaysThatMakeSense() {
        long offer = offer("Steps");
        long id = api.post("/api/v1/ics/" + ods + "/offers/" + offer + "/apply", member, "")
                .json()
                .get("id")
                .asLong();
        assertThat(api.post("/api/v1/ics/" + ods + "/offers/" + offer + "/apply", member, "")
                        .status())
                .isEqualTo(409);
        assertThat(change(id, "completed").status()).isEqualTo(409);
        assertThat(change(id, "waitlisted").status()).isEqualTo(409);
        assertThat(change(id, "graduated").status()).isEqualTo(400);
        assertThat(change(id, "accepted").status()).isEqualTo(200);
        assertThat(change(id, "accepted").status()).isEqualTo(409);
        Response noDate = change(id, "completed");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body()).contains("completed_on");
        Response future = api.patch(
                "/api/v1/ics/" + ods + "/enrolments/" + id,
                admin,
                "{\"status\":\"completed\",\"completed_on\":\"2200-01-01\"}");
        assertThat(future.status()).isEqualTo(400);
        Response done = api.patch(
                "/api/v1/ics/" + ods + "/enrolments/" + id,
                admin,
                "{\"status\":\"completed\",\"completed_on\":\"" + java.time.LocalDate.now() + "\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("completed_on").asString())
                .isEqualTo(java.time.LocalDate.now().toString());
        assertThat(change(id, "withdrawn").status()).isEqualTo(409);
        // once anyone enrolled an offer is retired, not deleted
        assertThat(api.delete("/api/v1/ics/" + ods + "/offers/" + offer, admin).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/ics/" + ods + "/offers/" + offer + "/retirement", admin, "{\"retired\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + ods + "/offers/" + offer, member).status())
                .isEqualTo(404);
        String audit = api.get("/api/v1/ics/" + ods + "/audit", admin).body();
        assertThat(audit).contains("enrolment.completed", "offer.retired");
    }

    @Test
    void aMemberSeesOnlyTheirOwnEnrolmentsAndCannotKeepTheCatalogue() {
        long offer = offer("Private");
        OfferFixture.person(api, admin, ods, "P2", "p2@test.example", "gp", "acute", "senior");
        long theirs = enrol(offer, "P2").json().get("id").asLong();
        assertThat(api.get("/api/v1/ics/" + ods + "/offers/" + offer + "/enrolments", member)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/ics/" + ods + "/my/enrolments", member).json())
                .isEmpty();
        assertThat(api.post("/api/v1/ics/" + ods + "/my/enrolments/" + theirs + "/withdraw", member, "")
                        .status())
                .isEqualTo(404);
        assertThat(change(theirs, "accepted").status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/ics/" + ods + "/enrolments/" + theirs, member, "{\"status\":\"withdrawn\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/ics/" + ods + "/offers", member, OfferFixture.json(OfferFixture.offer("Mine")))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/ics/" + ods + "/offers/export", member).status())
                .isEqualTo(403);
        PageClient pages = new PageClient(port).signIn(memberEmail, PASSWORD);
        assertThat(pages.get("/ics/" + ods + "/development/catalogue").status()).isEqualTo(403);
        assertThat(pages.get("/ics/" + ods + "/development/catalogue/" + offer + "/enrolments")
                        .status())
                .isEqualTo(403);
        assertThat(pages.get("/ics/" + ods + "/development").body()).doesNotContain("Development catalogue");
    }

    @Test
    void theCatalogueRoundTripsThroughCsvAndJson() {
        offer(
                "Everything set",
                "scope",
                "regional",
                "cost_pounds",
                "1250.50",
                "paid_by",
                "ics",
                "professions",
                List.of("gp", "nurse_adult"),
                "profession_groups",
                List.of("Pharmacy"),
                "career_stages",
                List.of("mid", "senior"),
                "levels",
                List.of("place", "system"),
                "sectors",
                List.of("acute"),
                "capacity",
                "20",
                "opens_on",
                "2026-01-01",
                "closes_on",
                "2027-03-31",
                "more_info_url",
                "https://example.org/course?a=1,b",
                "description",
                "- Line one, with a comma.\nLine two with \"quotes\" and ; semicolons.");
        offer("Hours only", "weeks", null, "hours", "7.5");
        String csv = api.get("/api/v1/ics/" + ods + "/offers/export", admin).body();
        assertThat(csv)
                .as("a description a spreadsheet would run as a formula goes out behind an apostrophe")
                .contains("\"'- Line one, with a comma.");
        String json = api.get("/api/v1/ics/" + ods + "/offers/export?format=json", admin)
                .body();

        Response again = api.post(
                "/api/v1/ics/" + ods + "/offers/import", admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        Response jsonAgain = api.post(
                "/api/v1/ics/" + ods + "/offers/import",
                admin,
                "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(jsonAgain.status()).as(jsonAgain.body()).isEqualTo(200);
        assertThat(jsonAgain.json().get("unchanged").asInt()).isEqualTo(2);

        String other = createIcs("Elsewhere");
        String otherAdmin = tokenFor(createUser("ics_admin", other));
        Response imported = api.post(
                "/api/v1/ics/" + other + "/offers/import",
                otherAdmin,
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("added").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/ics/" + other + "/offers/export", otherAdmin)
                        .body())
                .isEqualTo(csv);
        assertThat(withoutIds(api.get("/api/v1/ics/" + other + "/offers/export?format=json", otherAdmin)
                        .body()))
                .isEqualTo(withoutIds(json));

        String changed = csv.replace("Hours only,course", "Hours only,network");
        Response one = api.post(
                "/api/v1/ics/" + ods + "/offers/import", admin, "text/csv", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(one.json().get("changed").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/ics/" + ods + "/offers/" + offerId("Hours only"), admin)
                        .json()
                        .get("kind")
                        .asString())
                .isEqualTo("network");
    }

    @Test
    void aCatalogueImportInTheBackgroundAnswersAsTheWaitingOne() {
        offer("Leading across boundaries", "weeks", "6", "hours", "12");
        String csv = api.get("/api/v1/ics/" + ods + "/offers/export", admin).body();
        String other = createIcs("Catalogue job");
        String otherAdmin = tokenFor(createUser("ics_admin", other));
        Response started = api.post(
                "/api/v1/ics/" + other + "/offers/import?async=true",
                otherAdmin,
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        tools.jackson.databind.JsonNode job =
                finishedJob(other, otherAdmin, started.json().get("id").asLong());
        assertThat(job.get("state").asString()).isEqualTo("done");
        Response waiting = api.post(
                "/api/v1/ics/" + ods + "/offers/import", admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        // the same file into an ICS that has none of it adds it; into the one it came from changes nothing
        assertThat(job.get("result").toString()).isEqualTo("{\"added\":1,\"changed\":0,\"unchanged\":0}");
        assertThat(waiting.json().toString()).isEqualTo("{\"added\":0,\"changed\":0,\"unchanged\":1}");
        assertThat(api.get("/api/v1/ics/" + other + "/offers/export", otherAdmin)
                        .body())
                .isEqualTo(csv);
    }
}
