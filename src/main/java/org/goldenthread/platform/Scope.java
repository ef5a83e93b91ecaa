package org.goldenthread.platform;

import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting, and for which ICS, on the current thread. Database connections read the ICS
 * when they are borrowed, so the scope must be in place before a transaction starts. With no
 * ICS in scope, tenant-owned tables appear empty.
 *
 * @param caller   the signed-in user, or {@code null} for system work such as start-up tasks
 * @param tenant   the ICS in scope, or {@code null}
 * @param platform whether platform-level records (such as platform audit events) are visible
 */
public record Scope(@Nullable Caller caller, @Nullable Tenant tenant, boolean platform) {

    private static final Scope NONE = new Scope(null, null, false);
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    public static Scope current() {
        Scope scope = CURRENT.get();
        return scope == null ? NONE : scope;
    }

    /**
     * The ICS of the current request. Where none was established the caller has reached something
     * that needs an ICS without naming one of theirs: answered 404, as for any ICS they cannot see.
     */
    public static Tenant currentTenant() {
        Tenant tenant = current().tenant();
        if (tenant == null) {
            throw new NotFound("No ICS is in scope here");
        }
        return tenant;
    }

    public static Caller currentCaller() {
        Caller caller = current().caller();
        if (caller == null) {
            throw new IllegalStateException("Nobody is signed in on this thread");
        }
        return caller;
    }

    /**
     * The caller's footprint for something any of these roles may do, refusing (403) when they hold
     * none of them. A place lead whose only such role is place lead sees the places they lead; any
     * other of the roles sees the whole ICS.
     */
    public static Footprint reach(Role... anyOf) {
        Tenant tenant = currentTenant();
        return reach(currentCaller(), tenant.id(), anyOf)
                .orElseThrow(() -> new Forbidden("Your role in this ICS does not allow this"));
    }

    /** As {@link #reach(Role...)} for a caller and ICS given, empty when the caller holds none of the roles there. */
    public static java.util.Optional<Footprint> reach(Caller caller, long icsId, Role... anyOf) {
        java.util.Set<Role> held = caller.rolesIn(icsId);
        boolean leadsPlaces = false;
        for (Role role : anyOf) {
            if (held.contains(role)) {
                if (role != Role.PLACE_LEAD) {
                    return java.util.Optional.of(Footprint.wholeIcs());
                }
                leadsPlaces = true;
            }
        }
        return leadsPlaces
                ? java.util.Optional.of(Footprint.places(caller.placesLedIn(icsId)))
                : java.util.Optional.empty();
    }

    public @Nullable Long activeIcsId() {
        return tenant == null ? null : tenant.id();
    }

    public String visibleIcsArray() {
        return tenant == null
                ? "{}"
                : tenant.visibleIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * The three settings the database's row-level-security policies read for this scope, as text for
     * {@code set_config}: the active ICS (empty for none), the ICSs visible from it, and {@code
     * on}/{@code off} for platform records. Work done under equal settings sees the same rows.
     */
    public record RowSecurity(String icsId, String visibleIcs, String platform) {}

    public RowSecurity rowSecurity() {
        Long active = activeIcsId();
        return new RowSecurity(active == null ? "" : active.toString(), visibleIcsArray(), platform ? "on" : "off");
    }

    /** Runs work in this scope, restoring whatever was in place before. */
    public <T> T run(Supplier<T> work) {
        Scope previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Puts this scope in place until the returned handle is closed; for filters that cannot pass a lambda. */
    public Entered enter() {
        Scope previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public interface Entered extends AutoCloseable {
        @Override
        void close();
    }

    public void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    /** System work (no signed-in user) for one ICS, such as loading demo data. */
    public static Scope system(@Nullable Tenant tenant) {
        return new Scope(null, tenant, false);
    }

    /** System work at platform level, seeing platform records and no tenant's data. */
    public static Scope systemPlatform() {
        return new Scope(null, null, true);
    }
}
