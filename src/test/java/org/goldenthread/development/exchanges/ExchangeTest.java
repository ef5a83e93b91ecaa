package org.goldenthread.development.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.goldenthread.support.Programmes;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A workplace exchange from participants to closing event, through the API and the pair's personal
 * links: sides and sectors in the pairing, visits with invitations whose UID holds when a date
 * changes, reflections that no administrator reads, ideas whose status changes are audited, and
 * bad input refused with the field and the reason.
 */
class ExchangeTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final Pattern LINK = Pattern.compile("/relationship/([A-Za-z0-9_-]{32})");

    private String ods;
    private String admin;
    private long programme;

    @BeforeEach
    void anExchangeWithPeopleInTheRegister() {
        ods = createIcs("Exchange ICS");
        admin = tokenFor(createUser("ics_admin", ods));
        programme = Programmes.create(api, admin, ods, "Exchange 2027", "exchange", true);
    }

    private String person(String ref, String given, String profession, String employer, String sector) {
        String email = ref.toLowerCase(java.util.Locale.ROOT) + "."
                + uniqueOds().toLowerCase(java.util.Locale.ROOT) + "@test.example";
        Response r = api.post(
                "/api/v1/ics/" + ods + "/people",
                admin,
                ApiClient.json(
                        "person_ref", ref,
                        "given_name", given,
                        "family_name", "Test",
                        "profession", profession,
                        "employer", employer,
                        "sector", sector,
                        "email", email));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return email;
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + "/programmes/" + programme + rest;
    }

    private Response importCsv(String csv) {
        return api.post(path("/participants/import"), admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Two GPs and two consultants: the pairing crosses sectors although the file lists like with like first. */
    private record Cohort(String gpHost, String consultantHost, String gpVisitor, String consultantVisitor) {}

    private Cohort cohort() {
        Cohort c = new Cohort(
                person("GP1", "Gill", "gp", "Northgate Surgery", "general_practice"),
                person("CON1", "Connor", "medical_consultant", "City Hospital Trust", "acute"),
                person("GP2", "Gus", "gp", "Southgate Surgery", "general_practice"),
                person("CON2", "Cara", "medical_consultant", "County Hospital Trust", "acute"));
        Response imported = importCsv("""
                person_ref,role,capacity,preferences
                GP1,host,,
                CON1,host,,
                GP2,visitor,,
                CON2,visitor,,
                """);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return c;
    }

    @Test
    void pairingPrefersDifferentSectorsAndSaysSo() {
        cohort();
        Response proposal = api.post(path("/matching"), admin, "{}");
        assertThat(proposal.status()).as(proposal.body()).isEqualTo(200);
        JsonNode body = proposal.json();
        assertThat(body.get("matched").asInt()).isEqualTo(2);
        assertThat(body.get("across_sectors").asInt()).isEqualTo(2);
        List<String> pairs = new ArrayList<>();
        body.get("pairs").forEach(p -> {
            pairs.add(p.get("mentor").asString() + "/" + p.get("mentee").asString());
            assertThat(p.get("why").asString()).contains("Different sectors");
        });
        assertThat(pairs).containsExactlyInAnyOrder("CON1/GP2", "GP1/CON2");
    }

    @Test
    void twoPeopleWithTheSameEmployerAreNeverPaired() {
        person("H1", "Hana", "gp", "Elm Care Home", "adult_social_care");
        person("V1", "Vic", "gp", "Elm Care Home", "community");
        assertThat(importCsv("person_ref,role,capacity,preferences\nH1,host,,\nV1,visitor,,\n")
                        .status())
                .isEqualTo(200);
        JsonNode body = api.post(path("/matching"), admin, "{}").json();
        assertThat(body.get("matched").asInt()).isZero();
        assertThat(body.get("unmatched").get(0).get("why").asString()).contains("same employer");
    }

    @Test
    void visitsCarryInvitationsWhoseUidHoldsWhenADateChanges() throws Exception {
        Cohort c = cohort();
        api.post(path("/matching"), admin, "{}");
        Response confirmed = api.post(path("/matching/confirm"), admin, "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode pair = pairWith("GP1");
        long id = pair.get("relationship_id").asLong();
        LocalDate first = LocalDate.now().plusDays(10);
        LocalDate second = LocalDate.now().plusDays(24);
        int before = TestMailServer.to(c.gpHost()).size();

        Response one = api.put(
                path("/exchange/pairs/" + id + "/visits/1"),
                admin,
                ApiClient.json("visits_on", first.toString(), "place", "Northgate Surgery, Leeds"));
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        Response two = api.put(
                path("/exchange/pairs/" + id + "/visits/2"),
                admin,
                ApiClient.json("visits_on", second.toString(), "place", "County Hospital, Wakefield"));
        assertThat(two.status()).as(two.body()).isEqualTo(200);

        VEvent visit1 = event(api.getBytes(path("/exchange/pairs/" + id + "/visits/1/invitation.ics"), admin));
        VEvent visit2 = event(api.getBytes(path("/exchange/pairs/" + id + "/visits/2/invitation.ics"), admin));
        assertThat(value(visit1, "DTSTART")).isEqualTo(first.toString().replace("-", ""));
        assertThat(value(visit2, "DTSTART")).isEqualTo(second.toString().replace("-", ""));
        assertThat(value(visit1, "UID")).isEqualTo(one.json().get("uid").asString());
        assertThat(value(visit1, "UID")).isNotEqualTo(value(visit2, "UID"));
        assertThat(value(visit2, "LOCATION")).isEqualTo("County Hospital, Wakefield");
        assertThat(value(visit2, "SEQUENCE")).isEqualTo("0");
        assertThat(visit1.toString()).contains("mailto:" + c.gpHost()).contains("mailto:" + c.consultantVisitor());

        LocalDate moved = second.plusDays(7);
        api.put(
                path("/exchange/pairs/" + id + "/visits/2"),
                admin,
                ApiClient.json("visits_on", moved.toString(), "place", "County Hospital, Wakefield"));
        VEvent changed = event(api.getBytes(path("/exchange/pairs/" + id + "/visits/2/invitation.ics"), admin));
        assertThat(value(changed, "UID")).isEqualTo(value(visit2, "UID"));
        assertThat(value(changed, "SEQUENCE")).isEqualTo("1");
        assertThat(value(changed, "DTSTART")).isEqualTo(moved.toString().replace("-", ""));

        // both people are emailed each invitation, attached
        List<String> attached = new ArrayList<>();
        for (int i = 0; i < 100 && attached.size() < 3; i++) {
            attached.clear();
            List<MimeMessage> toHost = TestMailServer.to(c.gpHost());
            for (MimeMessage m : toHost.subList(before, toHost.size())) {
                calendarPart(m, attached);
            }
            Thread.sleep(50);
        }
        assertThat(attached).hasSize(3);
        assertThat(attached.get(2)).contains("SEQUENCE:1").contains(value(visit2, "UID"));
        long toVisitor = 0;
        for (int i = 0; i < 100 && toVisitor < 3; i++) {
            toVisitor = TestMailServer.to(c.consultantVisitor()).stream()
                    .filter(m -> subject(m).contains("Exchange visit"))
                    .count();
            Thread.sleep(50);
        }
        assertThat(toVisitor).isEqualTo(3);

        Response closing = api.put(
                path("/exchange/closing"),
                admin,
                ApiClient.json("held_on", second.plusDays(60).toString(), "place", "Civic Hall"));
        assertThat(closing.status()).as(closing.body()).isEqualTo(200);
        VEvent event = event(api.getBytes(path("/exchange/closing.ics"), admin));
        assertThat(value(event, "SUMMARY")).contains("Exchange 2027");
        assertThat(event.toString())
                .contains("mailto:" + c.gpHost(), "mailto:" + c.consultantHost(), "mailto:" + c.gpVisitor());
    }

    @Test
    void reflectionsAreThePairsAndIdeaStatusChangesAreAudited() throws Exception {
        Cohort c = cohort();
        api.post(path("/matching"), admin, "{}");
        api.post(path("/matching/confirm"), admin, "{}");
        long id = pairWith("GP1").get("relationship_id").asLong();
        api.put(
                path("/exchange/pairs/" + id + "/visits/1"),
                admin,
                ApiClient.json("visits_on", LocalDate.now().toString(), "place", "Northgate Surgery"));
        api.put(
                path("/exchange/pairs/" + id + "/visits/2"),
                admin,
                ApiClient.json("visits_on", LocalDate.now().plusDays(5).toString(), "place", "County Hospital"));

        PageClient host = new PageClient(port);
        String hostLink = "/relationship/" + token(c.gpHost()) + "/exchange";
        assertThat(host.get(hostLink).body()).contains("Visit 1: you host").contains("Ideas are not private");
        Page saved = host.follow(host.post(
                hostLink + "/visits/1/reflection",
                "saw",
                "Their huddle board shows every delayed discharge",
                "take_back",
                "Try a morning huddle with the district nurses"));
        assertThat(saved.body()).contains("Your reflection was saved");

        PageClient visitor = new PageClient(port);
        String visitorLink = "/relationship/" + token(c.consultantVisitor()) + "/exchange";
        Page theirs = visitor.get(visitorLink);
        assertThat(theirs.body()).contains("Their huddle board shows every delayed discharge");
        Page early = visitor.post(visitorLink + "/visits/2/reflection", "saw", "x", "take_back", "y");
        assertThat(early.body()).contains("reflect on it once it has taken place");

        // administrators learn only that a reflection exists
        Response exchange = api.get(path("/exchange"), admin);
        assertThat(exchange.body()).doesNotContain("huddle board").doesNotContain("morning huddle");
        assertThat(pairWith("GP1").get("reflections").asInt()).isEqualTo(1);
        PageClient adminPages = new PageClient(port).signIn(createUser("ics_admin", ods), PASSWORD);
        String adminPage = adminPages
                .get("/ics/" + ods + "/programmes/" + programme + "/exchange")
                .body();
        assertThat(adminPage).contains("1 of 4 written").doesNotContain("huddle board");
        assertThat(api.get("/api/v1/ics/" + ods + "/audit", admin).body()).doesNotContain("huddle");

        // ideas: the pair raises one, everyone in the ICS sees it, status changes are audited
        visitor.get(visitorLink);
        Page raised = visitor.follow(visitor.post(
                visitorLink + "/ideas", "title", "Shared discharge checklist", "description", "From the huddle"));
        assertThat(raised.body()).contains("Everyone in the ICS can now see it");
        String member = tokenFor(createUser("member", ods));
        JsonNode ideas =
                api.get("/api/v1/ics/" + ods + "/improvement-ideas", member).json();
        assertThat(ideas.get(0).get("title").asString()).isEqualTo("Shared discharge checklist");
        assertThat(ideas.get(0).get("status").asString()).isEqualTo("proposed");
        long idea = ideas.get(0).get("id").asLong();
        assertThat(api.patch("/api/v1/ics/" + ods + "/improvement-ideas/" + idea, member, "{\"status\":\"tried\"}")
                        .status())
                .isEqualTo(403);

        Response tried =
                api.patch("/api/v1/ics/" + ods + "/improvement-ideas/" + idea, admin, "{\"status\":\"tried\"}");
        assertThat(tried.status()).as(tried.body()).isEqualTo(200);
        visitor.get(visitorLink);
        visitor.follow(visitor.post(visitorLink + "/ideas/" + idea + "/status", "status", "adopted"));
        assertThat(api.get("/api/v1/ics/" + ods + "/improvement-ideas", member)
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("adopted");
        JsonNode audit = api.get("/api/v1/ics/" + ods + "/audit?entity=improvement_idea", admin)
                .json();
        assertThat(audit.toString())
                .contains("\"tried\"")
                .contains("\"adopted\"")
                .contains("\"proposed\"");

        // Insight counts the exchange; pairs are people, so an analyst sees a small count hidden, ideas not
        JsonNode exact = api.get("/api/v1/ics/" + ods + "/insight", admin)
                .json()
                .get("exchanges")
                .get(0);
        assertThat(exact.get("pairs").asInt()).isEqualTo(2);
        assertThat(exact.get("visits_done").asInt()).isEqualTo(1);
        assertThat(exact.get("completed").asInt()).isZero();
        assertThat(exact.get("ideas_adopted").asInt()).isEqualTo(1);
        JsonNode hidden = api.get("/api/v1/ics/" + ods + "/insight", tokenFor(createUser("analyst", ods)))
                .json()
                .get("exchanges")
                .get(0);
        assertThat(hidden.get("pairs").isNull()).isTrue();
        assertThat(hidden.get("suppressed").toString()).contains("pairs").contains("visits_done");
        assertThat(hidden.get("ideas_adopted").asInt()).isEqualTo(1);

        // the same figures are self-assessment evidence the national framework proposes for the development
        // offer (P4.1), cited as a cycle opens: the one idea raised is adopted; two pairs under way, none
        // completed, is a small group and stays hidden
        long framework = api.post(
                        "/api/v1/ics/" + ods + "/frameworks/adopt", admin, ApiClient.json("code", "national-2021"))
                .json()
                .get("id")
                .asLong();
        long cycle = api.post(
                        "/api/v1/ics/" + ods + "/assessments",
                        admin,
                        ApiClient.json(
                                "framework_id",
                                framework,
                                "title",
                                "Exchange evidence",
                                "opened_on",
                                LocalDate.now().minusMonths(1).toString()))
                .json()
                .get("id")
                .asLong();
        java.util.Map<String, JsonNode> evidence = new java.util.HashMap<>();
        api.get("/api/v1/ics/" + ods + "/assessments/" + cycle, admin)
                .json()
                .get("evidence")
                .forEach(e -> evidence.put(e.get("metric").asString(), e));
        assertThat(evidence.get("ideas_adopted").get("value").decimalValue()).isEqualByComparingTo("1");
        assertThat(evidence.get("ideas_adopted").get("detail").asString()).isEqualTo("1 of 1 improvement ideas");
        assertThat(evidence.get("exchanges_completed").get("value").isNull()).isTrue();
        assertThat(evidence.get("exchanges_completed").get("shown").asString()).isEqualTo("hidden (small group)");

        // another pair's idea is not reachable through this link
        PageClient stranger = new PageClient(port);
        String strangerLink = "/relationship/" + token(c.consultantHost()) + "/exchange";
        stranger.get(strangerLink);
        assertThat(stranger.post(strangerLink + "/ideas/" + idea + "/status", "status", "proposed")
                        .status())
                .isEqualTo(404);
    }

    /**
     * Ideas are shown to the whole ICS, and only exchange pairs are told so: the link of a mentoring
     * pair leads to no exchange, so it neither raises an idea nor moves one on (review 36, F5).
     */
    @Test
    void aMentoringPairsLinkRaisesAndMovesNoIdeas() throws Exception {
        person("M1", "Mo", "gp", "Northgate Surgery", "general_practice");
        String menteeEmail = person("E1", "Eve", "medical_consultant", "City Hospital Trust", "acute");
        long mentoring = Programmes.create(api, admin, ods, "Mentoring 2027", "mentoring", true);
        String programmePath = "/api/v1/ics/" + ods + "/programmes/" + mentoring;
        Programmes.addParticipants(
                api, admin, ods, mentoring, "person_ref,role,capacity,preferences\nM1,mentor,,\nE1,mentee,,M1\n");
        assertThat(api.post(programmePath + "/matching", admin, "{}").status()).isEqualTo(200);
        Response confirmed = api.post(programmePath + "/matching/confirm", admin, "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        long relationship = inIcs(
                ods,
                () -> jdbc.sql("select id from relationship where programme_id = ?")
                        .param(mentoring)
                        .query(Long.class)
                        .single());

        PageClient mentee = new PageClient(port);
        String link = "/relationship/" + token(menteeEmail);
        assertThat(mentee.get(link).status()).isEqualTo(200);
        assertThat(mentee.get(link + "/exchange").status()).isEqualTo(404);
        mentee.get(link);
        assertThat(mentee.post(link + "/exchange/ideas", "title", "An idea from mentoring", "description", "x")
                        .status())
                .isEqualTo(404);
        String member = tokenFor(createUser("member", ods));
        assertThat(api.get("/api/v1/ics/" + ods + "/improvement-ideas", member).json())
                .isEmpty();
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from improvement_idea")
                                .query(Integer.class)
                                .single()))
                .isZero();

        // an idea such a link raised before this was checked is not moved on through it either
        long idea = inIcs(
                ods, () -> jdbc.sql("""
                                insert into improvement_idea (relationship_id, title, raised_by, raised_on, status_on)
                                select id, 'Raised before the check', receiver_id, current_date, current_date
                                  from relationship where id = ?
                                returning id""").param(relationship).query(Long.class).single());
        mentee.get(link);
        assertThat(mentee.post(link + "/exchange/ideas/" + idea + "/status", "status", "adopted")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + ods + "/improvement-ideas", member)
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("proposed");
    }

    @Test
    void aPairWhoseExchangeHasEndedRaisesNoMoreIdeasButMovesItsOwnOn() throws Exception {
        Cohort c = cohort();
        api.post(path("/matching"), admin, "{}");
        api.post(path("/matching/confirm"), admin, "{}");
        long id = pairWith("GP1").get("relationship_id").asLong();
        PageClient visitor = new PageClient(port);
        String link = "/relationship/" + token(c.consultantVisitor()) + "/exchange";
        visitor.get(link);
        Page raised = visitor.follow(visitor.post(link + "/ideas", "title", "Shared discharge checklist"));
        assertThat(raised.body()).contains("Everyone in the ICS can now see it");

        Response ended =
                api.post(path("/relationships/" + id + "/end"), admin, ApiClient.json("reason", "programme_ended"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        // the page no longer offers the form, and one sent from a page opened before the end is refused
        assertThat(visitor.get(link).body())
                .contains("Shared discharge checklist")
                .contains("no more ideas can be raised")
                .doesNotContain("Raise the idea");
        Page refused = visitor.post(link + "/ideas", "title", "Joint huddle with the ward");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("nhsuk-error-summary")
                .contains("href=\"#title\"")
                .contains("no more ideas can be raised from it");
        JsonNode ideas =
                api.get("/api/v1/ics/" + ods + "/improvement-ideas", admin).json();
        assertThat(ideas).hasSize(1);

        // what the pair brought back can still be tried and adopted
        Page moved = visitor.follow(
                visitor.post(link + "/ideas/" + ideas.get(0).get("id").asLong() + "/status", "status", "tried"));
        assertThat(moved.body()).contains("status was changed").contains("<option value=\"tried\" selected");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
        person("P1", "Pat", "gp", "Northgate Surgery", "general_practice");
        person("P2", "Sam", "gp", "Southgate Surgery", "general_practice");
        Response file = importCsv("""
                person_ref,role,capacity,preferences
                P1,mentor,,
                P2,visitor,2,P1
                """);
        assertThat(file.status()).isEqualTo(400);
        assertThat(file.body())
                .contains("not a side of an exchange")
                .contains("Leave capacity blank")
                .contains("Leave preferences blank")
                .contains("\"row\":2")
                .contains("\"row\":3");
        assertThat(api.get(path(""), admin).json().get("participants")).isEmpty();

        Response colleagues = api.post(
                "/api/v1/ics/" + ods + "/programmes",
                admin,
                ApiClient.json("name", "Exchange B", "kind", "exchange", "cross_organisation", false));
        assertThat(colleagues.status()).isEqualTo(400);
        assertThat(colleagues.body()).contains("cross_organisation");

        assertThat(importCsv("person_ref,role,capacity,preferences\nP1,host,,\nP2,visitor,,\n")
                        .status())
                .isEqualTo(200);
        api.post(path("/matching"), admin, "{}");
        api.post(path("/matching/confirm"), admin, "{}");
        long id = pairWith("P1").get("relationship_id").asLong();
        Response noDate = api.put(path("/exchange/pairs/" + id + "/visits/1"), admin, ApiClient.json("place", ""));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body())
                .contains("visits_on")
                .contains("Enter the date of the visit")
                .contains("place");
        Response notADate = api.put(
                path("/exchange/pairs/" + id + "/visits/1"),
                admin,
                ApiClient.json("visits_on", "2027-02-30", "place", "Surgery"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.body()).contains("visits_on");
        assertThat(api.put(
                                path("/exchange/pairs/" + id + "/visits/3"),
                                admin,
                                ApiClient.json("visits_on", LocalDate.now().toString(), "place", "Surgery"))
                        .status())
                .isEqualTo(404);
        assertThat(pairWith("P1").get("first_visit").isNull()).isTrue();
        Response badStatus = api.patch("/api/v1/ics/" + ods + "/improvement-ideas/999999", admin, "{\"status\":\"x\"}");
        assertThat(badStatus.status()).isEqualTo(404);
    }

    private JsonNode pairWith(String hostRef) {
        Response r = api.get(path("/exchange"), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode p : r.json().get("pairs")) {
            if (p.get("first").get("person_ref").asString().equals(hostRef)) {
                return p;
            }
        }
        throw new AssertionError("No pair hosted first by " + hostRef + " in " + r.body());
    }

    /** The personal link emailed to an address, waiting for it: links go once the pairing has committed. */
    private static String token(String email) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (MimeMessage m : TestMailServer.to(email)) {
                Matcher found = LINK.matcher(text(m));
                if (found.find()) {
                    return found.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No link reached " + email);
    }

    private static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void calendarPart(Part part, List<String> found) throws Exception {
        if (part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                found.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                calendarPart(multipart.getBodyPart(i), found);
            }
        }
    }

    private static VEvent event(byte[] ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        return (VEvent) calendar.getComponents("VEVENT").get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
