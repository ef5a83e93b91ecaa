package org.goldenthread.engagement.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/** The .ics files registrants get parse with ical4j and say the hour the organisers chose, in UK time. */
class EventCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Event at(LocalDateTime start) {
        Instant starts = start.atZone(LONDON).toInstant();
        return new Event(
                1,
                "Nursing roundtable",
                "roundtable",
                "system",
                null,
                starts,
                starts.plusSeconds(5400),
                false,
                "Room 2, County Hall",
                10,
                starts,
                null,
                null,
                "uid-1@golden-thread",
                0,
                0,
                0,
                0,
                null);
    }

    private static VEvent parse(byte[] ics) throws Exception {
        String text = new String(ics, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("TZID:Europe/London");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    @Test
    void timesAreUkTimeOnBothSidesOfTheClockChange() throws Exception {
        // British Summer Time starts at 01:00 UTC on Sunday 28 March 2027
        Event winter = at(LocalDateTime.of(2027, 3, 26, 9, 30));
        Event summer = at(LocalDateTime.of(2027, 3, 29, 9, 30));

        VEvent w = parse(EventCalendar.ics(winter, "About", Instant.parse("2027-01-01T00:00:00Z")));
        VEvent s = parse(EventCalendar.ics(summer, "About", Instant.parse("2027-01-01T00:00:00Z")));

        DtStart<Temporal> ws =
                w.getProperty("DTSTART").map(p -> (DtStart<Temporal>) p).orElseThrow();
        DtStart<Temporal> ss =
                s.getProperty("DTSTART").map(p -> (DtStart<Temporal>) p).orElseThrow();
        assertThat(ws.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
        assertThat(ss.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
        assertThat(ws.getValue()).isEqualTo("20270326T093000");
        assertThat(ss.getValue()).isEqualTo("20270329T093000");
        // the same hour on the wall is a different hour in UTC once the clocks have gone forward
        assertThat(Instant.from(ws.getDate())).isEqualTo(Instant.parse("2027-03-26T09:30:00Z"));
        assertThat(Instant.from(ss.getDate())).isEqualTo(Instant.parse("2027-03-29T08:30:00Z"));
        // the zone described inside the file gives GMT before the change and BST after it
        assertThat(((ZonedDateTime) ws.getDate()).getOffset().getTotalSeconds()).isZero();
        assertThat(((ZonedDateTime) ss.getDate()).getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(w.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20270326T110000");
        assertThat(w.getProperty("UID").orElseThrow().getValue()).isEqualTo("uid-1@golden-thread");
        assertThat(w.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Room 2, County Hall");
    }
}
