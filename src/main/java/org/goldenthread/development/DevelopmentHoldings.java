package org.goldenthread.development;

import java.util.List;
import org.goldenthread.platform.Holdings;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Development's part of what an ICS holds, for the preview of a merge. */
@Component
@Order(60)
class DevelopmentHoldings implements Holdings {

    private final JdbcClient jdbc;

    DevelopmentHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> countInScope() {
        return jdbc.sql("select (select count(*) from offer), (select count(*) from enrolment)")
                .query((rs, n) -> List.of(
                        new Holding("development_offers", "Development offers", rs.getLong(1)),
                        new Holding("enrolments", "Enrolments on development offers", rs.getLong(2))))
                .single();
    }
}
