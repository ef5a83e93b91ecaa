package org.goldenthread.engagement.events;

import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Scope.Entered;
import org.goldenthread.platform.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the ICS and event behind a registration link. Nobody is signed in and no ICS is in scope
 * when one arrives, so the database answers through functions that return only those two ids.
 */
@Component
class EventLinks {

    /** Where a link leads: the ICS's scope to work in, and the event. */
    record Found(Scope scope, long eventId) {}

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;

    EventLinks(JdbcClient jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    Optional<Found> openLink(String token) {
        return find("select ics_id, event_id from gt_event_by_link(:token)", token);
    }

    Optional<Found> personalLink(String token) {
        return find("select ics_id, event_id from gt_event_by_registration(:token)", token);
    }

    private Optional<Found> find(String sql, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        try (Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql(sql)
                    .param("token", token)
                    .query((rs, n) -> new long[] {rs.getLong("ics_id"), rs.getLong("event_id")})
                    .optional()
                    .flatMap(found -> tenants.tenantOf(found[0]).map(t -> new Found(Scope.system(t), found[1])));
        }
    }
}
