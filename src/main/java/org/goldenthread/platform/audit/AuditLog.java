package org.goldenthread.platform.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log. Row-level security decides whose events are visible: an ICS's own
 * (and those of ICSs merged into it), or platform events when working at platform level.
 */
@Service
class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of {@code size} entries, newest first, and the first entry of the next page if there is one. */
    List<AuditEntry> find(AuditFilter filter, boolean platformOnly, int size) {
        return jdbc.sql("""
                        select id, at, actor, action, entity, entity_id, before::text as before, after::text as after
                          from audit_event
                         where (not :platformOnly or ics_id is null)
                           and (:actor = '' or actor ilike '%' || :actor || '%')
                           and (:action = '' or action = :action)
                           and (:entity = '' or entity = :entity)
                           and (cast(:from as date) is null or at >= cast(:from as date))
                           and (cast(:to as date) is null or at < cast(:to as date) + 1)
                         order by at desc, id desc
                         limit :limit offset :offset""")
                .param("platformOnly", platformOnly)
                .param("actor", blank(filter.actor()))
                .param("action", blank(filter.action()))
                .param("entity", blank(filter.entity()))
                .param("from", filter.from())
                .param("to", filter.to())
                .param("limit", size + 1)
                .param("offset", (long) (filter.pageNumber() - 1) * size)
                .query(AuditEntry.class)
                .list();
    }

    List<String> actions(boolean platformOnly) {
        return jdbc.sql(
                        "select distinct action from audit_event where (not :platformOnly or ics_id is null) order by action")
                .param("platformOnly", platformOnly)
                .query(String.class)
                .list();
    }

    private static String blank(@Nullable String s) {
        return s == null ? "" : s.trim();
    }
}
