package org.goldenthread.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a submitted page form: blanks as null, dates and hours parsed, and a
 * problem named by field for anything that does not parse, so pages report it beside the field.
 */
public final class FormValues {

    private FormValues() {}

    public static @Nullable String text(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** An id chosen from a list; anything else is no choice. */
    public static @Nullable Long id(@Nullable String raw) {
        String value = text(raw);
        return value == null || !value.matches("\\d{1,18}") ? null : Long.valueOf(value);
    }

    /** A date from a form bound to a record: {@code field} names it in the problem. */
    public static @Nullable LocalDate date(String field, @Nullable String raw, List<Problem> problems) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return Dates.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, Dates.RULE));
            return null;
        }
    }

    /** Hours from a form bound to a record: {@code field} names it in the problem. */
    public static @Nullable BigDecimal hours(String field, @Nullable String raw, List<Problem> problems) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "Enter the hours as a number, like 2 or 2.5"));
            return null;
        }
    }
}
