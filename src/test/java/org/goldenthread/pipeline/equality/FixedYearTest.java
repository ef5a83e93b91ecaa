package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.goldenthread.pipeline.equality.EqualityFigures.FixedYear;
import org.goldenthread.pipeline.equality.EqualityFigures.Part;
import org.goldenthread.pipeline.equality.EqualityFigures.Shortlisting;
import org.junit.jupiter.api.Test;

/**
 * What a year's levels and places are checked against before any is shown: each of them, and whatever
 * the whole year has beyond them, which a reader could work out as the whole less the parts.
 */
class FixedYearTest {

    private static Shortlisting counts(int white, int whiteAppointed, int black, int blackAppointed) {
        return new Shortlisting(
                Map.of("white", white, "black", black), Map.of("white", whiteAppointed, "black", blackAppointed));
    }

    private static FixedYear year(Map<Part, Shortlisting> parts) {
        return new FixedYear(
                FinancialYear.containing(java.time.LocalDate.of(2025, 6, 1)),
                java.time.LocalDate.of(2026, 7, 1),
                Map.of(Characteristic.ETHNIC_GROUP, parts));
    }

    @Test
    void roundsInNoPlaceAreCheckedAsThoughTheyWereOne() {
        // two places with plenty; the whole year has three more shortlisted, in rounds with no place (today
        // only system forums have none, which the system level covers; the check does not rely on it)
        FixedYear year = year(Map.of(
                Part.ICS,
                counts(42, 21, 41, 20),
                Part.level("system"),
                counts(22, 11, 21, 10),
                Part.level("place"),
                counts(20, 10, 20, 10),
                Part.place("Northfield"),
                counts(20, 10, 10, 5),
                Part.place("Southvale"),
                counts(20, 10, 30, 15)));

        List<Shortlisting> breakdown = year.breakdown(Characteristic.ETHNIC_GROUP);

        List<String> white = List.of("white");
        List<String> black = List.of("black");
        assertThat(breakdown).hasSize(5);
        // the levels add up to the whole, so they leave nothing over; the places leave the three
        Shortlisting rest = breakdown.get(breakdown.size() - 1);
        assertThat(rest.shortlisted(white)).isEqualTo(2);
        assertThat(rest.appointed(white)).isEqualTo(1);
        assertThat(rest.shortlisted(black)).isEqualTo(1);
        assertThat(rest.appointed(black)).isZero();
    }

    @Test
    void partsThatAddUpToTheWholeLeaveNothingOver() {
        FixedYear year = year(Map.of(
                Part.ICS,
                counts(40, 20, 40, 20),
                Part.level("place"),
                counts(40, 20, 40, 20),
                Part.place("Northfield"),
                counts(40, 20, 40, 20)));

        assertThat(year.breakdown(Characteristic.ETHNIC_GROUP)).hasSize(2);
    }
}
