package org.goldenthread.development.exchanges;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import org.jspecify.annotations.Nullable;

/**
 * An iCalendar invitation to one all-day event: a visit of an exchange, or a cohort's closing
 * event. Its UID is the event's own, kept in the database and never changed, and its sequence goes
 * up with every change of day or place, so that a calendar that took the first invitation updates
 * that event rather than adding another.
 */
record Invitation(
        String uid, int sequence, LocalDate day, String summary, String place, String description, List<Guest> guests) {

    /** Someone invited; without an address they are named in the description only. */
    record Guest(String name, @Nullable String email) {}

    static final String MEDIA_TYPE = "text/calendar";

    /** The invitation as an .ics file (UTF-8), stamped at {@code now}. */
    byte[] ics(Instant now) {
        VEvent event = new VEvent(false);
        event.add(new DtStamp(now));
        event.add(new DtStart<>(day));
        // an all-day event ends (exclusively) on the next day
        event.add(new DtEnd<>(day.plusDays(1)));
        event.add(new Uid(uid));
        event.add(new Sequence(sequence));
        event.add(new Summary(summary));
        event.add(new Location(place));
        event.add(new Description(description));
        for (Guest guest : guests) {
            if (guest.email() != null && !guest.email().isBlank()) {
                Attendee attendee =
                        new Attendee(URI.create("mailto:" + guest.email().trim()));
                attendee.add(new Cn(guest.name()));
                event.add(attendee);
            }
        }
        Calendar calendar = new Calendar()
                .withProdId("-//Golden Thread//Workplace exchanges//EN")
                .withDefaults()
                .withProperty(ImmutableMethod.PUBLISH)
                .withComponent(event)
                .getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A file name for the download. */
    String fileName() {
        return summary.replaceAll("[^A-Za-z0-9]+", "-")
                        .replaceAll("(^-|-$)", "")
                        .toLowerCase(java.util.Locale.ROOT) + ".ics";
    }
}
