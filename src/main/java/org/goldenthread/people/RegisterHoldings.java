package org.goldenthread.people;

import java.util.List;
import org.goldenthread.platform.Holdings;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register's part of what an ICS holds, for the preview of a merge. */
@Component
@Order(20)
class RegisterHoldings implements Holdings {

    private final JdbcClient jdbc;

    RegisterHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> countInScope() {
        return jdbc.sql("select (select count(*) from person), (select count(*) from appointment)")
                .query((rs, n) -> List.of(
                        new Holding("people", "People in the register", rs.getLong(1)),
                        new Holding("appointments", "Appointments to seats", rs.getLong(2))))
                .single();
    }
}
