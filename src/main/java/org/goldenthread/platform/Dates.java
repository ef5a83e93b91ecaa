package org.goldenthread.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The dates Golden Thread accepts, wherever they come from (JSON, query parameters, page forms,
 * register files): year-month-day from 1900 to 2200. Anything earlier or later is a typing
 * mistake in this domain, and PostgreSQL would otherwise store year 0 or -2026 as a BC date and
 * five-digit years that no report or export reads back the same.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    public static final String RULE = "Enter a real date between 1900 and 2200, as year-month-day, like 2026-04-01";

    private Dates() {
    }

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
    public static void check(String field, LocalDate date, List<Problem> problems) {
        if (date != null && !inRange(date)) {
            problems.add(Problem.of(field, RULE));
        }
    }
}
