package org.goldenthread.pipeline.equality;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NHS financial year, 1 April to 31 March, the period the equality standards report over. Its
 * fairness figures are fixed three months after it ends, when the appointments from rounds that
 * closed in March have usually been made.
 *
 * @param startYear the calendar year in which it begins
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    /** The earliest year anyone may ask about; nothing before it is kept. */
    static final int EARLIEST = 2000;

    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})(?:\\s*[-/]\\s*(\\d{2}|\\d{4}))?");

    public static FinancialYear containing(LocalDate day) {
        return new FinancialYear(day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1);
    }

    /** The latest year whose figures may be fixed on a day: the one that ended at least three months before. */
    public static FinancialYear lastFixableBy(LocalDate day) {
        return containing(day.minusMonths(3)).previous();
    }

    /** Reads "2025-26", "2025/26", "2025-2026" or "2025" (the year it begins in). */
    public static Optional<FinancialYear> parse(String text) {
        Matcher m = WRITTEN.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        String end = m.group(2);
        if (end != null) {
            int next = end.length() == 2 ? (start + 1) % 100 : start + 1;
            if (Integer.parseInt(end) != next) {
                return Optional.empty();
            }
        }
        return Optional.of(new FinancialYear(start));
    }

    public LocalDate first() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate last() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    /** The first day its figures may be fixed. */
    public LocalDate fixableFrom() {
        return last().plusMonths(3).plusDays(1);
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    /** As the NHS writes it: 2025-26. */
    public String code() {
        return String.format("%d-%02d", startYear, (startYear + 1) % 100);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return code();
    }
}
