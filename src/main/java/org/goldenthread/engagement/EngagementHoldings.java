package org.goldenthread.engagement;

import java.util.List;
import org.goldenthread.platform.Holdings;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Engagement's part of what an ICS holds, for the preview of a merge. */
@Component
@Order(30)
class EngagementHoldings implements Holdings {

    private final JdbcClient jdbc;

    EngagementHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> countInScope() {
        return jdbc.sql("select (select count(*) from survey), (select count(*) from engagement_event)")
                .query((rs, n) -> List.of(
                        new Holding("surveys", "Surveys", rs.getLong(1)),
                        new Holding("events", "Events", rs.getLong(2))))
                .single();
    }
}
