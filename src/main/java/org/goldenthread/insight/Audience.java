package org.goldenthread.insight;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;

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

    boolean seesPeople() {
        return this == NAMED;
    }

    /**
     * How a caller sees insight for one request.
     *
     * @param audience how they see the figures
     * @param place    the place asked for, or the one a place lead sees when they ask for none; null for the whole ICS
     * @param places   the places they may choose among, or null for any place of the ICS
     */
    record Sight(
            Audience audience,
            @Nullable String place,
            @Nullable List<String> places) {

        boolean confined() {
            return places != null;
        }
    }

    /**
     * The caller's sight of insight for a place (null or blank for the whole ICS), refusing (403) anyone
     * whose role does not include insight. A place lead sees their own places only, exactly; one who is
     * also an analyst sees the rest of the ICS as an analyst does.
     */
    static Sight sight(Caller caller, Tenant tenant, @Nullable String place) {
        Set<Role> roles = caller.rolesIn(tenant.id());
        String asked = place == null || place.isBlank() ? null : place.trim();
        if (roles.contains(Role.ICS_ADMIN)) {
            return new Sight(NAMED, asked, null);
        }
        List<String> led = roles.contains(Role.PLACE_LEAD) ? caller.placesLedIn(tenant.id()) : List.of();
        if (asked != null && led.stream().anyMatch(asked::equalsIgnoreCase)) {
            return new Sight(NAMED, asked, roles.contains(Role.ANALYST) ? null : led);
        }
        if (roles.contains(Role.ANALYST)) {
            return new Sight(AGGREGATE, asked, null);
        }
        if (!led.isEmpty()) {
            if (asked == null) {
                return new Sight(NAMED, led.get(0), led);
            }
            throw new Forbidden("As a place lead you see insight for " + String.join(", ", led) + " only");
        }
        throw new Forbidden("Insight is for ICS admins, place leads and analysts");
    }
}
