package org.goldenthread.development.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a pair's next check-in falls due and when it counts as quiet, on days given rather than today. */
class CheckInsTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 7);

    @Test
    void aPairThatHasNeverMetCountsFromTheStart() {
        CheckIns checkIns = new CheckIns(START, null, 4, 8);
        assertThat(checkIns.nextCheckIn()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(checkIns.checkInOverdue(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(checkIns.checkInOverdue(LocalDate.of(2026, 10, 6))).isTrue();
        assertThat(checkIns.quietOn(LocalDate.of(2026, 11, 1))).isFalse();
        assertThat(checkIns.quietOn(LocalDate.of(2026, 11, 2)))
                .as("eight weeks to the day")
                .isTrue();
    }

    @Test
    void aMeetingStartsTheCountAgain() {
        CheckIns checkIns = new CheckIns(START, LocalDate.of(2026, 10, 20), 4, 8);
        assertThat(checkIns.nextCheckIn()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(checkIns.quietOn(LocalDate.of(2026, 11, 2))).isFalse();
        assertThat(checkIns.quietOn(LocalDate.of(2026, 12, 15))).isTrue();
    }

    @Test
    void aMeetingDatedBeforeTheStartDoesNotMakeThePairLookQuieter() {
        assertThat(new CheckIns(START, START.minusDays(30), 4, 8).since()).isEqualTo(START);
    }
}
