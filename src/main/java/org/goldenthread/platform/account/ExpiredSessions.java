package org.goldenthread.platform.account;

import java.time.Duration;
import org.goldenthread.platform.Chores;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Removes sessions that have expired from PostgreSQL, every ten minutes by one instance for all
 * (Spring Session's own timer, which every instance would run, is turned off in application.yml).
 * An expired session is refused when read whether or not it has been removed yet.
 */
@Component
class ExpiredSessions {

    private final JdbcIndexedSessionRepository sessions;
    private final Chores chores;

    ExpiredSessions(JdbcIndexedSessionRepository sessions, Chores chores) {
        this.sessions = sessions;
        this.chores = chores;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        chores.schedule(
                "session.expiry", Duration.ofMinutes(10), Duration.ofMinutes(1), sessions::cleanUpExpiredSessions);
    }
}
