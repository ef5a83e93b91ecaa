package org.goldenthread.development;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Development's entry in the header, for everyone with a role in the ICS: everyone may find development. */
@Component
class DevelopmentNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        return tenant == null
                        || Scope.reach(caller, tenant.id(), Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST)
                                .isEmpty()
                ? List.of()
                : List.of(new NavigationItem(55, "Development", "/ics/" + tenant.odsCode() + "/development"));
    }
}
