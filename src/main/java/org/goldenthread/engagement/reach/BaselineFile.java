package org.goldenthread.engagement.reach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.SmallCsv;
import org.jspecify.annotations.Nullable;

/**
 * The reach baseline file: CSV (UTF-8), header {@code dimension,group,headcount} in any order. Reading
 * gives every row or refuses the whole file, naming each problem by row (the header is row 1),
 * column and reason.
 */
final class BaselineFile {

    static final List<String> COLUMNS = List.of("dimension", "group", "headcount");

    /** More than the whole NHS workforce in one group is a slip, not a count. */
    static final int MOST = 10_000_000;

    /** One good row, its group spelt as the ICS's lists spell it (stages and sectors by code). */
    record Row(Dimension dimension, String group, int headcount) {}

    /** The groups each dimension knows, by their lower-cased spellings (name, code or label). */
    record Groups(Map<Dimension, Map<String, String>> known) {

        @Nullable
        String find(Dimension d, String typed) {
            return known.getOrDefault(d, Map.of()).get(typed.toLowerCase(Locale.ROOT));
        }

        String listed(Dimension d) {
            return String.join(
                    ", ",
                    known.getOrDefault(d, Map.of()).values().stream()
                            .distinct()
                            .sorted()
                            .toList());
        }
    }

    private BaselineFile() {}

    static List<Row> read(byte[] bytes, Groups groups) {
        SmallCsv.Table table = SmallCsv.table(bytes, COLUMNS, "the baseline file", "headcounts");
        List<CSVRecord> records = table.records();
        Map<String, Integer> at = table.at();
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < records.size() && problems.size() < 100; i++) {
            int row = i + 1;
            CSVRecord record = records.get(i);
            if (record.size() != COLUMNS.size()) {
                problems.add(Problem.at(
                        row, null, "The row has " + record.size() + " values; the header has " + COLUMNS.size()));
                continue;
            }
            Row good = row(row, record, at, groups, problems);
            if (good != null) {
                String key = good.dimension().code() + "|" + good.group().toLowerCase(Locale.ROOT);
                Integer first = seen.putIfAbsent(key, row);
                if (first != null) {
                    problems.add(Problem.at(
                            row, "group", "This dimension and group are also on row " + first + "; give each once"));
                } else {
                    rows.add(good);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return rows;
    }

    private static @Nullable Row row(
            int row, CSVRecord record, Map<String, Integer> at, Groups groups, List<Problem> problems) {
        int before = problems.size();
        String dimensionText = SmallCsv.cell(record, at, "dimension");
        Dimension dimension = Coded.parse(Dimension.class, dimensionText).orElse(null);
        if (dimension == null) {
            problems.add(Problem.at(
                    row,
                    "dimension",
                    "Use " + Coded.choices(Dimension.class)
                            + (dimensionText.isEmpty() ? "" : ", not \"" + SmallCsv.shortened(dimensionText) + "\"")));
        }
        String groupText = SmallCsv.cell(record, at, "group");
        String group = dimension == null ? null : groups.find(dimension, groupText);
        if (groupText.isEmpty()) {
            problems.add(Problem.at(row, "group", "Enter the group the headcount is for"));
        } else if (dimension != null && group == null) {
            problems.add(Problem.at(
                    row,
                    "group",
                    "\"" + SmallCsv.shortened(groupText) + "\" is not a "
                            + dimension.label().toLowerCase(Locale.ROOT) + " of this ICS; use one of "
                            + groups.listed(dimension)));
        }
        String headcountText = SmallCsv.cell(record, at, "headcount");
        int headcount = headcountText.matches("\\d{1,8}") ? Integer.parseInt(headcountText) : -1;
        if (headcount < 0 || headcount > MOST) {
            problems.add(Problem.at(
                    row,
                    "headcount",
                    "Enter the number of people as a whole number from 0 to " + MOST
                            + (headcountText.isEmpty() ? "" : ", not \"" + SmallCsv.shortened(headcountText) + "\"")));
        }
        if (problems.size() > before || dimension == null || group == null) {
            return null;
        }
        return new Row(dimension, group, headcount);
    }

    private static InvalidInput refused(Problem problem) {
        return new InvalidInput(List.of(problem));
    }
}
