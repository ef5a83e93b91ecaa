package org.goldenthread.development;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workplace exchanges as other modules may count them (insight shows them beside the other
 * development figures). Counts only, for the whole ICS: nothing a pair wrote.
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
     * @param pairs          exchange pairs started by the day
     * @param visitsDone     visits whose day had come by the day
     * @param completed      pairs with both visits done and all four reflections given by the day
     * @param ideasProposed  improvement ideas raised by the day and still proposed
     * @param ideasTried     ideas tried and not (yet) adopted
     * @param ideasAdopted   ideas adopted
     */
    public record Facts(int pairs, int visitsDone, int completed, int ideasProposed, int ideasTried, int ideasAdopted) {

        public int ideas() {
            return ideasProposed + ideasTried + ideasAdopted;
        }
    }

    @Transactional(readOnly = true)
    public Facts on(LocalDate day) {
        return jdbc.sql("""
                        with pairs as (
                            select r.id from relationship r join programme p on p.id = r.programme_id
                             where p.kind = 'exchange' and r.started_on <= :day),
                        done as (
                            select v.id, v.relationship_id from exchange_visit v
                             where v.relationship_id in (select id from pairs) and v.visits_on <= :day),
                        completed as (
                            select d.relationship_id from done d
                             group by d.relationship_id
                            having count(*) = 2
                               and (select count(*) from exchange_reflection x
                                     where x.visit_id in (select id from done e where e.relationship_id = d.relationship_id)
                                       and x.given_on <= :day) = 4)
                        select (select count(*) from pairs) as pairs,
                               (select count(*) from done) as visits_done,
                               (select count(*) from completed) as completed,
                               (select count(*) from improvement_idea where raised_on <= :day and status = 'proposed')
                                   as ideas_proposed,
                               (select count(*) from improvement_idea where raised_on <= :day and status = 'tried')
                                   as ideas_tried,
                               (select count(*) from improvement_idea where raised_on <= :day and status = 'adopted')
                                   as ideas_adopted""").param("day", day).query(Facts.class).single();
    }
}
