package org.goldenthread.platform.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** An API token as its owner sees it after creation: never the secret itself. */
public record ApiToken(
        long id,
        String name,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("last_used_at") OffsetDateTime lastUsedAt,
        @JsonProperty("revoked_at") OffsetDateTime revokedAt) {}
