package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relationships confirmed matchings create: a giver (mentor, coach, buddy or host) and a receiver
 * (mentee or visitor) on one programme, from the day the pair was confirmed.
 */
@Component
public class Relationships {

    private final JdbcClient jdbc;
    private final Clock clock;

    Relationships(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts a relationship today between two people of the register (by person id), in the caller's
     * transaction; {@code rank} is the preference the receiver gave the giver, if they ranked them.
     */
    public long open(long programmeId, long giverId, long receiverId, @Nullable Integer rank) {
        return jdbc.sql("""
                        insert into relationship (programme_id, giver_id, receiver_id, rank, started_on)
                        values (:programme, :giver, :receiver, :rank, :today)
                        returning id""")
                .param("programme", programmeId)
                .param("giver", giverId)
                .param("receiver", receiverId)
                .param("rank", rank)
                .param("today", LocalDate.now(clock))
                .query(Long.class)
                .single();
    }
}
