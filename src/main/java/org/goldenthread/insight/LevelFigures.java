package org.goldenthread.insight;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The figures for one level of the ICS, as one viewer may see them. Shares are fractions rounded
 * half-up to 4 decimal places, null when there is nobody to share among. Fields named in
 * {@code suppressed} are null because they rest on a group of fewer than k people.
 *
 * <p>The top-two share names the professions it counts, since it describes seats rather than anyone
 * in them: {@code top_two_professions} by display name (more than two when some tie, see
 * {@link Landscape.TopTwo}) and {@code top_two_named} in words. Both are null whenever the share is
 * suppressed, so a hidden share names nothing.
 */
@JsonPropertyOrder({
    "level",
    "leaders",
    "professions_present",
    "professions_missing",
    "top_two_share",
    "top_two_professions",
    "top_two_named",
    "early_mid_share",
    "protected_hours_agreed",
    "protected_hours_used",
    "vacant_seats",
    "suppressed"
})
record LevelFigures(
        String level,
        int leaders,
        @JsonProperty("professions_present") List<String> professionsPresent,
        @JsonProperty("professions_missing") List<String> professionsMissing,
        @JsonProperty("top_two_share") @Nullable Double topTwoShare,
        @JsonProperty("top_two_professions") @Nullable List<String> topTwoProfessions,
        @JsonProperty("top_two_named") @Nullable String topTwoNamed,
        @JsonProperty("early_mid_share") @Nullable Double earlyMidShare,
        @JsonProperty("protected_hours_agreed") @Nullable BigDecimal protectedHoursAgreed,
        @JsonProperty("protected_hours_used") @Nullable BigDecimal protectedHoursUsed,
        @JsonProperty("vacant_seats") int vacantSeats,
        List<String> suppressed) {

    public boolean isSuppressed(String field) {
        return suppressed.contains(field);
    }

    /** A figure as the page shows it: a percentage, hours, "hidden" when suppressed, "–" when there is no one. */
    public String text(String field) {
        if (isSuppressed(field)) {
            return "hidden";
        }
        return switch (field) {
            case "top_two_share" -> Landscape.percent(topTwoShare);
            case "early_mid_share" -> Landscape.percent(earlyMidShare);
            // the hours are null only when suppressed
            case "protected_hours_agreed" ->
                Objects.requireNonNull(protectedHoursAgreed)
                        .stripTrailingZeros()
                        .toPlainString();
            case "protected_hours_used" ->
                Objects.requireNonNull(protectedHoursUsed).stripTrailingZeros().toPlainString();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Hours used as a share of hours agreed, or null when none were agreed or the sums are hidden. */
    public @Nullable Double timeUsedShare() {
        return protectedHoursAgreed == null || protectedHoursUsed == null || protectedHoursAgreed.signum() == 0
                ? null
                : Landscape.share(protectedHoursUsed, protectedHoursAgreed);
    }
}
