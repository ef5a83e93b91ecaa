package org.goldenthread.engagement.events;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Events and audiences in the header, for those who plan engagement (analysts see events only). */
@Component
class EventNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        if (tenant == null) {
            return List.of();
        }
        boolean plans = caller.has(Role.ICS_ADMIN, tenant.id()) || caller.has(Role.PLACE_LEAD, tenant.id());
        if (plans) {
            return List.of(
                    new NavigationItem(52, "Events", "/ics/" + tenant.odsCode() + "/events"),
                    new NavigationItem(54, "Audiences", "/ics/" + tenant.odsCode() + "/audiences"));
        }
        return caller.has(Role.ANALYST, tenant.id())
                ? List.of(new NavigationItem(52, "Events", "/ics/" + tenant.odsCode() + "/events"))
                : List.of();
    }
}
