package org.goldenthread.platform.tenancy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Grant;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Settings;
import org.goldenthread.platform.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With GT_DEMO=true (or --demo), creates a fictional ICS once, gives platform administrators
 * the ICS administrator role in it so they can look around, and lets every module add its data.
 */
@Component
@Order(2)
class DemoIcs implements ApplicationRunner {

    static final String ODS = "ZNV";
    private static final Logger log = LoggerFactory.getLogger(DemoIcs.class);

    private final boolean enabled;
    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Audit audit;
    private final Jobs jobs;

    DemoIcs(
            boolean enabled,
            Tenants tenants,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Audit audit,
            Jobs jobs) {
        this.jobs = jobs;
        this.enabled = enabled;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.audit = audit;
    }

    @Autowired
    DemoIcs(
            Settings settings,
            Tenants tenants,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Audit audit,
            Jobs jobs) {
        this(settings.demo(), tenants, jdbc, events, transaction, audit, jobs);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || Scope.systemPlatform().run(() -> tenants.find(ODS)).isPresent()) {
            return;
        }
        Ics ics = Scope.systemPlatform()
                .run(() -> tenants.createDemo(ODS, "Northmoor and Vale Integrated Care System (demo)", "Midlands"));
        Tenant tenant = Scope.systemPlatform().run(() -> tenants.tenant(ODS)).orElseThrow();
        // the administrators' roles are committed first, so that while the rest loads they can watch it
        List<Caller> people = Scope.system(tenant)
                .run(() -> transaction.execute(status -> {
                    // Audited like any other grant: these are real roles, held until someone removes them.
                    jdbc.sql("""
                            with granted as (
                                insert into role_grant (user_id, role, ics_id)
                                select user_id, 'ics_admin', :ics from role_grant where role = 'platform_admin'
                                on conflict do nothing
                                returning user_id)
                            select u.id, u.email from granted g join app_user u on u.id = g.user_id order by u.id""")
                            .param("ics", ics.id())
                            .query((rs, n) -> Map.of("id", rs.getLong("id"), "email", rs.getString("email")))
                            .list()
                            .forEach(admin -> audit.record(
                                    "user.role_granted",
                                    "user",
                                    admin.get("id"),
                                    null,
                                    Map.of(
                                            "email",
                                            admin.get("email"),
                                            "role",
                                            "ics_admin",
                                            "ics",
                                            ODS,
                                            "places",
                                            List.of())));
                    return fictionalPeople(tenant);
                }));
        // Each module's part loads in one transaction, as a job the ICS overview shows while it runs;
        // startup still waits for it, so the application is ready only once the demo is.
        Job job = Scope.system(tenant)
                .run(() ->
                        jobs.start("demo_load", "Loading the demo ICS", "/ics/" + ODS, Job.Measure.PARTS, progress -> {
                            transaction.executeWithoutResult(
                                    status -> events.publishEvent(new DemoIcsCreated(tenant, people, progress)));
                            return Map.of("ics", ODS);
                        }));
        Job ended = Scope.system(tenant)
                .run(() -> jobs.await(job.id(), Duration.ofHours(1)))
                .orElseThrow();
        if (ended.state() != Job.State.DONE) {
            throw new IllegalStateException("The demo ICS could not be loaded: " + ended.problems());
        }
        log.info("Loaded the demo ICS {} ({})", ics.name(), ODS);
    }

    /** Fictional names for the demo; their accounts are disabled and have no password, so nobody signs in as them. */
    private static final String[][] PEOPLE = {
        {"Dr Morgan Lee", "ics_admin"},
        {"Priya Nair", "member"},
        {"Tom Okafor", "member"},
        {"Sian Evans", "member"},
        {"Dr Kofi Mensah", "member"}
    };

    private List<Caller> fictionalPeople(Tenant tenant) {
        List<Caller> people = new java.util.ArrayList<>();
        for (String[] p : PEOPLE) {
            String email =
                    p[0].toLowerCase(java.util.Locale.ROOT).replace("dr ", "").replace(' ', '.') + "@demo.invalid";
            long id = jdbc.sql("""
                            insert into app_user (email, display_name, disabled) values (:email, :name, true)
                            on conflict (lower(email)) do update set display_name = excluded.display_name
                            returning id""")
                    .param("email", email)
                    .param("name", p[0] + " (demo)")
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into role_grant (user_id, role, ics_id) values (:u, :r, :ics) on conflict do nothing")
                    .param("u", id)
                    .param("r", p[1])
                    .param("ics", tenant.id())
                    .update();
            audit.record(
                    "user.role_granted",
                    "user",
                    id,
                    null,
                    Map.of("email", email, "role", p[1], "ics", ODS, "places", List.of()));
            Role role = Role.fromCode(p[1]).orElseThrow();
            people.add(new Caller(
                    id,
                    email,
                    p[0] + " (demo)",
                    List.of(new Grant(role, tenant.id(), tenant.odsCode(), tenant.name(), List.of()))));
        }
        return people;
    }
}
