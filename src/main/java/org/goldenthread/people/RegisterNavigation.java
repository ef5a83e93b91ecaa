package org.goldenthread.people;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The register's entry in the header, for those who may read it: ICS admins and place leads. */
@Component
class RegisterNavigation implements Navigation {

    private static boolean mayRead(Caller caller, Tenant tenant) {
        return Scope.reach(caller, tenant.id(), Role.ICS_ADMIN, Role.PLACE_LEAD).isPresent();
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        return tenant == null || !mayRead(caller, tenant)
                ? List.of()
                : List.of(new NavigationItem(30, "Register", "/ics/" + tenant.odsCode() + "/people"));
    }
}
