package org.goldenthread.assessment;

import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * What the self-assessment and framework pages need to know about the caller beyond each handler's
 * access declaration: what to show them, and which cycles they may open.
 */
final class AssessmentAccess {

    private AssessmentAccess() {}

    /** ICS admins lead: they edit frameworks, see every contributor's rating, agree, close and share. */
    static boolean leads() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id());
    }

    /**
     * Cycles name who rated, agreed and attached what; analysts, who see only aggregates, get the list
     * of cycles and the benchmarking, not the cycles themselves.
     */
    static Footprint readers() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER);
    }

    static boolean contributes() {
        var roles = Scope.currentCaller().rolesIn(Scope.currentTenant().id());
        return roles.contains(Role.ICS_ADMIN) || roles.contains(Role.PLACE_LEAD) || roles.contains(Role.MEMBER);
    }

    /** Anyone with a role in the ICS finds the self-assessment in the header. */
    @Contract("_, null -> false")
    static boolean reads(Caller caller, @Nullable Tenant tenant) {
        return tenant != null && !caller.rolesIn(tenant.id()).isEmpty();
    }

    static String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/assessments";
    }
}
