package org.goldenthread.engagement.plan;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Component;

/**
 * The engagement plan's card on an ICS's overview: how many activities are overdue (still planned
 * or under way after their end date), naming the one overdue longest, for those who keep the plan.
 */
@Component
class PlanDashboard implements Dashboard {

    private final Activities activities;

    PlanDashboard(Activities activities) {
        this.activities = activities;
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        if (!(caller.has(Role.ICS_ADMIN, tenant.id())
                || caller.has(Role.PLACE_LEAD, tenant.id())
                || caller.has(Role.ANALYST, tenant.id()))) {
            return List.of();
        }
        List<Activity> overdue = activities.overdue();
        String description;
        if (overdue.isEmpty()) {
            description = "Every activity in the engagement plan is on time";
        } else {
            Activity first = overdue.get(0);
            description = "Planned or under way after their end date; the longest overdue is " + first.title()
                    + ", due to end " + Dates.day(first.endsOn());
        }
        return List.of(new DashboardCard(
                50,
                "Overdue engagement activities",
                String.valueOf(overdue.size()),
                description,
                "/ics/" + tenant.odsCode() + "/engagement-plan" + (overdue.isEmpty() ? "" : "#overdue")));
    }
}
