package org.goldenthread.platform;

/**
 * Text in a CSV file that a spreadsheet will open. A cell starting with = + - @ tab or return is run as
 * a formula (CSV injection), so every export puts an apostrophe before it, which a spreadsheet shows
 * as text; imports drop that apostrophe again, so an exported file reads back as it was.
 */
public final class CsvText {

    private CsvText() {}

    /** Whether a cell starting with this character would be run as a formula. */
    public static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /**
     * The value with an apostrophe before it when a spreadsheet would run it as a formula, or when it
     * starts with apostrophes before such a character, so that {@link #unguarded} gives it back as it was.
     */
    public static String guarded(String value) {
        return needsGuard(value) ? "'" + value : value;
    }

    /** A cell of text that may be missing: empty for none, else {@link #guarded}. */
    public static String cell(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : guarded(value);
    }

    /** Undoes {@link #guarded}: a leading apostrophe that guards the rest is dropped. */
    public static String unguarded(String value) {
        return value.startsWith("'") && needsGuard(value.substring(1)) ? value.substring(1) : value;
    }

    private static boolean needsGuard(String value) {
        int first = 0;
        while (first < value.length() && value.charAt(first) == '\'') {
            first++;
        }
        return first < value.length() && isFormulaStart(value.charAt(first));
    }
}
