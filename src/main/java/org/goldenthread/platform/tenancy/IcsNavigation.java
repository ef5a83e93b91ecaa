package org.goldenthread.platform.tenancy;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The ICS's overview first in the header; outside any ICS, the list of ICSs for platform administrators. */
@Component
class IcsNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        if (tenant != null) {
            return List.of(new NavigationItem(0, "Overview", "/ics/" + tenant.odsCode()));
        }
        return caller.isPlatformAdmin() ? List.of(new NavigationItem(900, "ICSs", "/admin/ics")) : List.of();
    }
}
