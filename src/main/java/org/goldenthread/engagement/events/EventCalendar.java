package org.goldenthread.engagement.events;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import org.goldenthread.platform.Dates;

/**
 * An event as an iCalendar file for the registrant's calendar. Times are written in England's
 * local time with the Europe/London zone described inside the file, so that a calendar shows the
 * hour the organisers chose whichever side of a clock change the event falls.
 */
final class EventCalendar {

    static final String MEDIA_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    private EventCalendar() {}

    static byte[] ics(Event event, String description, Instant now) {
        TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
        var london = zones.getTimeZone(Dates.ENGLAND.getId());
        ZonedDateTime start = event.startsAt().atZone(Dates.ENGLAND);
        ZonedDateTime end = event.endsAt().atZone(Dates.ENGLAND);
        VEvent vevent = new VEvent(false);
        vevent.add(new DtStamp(now));
        // the wall-clock time with the zone named, as calendars expect, rather than a generated zone id
        vevent.add(new DtStart<>(london(), start.toLocalDateTime()));
        vevent.add(new DtEnd<>(london(), end.toLocalDateTime()));
        vevent.add(new Uid(event.uid()));
        vevent.add(new Summary(event.title()));
        vevent.add(new Location(event.location()));
        vevent.add(new Description(description));
        if (event.online() && event.location().startsWith("https://")) {
            vevent.add(new Url(java.net.URI.create(event.location())));
        }
        Calendar calendar = new Calendar()
                .withProdId("-//Golden Thread//Engagement events//EN")
                .withDefaults()
                .withProperty(ImmutableMethod.PUBLISH)
                .withComponent(london.getVTimeZone())
                .withComponent(vevent)
                .getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ParameterList london() {
        return new ParameterList(List.of(new TzId(Dates.ENGLAND.getId())));
    }

    static String fileName(Event event) {
        String name = event.title()
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("(^-|-$)", "")
                .toLowerCase(java.util.Locale.ROOT);
        return (name.isEmpty() ? "event" : name) + ".ics";
    }
}
