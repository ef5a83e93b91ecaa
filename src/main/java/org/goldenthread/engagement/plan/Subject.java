package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * A survey or an event, as what people were heard in: {@code kind} is "surveys" or "events", as in
 * the paths that name it.
 */
public record Subject(String kind, long id, String title) {

    public static final String SURVEYS = "surveys";
    public static final String EVENTS = "events";

    public boolean survey() {
        return kind.equals(SURVEYS);
    }

    @JsonIgnore
    @Nullable
    Long surveyId() {
        return survey() ? id : null;
    }

    @JsonIgnore
    @Nullable
    Long eventId() {
        return survey() ? null : id;
    }

    /** "survey" or "event", for sentences. */
    public String noun() {
        return survey() ? "survey" : "event";
    }
}
