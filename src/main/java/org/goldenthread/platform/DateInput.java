package org.goldenthread.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A date as the NHS.UK date input takes it: day, month and year in three boxes. Page forms post
 * them as {@code <name>-day}, {@code <name>-month} and {@code <name>-year}, and the platform joins
 * them into one {@code <name>} parameter ({@link #joined}) before any controller sees the form, so
 * forms keep binding one text field. A date that reads as one is year-month-day; anything else keeps
 * what was typed, year-month-day with hyphens between, so that the form can say what is wrong
 * ({@link #read}) and show the boxes again as they were ({@link #of}).
 */
public record DateInput(String day, String month, String year) {

    private static final Pattern PARTS = Pattern.compile("([^-]*)-([^-]*)-([^-]*)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    public static final String EXAMPLE = "For example, 15 3 2027";

    /** The three boxes as typed; null counts as empty. */
    public static DateInput typed(@Nullable String day, @Nullable String month, @Nullable String year) {
        return new DateInput(tidy(day), tidy(month), tidy(year));
    }

    private static String tidy(@Nullable String part) {
        return part == null ? "" : part.trim();
    }

    /**
     * The boxes for a field's value, to fill them when a form is shown: a stored date shows without
     * leading zeros ("2027-03-05" as 5, 3, 2027), what someone typed shows as they typed it, and a
     * value that is neither shows whole in the year box.
     */
    public static DateInput of(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return new DateInput("", "", "");
        }
        Matcher m = PARTS.matcher(value.trim());
        if (!m.matches()) {
            return new DateInput("", "", value.trim());
        }
        return new DateInput(unpadded(m.group(3)), unpadded(m.group(2)), m.group(1));
    }

    private static String unpadded(String part) {
        return NUMBER.matcher(part).matches() ? String.valueOf(Integer.parseInt(part)) : part;
    }

    /** The one parameter the boxes stand for: empty when all three are, year-month-day otherwise. */
    public String joined() {
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return "";
        }
        if (NUMBER.matcher(day).matches()
                && NUMBER.matcher(month).matches()
                && NUMBER.matcher(year).matches()) {
            return year + "-" + twoDigits(month) + "-" + twoDigits(day);
        }
        return year + "-" + month + "-" + day;
    }

    private static String twoDigits(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    /** Whether the box for this part ("day", "month" or "year") should be marked as wrong. */
    public boolean wrong(String part) {
        boolean anyEmpty = day.isEmpty() || month.isEmpty() || year.isEmpty();
        if (!anyEmpty) {
            return true;
        }
        return switch (part) {
            case "day" -> day.isEmpty();
            case "month" -> month.isEmpty();
            default -> year.isEmpty();
        };
    }

    /**
     * The date a form field's value stands for; when it is not one, adds what is wrong in the NHS.UK
     * way ("Opens on must include a month", "… must be a real date"), naming the field as people read
     * it, and gives null. A value that is not three parts is held to year-month-day, as typed into one
     * box.
     */
    static @Nullable LocalDate read(String field, String name, String value, List<Problem> problems) {
        Matcher m = PARTS.matcher(value.trim());
        if (!m.matches()) {
            problems.add(Problem.of(field, Dates.RULE));
            return null;
        }
        DateInput input =
                new DateInput(m.group(3).trim(), m.group(2).trim(), m.group(1).trim());
        String problem = input.problem(name);
        if (problem != null) {
            problems.add(Problem.of(field, problem));
            return null;
        }
        return LocalDate.of(
                Integer.parseInt(input.year()), Integer.parseInt(input.month()), Integer.parseInt(input.day()));
    }

    private @Nullable String problem(String name) {
        List<String> missing = new ArrayList<>();
        if (day.isEmpty()) {
            missing.add("day");
        }
        if (month.isEmpty()) {
            missing.add("month");
        }
        if (year.isEmpty()) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return name + " must include a " + String.join(" and ", missing);
        }
        if (!NUMBER.matcher(day).matches()
                || !NUMBER.matcher(month).matches()
                || !NUMBER.matcher(year).matches()) {
            return name + " must be a real date, in numbers, " + EXAMPLE.toLowerCase(Locale.ROOT);
        }
        if (year.length() != 4) {
            return name + " must include a year of 4 numbers, like 2027";
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return name + " must be a real date";
        }
        return Dates.inRange(date) ? null : name + " must be in a year from 1900 to 2200";
    }
}
