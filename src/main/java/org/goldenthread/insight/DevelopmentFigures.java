package org.goldenthread.insight;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far one group of leaders is developing, as one viewer may see it: the whole of what is in view
 * ({@code group} "all", {@code name} null), one level ({@code group} "level", {@code name} its code) or
 * one place ({@code group} "place", {@code name} its name). Shares are fractions rounded half-up to 4
 * decimal places, null when there is no one to share among. A share and the count it rests on are null,
 * and named in {@code suppressed}, when either side of the share is a group of 1 to k−1 people.
 */
@JsonPropertyOrder({
    "group",
    "name",
    "leaders",
    "developing",
    "development_reach",
    "new_leaders",
    "new_leaders_supported",
    "new_leader_support",
    "mentees",
    "mentees_matched",
    "mentees_matched_share",
    "suppressed"
})
record DevelopmentFigures(
        String group,
        @Nullable String name,
        int leaders,
        @Nullable Integer developing,
        @JsonProperty("development_reach") @Nullable Double developmentReach,
        @JsonProperty("new_leaders") int newLeaders,
        @JsonProperty("new_leaders_supported") @Nullable Integer newLeadersSupported,
        @JsonProperty("new_leader_support") @Nullable Double newLeaderSupport,
        int mentees,
        @JsonProperty("mentees_matched") @Nullable Integer menteesMatched,
        @JsonProperty("mentees_matched_share") @Nullable Double menteesMatchedShare,
        List<String> suppressed) {

    public boolean isSuppressed(String field) {
        return suppressed.contains(field);
    }

    /** A share as the page shows it: a percentage, "hidden" when suppressed, "–" when there is no one. */
    public String text(String field) {
        if (isSuppressed(field)) {
            return "hidden";
        }
        return switch (field) {
            case "development_reach" -> Landscape.percent(developmentReach);
            case "new_leader_support" -> Landscape.percent(newLeaderSupport);
            case "mentees_matched_share" -> Landscape.percent(menteesMatchedShare);
            default -> throw new IllegalArgumentException(field);
        };
    }
}
