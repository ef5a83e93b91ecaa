package org.goldenthread.platform.audit;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The audit log in the header: an ICS's for its administrators, the platform's for platform administrators. */
@Component
class AuditNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        if (tenant != null) {
            return caller.has(Role.ICS_ADMIN, tenant.id())
                    ? List.of(new NavigationItem(850, "Audit log", "/ics/" + tenant.odsCode() + "/audit"))
                    : List.of();
        }
        return caller.isPlatformAdmin() ? List.of(new NavigationItem(920, "Audit log", "/admin/audit")) : List.of();
    }
}
