package org.goldenthread.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Component;

/** The register's card on an ICS's overview: how many people hold a seat today. */
@Component
class RegisterDashboard implements Dashboard {

    private final Register register;
    private final Clock clock;

    RegisterDashboard(Register register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        Footprint footprint = Scope.reach(caller, tenant.id(), Role.ICS_ADMIN, Role.PLACE_LEAD)
                .orElse(null);
        if (footprint == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        long leaders = register.appointments(footprint).stream()
                .filter(a -> a.isCurrentOn(today))
                .map(Appointment::personId)
                .distinct()
                .count();
        return List.of(new DashboardCard(
                30,
                "Leaders in post",
                String.valueOf(leaders),
                "People holding a seat on a forum today",
                "/ics/" + tenant.odsCode() + "/people"));
    }
}
