package org.goldenthread.engagement.events;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Events moved into the past, as tests need them: an event can only be planned ahead. */
public final class HeldEvents {

    private HeldEvents() {}

    /** The event took place: it began two hours ago and ended one hour ago. Call within its ICS's scope. */
    public static int hold(JdbcClient jdbc, long eventId) {
        return jdbc.sql("""
                        update engagement_event
                           set registration_closes_at = now() - interval '2 hours',
                               starts_at = now() - interval '2 hours',
                               ends_at = now() - interval '1 hour'
                         where id = :id""").param("id", eventId).update();
    }
}
