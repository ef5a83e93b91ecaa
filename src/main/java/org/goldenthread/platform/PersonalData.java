package org.goldenthread.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one module holds about a person in the register. Every module that keeps anything about a
 * person implements this once; a subject access export asks each for its sections, and an erasure
 * asks each to remove or anonymise what it holds, in the order the beans are ordered (the register
 * itself last, since every other module's rows point at it). Both run inside the ICS in scope and
 * in one transaction, so an erasure happens everywhere or nowhere.
 */
public interface PersonalData {

    /** This module's sections for the person; a section with no entries says that nothing is held. */
    List<Section> describe(DataSubject subject);

    /**
     * Removes what identifies the person and anything they wrote about themselves, keeping the rows
     * that figures count (an enrolment, an appointment) attached to the anonymised person.
     */
    void erase(DataSubject subject);

    /** One kind of thing held, with why it is held, and each one held as field names and values. */
    record Section(String title, String purpose, List<Map<String, String>> entries) {

        public Section {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Entries from rows as a query returns them: each column named in {@code labels} (in its order)
     * under its label, dates in words, yes or no for booleans, and codes as the labels given for
     * that column's codes.
     */
    static List<Map<String, String>> entries(
            List<Map<String, Object>> rows, Map<String, String> labels, Map<String, Map<String, String>> codes) {
        return rows.stream()
                .map(row -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    labels.forEach((column, label) -> {
                        Object value = row.get(column);
                        String text = shown(value, codes.getOrDefault(column, Map.of()));
                        if (!text.isBlank()) {
                            fields.put(label, text);
                        }
                    });
                    return fields;
                })
                .toList();
    }

    private static String shown(@org.jspecify.annotations.Nullable Object value, Map<String, String> codes) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.sql.Date d) {
            return Dates.day(d.toLocalDate());
        }
        if (value instanceof java.sql.Timestamp t) {
            return Dates.day(t.toInstant());
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof java.sql.Array a) {
            try {
                Object[] items = (Object[]) a.getArray();
                return String.join(
                        ", ",
                        java.util.Arrays.stream(items)
                                .map(i -> codes.getOrDefault(String.valueOf(i), String.valueOf(i)))
                                .toList());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return codes.getOrDefault(value.toString(), value.toString());
    }

    /** An entry's fields in the order given: name, value, name, value… Empty values are left out. */
    static Map<String, String> entry(@org.jspecify.annotations.Nullable Object... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                fields.put(String.valueOf(namesAndValues[i]), value.toString());
            }
        }
        return fields;
    }
}
