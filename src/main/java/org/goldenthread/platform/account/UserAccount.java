package org.goldenthread.platform.account;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A user as administrators see them; never carries the password hash. {@code locked}: locked out
 * after failed sign-ins, as of when the account was read.
 */
public record UserAccount(
        long id,
        String email,
        @Nullable String displayName,
        boolean disabled,
        @Nullable OffsetDateTime lockedUntil,
        int failedSignIns,
        @Nullable OffsetDateTime createdAt,
        boolean locked) {}
