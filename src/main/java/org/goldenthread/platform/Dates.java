package org.goldenthread.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The dates Golden Thread accepts and how it writes them.
 *
 * <p>Accepted, wherever they come from (JSON, query parameters, page forms, register files):
 * year-month-day from 1900 to 2200. Anything earlier or later is a typing mistake in this domain,
 * and PostgreSQL would otherwise store year 0 or -2026 as a BC date and five-digit years that no
 * report or export reads back the same.
 *
 * <p>Written, on every page, report and email, in the NHS.UK style, "30 November 2026", with
 * moments shown in England's time ("30 November 2026 at 2:05pm"). Pages use it as
 * {@code ${@dates.day(x)}} and {@code ${@dates.moment(x)}}; Java code calls the static methods.
 * Nothing depends on the server's or the browser's locale or time zone.
 */
@Component("dates")
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    public static final String RULE = "Enter a real date between 1900 and 2200, as year-month-day, like 2026-04-01";
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("h", Locale.UK);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("mm", Locale.UK);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("ss", Locale.UK);

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** Year-month-day within the range; otherwise a {@link DateTimeParseException} saying what is accepted. */
    public static LocalDate parse(String text) {
        LocalDate date = LocalDate.parse(text.trim());
        if (!inRange(date)) {
            throw new DateTimeParseException(RULE, text, 0);
        }
        return date;
    }

    /** For a date that arrived already parsed: adds a problem naming the field when it is out of range. */
    public static void check(String field, @Nullable LocalDate date, List<Problem> problems) {
        if (date != null && !inRange(date)) {
            problems.add(Problem.of(field, RULE));
        }
    }

    /** The three boxes of an NHS.UK date input for a form field's value (see {@link DateInput#of}). */
    public static DateInput input(Object value) {
        return DateInput.of(value == null ? null : value.toString());
    }

    /** "30 November 2026"; a moment is taken on its day in England. Empty for null. */
    public static String day(Object date) {
        if (date == null) {
            return "";
        }
        if (date instanceof LocalDate d) {
            return DAY.format(d);
        }
        return DAY.format(inEngland(date));
    }

    /** "November 2026". Empty for null. */
    public static String month(java.time.temporal.@Nullable TemporalAccessor month) {
        return month == null ? "" : MONTH.format(month);
    }

    /** "30 November 2026 at 2:05pm", or "at midday" / "at midnight", in England's time. */
    public static String moment(Object instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime t = inEngland(instant);
        return DAY.format(t) + " at " + time(t, false);
    }

    /** As {@link #moment} with seconds ("2:05:09pm"), where order within a minute matters, as in an audit log. */
    public static String momentToTheSecond(Object instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime t = inEngland(instant);
        return DAY.format(t) + " at " + time(t, true);
    }

    /** The NHS.UK style for times: 12-hour clock, no leading zero, "am"/"pm", and midday and midnight in words. */
    private static String time(ZonedDateTime t, boolean seconds) {
        if (!seconds || t.getSecond() == 0) {
            if (t.getHour() == 12 && t.getMinute() == 0) {
                return "midday";
            }
            if (t.getHour() == 0 && t.getMinute() == 0) {
                return "midnight";
            }
        }
        String clock = HOUR.format(t)
                + (t.getMinute() == 0 && !seconds ? "" : ":" + MINUTES.format(t))
                + (seconds ? ":" + SECONDS.format(t) : "");
        return clock + (t.getHour() < 12 ? "am" : "pm");
    }

    private static ZonedDateTime inEngland(Object value) {
        if (value instanceof Instant i) {
            return i.atZone(ENGLAND);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ENGLAND);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ENGLAND);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(ENGLAND);
        }
        throw new IllegalArgumentException(
                "not a date or moment: " + value.getClass().getName());
    }
}
