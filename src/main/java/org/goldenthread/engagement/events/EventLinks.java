package org.goldenthread.engagement.events;

import java.util.Optional;
import org.goldenthread.platform.LinkSecret;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Scope.Entered;
import org.goldenthread.platform.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets in event links, kept only as SHA-256 digests like API tokens and other personal
 * links: the secret goes out in an email or onto the organiser's screen once, and the database
 * cannot give it back. Finding the ICS and event behind a link works without anyone signed in or
 * any ICS in scope, through functions that return only those two ids.
 */
@Component
class EventLinks {

    /** Where a link leads: the ICS's scope to work in, and the event. */
    record Found(Scope scope, long eventId) {}

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;

    EventLinks(JdbcClient jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /**
     * A new personal link for a registration in the ICS in scope. Links issued before keep working,
     * so whichever email someone opens, its link leads to their place.
     */
    String issue(long registrationId) {
        LinkSecret secret = LinkSecret.fresh();
        jdbc.sql("insert into engagement_registration_link (registration_id, token_hash) values (:id, :hash)")
                .param("id", registrationId)
                .param("hash", secret.hash())
                .update();
        return secret.token();
    }

    /** A new open link for an event in the ICS in scope; the one before stops working. */
    String reissueOpenLink(long eventId) {
        LinkSecret secret = LinkSecret.fresh();
        jdbc.sql("update engagement_event set link_hash = :hash where id = :id")
                .param("hash", secret.hash())
                .param("id", eventId)
                .update();
        return secret.token();
    }

    Optional<Found> openLink(String token) {
        return find("select ics_id, event_id from gt_event_by_link(:hash)", token);
    }

    Optional<Found> personalLink(String token) {
        return find("select ics_id, event_id from gt_event_by_registration(:hash)", token);
    }

    private Optional<Found> find(String sql, String token) {
        if (!LinkSecret.looksLike(token)) {
            return Optional.empty();
        }
        try (Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql(sql)
                    .param("hash", LinkSecret.digest(token))
                    .query((rs, n) -> new long[] {rs.getLong("ics_id"), rs.getLong("event_id")})
                    .optional()
                    .flatMap(found -> tenants.tenantOf(found[0]).map(t -> new Found(Scope.system(t), found[1])));
        }
    }
}
