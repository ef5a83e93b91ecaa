package org.goldenthread.development.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a pair's next check-in falls due and when it counts as quiet, on days given rather than today. */
class RhythmTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 7);

    @Test
    void aPairThatHasNeverMetCountsFromTheStart() {
        Rhythm rhythm = new Rhythm(START, null, 4, 8);
        assertThat(rhythm.nextCheckIn()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(rhythm.checkInOverdue(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(rhythm.checkInOverdue(LocalDate.of(2026, 10, 6))).isTrue();
        assertThat(rhythm.quietOn(LocalDate.of(2026, 11, 1))).isFalse();
        assertThat(rhythm.quietOn(LocalDate.of(2026, 11, 2)))
                .as("eight weeks to the day")
                .isTrue();
    }

    @Test
    void aMeetingStartsTheCountAgain() {
        Rhythm rhythm = new Rhythm(START, LocalDate.of(2026, 10, 20), 4, 8);
        assertThat(rhythm.nextCheckIn()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(rhythm.quietOn(LocalDate.of(2026, 11, 2))).isFalse();
        assertThat(rhythm.quietOn(LocalDate.of(2026, 12, 15))).isTrue();
    }

    @Test
    void aMeetingDatedBeforeTheStartDoesNotMakeThePairLookQuieter() {
        assertThat(new Rhythm(START, START.minusDays(30), 4, 8).since()).isEqualTo(START);
    }
}
