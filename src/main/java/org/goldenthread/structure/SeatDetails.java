package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A seat as someone describes it; {@code forum} names the forum it sits on. {@code
 * openToProfessions} are profession codes; null leaves a seat's professions as they are (as a
 * register file without that column does), and they are only for a seat that is not
 * professionally agnostic.
 */
public record SeatDetails(
        @JsonIgnore @Nullable String forum,
        @Nullable String title,
        @JsonProperty("seat_type") @Nullable String seatType,
        @JsonProperty("professionally_agnostic") @Nullable Boolean professionallyAgnostic,
        @JsonProperty("expected_hours_per_week") @Nullable BigDecimal expectedHoursPerWeek,
        @JsonProperty("open_to_professions") @Nullable List<String> openToProfessions,
        @JsonIgnore @Nullable Integer row) {

    /** Whether anyone may hold the seat: as described, or, when not said, unless professions are named. */
    boolean agnostic() {
        if (professionallyAgnostic != null) {
            return professionallyAgnostic;
        }
        return openToProfessions == null || openToProfessions.stream().allMatch(c -> c == null || c.isBlank());
    }
}
