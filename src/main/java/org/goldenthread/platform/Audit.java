package org.goldenthread.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Records every change: who, when, what, and the record before and after. Call it inside the
 * transaction that makes the change, so the change and its audit entry stand or fall together.
 */
@Component
public class Audit {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Audit(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A change within the ICS in scope (or a platform-level change when no ICS is in scope). */
    public void record(
            String action, String entity, @Nullable Object entityId, @Nullable Object before, @Nullable Object after) {
        recordFor(Scope.current().activeIcsId(), action, entity, entityId, before, after);
    }

    /** A change made at platform level that concerns one ICS, so that ICS's admins see it too. */
    public void recordFor(
            @Nullable Long icsId,
            String action,
            String entity,
            @Nullable Object entityId,
            @Nullable Object before,
            @Nullable Object after) {
        Caller caller = Scope.current().caller();
        jdbc.sql("""
                        insert into audit_event (ics_id, actor_id, actor, action, entity, entity_id, before, after)
                        values (:ics, :actorId, :actor, :action, :entity, :entityId,
                                cast(:before as jsonb), cast(:after as jsonb))""")
                .param("ics", icsId)
                .param("actorId", caller == null ? null : caller.userId())
                .param("actor", caller == null ? "system" : caller.email())
                .param("action", action)
                .param("entity", entity)
                .param("entityId", entityId == null ? null : entityId.toString())
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /** One change among many recorded together, such as the changes a file import makes. */
    public record Change(
            String action,
            String entity,
            @Nullable Object entityId,
            @Nullable Object before,
            @Nullable Object after) {}

    /**
     * Records many changes within the ICS in scope in one statement, so that a large import is
     * audited entry by entry without a round trip for each.
     */
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Caller caller = Scope.current().caller();
        List<Map<String, Object>> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("action", c.action());
            row.put("entity", c.entity());
            row.put("entity_id", c.entityId() == null ? null : c.entityId().toString());
            row.put("before", c.before());
            row.put("after", c.after());
            rows.add(row);
        }
        jdbc.sql("""
                        insert into audit_event (ics_id, actor_id, actor, action, entity, entity_id, before, after)
                        select :ics, :actorId, :actor, r.action, r.entity, r.entity_id, r.before, r.after
                          from jsonb_to_recordset(cast(:rows as jsonb))
                               as r(action text, entity text, entity_id text, before jsonb, after jsonb)""")
                .param("ics", Scope.current().activeIcsId())
                .param("actorId", caller == null ? null : caller.userId())
                .param("actor", caller == null ? "system" : caller.email())
                .param("rows", json.writeValueAsString(rows))
                .update();
    }
}
