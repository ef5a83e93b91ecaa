package org.goldenthread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.tenancy.Tenants;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The functions a module offers other modules' SQL in place of its tables (see TableBoundaryTest)
 * must cost nothing in isolation or speed: they see only the ICS in scope, as the tables do, and
 * PostgreSQL plans a query that calls one as if it had joined the tables.
 */
class OfferedFunctionsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenants tenants;

    @Test
    void theyKeepRowLevelSecurity() {
        Tenant a = Scope.systemPlatform()
                .run(() -> tenants.tenant(createIcs("Offered A")))
                .orElseThrow();
        Tenant b = Scope.systemPlatform()
                .run(() -> tenants.tenant(createIcs("Offered B")))
                .orElseThrow();
        for (Tenant tenant : List.of(a, b)) {
            Scope.system(tenant).run(() -> {
                long place = jdbc.sql("insert into place (ics_id, name) values (?, ?) returning id")
                        .params(tenant.id(), "Place of " + tenant.odsCode())
                        .query(Long.class)
                        .single();
                jdbc.sql(
                                "insert into organisation (ics_id, place_id, name, ods_code, sector) values (?, ?, ?, ?, 'vcse')")
                        .params(tenant.id(), place, "Organisation of " + tenant.odsCode(), tenant.odsCode())
                        .update();
                long forum = jdbc.sql("""
                                insert into forum (ics_id, name, level, kind, decision_rights, place_id)
                                values (?, ?, 'place', 'board', 'decides', ?) returning id""")
                        .params(tenant.id(), "Forum of " + tenant.odsCode(), place)
                        .query(Long.class)
                        .single();
                return jdbc.sql("insert into seat (ics_id, forum_id, title, seat_type) values (?, ?, 'Chair', 'chair')")
                        .params(tenant.id(), forum)
                        .update();
            });
        }

        List<String> seenByA =
                Scope.system(a).run(() -> jdbc.sql("""
                        select p.name || ' / ' || o.name || ' / ' || s.forum
                          from place_names() p
                          join organisations_in_places() o on o.place_id = p.id
                          join seats_on_forums() s on s.place_id = p.id""").query(String.class).list());

        assertThat(seenByA)
                .containsExactly("Place of %1$s / Organisation of %1$s / Forum of %1$s".formatted(a.odsCode()));
        assertThat(jdbc.sql("select count(*) from seats_on_forums()")
                        .query(Integer.class)
                        .single())
                .as("with no ICS in scope")
                .isZero();
    }

    @Test
    void postgresPlansThemAsIfTheTablesWereJoined() {
        for (String query : List.of(
                "select a.id from appointment a join seats_on_forums() s on s.id = a.seat_id where s.place_id = 1",
                "select id from place_names() where lower(name) in ('a')",
                "select p.id from person p join organisations_in_places() o on o.ods_code = p.employer_ods",
                "select r.id from rating r join account_names() u on u.id = r.user_id")) {
            String plan = String.join(
                    "\n", jdbc.sql("explain " + query).query(String.class).list());
            assertThat(plan).as(query).doesNotContain("Function Scan");
        }
    }
}
