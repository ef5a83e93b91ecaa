package org.goldenthread.platform.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/** One recorded change. {@code before} and {@code after} are JSON text. */
public record AuditEntry(
        long id,
        OffsetDateTime at,
        String actor,
        String action,
        String entity,
        @JsonProperty("entity_id") String entityId,
        @JsonRawValue String before,
        @JsonRawValue String after) {}
