package org.goldenthread.platform.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Grant;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.database.DatabaseServer;
import org.goldenthread.platform.tenancy.Tenants;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.RegisterEntries;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A subject access export and an erasure for one person of a demo ICS who has something in every
 * module, and the retention period's daily job.
 */
class DataRightsTest extends IntegrationTest {

    private static final String GIVEN = "Zephyrine";
    private static final String FAMILY = "Quillfeather";

    /** Sections the seeded person has nothing in: the demo gives them no such rows. */
    private static final List<String> MAY_BE_EMPTY = List.of(
            "Self-assessment ratings agreed",
            "Self-assessment evidence",
            "Action learning sets",
            "Exchange visits",
            "Improvement ideas",
            "Succession plans");

    @Autowired
    Tenants tenants;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DatabaseServer database;

    @Autowired
    Retention retention;

    @Test
    void theExportHoldsEveryModulesPartForThePersonAndTheErasureLeavesNoTraceButTheFigures() throws Exception {
        String ods = createIcs("Rights");
        String rater = createUser("member", ods);
        long icsId = demoIcs(ods, rater);
        // the demo's survey responses are imported in the background; figures are compared once they are in
        await().atMost(java.time.Duration.ofMinutes(3)).until(() -> {
            try (Connection c = owner()) {
                return count(c, "select count(*) from survey_response where ics_id = " + icsId) >= 240;
            }
        });
        String admin = tokenFor(createUser("ics_admin", ods));
        // through the API, so that the audit log records their details as it would
        ApiClient.Response added = api.post(
                "/api/v1/ics/" + ods + "/people",
                admin,
                ApiClient.json(
                        "person_ref",
                        "ZQ1",
                        "given_name",
                        GIVEN,
                        "family_name",
                        FAMILY,
                        "email",
                        rater,
                        "profession",
                        "gp"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long person = added.json().get("id").asLong();
        long other;
        try (Connection c = owner()) {
            other = seedEverything(c, icsId, person, rater);
        }

        JsonNode export = api.get("/api/v1/ics/" + ods + "/people/" + person + "/personal-data", admin)
                .json();
        Map<String, Integer> sections = new LinkedHashMap<>();
        export.get("sections")
                .forEach(s ->
                        sections.put(s.get("title").asString(), s.get("entries").size()));
        assertThat(sections)
                .containsKeys(
                        "Account",
                        "Leadership register",
                        "Appointments",
                        "Forum seats",
                        "Survey invitations",
                        "Self-assessment ratings",
                        "Development enrolments",
                        "Programme places",
                        "Pairs",
                        "Goals they added",
                        "Meetings they logged",
                        "Reflections at an ending",
                        "Talent pool",
                        "Applications",
                        "Exit conversations",
                        "Time recorded",
                        "Wellbeing check-ins",
                        "Development plan",
                        "Development plan shared with",
                        "Equality answers");
        sections.forEach((title, entries) -> {
            if (!MAY_BE_EMPTY.contains(title)) {
                assertThat(entries).as(title).isPositive();
            }
        });
        String text = export.toString();
        assertThat(text).contains(GIVEN, FAMILY, rater, "Asian");
        assertThat(text)
                .as("nothing of the person they were paired with")
                .doesNotContain("Ottoline", "ottoline.other@test.example");
        assertThat(sections.get("Equality answers"))
                .as("their own answers, not their partner's")
                .isEqualTo(1);
        assertThat(api.getBytes("/api/v1/ics/" + ods + "/people/" + person + "/personal-data.pdf", admin))
                .startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=equality_answers.exported", admin)
                        .json()
                        .size())
                .isEqualTo(2);

        Map<String, Long> figures;
        try (Connection c = owner()) {
            figures = figures(c, icsId);
        }
        ApiClient.Response erased = api.post("/api/v1/ics/" + ods + "/people/" + person + "/erasure", admin, "{}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        try (Connection c = owner()) {
            assertThat(rowsNaming(c, List.of(GIVEN, FAMILY, rater))).isEmpty();
            assertThat(figures(c, icsId)).isEqualTo(figures);
            assertThat(count(c, "select count(*) from person where id = " + other + " and given_name = 'Ottoline'"))
                    .isEqualTo(1);
        }
        JsonNode audit = api.get("/api/v1/ics/" + ods + "/audit?action=person.erased", admin)
                .json();
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).get("entity_id").asString()).isEqualTo(String.valueOf(person));
        assertThat(api.get("/api/v1/ics/" + ods + "/people/" + person + "/personal-data", admin)
                        .status())
                .isEqualTo(404);
        assertThat(api.requestToken(rater, PASSWORD).status())
                .as("the erased account signs in no more")
                .isEqualTo(401);
    }

    @Test
    void anErasureClearsTheAuditRecordsThatNameThePersonAndNoOthers() throws Exception {
        String ods = createIcs("Erasure scope");
        String admin = tokenFor(createUser("ics_admin", ods));
        String elsewhere = createUser("member", createIcs("Elsewhere"));
        long sam = RegisterEntries.gp(api, admin, ods, "SL1", "Sam", "Lee", "sam.lee@erasure.example");
        long leeming = RegisterEntries.gp(api, admin, ods, "SL2", "Sam", "Leeming", "x.sam.lee@erasure.example");
        // an administrator here puts another ICS's member's address on a made-up entry, and erases it
        long madeUp = RegisterEntries.gp(api, admin, ods, "MU1", "Made", "Up", elsewhere);
        for (long person : List.of(sam, madeUp)) {
            ApiClient.Response erased = api.post("/api/v1/ics/" + ods + "/people/" + person + "/erasure", admin, "{}");
            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        }
        try (Connection c = owner()) {
            assertThat(count(
                            c,
                            "select count(*) from audit_event where entity = 'person' and entity_id = '" + leeming
                                    + "' and after::text like '%Leeming%'"))
                    .as("a name and an address that merely contain the erased person's")
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "select count(*) from audit_event where ics_id is null and after::text like '%" + elsewhere
                                    + "%'"))
                    .as("the platform's records of an account this ICS does not own")
                    .isPositive();
        }
        assertThat(api.requestToken(elsewhere, PASSWORD).status())
                .as("and the account itself is the other ICS's to keep")
                .isEqualTo(201);
    }

    @Test
    void theRetentionJobErasesOnlyThoseWhoseLastAppointmentEndedLongerAgoThanThePeriod() throws Exception {
        String ods = createIcs("Retention");
        String admin = tokenFor(createUser("ics_admin", ods));
        long icsId = tenants.tenant(ods).orElseThrow().id();
        LocalDate today = LocalDate.now(java.time.Clock.systemUTC());
        long longGone;
        long recentlyLeft;
        long stillSitting;
        long neverAppointed;
        try (Connection c = owner()) {
            long seat = seat(c, icsId);
            longGone = person(c, icsId, "RT1", "Longgone", seat, today.minusYears(8), today.minusYears(3));
            recentlyLeft = person(c, icsId, "RT2", "Recentleft", seat, today.minusYears(4), today.minusYears(1));
            stillSitting = person(c, icsId, "RT3", "Stillsitting", seat, today.minusYears(9), null);
            neverAppointed = person(c, icsId, "RT4", "Neverappointed", null, null, null);
        }
        assertThat(api.put("/api/v1/ics/" + ods + "/retention", admin, ApiClient.json("erase_after_years", 0))
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/ics/" + ods + "/retention", admin, ApiClient.json("erase_after_years", 2))
                        .status())
                .isEqualTo(200);

        retention.apply();

        try (Connection c = owner()) {
            assertThat(erased(c, longGone)).isTrue();
            assertThat(erased(c, recentlyLeft)).isFalse();
            assertThat(erased(c, stillSitting)).isFalse();
            assertThat(erased(c, neverAppointed)).isFalse();
            assertThat(rowsNaming(c, List.of("Longgone"))).isEmpty();
            assertThat(count(c, "select count(*) from appointment where person_id = " + longGone))
                    .isEqualTo(1);
        }
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=" + Retention.ERASED_BY_RETENTION, admin)
                        .json()
                        .findValuesAsString("entity_id"))
                .containsExactly(String.valueOf(longGone));
    }

    @Test
    void anAdministratorDownloadsAndErasesFromThePersonsPageAfterConfirming() throws Exception {
        String ods = createIcs("Rights pages");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        ApiClient.Response added = api.post(
                "/api/v1/ics/" + ods + "/people",
                admin,
                ApiClient.json(
                        "person_ref", "PG1", "given_name", "Perpetua", "family_name", "Pagewise", "profession", "gp"));
        long person = added.json().get("id").asLong();
        org.goldenthread.support.PageClient pages =
                new org.goldenthread.support.PageClient(port).signIn(adminEmail, PASSWORD);
        String page = pages.get("/ics/" + ods + "/people/" + person).body();
        assertThat(page).contains("Download everything we hold (PDF)", "Erase this person");
        assertThat(pages.get("/ics/" + ods + "/people/" + person + "/personal-data.json")
                        .body())
                .contains("Perpetua", "Leadership register");
        assertThat(pages.get("/ics/" + ods + "/people/" + person + "/erase").body())
                .contains("Erase Perpetua Pagewise?", "This cannot be undone");
        org.goldenthread.support.PageClient.Page done = pages.post("/ics/" + ods + "/people/" + person + "/erase");
        assertThat(done.status()).isEqualTo(302);
        assertThat(pages.follow(done).body()).contains("Perpetua Pagewise has been erased");
        assertThat(pages.get("/ics/" + ods + "/people/" + person).body())
                .doesNotContain("Perpetua")
                .doesNotContain("Erase this person");

        assertThat(pages.post("/ics/" + ods + "/retention", "years", "none").body())
                .contains("Retention period must be a whole number of years from 1 to 50, or empty");
        assertThat(pages.follow(pages.post("/ics/" + ods + "/retention", "years", "7"))
                        .body())
                .contains("more than 7 years ago");
    }

    /** Loads the demo into the ICS, with the account given as one of its raters. */
    private long demoIcs(String ods, String rater) throws SQLException {
        Tenant tenant = tenants.tenant(ods).orElseThrow();
        long account;
        try (Connection c = owner()) {
            account = count(c, "select id from app_user where email = '" + rater + "'");
        }
        // the demo's first person leads it (agrees ratings, runs matching), as an administrator would
        Caller caller = new Caller(
                account,
                rater,
                "Rater",
                List.of(new Grant(Role.ICS_ADMIN, tenant.id(), ods, tenant.name(), List.of())));
        Scope.system(tenant)
                .run(() -> transactions.executeWithoutResult(
                        status -> events.publishEvent(new DemoIcsCreated(tenant, List.of(caller)))));
        return tenant.id();
    }

    /** Something of the person's in every module, and a partner for them who must stay out of their export. */
    private static long seedEverything(Connection c, long ics, long person, String email) throws SQLException {
        long other = count(
                c,
                "insert into person (ics_id, person_ref, given_name, family_name, email, profession)" + " values ("
                        + ics + ", 'OO1', 'Ottoline', 'Other', 'ottoline.other@test.example', 'gp') returning id");
        long seat = seat(c, ics);
        long ended = count(
                c,
                "insert into appointment (ics_id, person_id, seat_id, start_date, end_date) values (" + ics + ", "
                        + person + ", " + seat + ", date '2020-01-01', date '2023-12-31') returning id");
        long current = count(
                c,
                "insert into appointment (ics_id, person_id, seat_id, start_date) values (" + ics + ", " + person + ", "
                        + seat + ", date '2024-06-01') returning id");
        execute(
                c,
                "insert into time_entry (ics_id, appointment_id, week_starting, hours) values (" + ics + ", " + current
                        + ", date '2026-11-02', 3.5)");
        execute(
                c,
                "insert into wellbeing_check_in (ics_id, person_id, leader_email, week_starting, workload, time_kept,"
                        + " note) values (" + ics + ", " + person + ", '" + email.toLowerCase()
                        + "', date '2026-11-02', 'stretched', 'partly',"
                        + " 'Zephyrine needs a lighter November')");
        execute(
                c,
                "insert into plan_goal (ics_id, person_id, owner_email, title, added_on) values (" + ics + ", " + person
                        + ", '" + email.toLowerCase() + "', 'Zephyrine chairs the senate', current_date)");
        execute(
                c,
                "insert into plan_share (ics_id, person_id, owner_email, email, shared_on) values (" + ics + ", "
                        + person + ", '" + email.toLowerCase()
                        + "', 'mentor.of.zephyrine@test.example', current_date)");
        execute(
                c,
                "insert into exit_conversation (ics_id, appointment_id, held_on, reason, reason_detail,"
                        + " would_return, handover) values (" + ics + ", " + ended + ", date '2023-12-20', 'workload',"
                        + " 'Zephyrine was stretched too thin', 'maybe', false)");
        execute(
                c,
                "insert into enrolment (ics_id, offer_id, person_id, status, applied_on, changed_on)"
                        + " select " + ics + ", min(id), " + person
                        + ", 'applied', current_date, current_date from offer"
                        + " where ics_id = " + ics);
        long programme = count(c, "select min(id) from programme where ics_id = " + ics + " and kind = 'mentoring'");
        execute(
                c,
                "insert into programme_participant (ics_id, programme_id, person_id, role) values (" + ics + ", "
                        + programme + ", " + person + ", 'mentee')");
        long pair = count(
                c,
                "insert into relationship (ics_id, programme_id, giver_id, receiver_id, started_on)"
                        + " values (" + ics + ", " + programme + ", " + other + ", " + person
                        + ", date '2025-01-01') returning id");
        execute(
                c,
                "insert into relationship_goal (ics_id, relationship_id, text, added_by, added_on) values (" + ics
                        + ", " + pair + ", 'Zephyrine wants to chair a board', " + person + ", date '2025-01-10')");
        execute(
                c,
                "insert into relationship_meeting (ics_id, relationship_id, met_on, minutes, notes, logged_by,"
                        + " logged_on) values (" + ics + ", " + pair
                        + ", date '2025-02-01', 60, 'Talked about Quillfeather"
                        + " family news', " + person + ", date '2025-02-01')");
        execute(
                c,
                "insert into relationship_reflection (ics_id, relationship_id, person_id, reason, rating, helped,"
                        + " reflection, given_on) values (" + ics + ", " + pair + ", " + person + ", 'goals_met', 5,"
                        + " 'Being listened to', 'I, Zephyrine, grew', date '2025-06-01')");
        execute(
                c,
                "insert into talent (ics_id, person_id, origin, readiness, topics) values (" + ics + ", " + person
                        + ", 'interest', 'ready_now', 'What Zephyrine cares about')");
        long round = count(
                c,
                "insert into recruitment_round (ics_id, seat_id, opens_on, closes_on) values (" + ics + ", " + seat
                        + ", date '2024-01-01', date '2024-02-01') returning id");
        long application = count(
                c,
                "insert into recruitment_application (ics_id, round_id, applicant_ref, person_id,"
                        + " given_name, family_name, email, profession, stage) values (" + ics + ", " + round
                        + ", 'APP-ZQ', " + person + ", '" + GIVEN + "', '" + FAMILY + "', '" + email
                        + "', 'gp', 'appointed')"
                        + " returning id");
        execute(
                c,
                "insert into equality_answer (ics_id, application_id, ethnic_group, sex, disability) values (" + ics
                        + ", " + application + ", 'asian', 'female', 'no')");
        execute(
                c,
                "insert into equality_answer (ics_id, person_id, ethnic_group, sex, disability) values (" + ics + ", "
                        + other + ", 'white', 'male', 'yes')");
        execute(
                c,
                "insert into equality_link (ics_id, person_id, token_hash, issued_on) values (" + ics + ", " + person
                        + ", '\\x0102'::bytea, current_date)");
        long invitation = count(
                c,
                "insert into survey_invitation (ics_id, survey_id, email) select " + ics
                        + ", min(id), '" + email.toUpperCase(java.util.Locale.ROOT)
                        + "' from survey where ics_id = "
                        + ics + " returning id");
        execute(
                c,
                "insert into survey_invitation_link (ics_id, invitation_id, token_hash) values (" + ics + ", "
                        + invitation + ", '\\x0203'::bytea)");
        execute(
                c,
                "insert into survey_invitation_unanswered (ics_id, invitation_id) values (" + ics + ", " + invitation
                        + ")");
        execute(
                c,
                "insert into survey_draft (ics_id, survey_id, invitation_id, answers, idempotency_key) select "
                        + ics
                        + ", survey_id, id, '{\"q1\": \"Zephyrine half way\"}', 'zq-key' from survey_invitation where id = "
                        + invitation);
        return other;
    }

    /** What figures count, in the ICS: none of it may change with an erasure. */
    private static Map<String, Long> figures(Connection c, long ics) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "person",
                "appointment",
                "enrolment",
                "programme_participant",
                "relationship",
                "relationship_meeting",
                "relationship_reflection",
                "talent",
                "recruitment_application",
                "equality_answer",
                "survey_invitation",
                "survey_response",
                "rating",
                "exit_conversation",
                "time_entry",
                "wellbeing_check_in")) {
            counts.put(table, count(c, "select count(*) from " + table + " where ics_id = " + ics));
        }
        return counts;
    }

    /** Every row, in every table, whose text contains any of the words, ignoring case. */
    private static List<String> rowsNaming(Connection c, List<String> words) throws SQLException {
        List<String> found = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            for (String word : words) {
                try (PreparedStatement s = c.prepareStatement("select t::text from \"" + table + "\" t"
                        + " where position(lower(?) in lower(t::text)) > 0 limit 3")) {
                    s.setString(1, word);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.add(table + ": " + rs.getString(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static long seat(Connection c, long ics) throws SQLException {
        long existing = count(c, "select coalesce(min(id), 0) from seat where ics_id = " + ics);
        if (existing > 0) {
            return existing;
        }
        long forum = count(
                c,
                "insert into forum (ics_id, name, level, kind, decision_rights) values (" + ics
                        + ", 'Board', 'system', 'board', 'decides') returning id");
        return count(
                c,
                "insert into seat (ics_id, forum_id, title, seat_type) values (" + ics + ", " + forum
                        + ", 'Chair', 'chair') returning id");
    }

    private static long person(
            Connection c,
            long ics,
            String ref,
            String family,
            @Nullable Long seat,
            @Nullable LocalDate from,
            @Nullable LocalDate until)
            throws SQLException {
        long id = count(
                c,
                "insert into person (ics_id, person_ref, given_name, family_name, profession) values (" + ics + ", '"
                        + ref + "', 'Rita', '" + family + "', 'gp') returning id");
        if (seat != null) {
            execute(
                    c,
                    "insert into appointment (ics_id, person_id, seat_id, start_date, end_date) values (" + ics
                            + ", " + id + ", " + seat + ", date '" + from + "', "
                            + (until == null ? "null" : "date '" + until + "'") + ")");
        }
        return id;
    }

    private static boolean erased(Connection c, long person) throws SQLException {
        return count(c, "select count(*) from person where erased_on is not null and id = " + person) == 1;
    }

    /**
     * The schema owner's connection, seeing every ICS as the backup command does: on an external
     * server the owner is no superuser, so forced row-level security applies to it too.
     */
    private Connection owner() throws SQLException {
        Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
        execute(c, """
                select set_config('gt.ics_ids', coalesce((select array_agg(id)::text from ics), '{}'), false),
                       set_config('gt.platform', 'on', false),
                       set_config('gt.equality', 'write', false)""");
        return c;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row, for counts, ids and inserts returning an id. */
    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
