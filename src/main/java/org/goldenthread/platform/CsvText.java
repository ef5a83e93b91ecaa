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

    /** The value with an apostrophe before it when it would otherwise be run as a formula. */
    public static String guarded(String value) {
        return !value.isEmpty() && isFormulaStart(value.charAt(0)) ? "'" + value : value;
    }

    /** A cell of text that may be missing: empty for none, else {@link #guarded}. */
    public static String cell(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : guarded(value);
    }

    /** Undoes {@link #guarded}: a leading apostrophe before a formula's first character is dropped. */
    public static String unguarded(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && isFormulaStart(value.charAt(1))
                ? value.substring(1)
                : value;
    }
}
