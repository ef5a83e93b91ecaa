package org.goldenthread.platform.tenancy;

import org.goldenthread.platform.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The platform's figure for operators: how many ICSs are in use (not merged into another). */
@Component
class IcsFigures {

    IcsFigures(Figures figures, JdbcClient jdbc) {
        figures.platformWide(
                "gt.icss",
                "ICSs in use on this installation (not merged into another)",
                () -> jdbc.sql("select count(*) from ics where merged_into_id is null")
                        .query(Long.class)
                        .single());
    }
}
