package org.goldenthread.platform.tenancy;

import java.time.OffsetDateTime;

/** An ICS as the platform administrator sees it; a null {@code minGroupSize} means the platform's. */
public record Ics(
        long id,
        String odsCode,
        String name,
        String region,
        String mergedInto,
        OffsetDateTime mergedAt,
        boolean demo,
        Integer minGroupSize) {

    public boolean isMerged() {
        return mergedInto != null;
    }
}
