package org.goldenthread.structure;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The structure's entries in the header: the ICS map and the forums. */
@Component
class StructureNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        return tenant == null
                ? List.of()
                : List.of(
                        new NavigationItem(10, "ICS map", "/ics/" + tenant.odsCode() + "/map"),
                        new NavigationItem(20, "Forums", "/ics/" + tenant.odsCode() + "/forums"));
    }
}
