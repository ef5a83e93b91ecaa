package org.goldenthread.structure;

import java.util.List;
import org.goldenthread.platform.Holdings;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ICS map's part of what an ICS holds, for the preview of a merge. */
@Component
@Order(10)
class StructureHoldings implements Holdings {

    private final JdbcClient jdbc;

    StructureHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> countInScope() {
        return jdbc.sql("""
                        select (select count(*) from place), (select count(*) from neighbourhood),
                               (select count(*) from organisation), (select count(*) from forum),
                               (select count(*) from seat)""")
                .query((rs, n) -> List.of(
                        new Holding("places", "Places", rs.getLong(1)),
                        new Holding("neighbourhoods", "Neighbourhoods", rs.getLong(2)),
                        new Holding("organisations", "Organisations", rs.getLong(3)),
                        new Holding("forums", "Forums", rs.getLong(4)),
                        new Holding("seats", "Seats on forums", rs.getLong(5))))
                .single();
    }
}
