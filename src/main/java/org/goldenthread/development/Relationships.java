package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import org.goldenthread.development.relationships.LinkMail;
import org.goldenthread.development.relationships.PersonalLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relationships confirmed matchings create: a giver (mentor, coach, buddy or host) and a receiver
 * (mentee or visitor) on one programme, from the day the pair was confirmed. Each of the two gets a
 * personal link to the pair's pages, emailed once the caller's transaction commits.
 */
@Component
public class Relationships {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalLinks links;
    private final LinkMail mail;

    Relationships(JdbcClient jdbc, Clock clock, PersonalLinks links, LinkMail mail) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.links = links;
        this.mail = mail;
    }

    /**
     * Starts a relationship today between two people of the register (by person id), in the caller's
     * transaction; {@code rank} is the preference the receiver gave the giver, if they ranked them.
     * Both people's links are issued in the same transaction and emailed after it commits; with no
     * mail server (or no address for a person) the link waits for an administrator to send it.
     */
    public long open(long programmeId, long giverId, long receiverId, @Nullable Integer rank) {
        return open(programmeId, giverId, receiverId, rank, true);
    }

    /**
     * As {@link #open(long, long, long, Integer)}; without {@code email} the links are issued but not
     * emailed (the demo's people are invented, so nothing is sent to them whatever the mail server).
     */
    long open(long programmeId, long giverId, long receiverId, @Nullable Integer rank, boolean email) {
        long id = jdbc.sql("""
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
        PersonalLinks.Issued giverLink = links.issue(id, giverId);
        PersonalLinks.Issued receiverLink = links.issue(id, receiverId);
        if (email) {
            mail.sendAfterCommit(giverLink);
            mail.sendAfterCommit(receiverLink);
        }
        return id;
    }
}
