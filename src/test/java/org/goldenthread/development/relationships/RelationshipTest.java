package org.goldenthread.development.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.development.relationships.RelationshipFixture.emailedToken;
import static org.goldenthread.development.relationships.RelationshipFixture.person;

import java.time.LocalDate;
import java.util.List;
import org.goldenthread.development.Relationships;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A pair's relationship through their personal links, and what an administrator may and may not
 * see of it. Relationships are opened as matching opens them: inside a transaction, during an
 * administrator's request.
 */
class RelationshipTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Relationships relationships;

    @Autowired
    RelationshipFacts facts;

    @Autowired
    PlatformTransactionManager transactions;

    private String ods;
    private String admin;
    private String adminEmail;

    @BeforeEach
    void anIcs() {
        ods = createIcs("Relationships ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
    }

    private long programme(String name, int checkInWeeks, int quietWeeks) {
        return inIcs(
                ods,
                () -> jdbc.sql("""
                        insert into programme (name, kind, check_in_weeks, quiet_weeks)
                        values (?, 'mentoring', ?, ?) returning id""")
                        .params(name, checkInWeeks, quietWeeks)
                        .query(Long.class)
                        .single());
    }

    /** Opens a relationship as confirming a matching does: in a transaction, in an administrator's request. */
    private long open(String inOds, long programme, long giver, long receiver) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return inIcs(
                    inOds,
                    () -> new TransactionTemplate(transactions)
                            .execute(status -> relationships.open(programme, giver, receiver, 1)));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private record Pair(
            long id, long programme, String giverEmail, String receiverEmail, String giverLink, String receiverLink) {}

    private Pair aPair(String name) throws InterruptedException {
        long programme = programme(name, 4, 8);
        String giverEmail = uniqueEmail("mentor");
        String receiverEmail = uniqueEmail("mentee");
        long giver = person(api, admin, ods, "G-" + name, "Grace", "Giver", giverEmail);
        long receiver = person(api, admin, ods, "R-" + name, "Rory", "Receiver", receiverEmail);
        long id = open(ods, programme, giver, receiver);
        // a fortnight ago, so that meetings can have happened since
        inIcs(
                ods,
                () -> jdbc.sql("update relationship set started_on = started_on - 14 where id = ?")
                        .param(id)
                        .update());
        return new Pair(
                id,
                programme,
                giverEmail,
                receiverEmail,
                "/relationship/" + emailedToken(giverEmail, 0),
                "/relationship/" + emailedToken(receiverEmail, 0));
    }

    private static Page posted(PageClient client, String path, String... form) {
        return client.follow(client.post(path, form));
    }

    @Test
    void eachOfThePairIsEmailedTheirOwnLinkAndTheyKeepGoalsAndMeetingsTogether() throws Exception {
        Pair pair = aPair("Mentoring one");
        assertThat(pair.giverLink()).isNotEqualTo(pair.receiverLink());
        String email =
                RelationshipFixture.text(TestMailServer.to(pair.receiverEmail()).get(0));
        assertThat(email).contains("Grace Giver").contains("you are the mentee").contains("Relationships ICS");

        PageClient mentee = new PageClient(port);
        Page page = mentee.get(pair.receiverLink());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your mentoring with Grace Giver").contains("You are the mentee");
        assertThat(page.body())
                .contains("Meet and log it by "
                        + org.goldenthread.platform.Dates.day(
                                LocalDate.now().minusDays(14).plusWeeks(4)));

        Page added = posted(mentee, pair.receiverLink() + "/goals", "goal", "Chair a cross-system meeting");
        assertThat(added.body()).contains("Your goal was added.").contains("Chair a cross-system meeting");

        mentee.get(pair.receiverLink() + "/meetings/new");
        LocalDate met = LocalDate.now().minusDays(2);
        Page logged = posted(
                mentee,
                pair.receiverLink() + "/meetings",
                "met_on",
                met.toString(),
                "minutes",
                "90",
                "notes",
                "We talked about the winter plan");
        assertThat(logged.status()).isEqualTo(200);
        assertThat(logged.body())
                .contains("Your meeting was logged.")
                .contains("We talked about the winter plan")
                .contains("1 hour 30 minutes")
                .contains("Meet and log it by " + org.goldenthread.platform.Dates.day(met.plusWeeks(4)));

        PageClient mentor = new PageClient(port);
        Page theirs = mentor.get(pair.giverLink());
        assertThat(theirs.body())
                .contains("Your mentoring with Rory Receiver")
                .contains("You are the mentor")
                .contains("We talked about the winter plan")
                .contains("Chair a cross-system meeting");
        long goal = inIcs(
                ods,
                () -> jdbc.sql("select id from relationship_goal where relationship_id = ?")
                        .param(pair.id())
                        .query(Long.class)
                        .single());
        Page marked = posted(mentor, pair.giverLink() + "/goals/" + goal + "/met");
        assertThat(marked.body()).contains("The goal was marked as met.");
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select met_on from relationship_goal where id = ?")
                                .param(goal)
                                .query(LocalDate.class)
                                .single()))
                .isEqualTo(LocalDate.now());
    }

    @Test
    void aMeetingThatCannotBeRightIsRefusedWithReasonsAndNothingIsLogged() throws Exception {
        Pair pair = aPair("Refusals");
        PageClient mentee = new PageClient(port);
        mentee.get(pair.receiverLink() + "/meetings/new");
        Page refused = mentee.post(
                pair.receiverLink() + "/meetings",
                "met_on",
                LocalDate.now().plusDays(1).toString(),
                "minutes",
                "0",
                "notes",
                "Kept");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("There is a problem")
                .contains("The date you met must be today or in the past")
                .contains("How long you met for must be a whole number of minutes from 1 to 600")
                .contains("Kept");
        Page notADate = mentee.post(
                pair.receiverLink() + "/meetings",
                "met_on-day",
                "31",
                "met_on-month",
                "2",
                "met_on-year",
                "2026",
                "minutes",
                "30");
        assertThat(notADate.body()).contains("The date you met must be a real date");
        Page beforeStart = mentee.post(
                pair.receiverLink() + "/meetings",
                "met_on",
                LocalDate.now().minusYears(1).toString(),
                "minutes",
                "30");
        assertThat(beforeStart.body()).contains("when the relationship started");
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from relationship_meeting where relationship_id = ?")
                                .param(pair.id())
                                .query(Integer.class)
                                .single()))
                .isZero();
    }

    @Test
    void onlyACurrentLinkLeadsAnywhereAndOnlyToItsOwnRelationship() throws Exception {
        Pair pair = aPair("Tokens");
        PageClient stranger = new PageClient(port);
        assertThat(stranger.get("/relationship/" + "A".repeat(32)).status()).isEqualTo(404);
        assertThat(stranger.get("/relationship/not-a-token").status()).isEqualTo(404);
        assertThat(stranger.get("/relationship/" + pair.giverLink().substring(14, 40))
                        .status())
                .isEqualTo(404);

        // another ICS's pair: its goal cannot be reached through this pair's link, nor this one's through it
        String otherOds = createIcs("Other relationships ICS");
        String otherAdmin = tokenFor(createUser("ics_admin", otherOds));
        long otherProgramme = inIcs(
                otherOds,
                () -> jdbc.sql("insert into programme (name, kind) values ('Elsewhere', 'coaching') returning id")
                        .query(Long.class)
                        .single());
        String coachEmail = uniqueEmail("coach");
        long coach = person(api, otherAdmin, otherOds, "C1", "Cal", "Coach", coachEmail);
        long coachee = person(api, otherAdmin, otherOds, "C2", "Cass", "Coachee", null);
        long otherPair = open(otherOds, otherProgramme, coach, coachee);
        String coachLink = "/relationship/" + emailedToken(coachEmail, 0);
        PageClient coachClient = new PageClient(port);
        coachClient.get(coachLink);
        posted(coachClient, coachLink + "/goals", "goal", "A goal elsewhere");
        long otherGoal = inIcs(
                otherOds,
                () -> jdbc.sql("select id from relationship_goal where relationship_id = ?")
                        .param(otherPair)
                        .query(Long.class)
                        .single());
        assertThat(coachClient.get(coachLink).body())
                .contains("Your coaching with Cass Coachee")
                .doesNotContain("Grace Giver");

        PageClient mentee = new PageClient(port);
        mentee.get(pair.receiverLink());
        assertThat(mentee.post(pair.receiverLink() + "/goals/" + otherGoal + "/met")
                        .status())
                .isEqualTo(404);
        assertThat(inIcs(
                        otherOds,
                        () -> jdbc.sql("select met_on from relationship_goal where id = ?")
                                .param(otherGoal)
                                .query(LocalDate.class)
                                .optional()))
                .as("the other ICS's goal is untouched")
                .isEmpty();

        // a new link replaces the old one
        Response resent = api.post(
                "/api/v1/ics/" + ods + "/programmes/" + pair.programme() + "/relationships/" + pair.id() + "/links/"
                        + receiverId(pair),
                admin,
                "{}");
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("emailed").asBoolean()).isTrue();
        assertThat(new PageClient(port).get(pair.receiverLink()).status()).isEqualTo(404);
        String newLink = "/relationship/" + emailedToken(pair.receiverEmail(), 1);
        assertThat(new PageClient(port).get(newLink).status()).isEqualTo(200);

        // a form without the CSRF token of the page is refused
        PageClient forger = new PageClient(port);
        assertThat(forger.post(newLink + "/goals", "goal", "Forged").status()).isEqualTo(403);
    }

    private long receiverId(Pair pair) {
        return inIcs(
                ods,
                () -> jdbc.sql("select receiver_id from relationship where id = ?")
                        .param(pair.id())
                        .query(Long.class)
                        .single());
    }

    @Test
    void whatAPairWritesNeverReachesAnAdministratorsPagesApiExportsOrAuditLog() throws Exception {
        Pair pair = aPair("Privacy");
        PageClient mentee = new PageClient(port);
        mentee.get(pair.receiverLink());
        posted(mentee, pair.receiverLink() + "/goals", "goal", "SECRET-GOAL-7731");
        mentee.get(pair.receiverLink() + "/meetings/new");
        posted(
                mentee,
                pair.receiverLink() + "/meetings",
                "met_on",
                LocalDate.now().toString(),
                "minutes",
                "45",
                "notes",
                "SECRET-NOTE-4410");
        mentee.get(pair.receiverLink() + "/end");
        posted(
                mentee,
                pair.receiverLink() + "/end",
                "reason",
                "goals_met",
                "rating",
                "4",
                "helped",
                "SECRET-HELPED-2290",
                "reflection",
                "SECRET-REFLECTION-8812");

        String base = "/ics/" + ods + "/programmes/" + pair.programme() + "/relationships";
        PageClient adminPages = new PageClient(port).signIn(adminEmail, PASSWORD);
        Page page = adminPages.get(base);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Grace Giver and Rory Receiver")
                .contains("1 meeting, 45 minutes")
                .contains("0 of 1")
                .contains("Our goals were met");
        Response listed = api.get("/api/v1" + base, admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("relationships").get(0).get("meetings").asInt())
                .isEqualTo(1);
        assertThat(listed.json()
                        .get("relationships")
                        .get(0)
                        .get("total_minutes")
                        .asInt())
                .isEqualTo(45);
        assertThat(listed.json().get("relationships").get(0).get("end_reason").asString())
                .isEqualTo("goals_met");
        assertThat(listed.json().get("ratings").get("average").isNull())
                .as("one rating is not shown")
                .isTrue();
        String csv = new String(adminPages.post(base + "/links.csv").bytes(), java.nio.charset.StandardCharsets.UTF_8);
        Response auditApi = api.get("/api/v1/ics/" + ods + "/audit", admin);
        Page auditPage = adminPages.get("/ics/" + ods + "/audit");

        for (String seen : List.of(
                page.body(),
                listed.body(),
                csv,
                auditApi.body(),
                auditPage.body(),
                api.get("/api/v1/ics/" + ods + "/register/export", admin).body())) {
            assertThat(seen)
                    .doesNotContain(
                            "SECRET-GOAL-7731", "SECRET-NOTE-4410", "SECRET-HELPED-2290", "SECRET-REFLECTION-8812");
        }
        // and the pair still sees it all
        assertThat(new PageClient(port).get(pair.giverLink()).body()).contains("SECRET-GOAL-7731", "SECRET-NOTE-4410");
    }

    @Test
    void pairsWithNoMeetingForTheProgrammesQuietWeeksAreFlagged() throws Exception {
        long programme = programme("Quiet", 2, 3);
        long a = person(api, admin, ods, "Q1", "Ann", "Able", null);
        long b = person(api, admin, ods, "Q2", "Bob", "Baker", null);
        long c = person(api, admin, ods, "Q3", "Cat", "Cole", null);
        long neverMet = open(ods, programme, a, b);
        long metOnce = open(ods, programme, a, c);
        long ended = open(ods, programme, b, c);
        LocalDate start = LocalDate.of(2026, 1, 5);
        inIcs(ods, () -> {
            jdbc.sql("update relationship set started_on = ? where programme_id = ?")
                    .params(start, programme)
                    .update();
            jdbc.sql("insert into relationship_meeting (relationship_id, met_on, minutes, logged_by, logged_on)"
                            + " values (?, ?, 30, ?, ?)")
                    .params(metOnce, start.plusWeeks(2), a, start.plusWeeks(2))
                    .update();
            return jdbc.sql("update relationship set ended_on = ?, end_reason = 'moved_role' where id = ?")
                    .params(start.plusDays(1), ended)
                    .update();
        });

        // three weeks after the start: the pair that never met has gone quiet; the one that met has not
        RelationshipFacts.Overview threeWeeks = inIcs(ods, () -> facts.overview(programme, start.plusWeeks(3)));
        assertThat(quiet(threeWeeks, neverMet)).isTrue();
        assertThat(quiet(threeWeeks, metOnce)).isFalse();
        assertThat(quiet(threeWeeks, ended))
                .as("an ended relationship is never quiet")
                .isFalse();
        assertThat(quiet(
                        inIcs(
                                ods,
                                () -> facts.overview(
                                        programme, start.plusWeeks(3).minusDays(1))),
                        neverMet))
                .as("a day short of three weeks")
                .isFalse();
        // three weeks after that meeting it has gone quiet too
        RelationshipFacts.Overview fiveWeeks = inIcs(ods, () -> facts.overview(programme, start.plusWeeks(5)));
        assertThat(quiet(fiveWeeks, metOnce)).isTrue();
        assertThat(fiveWeeks.quiet()).isEqualTo(2);
        assertThat(fact(fiveWeeks, metOnce).nextCheckIn()).isEqualTo(start.plusWeeks(4));

        // the page and the API flag them as of today
        assertThat(api.get("/api/v1/ics/" + ods + "/programmes/" + programme + "/relationships", admin)
                        .json()
                        .get("quiet")
                        .asInt())
                .isEqualTo(2);
        assertThat(new PageClient(port)
                        .signIn(adminEmail, PASSWORD)
                        .get("/ics/" + ods + "/programmes/" + programme + "/relationships")
                        .body())
                .contains("2 relationships with no meeting for 3 weeks or more");
    }

    private static RelationshipFacts.Fact fact(RelationshipFacts.Overview overview, long id) {
        return overview.relationships().stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private static boolean quiet(RelationshipFacts.Overview overview, long id) {
        return fact(overview, id).quiet();
    }

    @Test
    void eitherPersonEndsItForBothAndEachReflectsOnce() throws Exception {
        Pair pair = aPair("Ending");
        PageClient mentee = new PageClient(port);
        mentee.get(pair.receiverLink() + "/end");
        Page incomplete = mentee.post(pair.receiverLink() + "/end", "helped", "Listening");
        assertThat(incomplete.body())
                .contains("Choose why the relationship is ending")
                .contains("Choose how well it went, from 1 to 5")
                .contains("Listening");
        Page ended = posted(mentee, pair.receiverLink() + "/end", "reason", "not_working", "rating", "2");
        assertThat(ended.body())
                .contains("Thank you. Your reflection was saved.")
                .contains("ended on " + org.goldenthread.platform.Dates.day(LocalDate.now()))
                .contains("It was not working for us")
                .doesNotContain("Log a meeting</a>");

        PageClient mentor = new PageClient(port);
        assertThat(mentor.get(pair.giverLink()).body()).contains("You can still give your own reflection.");
        mentor.get(pair.giverLink() + "/end");
        assertThat(mentor.post(
                                pair.giverLink() + "/meetings",
                                "met_on",
                                LocalDate.now().toString(),
                                "minutes",
                                "30")
                        .body())
                .contains("so you can no longer log a meeting");
        mentor.get(pair.giverLink() + "/end");
        posted(mentor, pair.giverLink() + "/end", "reason", "goals_met", "rating", "5");
        mentor.get(pair.giverLink() + "/end");
        assertThat(mentor.post(pair.giverLink() + "/end", "reason", "other", "rating", "1")
                        .body())
                .contains("You have already ended this relationship");

        Response listed = api.get("/api/v1/ics/" + ods + "/programmes/" + pair.programme() + "/relationships", admin);
        var fact = listed.json().get("relationships").get(0);
        assertThat(fact.get("end_reason").asString())
                .as("the first to end it gives the reason")
                .isEqualTo("not_working");
        assertThat(fact.get("reflections").asInt()).isEqualTo(2);
    }

    @Test
    void anAdministratorEndsARelationshipWithAReasonAndRatingsShowOnlyInNumbers() throws Exception {
        Pair pair = aPair("Admin ending");
        String path = "/api/v1/ics/" + ods + "/programmes/" + pair.programme() + "/relationships/" + pair.id() + "/end";
        Response bad = api.post(path, admin, ApiClient.json("reason", "bored"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("goals_met, programme_ended, not_working, moved_role or other");
        Response ended = api.post(path, admin, ApiClient.json("reason", "programme_ended"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("ended").asBoolean()).isTrue();
        assertThat(api.post(path, admin, ApiClient.json("reason", "other")).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/ics/" + ods + "/audit", admin).body()).contains("relationship.ended");
        assertThat(new PageClient(port).get(pair.giverLink()).body()).contains("The programme ended");
        // another ICS's administrator cannot see or end it
        String otherOds = createIcs("Nosy ICS");
        String nosy = tokenFor(createUser("ics_admin", otherOds));
        assertThat(api.get("/api/v1/ics/" + otherOds + "/programmes/" + pair.programme() + "/relationships", nosy)
                        .status())
                .isEqualTo(404);

        // ratings: an average only once at least the smallest group size have reflected
        setMinGroupSize(ods, 3);
        long programme = pair.programme();
        long[] people = {
            person(api, admin, ods, "S1", "Sam", "One", null), person(api, admin, ods, "S2", "Sal", "Two", null)
        };
        long second = open(ods, programme, people[0], people[1]);
        inIcs(
                ods,
                () -> jdbc.sql("""
                        insert into relationship_reflection (relationship_id, person_id, reason, rating, given_on)
                        values (?, ?, 'goals_met', 4, current_date), (?, ?, 'goals_met', 5, current_date)""").params(second, people[0], second, people[1]).update());
        var two = api.get("/api/v1/ics/" + ods + "/programmes/" + programme + "/relationships", admin)
                .json()
                .get("ratings");
        assertThat(two.get("reflections").asInt()).isEqualTo(2);
        assertThat(two.get("suppressed").asBoolean()).isTrue();
        assertThat(two.get("average").isNull()).isTrue();
        PageClient mentee = new PageClient(port);
        mentee.get(pair.receiverLink() + "/end");
        posted(mentee, pair.receiverLink() + "/end", "reason", "programme_ended", "rating", "3");
        var three = api.get("/api/v1/ics/" + ods + "/programmes/" + programme + "/relationships", admin)
                .json()
                .get("ratings");
        assertThat(three.get("suppressed").asBoolean()).isFalse();
        assertThat(three.get("average").asDouble()).isEqualTo(4.0);

        // a fourth reflection leaves the average where it was: before and after would give its rating away
        long[] more = {
            person(api, admin, ods, "S3", "Sol", "Three", null), person(api, admin, ods, "S4", "Sid", "Four", null)
        };
        long third = open(ods, programme, more[0], more[1]);
        String one = "insert into relationship_reflection (relationship_id, person_id, reason, rating, given_on)"
                + " values (?, ?, 'not_working', 1, current_date)";
        inIcs(ods, () -> jdbc.sql(one).params(third, more[0]).update());
        var four = api.get("/api/v1/ics/" + ods + "/programmes/" + programme + "/relationships", admin)
                .json()
                .get("ratings");
        assertThat(four.get("reflections").asInt()).isEqualTo(4);
        assertThat(four.get("average").asDouble()).isEqualTo(4.0);
        assertThat(four.get("held_back").asInt()).isEqualTo(1);
        PageClient adminPages = new PageClient(port).signIn(adminEmail, PASSWORD);
        assertThat(adminPages
                        .get("/ics/" + ods + "/programmes/" + programme + "/relationships")
                        .body())
                .contains("4 reflections, rating 4.0 out of 5 on average (the first 3");
        // with k more it moves, by the k together: (4 + 5 + 3 + 1 + 1 + 1) / 6
        long[] last = {
            person(api, admin, ods, "S5", "Sue", "Five", null), person(api, admin, ods, "S6", "Stu", "Six", null)
        };
        long fourth = open(ods, programme, last[0], last[1]);
        inIcs(ods, () -> jdbc.sql(one).params(third, more[1]).update());
        inIcs(ods, () -> jdbc.sql(one).params(fourth, last[0]).update());
        var six = api.get("/api/v1/ics/" + ods + "/programmes/" + programme + "/relationships", admin)
                .json()
                .get("ratings");
        assertThat(six.get("average").asDouble()).isEqualTo(2.5);
        assertThat(six.get("held_back").asInt()).isZero();
    }

    @Test
    void aLinkThatCouldNotBeEmailedIsNotLostAndHandingItOverIsAudited() throws Exception {
        long programme = programme("No address", 4, 8);
        String mentorEmail = uniqueEmail("mentor");
        long mentor = person(api, admin, ods, "N1", "Nia", "Noble", mentorEmail);
        long mentee = person(api, admin, ods, "N2", "Ned", "Nobody", null);
        long id = open(ods, programme, mentor, mentee);
        emailedToken(mentorEmail, 0);

        // a pairing that is rolled back emails nobody
        String rolledBackEmail = uniqueEmail("rolled-back");
        long rolledBack = person(api, admin, ods, "N3", "Rob", "Back", rolledBackEmail);
        inIcs(
                ods,
                () -> new TransactionTemplate(transactions).execute(status -> {
                    relationships.open(programme, rolledBack, mentee, null);
                    status.setRollbackOnly();
                    return null;
                }));

        String base = "/ics/" + ods + "/programmes/" + programme + "/relationships";
        PageClient adminPages = new PageClient(port).signIn(adminEmail, PASSWORD);
        adminPages.get(base);
        Page download = adminPages.post(base + "/links.csv");
        assertThat(download.status()).isEqualTo(200);
        List<String> lines = download.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("relationship_id,person_ref,name,email,link");
        assertThat(lines.get(1)).startsWith(id + ",N2,Ned Nobody,,http://localhost:" + port + "/relationship/");
        String link = lines.get(1).substring(lines.get(1).indexOf("/relationship/"));
        assertThat(new PageClient(port).get(link).body()).contains("Your mentoring with Nia Noble");
        assertThat(api.get("/api/v1/ics/" + ods + "/audit", admin).body())
                .contains("programme.relationship_links_downloaded");
        assertThat(TestMailServer.to(rolledBackEmail)).isEmpty();

        // emailing a person without an address is refused with a reason
        Response refused = api.post("/api/v1" + base + "/" + id + "/links/" + mentee, admin, "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Ned Nobody has no email address on the register");
    }
}
