package org.goldenthread.people;

import org.goldenthread.platform.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register's figure for operators: how many people every ICS's register holds. */
@Component
class RegisterFigures {

    RegisterFigures(Figures figures, JdbcClient jdbc) {
        figures.summedOverIcss(
                "gt.people",
                "People in the leadership registers of every ICS",
                () -> jdbc.sql("select count(*) from person").query(Long.class).single());
    }
}
