package org.goldenthread.development.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A leader's own time log on the small register (see {@link RegisterFixture}): Asha Reed (P1) holds
 * three seats (ICS Board chair, agreed 4 h and used 4; Professional Council chair, 2 and 1;
 * Northfield Place Board GP lead, 1 and 1), and signs in with the address on her register entry.
 */
class TimeLogTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private String ods;
    private String admin;
    private String adminEmail;
    private String ashaEmail;
    private String asha;
    private long chair;
    private long council;
    private long placeBoard;
    private final LocalDate thisWeek = TimeLog.mondayOf(LocalDate.now());

    @BeforeEach
    void ashaSignsIn() {
        ods = createIcs("Time log ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        RegisterFixture.loadSmallRegister(api, admin, ods);
        ashaEmail = createUser("member", ods);
        long p1 = idOf("P1");
        moveAddress(p1, ashaEmail);
        asha = tokenFor(ashaEmail);
        for (JsonNode a : api.get(path("/people/" + p1), admin).json().get("appointments")) {
            switch (a.get("forum").asString()) {
                case "ICS Board" -> chair = a.get("id").asLong();
                case "Professional Council" -> council = a.get("id").asLong();
                case "Northfield Place Board" -> placeBoard = a.get("id").asLong();
                default -> throw new AssertionError(a);
            }
        }
    }

    /** Puts an address on Asha's register entry, as an administrator editing it would. */
    private void moveAddress(long p1, String email) {
        JsonNode person = api.get(path("/people/" + p1), admin).json();
        ApiClient.Response moved = api.put(
                path("/people/" + p1),
                admin,
                ApiClient.json(
                        "given_name", "Asha",
                        "family_name", "Reed",
                        "email", email,
                        "profession", "gp",
                        "registration_number",
                                person.get("person").get("registration_number").asString(),
                        "employer", "Brook Surgery",
                        "employer_ods", "A81001",
                        "sector", "general_practice",
                        "career_stage", "senior"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    @Test
    void aLeadersWeeksSetTheirTimeUsedOnTheRegister() {
        JsonNode mine = api.get(path("/development/time"), asha).json();
        assertThat(mine.get("roles")).hasSize(3);
        assertThat(mine.get("open_weeks")).hasSize(4);
        assertThat(mine.get("open_weeks").get(0).asString()).isEqualTo(thisWeek.toString());
        assertThat(mine.get("weeks")).isEmpty();

        ApiClient.Response first =
                record(thisWeek, Map.of(chair, "3.5", council, "1"), "stretched", "partly", "Board papers late again");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(usedOn(chair)).isEqualByComparingTo("3.5");
        assertThat(usedOn(council)).isEqualByComparingTo("1");
        assertThat(usedOn(placeBoard))
                .as("no week recorded for it: the register's figure stands")
                .isEqualByComparingTo("1");

        assertThat(record(thisWeek.minusWeeks(1), Map.of(chair, "2.5"), null, null, null)
                        .status())
                .isEqualTo(200);
        assertThat(usedOn(chair)).as("the average of 3.5 and 2.5").isEqualByComparingTo("3");

        // recording a week again replaces it: the chair's hours that week are gone
        assertThat(record(thisWeek, Map.of(council, "2"), "manageable", null, null)
                        .status())
                .isEqualTo(200);
        assertThat(usedOn(chair)).isEqualByComparingTo("2.5");
        assertThat(usedOn(council)).isEqualByComparingTo("2");

        JsonNode weeks = api.get(path("/development/time"), asha).json().get("weeks");
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).get("week_starting").asString()).isEqualTo(thisWeek.toString());
        assertThat(weeks.get(0).get("hours").size()).isEqualTo(1);
        assertThat(weeks.get(0).get("workload").asString()).isEqualTo("manageable");
        assertThat(weeks.get(0).get("note").isNull())
                .as("the week replaced the note too")
                .isTrue();

        String page = new PageClient(port)
                .signIn(ashaEmail, PASSWORD)
                .get("/ics/" + ods + "/development/time")
                .body();
        assertThat(page).contains("Chair, ICS Board").contains("2.5").contains("Your last 13 weeks");

        // clearing the last week a role had leaves its time used not known, not the figure taken back
        assertThat(record(thisWeek.minusWeeks(1), Map.of(), "stretched", null, null)
                        .status())
                .isEqualTo(200);
        assertThat(usedOn(chair)).isNull();
        assertThat(usedOn(council)).isEqualByComparingTo("2");
        assertThat(usedOn(placeBoard))
                .as("never recorded: the register's figure stands")
                .isEqualByComparingTo("1");
    }

    @Test
    void aWeekWithAnyProblemChangesNothingAndSaysWhy() {
        long someoneElses = api.get(path("/people/" + idOf("P4")), admin)
                .json()
                .get("appointments")
                .get(0)
                .get("id")
                .asLong();
        assertProblem(
                record(thisWeek.minusWeeks(4), Map.of(chair, "2"), null, null, null), "week", "is not one of them");
        assertProblem(record(thisWeek.plusDays(1), Map.of(chair, "2"), null, null, null), "week", "is not one of them");
        assertProblem(
                record(thisWeek, Map.of(chair, "lots"), null, null, null), "hours." + chair, "Should be a number");
        assertProblem(record(thisWeek, Map.of(chair, "81"), null, null, null), "hours-" + chair, "between 0 and 80");
        assertProblem(record(thisWeek, Map.of(chair, "2.25"), null, null, null), "hours-" + chair, "one decimal place");
        assertProblem(
                record(thisWeek, Map.of(chair, "50", council, "40"), null, null, null),
                "hours-" + chair,
                "Together these come to 90 hours");
        assertProblem(
                record(thisWeek, Map.of(someoneElses, "2"), null, null, null),
                "hours-" + someoneElses,
                "is not one of your roles");
        assertProblem(
                record(thisWeek, Map.of(chair, "2"), "fine", null, null),
                "workload",
                "manageable, stretched or unmanageable");
        assertProblem(record(thisWeek, Map.of(), null, null, null), "hours-" + chair, "at least one role");
        assertProblem(record(thisWeek, Map.of(chair, "2"), null, null, "x".repeat(2001)), "note", "2000 characters");

        ApiClient.Response huge =
                api.put(path("/development/time/" + thisWeek), asha, "{\"hours\": {\"" + chair + "\": 1e999999999}}");
        assertProblem(huge, "hours-" + chair, "between 0 and 80");

        assertThat(api.get(path("/development/time"), asha).json().get("weeks")).isEmpty();
        assertThat(usedOn(chair)).isEqualByComparingTo("4");
        assertThat(usedOn(someoneElses)).isEqualByComparingTo("2");
    }

    @Test
    void aCheckInIsTheLeadersAloneAndLeavesNoTraceInTheAuditLog() {
        assertThat(record(thisWeek, Map.of(chair, "3"), "unmanageable", "not_at_all", "Thinking of stepping down")
                        .status())
                .isEqualTo(200);
        assertThat(record(thisWeek.minusWeeks(1), Map.of(), null, null, "Only a note this week")
                        .status())
                .isEqualTo(200);
        // the administrator is not Asha: there is no time of theirs, and no way to hers
        ApiClient.Response adminsOwn = api.get(path("/development/time"), admin);
        assertThat(adminsOwn.status()).isEqualTo(404);
        assertThat(adminsOwn.body()).doesNotContain("stepping down");
        String audit = inIcs(
                ods,
                () -> jdbc.sql("select coalesce(string_agg(before::text || after::text, ' '), '') from audit_event")
                        .query(String.class)
                        .single());
        assertThat(audit)
                .doesNotContain("stepping down")
                .doesNotContain("unmanageable")
                .doesNotContain("not_at_all");
        assertThat(audit)
                .as("the register's time used changed, and that is audited")
                .contains("hours_used_per_week");

        // an administrator who puts their own address on her register entry finds her hours, which the
        // register shows anyway, and none of her check-ins: they show only to the address she used
        moveAddress(idOf("P1"), adminEmail);
        ApiClient.Response taken = api.get(path("/development/time"), admin);
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body())
                .doesNotContain("stepping down")
                .doesNotContain("unmanageable")
                .doesNotContain("Only a note");
        moveAddress(idOf("P1"), ashaEmail);
        assertThat(api.get(path("/development/time"), asha).body()).contains("stepping down");

        // it is hers under subject access, which an administrator makes for her, and that is audited; an
        // erasure takes the notes (a check-in that was only a note goes) and keeps the answers counted
        long p1 = idOf("P1");
        String held = api.get(path("/people/" + p1 + "/personal-data"), admin).body();
        assertThat(held)
                .contains("Wellbeing check-ins")
                .contains("Thinking of stepping down")
                .contains("Not manageable");
        assertThat(held).contains("Time recorded").contains("Chair, ICS Board");
        assertThat(api.get(path("/audit?action=wellbeing_check_ins.exported"), admin)
                        .json()
                        .size())
                .isEqualTo(1);
        assertThat(api.post(path("/people/" + p1 + "/erasure"), admin, "{}").status())
                .isEqualTo(200);
        List<String> left = inIcs(
                ods,
                () -> jdbc.sql("select coalesce(note, workload) from wellbeing_check_in where person_id = :p")
                        .param("p", p1)
                        .query(String.class)
                        .list());
        assertThat(left).containsExactly("unmanageable");
    }

    @Test
    void figuresCountClosedMonthsOnlyEachPersonOnceAndHideSmallGroups() {
        setMinGroupSize(ods, 3);
        YearMonth latest = TimeFigures.latestShown(LocalDate.now());
        LocalDate inLatest = TimeLog.mondayOf(latest.atDay(15));
        LocalDate alsoInLatest = inLatest.minusWeeks(1);
        LocalDate inEarlier = TimeLog.mondayOf(latest.minusMonths(1).atDay(15));
        // latest month: P1 answered twice (unmanageable, then manageable: counted once, as manageable)
        checkIn("P1", alsoInLatest, "unmanageable", "fully");
        checkIn("P1", inLatest, "manageable", "partly");
        checkIn("P2", inLatest, "manageable", "partly");
        checkIn("P4", inLatest, "manageable", "partly");
        checkIn("P5", inLatest, "stretched", "partly");
        checkIn("P6", inLatest, "stretched", "partly");
        checkIn("P7", inLatest, "stretched", "partly");
        // the month before: two people, too few to show
        checkIn("P1", inEarlier, "manageable", "fully");
        checkIn("P2", inEarlier, "unmanageable", "fully");
        // the month before that: seven people, one of them alone in an answer
        LocalDate inEarliest = TimeLog.mondayOf(latest.minusMonths(2).atDay(15));
        for (String ref : List.of("P1", "P2", "P4")) {
            checkIn(ref, inEarliest, "manageable", "partly");
        }
        for (String ref : List.of("P5", "P6", "P7")) {
            checkIn(ref, inEarliest, "stretched", "partly");
        }
        checkIn("P3", inEarliest, "unmanageable", "partly");
        // this week: not shown until the month is closed
        checkIn("P4", thisWeek, "unmanageable", "not_at_all");
        // hours in the latest month: three roles of two people... and a third person
        hours(chair, inLatest, "3");
        hours(council, inLatest, "1");
        hours(firstAppointmentOf("P4"), inLatest, "2");
        hours(firstAppointmentOf("P5"), inLatest, "0.5");

        String analyst = tokenFor(createUser("analyst", ods));
        JsonNode figures = api.get(path("/development/time/figures"), analyst).json();
        assertThat(figures.get("months").get(2).asString()).isEqualTo(latest.toString());
        assertThat(figures.get("whole_ics").asBoolean()).isTrue();
        assertThat(counts(figures.get("workload"), 2))
                .containsExactly(
                        entry("manageable", 3), entry("stretched", 3), entry("unmanageable", 0), entry("answered", 6));
        assertThat(counts(figures.get("time_kept"), 2))
                .as("partly 6, fully 0 (P1's earlier answer is not their latest)")
                .containsExactly(entry("fully", 0), entry("partly", 6), entry("not_at_all", 0), entry("answered", 6));
        assertThat(counts(figures.get("workload"), 1))
                .as("two people: hidden")
                .containsExactly(
                        entry("manageable", null),
                        entry("stretched", 0),
                        entry("unmanageable", null),
                        entry("answered", null));
        List<Map.Entry<String, Integer>> earliest = counts(figures.get("workload"), 0);
        assertThat(earliest.get(2)).isEqualTo(entry("unmanageable", null));
        assertThat(earliest.get(3)).as("the total stands").isEqualTo(entry("answered", 7));
        assertThat(java.util.Arrays.asList(
                        earliest.get(0).getValue(), earliest.get(1).getValue()))
                .as("one of the threes hidden beside the one, which the total would otherwise give away; not both")
                .containsExactlyInAnyOrder(3, null);
        JsonNode hours = figures.get("hours").get(2);
        assertThat(hours.get("people").asInt()).isEqualTo(3);
        assertThat(hours.get("roles_weeks").asInt()).isEqualTo(4);
        assertThat(hours.get("average_hours_recorded").decimalValue()).isEqualByComparingTo("1.6");
        assertThat(hours.get("average_hours_agreed").decimalValue())
                .as("(4 + 2 + 2 + 2) / 4")
                .isEqualByComparingTo("2.5");
        assertThat(figures.get("hours").get(1).get("people").asInt()).isZero();

        // a month once shown stands: ending P7's seat before it, backdated, would otherwise take P7's answer out
        ApiClient.Response ended = api.patch(
                path("/appointments/" + firstAppointmentOf("P7")),
                admin,
                ApiClient.json("end_date", latest.atDay(1).minusDays(1).toString()));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(counts(
                        api.get(path("/development/time/figures"), analyst)
                                .json()
                                .get("workload"),
                        2))
                .containsExactly(
                        entry("manageable", 3), entry("stretched", 3), entry("unmanageable", 0), entry("answered", 6));

        // Northfield's lead counts only people holding a seat there: P1, P5 and P6 (P2's ended long ago)
        String northLead = tokenFor(createUser("place_lead", ods, "Northfield"));
        JsonNode north = api.get(path("/development/time/figures"), northLead).json();
        assertThat(north.get("whole_ics").asBoolean()).isFalse();
        assertThat(counts(north.get("workload"), 2))
                .as("three people, 1 and 2 of them: hidden")
                .containsExactly(
                        entry("manageable", null),
                        entry("stretched", null),
                        entry("unmanageable", 0),
                        entry("answered", 3));
        assertThat(north.get("hours").get(2).get("people").isNull())
                .as("P1 and P5: two people")
                .isTrue();

        String member = tokenFor(createUser("member", ods));
        assertThat(api.get(path("/development/time/figures"), member).status()).isEqualTo(403);
        String page = new PageClient(port)
                .signIn(createUser("ics_admin", ods), PASSWORD)
                .get("/ics/" + ods + "/development/time/figures")
                .body();
        assertThat(page).contains("Too few to show").contains("Protected time recorded");
    }

    @Test
    void anotherIcsTimeIsNotThere() {
        String other = createIcs("Another ICS");
        assertThat(api.get("/api/v1/ics/" + other + "/development/time", asha).status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/ics/" + other + "/development/time/" + thisWeek,
                                asha,
                                ApiClient.json("hours", Map.of(String.valueOf(chair), 2)))
                        .status())
                .isEqualTo(404);
        assertThat(usedOn(chair)).isEqualByComparingTo("4");
    }

    private static Map.Entry<String, Integer> entry(String answer, Integer people) {
        return new java.util.AbstractMap.SimpleEntry<>(answer, people);
    }

    private static List<Map.Entry<String, Integer>> counts(JsonNode rows, int month) {
        List<Map.Entry<String, Integer>> counts = new java.util.ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode n = row.get("people").get(month);
            counts.add(entry(row.get("answer").asString(), n.isNull() ? null : n.asInt()));
        }
        return counts;
    }

    private ApiClient.Response record(
            LocalDate week, Map<Long, String> hours, String workload, String timeKept, String note) {
        Map<String, Object> h = new HashMap<>();
        hours.forEach((id, v) -> h.put(String.valueOf(id), v.matches("[0-9.]+") ? new BigDecimal(v) : v));
        return api.put(
                path("/development/time/" + week),
                asha,
                ApiClient.json("hours", h, "workload", workload, "time_kept", timeKept, "note", note));
    }

    private static void assertProblem(ApiClient.Response r, String field, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"" + field + "\"").contains(reason);
    }

    private @org.jspecify.annotations.Nullable BigDecimal usedOn(long appointment) {
        for (JsonNode a : api.get(path("/appointments"), admin).json()) {
            if (a.get("id").asLong() == appointment) {
                return a.get("hours_used_per_week").isNull()
                        ? null
                        : a.get("hours_used_per_week").decimalValue();
            }
        }
        throw new AssertionError("No appointment " + appointment);
    }

    private long idOf(String ref) {
        for (JsonNode p : api.get(path("/people"), admin).json()) {
            if (p.get("person_ref").asString().equals(ref)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("No " + ref);
    }

    private long firstAppointmentOf(String ref) {
        return api.get(path("/people/" + idOf(ref)), admin)
                .json()
                .get("appointments")
                .get(0)
                .get("id")
                .asLong();
    }

    private void checkIn(String ref, LocalDate week, String workload, String timeKept) {
        long person = idOf(ref);
        inIcs(
                ods,
                () -> jdbc.sql("""
                        insert into wellbeing_check_in (person_id, leader_email, week_starting, workload, time_kept)
                        values (:p, lower(:ref) || '@test.example', :w, :workload, :kept)""")
                        .param("ref", ref)
                        .param("p", person)
                        .param("w", week)
                        .param("workload", workload)
                        .param("kept", timeKept)
                        .update());
    }

    private void hours(long appointment, LocalDate week, String hours) {
        inIcs(
                ods,
                () -> jdbc.sql("insert into time_entry (appointment_id, week_starting, hours) values (:a, :w, :h)")
                        .param("a", appointment)
                        .param("w", week)
                        .param("h", new BigDecimal(hours))
                        .update());
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }
}
