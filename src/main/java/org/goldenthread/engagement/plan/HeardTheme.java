package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A theme heard in a survey's comments or an event's notes, and how often: {@code times} is null
 * when it is too few to show (fewer than the ICS's smallest group), and {@code suppressed} then says so.
 */
public record HeardTheme(
        @JsonProperty("theme_id") long themeId,
        String name,
        @Nullable Integer times,
        boolean suppressed) {

    /** How often, in words, for pages. */
    public String heard(int k) {
        if (suppressed) {
            return "Fewer than " + k + " times";
        }
        return times == null || times == 0 ? "Not yet heard" : times == 1 ? "Once" : times + " times";
    }
}
