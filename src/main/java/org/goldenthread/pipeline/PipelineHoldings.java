package org.goldenthread.pipeline;

import java.util.List;
import org.goldenthread.platform.Holdings;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The pipeline's part of what an ICS holds, for the preview of a merge. */
@Component
@Order(50)
class PipelineHoldings implements Holdings {

    private final JdbcClient jdbc;

    PipelineHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> countInScope() {
        return jdbc.sql("select (select count(*) from talent), (select count(*) from recruitment_round)")
                .query((rs, n) -> List.of(
                        new Holding("talent_pool", "People in the talent pool", rs.getLong(1)),
                        new Holding("recruitment_rounds", "Recruitment rounds", rs.getLong(2))))
                .single();
    }
}
