package org.goldenthread.insight;

import java.util.Optional;
import java.util.Set;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;

/**
 * Who is looking at the figures. ICS admins and place leads may read the register itself, so they
 * see the exact level table and the people behind action lists; analysts compare ICSs and see
 * aggregates only, with small groups hidden.
 */
enum Audience {
    NAMED,
    AGGREGATE;

    static Optional<Audience> of(Caller caller, Tenant tenant) {
        Set<Role> roles = caller.rolesIn(tenant.id());
        if (roles.contains(Role.ICS_ADMIN) || roles.contains(Role.PLACE_LEAD)) {
            return Optional.of(NAMED);
        }
        return roles.contains(Role.ANALYST) ? Optional.of(AGGREGATE) : Optional.empty();
    }

    /** The audience of the caller, refusing (403) anyone whose role does not include insight. */
    static Audience require(Caller caller, Tenant tenant) {
        return of(caller, tenant).orElseThrow(() -> new Forbidden("Insight is for ICS admins, place leads and analysts"));
    }

    boolean seesPeople() {
        return this == NAMED;
    }
}
