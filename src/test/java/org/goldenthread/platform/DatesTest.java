package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates and counts are written the NHS.UK way, whatever the server's locale or time zone. */
class DatesTest {

    @Test
    void aDayIsWrittenInFullWithoutALeadingZero() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(Dates.day(LocalDate.of(2026, 11, 30))).isEqualTo("30 November 2026");
            assertThat(Dates.day(LocalDate.of(2027, 4, 1))).isEqualTo("1 April 2027");
            assertThat(Dates.day(null)).isEmpty();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMomentIsShownInEnglandsTimeOnTheTwelveHourClock() {
        // 23:30 UTC in summer is already the next day in England
        assertThat(Dates.day(Instant.parse("2026-06-30T23:30:00Z"))).isEqualTo("1 July 2026");
        assertThat(Dates.moment(Instant.parse("2026-06-30T13:05:00Z"))).isEqualTo("30 June 2026 at 2:05pm");
        assertThat(Dates.moment(OffsetDateTime.parse("2026-11-30T09:00:00Z"))).isEqualTo("30 November 2026 at 9am");
        assertThat(Dates.moment(Instant.parse("2026-11-30T12:00:00Z"))).isEqualTo("30 November 2026 at midday");
        assertThat(Dates.moment(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo("30 November 2026 at midnight");
        assertThat(Dates.momentToTheSecond(Instant.parse("2026-11-30T00:00:07Z")))
                .isEqualTo("30 November 2026 at 12:00:07am");
    }

    @Test
    void aCountAgreesWithItsNoun() {
        assertThat(Plurals.of(1, "response")).isEqualTo("1 response");
        assertThat(Plurals.of(0, "response")).isEqualTo("0 responses");
        assertThat(Plurals.of(1251, "response")).isEqualTo("1,251 responses");
        assertThat(Plurals.of(1, "person", "people")).isEqualTo("1 person");
        assertThat(Plurals.of(2, "person", "people")).isEqualTo("2 people");
    }
}
