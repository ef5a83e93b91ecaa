package org.goldenthread.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.structure.SeatHolders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Seat occupancy from the register's appointments, for the structure module's forum pages. */
@Component
class SeatHoldings implements SeatHolders {

    private final JdbcClient jdbc;

    SeatHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Holding> holdingsOf(Collection<Long> seatIds) {
        if (seatIds.isEmpty()) {
            return Map.of();
        }
        // today's holder, if any (the latest start among overlapping appointments), else the last to leave
        return jdbc
                .sql("""
                        select distinct on (a.seat_id) a.seat_id,
                               case when a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date)
                                    then p.given_name || ' ' || p.family_name end as holder,
                               case when a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date)
                                    then pr.name end as profession,
                               case when a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date)
                                    then a.start_date end as since,
                               (select max(e.end_date) from appointment e
                                 where e.seat_id = a.seat_id and e.end_date < current_date) as last_left
                          from appointment a
                               join person p on p.id = a.person_id
                               join profession pr on pr.code = p.profession
                         where a.seat_id = any (:seats) and a.start_date <= current_date
                         order by a.seat_id,
                                  (a.end_date is null or a.end_date >= current_date) desc, a.start_date desc""")
                .param("seats", seatIds.toArray(Long[]::new))
                .query((rs, n) -> new Holding(
                        rs.getLong("seat_id"),
                        rs.getString("holder"),
                        rs.getString("profession"),
                        rs.getObject("since", LocalDate.class),
                        rs.getObject("last_left", LocalDate.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Holding::seatId, Function.identity()));
    }
}
