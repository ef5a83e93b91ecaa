package org.goldenthread.engagement.plan;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The engagement plan in the header, for those who plan engagement and for analysts, who read it. */
@Component
class PlanNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        if (tenant == null
                || !(caller.has(Role.ICS_ADMIN, tenant.id())
                        || caller.has(Role.PLACE_LEAD, tenant.id())
                        || caller.has(Role.ANALYST, tenant.id()))) {
            return List.of();
        }
        return List.of(new NavigationItem(51, "Engagement plan", "/ics/" + tenant.odsCode() + "/engagement-plan"));
    }
}
