package org.goldenthread.development;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workplace exchanges as other modules may count them (insight shows them beside the other
 * development figures, for the whole ICS, each level and each place). Counts per pair only, with the
 * two people's register ids so a pair can be placed where either of them leads: nothing a pair wrote.
 *
 * <p>A visit is done once its day has come. An exchange is completed when both its visits are done
 * and both people have reflected on both visits (four reflections).
 */
@Component
public class ExchangeActivity {

    private final JdbcClient jdbc;

    ExchangeActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One exchange pair started by the day.
     *
     * @param visitsDone     its visits whose day had come (0 to 2)
     * @param completed      both visits done and all four reflections given by the day
     * @param ideasProposed  improvement ideas it raised by the day that are still proposed
     * @param ideasTried     its ideas tried and not (yet) adopted
     * @param ideasAdopted   its ideas adopted
     */
    public record Exchange(
            long giverId,
            long receiverId,
            int visitsDone,
            boolean completed,
            int ideasProposed,
            int ideasTried,
            int ideasAdopted) {}

    /** Totals over some exchanges: pairs, visits done, completed, and their ideas by status. */
    public record Facts(int pairs, int visitsDone, int completed, int ideasProposed, int ideasTried, int ideasAdopted) {

        public static Facts of(Collection<Exchange> exchanges) {
            int visits = 0, completed = 0, proposed = 0, tried = 0, adopted = 0;
            for (Exchange e : exchanges) {
                visits += e.visitsDone();
                completed += e.completed() ? 1 : 0;
                proposed += e.ideasProposed();
                tried += e.ideasTried();
                adopted += e.ideasAdopted();
            }
            return new Facts(exchanges.size(), visits, completed, proposed, tried, adopted);
        }

        public int ideas() {
            return ideasProposed + ideasTried + ideasAdopted;
        }
    }

    /** Every exchange pair started by the day, as it stood that day. */
    @Transactional(readOnly = true)
    public List<Exchange> on(LocalDate day) {
        return jdbc.sql("""
                        with pairs as (
                            select r.id, r.giver_id, r.receiver_id
                              from relationship r join programme p on p.id = r.programme_id
                             where p.kind = 'exchange' and r.started_on <= :day),
                        done as (
                            select v.relationship_id, count(*) as visits,
                                   (select count(*) from exchange_reflection x
                                     where x.given_on <= :day
                                       and x.visit_id in (select w.id from exchange_visit w
                                                           where w.relationship_id = v.relationship_id
                                                             and w.visits_on <= :day)) as reflections
                              from exchange_visit v
                             where v.visits_on <= :day
                             group by v.relationship_id),
                        ideas as (
                            select relationship_id,
                                   count(*) filter (where status = 'proposed') as proposed,
                                   count(*) filter (where status = 'tried') as tried,
                                   count(*) filter (where status = 'adopted') as adopted
                              from improvement_idea
                             where raised_on <= :day
                             group by relationship_id)
                        select p.giver_id, p.receiver_id,
                               coalesce(d.visits, 0) as visits_done,
                               coalesce(d.visits = 2 and d.reflections = 4, false) as completed,
                               coalesce(i.proposed, 0) as ideas_proposed,
                               coalesce(i.tried, 0) as ideas_tried,
                               coalesce(i.adopted, 0) as ideas_adopted
                          from pairs p
                          left join done d on d.relationship_id = p.id
                          left join ideas i on i.relationship_id = p.id
                         order by p.id""").param("day", day).query(Exchange.class).list();
    }
}
