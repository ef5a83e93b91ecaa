package org.goldenthread.platform.account;

import java.time.OffsetDateTime;

/** A user as administrators see them; never carries the password hash. */
public record UserAccount(
        long id,
        String email,
        String displayName,
        boolean disabled,
        OffsetDateTime lockedUntil,
        int failedSignIns,
        OffsetDateTime createdAt) {

    public boolean isLocked() {
        return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now());
    }
}
