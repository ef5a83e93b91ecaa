package org.goldenthread.pipeline.equality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.SmallCsv;

/**
 * The workforce baseline file: CSV (UTF-8), header {@code profession_group,characteristic,value,count}
 * in any order, one row per profession group, characteristic and answer. Reading it either gives every
 * row or refuses the whole file with each problem by row (the header is row 1), column and reason.
 */
final class BaselineFile {

    static final List<String> COLUMNS = List.of("profession_group", "characteristic", "value", "count");

    /** The most people one row may count: more than the whole NHS workforce is a slip, not a count. */
    static final int MOST = 10_000_000;

    /** One good row, with the profession group as the profession list spells it. */
    record Row(String professionGroup, Characteristic characteristic, String value, int count) {}

    private BaselineFile() {}

    /**
     * @param groups the profession groups of the profession list, as it spells them
     */
    static List<Row> read(byte[] bytes, Collection<String> groups) {
        SmallCsv.Table table = SmallCsv.table(bytes, COLUMNS, "the baseline file", "counts");
        List<CSVRecord> records = table.records();
        Map<String, Integer> at = table.at();
        Map<String, String> known = new HashMap<>();
        groups.forEach(g -> known.put(g.toLowerCase(Locale.ROOT), g));
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            int row = i + 1;
            CSVRecord record = records.get(i);
            if (record.size() != COLUMNS.size()) {
                problems.add(Problem.at(
                        row, null, "The row has " + record.size() + " values; the header has " + COLUMNS.size()));
                continue;
            }
            row(row, record, at, known, problems).ifPresent(r -> {
                String key = (r.professionGroup() + "|" + r.characteristic().code() + "|" + r.value())
                        .toLowerCase(Locale.ROOT);
                Integer first = seen.putIfAbsent(key, row);
                if (first != null) {
                    problems.add(Problem.at(
                            row,
                            "value",
                            "This profession group, characteristic and value are also on row " + first
                                    + "; give each count once"));
                } else {
                    rows.add(r);
                }
            });
            if (problems.size() >= 100) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return rows;
    }

    private static Optional<Row> row(
            int row, CSVRecord record, Map<String, Integer> at, Map<String, String> groups, List<Problem> problems) {
        int before = problems.size();
        String groupText = SmallCsv.cell(record, at, "profession_group");
        String group = groups.get(groupText.toLowerCase(Locale.ROOT));
        if (groupText.isEmpty()) {
            problems.add(
                    Problem.at(row, "profession_group", "Enter the profession group, as the profession list names it"));
        } else if (group == null) {
            problems.add(Problem.at(
                    row,
                    "profession_group",
                    "\"" + SmallCsv.shortened(groupText)
                            + "\" is not a profession group; use one of "
                            + String.join(
                                    ", ", groups.values().stream().sorted().toList())));
        }
        String characteristicText = SmallCsv.cell(record, at, "characteristic");
        Characteristic characteristic =
                Coded.parse(Characteristic.class, characteristicText).orElse(null);
        if (characteristic == null) {
            problems.add(Problem.at(
                    row,
                    "characteristic",
                    "Use " + Coded.choices(Characteristic.class)
                            + (characteristicText.isEmpty()
                                    ? ""
                                    : ", not \"" + SmallCsv.shortened(characteristicText) + "\"")));
        }
        String value = SmallCsv.cell(record, at, "value");
        if (characteristic != null && !characteristic.allows(value)) {
            problems.add(Problem.at(
                    row,
                    "value",
                    "For " + characteristic.code() + " use one of "
                            + String.join(
                                    ", ",
                                    characteristic.answers().stream()
                                            .map(c -> c.code())
                                            .toList())
                            + (value.isEmpty() ? "" : ", not \"" + SmallCsv.shortened(value) + "\"")));
        }
        String countText = SmallCsv.cell(record, at, "count");
        int count = -1;
        if (countText.matches("\\d{1,8}")) {
            count = Integer.parseInt(countText);
        }
        if (count < 0 || count > MOST) {
            problems.add(Problem.at(
                    row,
                    "count",
                    "Enter the number of people as a whole number from 0 to 10000000"
                            + (countText.isEmpty() ? "" : ", not \"" + SmallCsv.shortened(countText) + "\"")));
        }
        if (problems.size() > before || group == null || characteristic == null) {
            return Optional.empty();
        }
        return Optional.of(new Row(group, characteristic, value, count));
    }

    private static InvalidInput refused(Problem problem) {
        return new InvalidInput(List.of(problem));
    }
}
