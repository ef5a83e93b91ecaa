package org.goldenthread.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An integrated care system using Golden Thread. {@code visibleIds} holds this ICS and every ICS
 * merged into it, so the history of a merged footprint stays in view. {@code minGroupSize} is its
 * own small-number threshold, or null for the platform's.
 */
public record Tenant(
        long id,
        String odsCode,
        String name,
        String region,
        List<Long> visibleIds,
        @Nullable Integer minGroupSize) {

    public Tenant {
        visibleIds = List.copyOf(visibleIds);
    }
}
