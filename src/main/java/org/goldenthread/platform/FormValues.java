package org.goldenthread.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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

    public static @Nullable LocalDate date(Map<String, String> form, String field, List<Problem> problems) {
        String value = text(form.get(field));
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

    public static @Nullable BigDecimal hours(Map<String, String> form, String field, List<Problem> problems) {
        String value = text(form.get(field));
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
