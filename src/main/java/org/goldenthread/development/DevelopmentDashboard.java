package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Component;

/** Development's card on an ICS's overview, for its admins: offers taking enrolments today and places taken on them. */
@Component
class DevelopmentDashboard implements Dashboard {

    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final Clock clock;

    DevelopmentDashboard(Catalogue catalogue, Enrolments enrolments, Clock clock) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        if (!caller.has(Role.ICS_ADMIN, tenant.id())) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, Integer> taken = enrolments.placesTaken();
        List<Offer> open =
                catalogue.offers().stream().filter(o -> o.isOpenOn(today)).toList();
        long places =
                open.stream().mapToLong(o -> taken.getOrDefault(o.id(), 0)).sum();
        return List.of(new DashboardCard(
                55,
                "Development offers open",
                String.valueOf(open.size()),
                Plurals.of(places, "place") + " taken on them",
                "/ics/" + tenant.odsCode() + "/development/catalogue"));
    }
}
