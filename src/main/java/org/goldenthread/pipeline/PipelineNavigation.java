package org.goldenthread.pipeline;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The pipeline's one entry in the header, leading to its landing page, for those who use some part
 * of it: ICS admins, place leads (their places' seats) and analysts (the figures).
 */
@Component
class PipelineNavigation implements Navigation {

    static boolean mayEnter(Caller caller, Tenant tenant) {
        return Scope.reach(caller, tenant.id(), Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST)
                .isPresent();
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        return tenant == null || !mayEnter(caller, tenant)
                ? List.of()
                : List.of(new NavigationItem(40, "Pipeline", "/ics/" + tenant.odsCode() + "/pipeline"));
    }
}
