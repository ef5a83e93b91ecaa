package org.goldenthread.insight;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Insight's entry in the header, for those it has figures for. */
@Component
class InsightNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        return tenant == null || Audience.of(caller, tenant).isEmpty()
                ? List.of()
                : List.of(new NavigationItem(30, "Insight", "/ics/" + tenant.odsCode() + "/insight"));
    }
}
