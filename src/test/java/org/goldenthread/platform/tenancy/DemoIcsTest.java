package org.goldenthread.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class DemoIcsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void theDemoIcsAuditsTheRolesItGivesPlatformAdministrators() {
        try {
            DemoLoad.ensure(context);
            String adminEmail = createUser("ics_admin", DemoIcs.ODS);
            String admin = tokenFor(adminEmail);
            JsonNode grants = api.get("/api/v1/ics/" + DemoIcs.ODS + "/audit?action=user.role_granted", admin)
                    .json();
            JsonNode demoGrant = grants.valueStream()
                    .filter(e -> e.get("actor").asString().equals("system"))
                    .filter(e -> e.get("after").get("email").asString().equals(ADMIN_EMAIL))
                    .findFirst()
                    .orElseThrow();
            assertThat(demoGrant.get("after").get("role").asString()).isEqualTo("ics_admin");
            assertThat(demoGrant.get("after").get("ics").asString()).isEqualTo(DemoIcs.ODS);

            // the demo's self-assessment: two closed cycles and an open one, so a trend shows
            JsonNode cycles = api.get("/api/v1/ics/" + DemoIcs.ODS + "/assessments", admin)
                    .json();
            assertThat(cycles.valueStream().map(c -> c.get("status").asString()).toList())
                    .containsExactly("closed", "closed", "open");
            long latest = cycles.get(2).get("id").asLong();
            JsonNode open = api.get("/api/v1/ics/" + DemoIcs.ODS + "/assessments/" + latest, admin)
                    .json();
            assertThat(open.get("previous_cycle").asLong())
                    .isEqualTo(cycles.get(1).get("id").asLong());
            assertThat(open.get("ratings").size())
                    .as("five contributors rated seven indicators")
                    .isEqualTo(35);
            JsonNode closed = api.get(
                            "/api/v1/ics/" + DemoIcs.ODS + "/assessments/"
                                    + cycles.get(1).get("id").asLong(),
                            admin)
                    .json();
            assertThat(closed.get("indicators")
                            .valueStream()
                            .filter(i -> i.get("level").isNull())
                            .count())
                    .isZero();
            assertThat(closed.get("evidence")
                            .valueStream()
                            .filter(e -> e.get("metric").asString().equals("vacant_seats"))
                            .findFirst()
                            .orElseThrow()
                            .get("value")
                            .asInt())
                    .isPositive();
            assertThat(closed.get("evidence")
                            .valueStream()
                            .filter(e -> e.get("metric").asString().equals("engagement_reach"))
                            .findFirst()
                            .orElseThrow()
                            .get("value")
                            .asInt())
                    .as("the demo pulse survey")
                    .isEqualTo(240);

            // beside the closed pulse, its next round is open to try answering; the pulse's comments differ
            JsonNode surveys =
                    api.get("/api/v1/ics/" + DemoIcs.ODS + "/surveys", admin).json();
            JsonNode next = surveys.valueStream()
                    .filter(x -> x.get("code").asString().equals("place-pulse-next"))
                    .findFirst()
                    .orElseThrow();
            assertThat(next.get("status").asString()).isEqualTo("live");
            assertThat(next.get("closes_on").asString())
                    .isGreaterThan(java.time.LocalDate.now().toString());
            long pulse = surveys.valueStream()
                    .filter(x -> x.get("code").asString().equals("place-pulse"))
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asLong();
            JsonNode comments = api.get(
                            "/api/v1/ics/" + DemoIcs.ODS + "/surveys/" + pulse
                                    + "/comments?field=Q1_comment&page_size=50",
                            admin)
                    .json();
            assertThat(comments.valueStream()
                            .map(c -> c.get("text").asString())
                            .distinct()
                            .count())
                    .isEqualTo(20);
            assertThat(closed.get("actions")
                            .valueStream()
                            .filter(a -> !a.get("status").asString().equals("done"))
                            .count())
                    .isEqualTo(3);

            // each closed cycle keeps the figures of its own close date, not those of the day the demo loaded
            for (int c = 0; c < 2; c++) {
                JsonNode cycle = api.get(
                                "/api/v1/ics/" + DemoIcs.ODS + "/assessments/"
                                        + cycles.get(c).get("id").asLong(),
                                admin)
                        .json();
                String closedOn = cycle.get("closed_on").asString();
                assertThat(cycle.get("evidence")
                                .valueStream()
                                .map(e -> e.get("as_of").asString()))
                        .isNotEmpty()
                        .allSatisfy(at -> assertThat(at).startsWith(closedOn));
            }

            // vacancies have a history: most vacant seats were held by someone who left on a real date
            record Vacancies(long vacant, long heldBefore) {}
            Vacancies vacancies = inIcs(
                    DemoIcs.ODS, () -> jdbc.sql("""
                            select count(*) as vacant,
                                   count(*) filter (where exists (select from appointment a where a.seat_id = s.id
                                                                     and a.end_date < current_date)) as held_before
                              from seat s
                             where not exists (select from appointment a where a.seat_id = s.id and a.start_date <= current_date
                                                  and (a.end_date is null or a.end_date >= current_date))""").query(Vacancies.class).single());
            assertThat(vacancies.vacant()).isPositive();
            assertThat(vacancies.heldBefore()).isGreaterThan(vacancies.vacant() / 2);

            // recruitment: two finished rounds, each with its appointed holder among the applicants, and one open
            JsonNode rounds = api.get("/api/v1/ics/" + DemoIcs.ODS + "/recruitment/rounds", admin)
                    .json();
            assertThat(rounds.valueStream()
                            .filter(r -> r.get("applications").get("appointed").asInt() == 1)
                            .count())
                    .isEqualTo(2);
            assertThat(rounds.valueStream()
                            .filter(r -> !java.time.LocalDate.parse(
                                            r.get("closes_on").asString())
                                    .isBefore(java.time.LocalDate.now()))
                            .count())
                    .isEqualTo(1);

            // the forums are listed forty a page, and a level or place narrows them
            PageClient pages = new PageClient(port).signIn(adminEmail, PASSWORD);
            String forums = pages.get("/ics/" + DemoIcs.ODS + "/forums").body();
            assertThat(forums).contains("aria-label=\"Pages of forums\"").containsPattern("\\d+ forums, 1 to 40 shown");
            String system =
                    pages.get("/ics/" + DemoIcs.ODS + "/forums?level=system").body();
            assertThat(system)
                    .contains("System level")
                    .doesNotContain("Neighbourhood level")
                    .doesNotContain("Pages of forums");

            // the pulse's comments are read and coded ten at a time
            String second = pages.get("/ics/" + DemoIcs.ODS + "/surveys/" + pulse + "/comments?field=Q1_comment&page=2")
                    .body();
            assertThat(second).contains(">Comment 11<", ">Comment 20<").doesNotContain(">Comment 10<", ">Comment 21<");

            // more forums than a phone's map shows at once: it starts with the system and place levels
            String map = pages.get("/ics/" + DemoIcs.ODS + "/insight/forums").body();
            assertThat(map).contains("id=\"not-drawn\"").containsPattern("At neighbourhood level: \\d+ forums</a>");
            assertThat(map).doesNotContain("<td class=\"nhsuk-table__cell\">Neighbourhood</td>");
            // and a level with as many, place by place
            String level = pages.get("/ics/" + DemoIcs.ODS + "/insight/forums?level=neighbourhood")
                    .body();
            assertThat(level)
                    .containsPattern("In Eastwold: \\d+ forums?</a>")
                    .doesNotContain("No forums match this choice");
        } finally {
            DemoLoad.withdrawPlatformAdministrators(context);
        }
    }
}
