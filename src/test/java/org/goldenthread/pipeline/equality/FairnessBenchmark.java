package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.goldenthread.platform.database.DatabaseServer;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * National scale: 42 ICSs with 200,000 applications in all, each with equality answers, loaded
 * straight into the tables by the schema's owner (the application import is another's work and
 * timed on its own), then every ICS's fairness figures asked for over the API. Not part of the test
 * suite; run it with
 * {@code ./mvnw -B test -Dtest=FairnessBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It prints
 * its figures; the README keeps the latest.
 */
class FairnessBenchmark extends IntegrationTest {

    private static final int ICSS = 42;
    private static final int APPLICATIONS = 200_000;
    private static final int SEATS_PER_ICS = 25;
    private static final int ROUNDS_PER_SEAT = 2;
    private static final int CALLS_PER_ICS = 20;

    /** Every round closes in the year the API gives by default, so the first call for an ICS fixes it. */
    private static final FinancialYear YEAR = FinancialYear.lastFixableBy(java.time.LocalDate.now());

    @Autowired
    private DatabaseServer server;

    @Test
    void fairnessFiguresAtNationalScale() {
        String admin = uniqueEmail("fairness-bench");
        List<String> icss = new ArrayList<>();
        for (int i = 0; i < ICSS; i++) {
            String ods = createIcs("Fairness benchmark ICS " + i);
            icss.add(ods);
            Response r = api.post(
                    "/api/v1/admin/users",
                    adminToken(),
                    ApiClient.json(
                            "email", admin, "display_name", "Benchmark ICS admin", "role", "ics_admin", "ics", ods));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        claim(admin, PASSWORD);
        String token = tokenFor(admin);

        long start = System.nanoTime();
        long loaded = load(icss);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(loaded).isEqualTo(APPLICATIONS);
        System.out.printf(
                "FairnessBenchmark: loaded %,d applications with answers for %d ICSs in %.1f s%n",
                loaded, ICSS, loadSeconds);

        String[] queries = {
            "by=ethnic_group", "by=disability", "by=ethnic_group&level=system", "by=disability&year=" + YEAR.code()
        };
        // each ICS's admin fixes the year once its rounds are in; timed apart from the readings
        List<Double> fixing = new ArrayList<>();
        for (String ods : icss) {
            long t = System.nanoTime();
            Response fixed = api.post(
                    "/api/v1/ics/" + ods + "/recruitment/fairness/years/" + YEAR.code() + "/fix",
                    token,
                    org.goldenthread.support.ApiClient.json());
            fixing.add((System.nanoTime() - t) / 1e6);
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        }
        java.util.Collections.sort(fixing);
        System.out.printf(
                "FairnessBenchmark: fixing the year, per ICS: p50 %.0f ms, slowest %.0f ms%n",
                fixing.get(fixing.size() / 2), fixing.get(fixing.size() - 1));
        for (String ods : icss.subList(0, 3)) {
            api.get("/api/v1/ics/" + ods + "/recruitment/fairness?by=ethnic_group", token); // warm up
        }
        List<Double> millis = new ArrayList<>();
        for (int call = 0; call < CALLS_PER_ICS; call++) {
            for (String ods : icss) {
                String query = queries[call % queries.length];
                long t = System.nanoTime();
                Response r = api.get("/api/v1/ics/" + ods + "/recruitment/fairness?" + query, token);
                millis.add((System.nanoTime() - t) / 1e6);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("suppressed").asBoolean()).as(r.body()).isFalse();
            }
        }
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p50 = percentile(sorted, 50);
        double p95 = percentile(sorted, 95);
        double p99 = percentile(sorted, 99);
        System.out.printf(
                "FairnessBenchmark: GET …/recruitment/fairness over %d calls (%d ICSs): p50 %.0f ms, p95 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms%n",
                sorted.length, ICSS, p50, p95, p99, sorted[sorted.length - 1]);
        assertThat(p95).isLessThan(300);
    }

    /** Forums, seats, rounds, applications and answers for every ICS, as the schema's owner. */
    private long load(List<String> icss) {
        DataSource owner =
                new SimpleDriverDataSource(new org.postgresql.Driver(), server.url(), server.user(), server.password());
        JdbcClient jdbc = JdbcClient.create(owner);
        String[] codes = icss.toArray(String[]::new);
        jdbc.sql("select setseed(0.42)").query().singleValue();
        jdbc.sql("""
                        insert into forum (ics_id, name, level, kind, decision_rights)
                        select id, 'Benchmark board', 'system', 'board', 'decides' from ics where ods_code = any (:codes)""").param("codes", codes).update();
        jdbc.sql("""
                        insert into seat (ics_id, forum_id, title, seat_type)
                        select f.ics_id, f.id, 'Seat ' || g, 'member'
                          from forum f join ics i on i.id = f.ics_id, generate_series(1, :seats) g
                         where i.ods_code = any (:codes) and f.name = 'Benchmark board'""").param("codes", codes).param("seats", SEATS_PER_ICS).update();
        jdbc.sql("""
                        insert into recruitment_round (ics_id, seat_id, opens_on, closes_on)
                        select s.ics_id, s.id, cast(:start as date) + 70 * g, cast(:start as date) + 70 * g + 27
                          from seat s join ics i on i.id = s.ics_id, generate_series(0, :rounds - 1) g
                         where i.ods_code = any (:codes)""")
                .param("codes", codes)
                .param("rounds", ROUNDS_PER_SEAT)
                .param("start", YEAR.first().plusDays(4))
                .update();
        int rounds = ICSS * SEATS_PER_ICS * ROUNDS_PER_SEAT;
        // application n goes to round ((n − 1) mod rounds) + 1, so exactly APPLICATIONS in all
        jdbc.sql("""
                        with r as (
                            select r.id, r.ics_id, row_number() over (order by r.id) as rn
                              from recruitment_round r join ics i on i.id = r.ics_id
                             where i.ods_code = any (:codes))
                        insert into recruitment_application (ics_id, round_id, applicant_ref, given_name, family_name,
                                                             profession, stage)
                        select r.ics_id, r.id, 'B' || ((g - 1) * :rounds + r.rn), 'Benchmark', 'Applicant ' || g, 'gp',
                               (array['applied', 'applied', 'applied', 'applied', 'shortlisted', 'shortlisted',
                                      'shortlisted', 'appointed', 'appointed', 'withdrawn'])[1 + floor(random() * 10)::int]
                          from r, generate_series(1, ceil(:total::numeric / :rounds)::int) g
                         where (g - 1) * :rounds + r.rn <= :total""")
                .param("codes", codes)
                .param("rounds", rounds)
                .param("total", APPLICATIONS)
                .update();
        jdbc.sql("""
                        insert into equality_answer (ics_id, application_id, ethnic_group, sex, disability)
                        select a.ics_id, a.id,
                               (array['white', 'white', 'white', 'white', 'white', 'white', 'white', 'mixed', 'asian',
                                      'asian', 'black', 'other', 'not_stated'])[1 + floor(random() * 13)::int],
                               (array['female', 'female', 'male', 'not_stated'])[1 + floor(random() * 4)::int],
                               (array['no', 'no', 'no', 'no', 'no', 'no', 'no', 'yes', 'yes', 'not_stated'])
                                   [1 + floor(random() * 10)::int]
                          from recruitment_application a join ics i on i.id = a.ics_id
                         where i.ods_code = any (:codes)""").param("codes", codes).update();
        for (String table : Arrays.asList("recruitment_round", "recruitment_application", "equality_answer")) {
            jdbc.sql("analyze " + table).update();
        }
        return jdbc.sql("""
                        select count(*) from recruitment_application a join ics i on i.id = a.ics_id
                         where i.ods_code = any (:codes)""").param("codes", codes).query(Long.class).single();
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
