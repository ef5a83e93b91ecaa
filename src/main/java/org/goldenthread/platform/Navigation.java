package org.goldenthread.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A module's entries in the header navigation. Each module offers its own, so the layout does not
 * need to know what modules exist.
 */
public interface Navigation {

    /** Entries for this caller; {@code tenant} is null outside any ICS. */
    List<NavigationItem> itemsFor(Caller caller, @Nullable Tenant tenant);
}
