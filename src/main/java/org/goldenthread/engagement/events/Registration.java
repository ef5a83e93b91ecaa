package org.goldenthread.engagement.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One email's place on an event: invited, registered, waiting or cancelled, and whether they came. */
public record Registration(
        long id,
        @JsonProperty("event_id") long eventId,
        String email,
        @Nullable String name,
        @Nullable String profession,
        @Nullable String organisation,
        String status,
        boolean invited,
        @JsonProperty("registered_at") @Nullable Instant registeredAt,
        @Nullable String attendance) {

    static final String COLUMNS =
            "id, event_id, email, name, profession, organisation, status, invited, registered_at, attendance";

    public boolean hasPlace() {
        return "registered".equals(status);
    }

    public boolean isWaiting() {
        return "waitlisted".equals(status);
    }
}
