package org.goldenthread.assessment;

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

/** The self-assessment's card on an ICS's overview: its overdue actions. */
@Component
class AssessmentDashboard implements Dashboard {

    private final Actions actions;
    private final Clock clock;

    AssessmentDashboard(Actions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        Footprint footprint = tenant == null
                ? null
                : Scope.reach(caller, tenant.id(), Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER)
                        .orElse(null);
        if (footprint == null) {
            return List.of();
        }
        List<Cycle.Action> overdue = actions.overdue(LocalDate.now(clock), footprint);
        return List.of(new DashboardCard(
                60,
                "Overdue actions",
                String.valueOf(overdue.size()),
                overdue.isEmpty()
                        ? "No self-assessment action is past its due date"
                        : "Self-assessment actions past their due date and not done",
                "/ics/" + tenant.odsCode() + "/assessments/actions"));
    }
}
