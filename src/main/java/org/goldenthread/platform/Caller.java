package org.goldenthread.platform;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The signed-in user, with the roles they hold at the moment of this request. */
public record Caller(long userId, String email, @Nullable String displayName, List<Grant> grants) {

    public Caller {
        grants = List.copyOf(grants);
    }

    public boolean isPlatformAdmin() {
        return grants.stream().anyMatch(g -> g.role() == Role.PLATFORM_ADMIN);
    }

    public Set<Role> rolesIn(long icsId) {
        return grants.stream()
                .filter(g -> g.icsId() != null && g.icsId() == icsId)
                .map(Grant::role)
                .collect(Collectors.toSet());
    }

    public boolean has(Role role, long icsId) {
        return rolesIn(icsId).contains(role);
    }

    /** Places this caller leads in an ICS; empty when they hold no place-lead role there. */
    public List<String> placesLedIn(long icsId) {
        return grants.stream()
                .filter(g -> g.role() == Role.PLACE_LEAD && g.icsId() != null && g.icsId() == icsId)
                .flatMap(g -> g.places().stream())
                .distinct()
                .toList();
    }

    /** The ICSs where this caller holds any role, by name. */
    public List<Grant> icsList() {
        return grants.stream()
                .filter(g -> g.icsId() != null)
                .collect(java.util.stream.Collectors.toMap(Grant::icsId, g -> g, (a, b) -> a))
                .values()
                .stream()
                .sorted(java.util.Comparator.comparing(Grant::icsName))
                .toList();
    }
}
