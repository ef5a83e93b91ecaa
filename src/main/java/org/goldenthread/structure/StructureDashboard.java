package org.goldenthread.structure;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Component;

/** The structure's cards on an ICS's overview: how many places, neighbourhoods and organisations it has. */
@Component
class StructureDashboard implements Dashboard {

    private final IcsMap map;

    StructureDashboard(IcsMap map) {
        this.map = map;
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        IcsMap.Counts counts = map.counts();
        String href = "/ics/" + tenant.odsCode() + "/map";
        return List.of(
                new DashboardCard(
                        10, "Places", String.valueOf(counts.places()), "Local authority footprints in this ICS", href),
                new DashboardCard(
                        11,
                        "Neighbourhoods",
                        String.valueOf(counts.neighbourhoods()),
                        "Neighbourhoods and primary care networks",
                        href + "#neighbourhoods"),
                new DashboardCard(
                        12,
                        "Organisations",
                        String.valueOf(counts.organisations()),
                        "Providers, councils and partners",
                        href + "#organisations"));
    }
}
