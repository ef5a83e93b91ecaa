package org.goldenthread.engagement;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Surveys in the header, for those who build surveys or read their results. */
@Component
class SurveyNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        return tenant == null || !mayUse(caller, tenant)
                ? List.of()
                : List.of(new NavigationItem(50, "Surveys", "/ics/" + tenant.odsCode() + "/surveys"));
    }

    private static boolean mayUse(Caller caller, Tenant tenant) {
        return caller.has(Role.ICS_ADMIN, tenant.id())
                || caller.has(Role.PLACE_LEAD, tenant.id())
                || caller.has(Role.ANALYST, tenant.id());
    }
}
