package org.goldenthread.pipeline.equality;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;

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
        List<CSVRecord> records = records(decode(bytes));
        if (records.isEmpty()) {
            throw refused(Problem.at(
                    1,
                    null,
                    "The file is empty: it needs the header row " + String.join(",", COLUMNS)
                            + " and a row for each count"));
        }
        Map<String, Integer> at = header(records.get(0));
        if (records.size() == 1) {
            throw refused(Problem.at(1, null, "The file has a header but no rows: there are no counts to import"));
        }
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
        String groupText = cell(record, at, "profession_group");
        String group = groups.get(groupText.toLowerCase(Locale.ROOT));
        if (groupText.isEmpty()) {
            problems.add(
                    Problem.at(row, "profession_group", "Enter the profession group, as the profession list names it"));
        } else if (group == null) {
            problems.add(Problem.at(
                    row,
                    "profession_group",
                    "\"" + shortened(groupText)
                            + "\" is not a profession group; use one of "
                            + String.join(
                                    ", ", groups.values().stream().sorted().toList())));
        }
        String characteristicText = cell(record, at, "characteristic");
        Characteristic characteristic =
                Coded.parse(Characteristic.class, characteristicText).orElse(null);
        if (characteristic == null) {
            problems.add(Problem.at(
                    row,
                    "characteristic",
                    "Use " + Coded.choices(Characteristic.class)
                            + (characteristicText.isEmpty() ? "" : ", not \"" + shortened(characteristicText) + "\"")));
        }
        String value = cell(record, at, "value");
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
                            + (value.isEmpty() ? "" : ", not \"" + shortened(value) + "\"")));
        }
        String countText = cell(record, at, "count");
        int count = -1;
        if (countText.matches("\\d{1,8}")) {
            count = Integer.parseInt(countText);
        }
        if (count < 0 || count > MOST) {
            problems.add(Problem.at(
                    row,
                    "count",
                    "Enter the number of people as a whole number from 0 to 10000000"
                            + (countText.isEmpty() ? "" : ", not \"" + shortened(countText) + "\"")));
        }
        if (problems.size() > before || group == null || characteristic == null) {
            return Optional.empty();
        }
        return Optional.of(new Row(group, characteristic, value, count));
    }

    private static String cell(CSVRecord record, Map<String, Integer> at, String column) {
        Integer index = at.get(column);
        return index == null ? "" : record.get(index).trim();
    }

    private static Map<String, Integer> header(CSVRecord header) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(Problem.at(
                        1,
                        shortened(header.get(i).trim()),
                        "\"" + shortened(header.get(i).trim())
                                + "\" is not a column of the baseline file; the columns are "
                                + String.join(",", COLUMNS)));
            } else if (at.putIfAbsent(name, i) != null) {
                problems.add(Problem.at(1, name, "The column " + name + " is in the header twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!at.containsKey(column) && problems.stream().noneMatch(p -> column.equals(p.field()))) {
                problems.add(Problem.at(1, column, "The header has no " + column + " column"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return at;
    }

    private static List<CSVRecord> records(String text) {
        if (text.indexOf('\0') >= 0) {
            long row = text.substring(0, text.indexOf('\0'))
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            throw refused(
                    Problem.at((int) row, null, "The file contains a NUL character, so it is not a CSV text file"));
        }
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                records.add(record);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw refused(
                    Problem.at(
                            records.size() + 1,
                            null,
                            "The file is not valid CSV after this row: a quoted value is not closed or a quote is out of place"));
        }
        return records;
    }

    private static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused(Problem.at(1, null, "The file is not UTF-8 text: save it as CSV UTF-8 and try again"));
        }
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static InvalidInput refused(Problem problem) {
        return new InvalidInput(List.of(problem));
    }
}
