package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turnover and what exit conversations said, over the 12 months to a day, for everyone who may read
 * figures: a count of 1 to k−1 people is hidden (null), and so is whatever would give it away.
 *
 * @param from the first day of turnover's window
 * @param to the last day of turnover's window
 * @param answersFrom the first day of the window the conversations' answers were released for
 * @param answersTo its last day: the day they were released, which stands until k conversations change
 * @param conversations exit conversations about appointments that ended in that window, or null when hidden
 */
public record ExitFigures(
        LocalDate from,
        LocalDate to,
        @JsonProperty("answers_from") LocalDate answersFrom,
        @JsonProperty("answers_to") LocalDate answersTo,
        @JsonProperty("min_group_size") int minGroupSize,
        List<TurnoverRow> turnover,
        @Nullable Integer conversations,
        List<Count> reasons,
        @JsonProperty("would_return") List<Count> wouldReturn,
        List<Count> handover) {

    /**
     * Turnover for a level (its code) or for every level together ({@code all}): leavers ÷ the
     * average of the headcount on the first and the last day. Leavers and turnover are null when
     * leavers are 1 to k−1.
     */
    public record TurnoverRow(
            String group,
            String label,
            @JsonProperty("headcount_at_start") int headcountAtStart,
            @JsonProperty("headcount_at_end") int headcountAtEnd,
            @JsonProperty("average_headcount") double averageHeadcount,
            @Nullable Integer leavers,
            @Nullable Double turnover,
            boolean suppressed) {

        /** "25%", "hidden (small group)", or a dash when nobody held a seat. */
        public String shown() {
            if (suppressed) {
                return "hidden (small group)";
            }
            return turnover == null ? "–" : Math.round(turnover * 100) + "%";
        }
    }

    /** How many gave an answer; null when hidden. */
    public record Count(String code, String label, @Nullable Integer count) {}
}
