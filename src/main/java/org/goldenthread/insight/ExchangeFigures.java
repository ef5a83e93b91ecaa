package org.goldenthread.insight;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.development.ExchangeActivity;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Workplace exchanges in one group, as {@link DevelopmentFigures} groups them (everything in view, a
 * level or a place): pairs, visits done, exchanges completed (both visits, four reflections) and
 * improvement ideas by status. Pairs, visits and completed exchanges are people, so for analysts a
 * count of 1 to k−1 is null and named in {@code suppressed}; ideas are not people and are always shown.
 */
@JsonPropertyOrder({
    "group",
    "name",
    "pairs",
    "visits_done",
    "completed",
    "ideas_proposed",
    "ideas_tried",
    "ideas_adopted",
    "suppressed"
})
record ExchangeFigures(
        String group,
        @Nullable String name,
        @Nullable Integer pairs,
        @JsonProperty("visits_done") @Nullable Integer visitsDone,
        @Nullable Integer completed,
        @JsonProperty("ideas_proposed") int ideasProposed,
        @JsonProperty("ideas_tried") int ideasTried,
        @JsonProperty("ideas_adopted") int ideasAdopted,
        List<String> suppressed) {

    static ExchangeFigures of(
            String group, @Nullable String name, ExchangeActivity.Facts facts, Audience audience, SmallNumbers small) {
        List<String> suppressed = new ArrayList<>();
        Integer pairs = shown("pairs", facts.pairs(), audience, small, suppressed);
        Integer visits = shown("visits_done", facts.visitsDone(), audience, small, suppressed);
        Integer completed = shown("completed", facts.completed(), audience, small, suppressed);
        return new ExchangeFigures(
                group,
                name,
                pairs,
                visits,
                completed,
                facts.ideasProposed(),
                facts.ideasTried(),
                facts.ideasAdopted(),
                List.copyOf(suppressed));
    }

    private static @Nullable Integer shown(
            String name, int count, Audience audience, SmallNumbers small, List<String> suppressed) {
        if (!audience.seesPeople() && small.hides(count)) {
            suppressed.add(name);
            return null;
        }
        return count;
    }

    public boolean isSuppressed(String name) {
        return suppressed.contains(name);
    }

    /** A count as the page shows it: "fewer than k (not shown)" when it is hidden. */
    public String text(@Nullable Integer count, int k) {
        return count == null ? "Fewer than " + k + " (not shown)" : String.valueOf(count);
    }
}
