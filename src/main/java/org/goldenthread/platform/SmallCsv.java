package org.goldenthread.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV file read whole, such as a baseline of headcounts: UTF-8 text (a byte-order mark
 * allowed, as Excel writes one), RFC 4180, and a header naming the columns the file must have. Each
 * refusal names the row it is on. Large files stream through their own readers instead.
 */
public final class SmallCsv {

    private SmallCsv() {}

    /** The file's records, its header first, empty lines left out. */
    public static List<CSVRecord> records(byte[] bytes) {
        String text = decode(bytes);
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
            throw refused(Problem.at(
                    records.size() + 1,
                    null,
                    "The file is not valid CSV after this row: a quoted value is not closed or a quote is out of"
                            + " place"));
        }
        return records;
    }

    /** A small file read whole: where each column is, and its records, the header first. */
    public record Table(Map<String, Integer> at, List<CSVRecord> records) {}

    /**
     * The file's records with its header checked against {@code columns} (see {@link #header}); a file
     * that is empty, or has a header and nothing under it, is refused saying so.
     *
     * @param file what the file is, for the messages: "the map file"
     * @param rows what its rows are, for the message when there are none: "headcounts"
     */
    public static Table table(byte[] bytes, List<String> columns, String file, String rows) {
        List<CSVRecord> records = records(bytes);
        if (records.isEmpty()) {
            throw refused(Problem.at(
                    1,
                    null,
                    "The file is empty: it needs the header row " + String.join(",", columns) + " and a row for each"
                            + " of its " + rows));
        }
        Map<String, Integer> at = header(records.get(0), columns, file);
        if (records.size() == 1) {
            throw refused(
                    Problem.at(1, null, "The file has a header but no rows: there are no " + rows + " to import"));
        }
        return new Table(at, records);
    }

    /**
     * Where each of {@code columns} is in the header, in any order and any case; a column the file
     * does not know, one given twice or one missing is refused by name.
     *
     * @param file what the file is, for the message: "the baseline file"
     */
    public static Map<String, Integer> header(CSVRecord header, List<String> columns, String file) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!columns.contains(name)) {
                problems.add(Problem.at(
                        1,
                        shortened(header.get(i).trim()),
                        "\"" + shortened(header.get(i).trim()) + "\" is not a column of " + file + "; the columns are "
                                + String.join(",", columns)));
            } else if (at.putIfAbsent(name, i) != null) {
                problems.add(Problem.at(1, name, "The column " + name + " is in the header twice"));
            }
        }
        for (String column : columns) {
            if (!at.containsKey(column) && problems.stream().noneMatch(p -> column.equals(p.field()))) {
                problems.add(Problem.at(1, column, "The header has no " + column + " column"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return at;
    }

    /** A record's value in a column, trimmed; empty when the row is short. */
    public static String cell(CSVRecord record, Map<String, Integer> at, String column) {
        Integer index = at.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).trim();
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

    /** A value as a message quotes it: its first 40 characters. */
    public static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static InvalidInput refused(Problem problem) {
        return new InvalidInput(List.of(problem));
    }
}
