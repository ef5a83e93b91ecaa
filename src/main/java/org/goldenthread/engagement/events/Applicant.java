package org.goldenthread.engagement.events;

import org.jspecify.annotations.Nullable;

/** Who is registering, as they typed it; by a personal link the email is already known. */
public record Applicant(
        @Nullable String name,
        @Nullable String email,
        @Nullable String profession,
        @Nullable String organisation) {

    static Applicant blank() {
        return new Applicant(null, null, null, null);
    }
}
