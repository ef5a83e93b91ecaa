package org.goldenthread.platform.account;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Users in the header: an ICS's for its administrators, everyone's for platform administrators. */
@Component
class AccountNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        if (tenant != null) {
            return caller.has(Role.ICS_ADMIN, tenant.id())
                    ? List.of(new NavigationItem(800, "Users", "/ics/" + tenant.odsCode() + "/users"))
                    : List.of();
        }
        return caller.isPlatformAdmin() ? List.of(new NavigationItem(910, "Users", "/admin/users")) : List.of();
    }
}
