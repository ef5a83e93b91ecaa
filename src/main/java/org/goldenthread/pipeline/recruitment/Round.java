package org.goldenthread.pipeline.recruitment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recruitment round for one seat: what the role is, who may apply (the seat's professions, or
 * anyone when the seat is professionally agnostic), when it is advertised, and how many
 * applications are at each stage.
 */
public record Round(
        long id,
        @JsonProperty("seat_id") long seatId,
        String forum,
        String seat,
        @Nullable String place,
        @JsonProperty("role_description") @Nullable String roleDescription,
        @JsonProperty("opens_on") LocalDate opensOn,
        @JsonProperty("closes_on") LocalDate closesOn,
        @JsonProperty("created_on") LocalDate createdOn,
        @JsonProperty("professionally_agnostic") boolean professionallyAgnostic,
        @JsonProperty("open_to_professions") List<String> openToProfessions,
        @JsonProperty("open_to_profession_names") List<String> openToProfessionNames,
        Map<String, Integer> applications) {

    /**
     * Whether someone of this profession may hold the seat: always for a professionally agnostic
     * seat, by the named list otherwise, and null (not said) when the seat names no professions.
     */
    public @Nullable Boolean admits(String profession) {
        if (professionallyAgnostic) {
            return true;
        }
        return openToProfessions.isEmpty() ? null : openToProfessions.contains(profession);
    }

    /** Whether the advert is up on this day. */
    @JsonIgnore
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    @JsonIgnore
    public int applicationCount() {
        return applications.values().stream().mapToInt(Integer::intValue).sum();
    }
}
