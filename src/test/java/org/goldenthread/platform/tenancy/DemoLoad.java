package org.goldenthread.platform.tenancy;

import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Scope;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo ICS for tests that want a whole ICS of realistic size: loaded once, as a demo start would. */
public final class DemoLoad {

    public static final String ODS = DemoIcs.ODS;

    private DemoLoad() {}

    /** Loads the demo ICS unless it is there already; the platform administrators become its administrators. */
    public static synchronized void ensure(ApplicationContext context) {
        new DemoIcs(
                        true,
                        context.getBean(Tenants.class),
                        context.getBean(JdbcClient.class),
                        context,
                        context.getBean(TransactionTemplate.class),
                        context.getBean(Audit.class),
                        context.getBean(Jobs.class))
                .run(null);
    }

    /** Takes back the demo's administrator role from the platform administrators, which other tests expect them not to hold. */
    public static void withdrawPlatformAdministrators(ApplicationContext context) {
        Scope.systemPlatform()
                .run(() ->
                        context.getBean(JdbcClient.class).sql("""
                        delete from role_grant where role = 'ics_admin'
                           and ics_id = (select id from ics where ods_code = ?)
                           and user_id in (select user_id from role_grant where role = 'platform_admin')""").params(ODS).update());
    }
}
