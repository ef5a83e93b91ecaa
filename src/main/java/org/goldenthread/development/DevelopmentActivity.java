package org.goldenthread.development;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has been developing, as other modules may count it (insight works its reach and support figures
 * out from this). People are by person id of the register.
 *
 * <p>A person has development activity in the twelve months to a day when, in that window, they had
 * an enrolment accepted and not since withdrawn (an accepted enrolment counts while it stands; a
 * completed one when it was completed in the window), a relationship running as giver or receiver
 * (started by the day and not ended before the window opened), or a place in an action learning set
 * that met in the window.
 */
@Component
public class DevelopmentActivity {

    /** The programme kinds whose giver is a buddy or mentor to the receiver. */
    static final List<String> SUPPORTING_KINDS = List.of(ProgrammeKind.MENTORING.code(), ProgrammeKind.BUDDYING.code());

    private final JdbcClient jdbc;

    DevelopmentActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One mentee's place on one programme (a person on two programmes is two mentees), and whether
     * they were matched: a relationship on that programme with them as receiver had started by the day.
     */
    public record Mentee(long programmeId, long personId, boolean matched) {}

    /**
     * @param active    people with development activity in the twelve months to the day
     * @param supported people who, on the day, have a running mentoring or buddying relationship as its receiver
     * @param mentees   every mentee of every programme, matched or not
     */
    public record Facts(Set<Long> active, Set<Long> supported, List<Mentee> mentees) {}

    /** The window of twelve months ending on (and including) a day. */
    public static LocalDate windowOpens(LocalDate day) {
        return day.minusYears(1).plusDays(1);
    }

    @Transactional(readOnly = true)
    public Facts on(LocalDate day) {
        LocalDate from = windowOpens(day);
        Set<Long> active = new HashSet<>(jdbc.sql("""
                        select person_id from enrolment
                        where (status = 'accepted' and coalesce(offered_on, changed_on) <= :day)
                           or (status = 'completed' and completed_on between :from and :day)
                        union
                        select giver_id from relationship
                        where started_on <= :day and (ended_on is null or ended_on >= :from)
                        union
                        select receiver_id from relationship
                        where started_on <= :day and (ended_on is null or ended_on >= :from)
                        union
                        select m.person_id from learning_set_member m
                        where exists (select 1 from learning_set_meeting g
                                      where g.set_id = m.set_id and g.meets_on between :from and :day)""")
                .param("day", day)
                .param("from", from)
                .query(Long.class)
                .list());
        Set<Long> supported = new HashSet<>(jdbc.sql("""
                        select r.receiver_id from relationship r join programme p on p.id = r.programme_id
                        where p.kind in (:kinds) and r.started_on <= :day
                          and (r.ended_on is null or r.ended_on >= :day)""")
                .param("kinds", SUPPORTING_KINDS)
                .param("day", day)
                .query(Long.class)
                .list());
        List<Mentee> mentees = jdbc.sql("""
                        select pp.programme_id, pp.person_id,
                               exists (select 1 from relationship r
                                       where r.programme_id = pp.programme_id and r.receiver_id = pp.person_id
                                         and r.started_on <= :day) as matched
                        from programme_participant pp
                        where pp.role = 'mentee'
                        order by pp.programme_id, pp.person_id""")
                .param("day", day)
                .query((rs, n) -> new Mentee(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .list();
        return new Facts(Set.copyOf(active), Set.copyOf(supported), mentees);
    }
}
