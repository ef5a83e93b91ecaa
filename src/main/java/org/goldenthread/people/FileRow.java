package org.goldenthread.people;

import static org.goldenthread.people.RegisterFile.COLUMNS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Text;
import org.jspecify.annotations.Nullable;

/** One data row of the register file, by column name, with its row number (the header is row 1). */
record FileRow(int number, Map<String, String> cells) {

    @Nullable
    String get(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    boolean any(List<String> columns) {
        return columns.stream().anyMatch(c -> get(c) != null);
    }

    /** Checks the header and turns the other rows into named cells; header problems stop here. */
    static List<FileRow> rows(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new InvalidInput(List.of(Problem.at(1, null, "The file is empty; it needs at least the header row")));
        }
        List<String> header = table.get(0).stream()
                .map(h -> h == null ? "" : h.trim().toLowerCase(Locale.ROOT))
                .toList();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                problems.add(Problem.at(1, column, "This column appears more than once"));
            } else if (!COLUMNS.contains(column)) {
                problems.add(Problem.at(
                        1,
                        column.isEmpty() ? null : abbreviate(column),
                        column.isEmpty() ? "A column has no name" : "This is not a column of the register file"));
            }
        }
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                problems.add(Problem.at(1, column, "This column is missing"));
            }
        }
        if (!problems.isEmpty()) {
            problems.add(Problem.at(1, null, "The header must name these columns: " + String.join(",", COLUMNS)));
            throw new InvalidInput(RegisterFile.capped(problems));
        }
        List<FileRow> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                // a blank line is nothing; a row of separators is a row someone meant to fill in
                if (cells.size() > 1) {
                    problems.add(Problem.at(i + 1, null, "This row has only empty cells; fill it in or remove it"));
                }
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(Problem.at(
                        i + 1,
                        null,
                        "This row has " + cells.size() + " values but the header has " + header.size() + " columns"));
                continue;
            }
            Map<String, String> named = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String reason = Text.unstorable(cells.get(c));
                if (reason != null) {
                    problems.add(Problem.at(i + 1, header.get(c), reason));
                }
                named.put(header.get(c), cells.get(c));
            }
            rows.add(new FileRow(i + 1, named));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(RegisterFile.capped(problems));
        }
        return rows;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
