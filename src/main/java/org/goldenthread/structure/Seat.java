package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A place at a forum's table that one person is appointed to at a time. A seat that is not
 * professionally agnostic may name the professions it is open to, by code and by name (in the
 * same order); an empty list means they have not been named.
 */
public record Seat(
        long id,
        @JsonProperty("forum_id") long forumId,
        String forum,
        String title,
        @JsonProperty("seat_type") String seatType,
        @JsonProperty("professionally_agnostic") boolean professionallyAgnostic,
        @JsonProperty("expected_hours_per_week") BigDecimal expectedHoursPerWeek,
        @JsonProperty("created_on") LocalDate createdOn,
        @JsonProperty("open_to_professions") List<String> openToProfessions,
        @JsonProperty("open_to_profession_names") List<String> openToProfessionNames) {

    /** A seat whose professions are not named. */
    public Seat(
            long id,
            long forumId,
            String forum,
            String title,
            String seatType,
            boolean professionallyAgnostic,
            BigDecimal expectedHoursPerWeek,
            LocalDate createdOn) {
        this(
                id,
                forumId,
                forum,
                title,
                seatType,
                professionallyAgnostic,
                expectedHoursPerWeek,
                createdOn,
                List.of(),
                List.of());
    }
}
