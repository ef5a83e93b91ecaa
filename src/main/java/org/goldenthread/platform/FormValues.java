package org.goldenthread.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    /**
     * An id chosen from a list of known ids: blank is no choice, and anything else that is not one of
     * them is a problem on {@code field}, never taken as no choice (which could widen what was meant).
     */
    public static @Nullable Long known(
            @Nullable String raw, String field, String name, java.util.Set<Long> ids, List<Problem> problems) {
        if (text(raw) == null) {
            return null;
        }
        Long id = id(raw);
        if (id == null || !ids.contains(id)) {
            problems.add(Problem.of(
                    field, name + ": there is no such " + name.toLowerCase(java.util.Locale.ROOT) + " in this ICS"));
            return null;
        }
        return id;
    }

    /** An id chosen from a list; anything else is no choice. */
    public static @Nullable Long id(@Nullable String raw) {
        String value = text(raw);
        return value == null || !value.matches("\\d{1,18}") ? null : Long.valueOf(value);
    }

    /**
     * A date from a form bound to a record, typed in the NHS.UK date input (see {@link DateInput})
     * or as year-month-day: {@code field} names it in the problem, and the message names it as
     * people read it, from the field's name ("opens_on" as "Opens on").
     */
    public static @Nullable LocalDate date(String field, @Nullable String raw, List<Problem> problems) {
        return date(field, humanName(field), raw, problems);
    }

    /** As {@link #date(String, String, List)}, with the name the form's legend gives the field. */
    public static @Nullable LocalDate date(String field, String name, @Nullable String raw, List<Problem> problems) {
        String value = text(raw);
        return value == null ? null : DateInput.read(field, name, value, problems);
    }

    private static String humanName(String field) {
        String words = field.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
