package org.goldenthread.assessment;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The self-assessment's entry in the header. */
@Component
class AssessmentNavigation implements Navigation {

    @Override
    public List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant) {
        return AssessmentAccess.reads(caller, tenant)
                ? List.of(new NavigationItem(60, "Self-assessment", "/ics/" + tenant.odsCode() + "/assessments"))
                : List.of();
    }
}
