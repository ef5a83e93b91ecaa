package org.goldenthread.assessment;

import java.util.List;
import org.goldenthread.platform.Holdings;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The self-assessment's part of what an ICS holds, for the preview of a merge. */
@Component
@Order(40)
class AssessmentHoldings implements Holdings {

    private final JdbcClient jdbc;

    AssessmentHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> countInScope() {
        return List.of(new Holding(
                "assessment_cycles",
                "Self-assessment cycles",
                jdbc.sql("select count(*) from cycle").query(Long.class).single()));
    }
}
