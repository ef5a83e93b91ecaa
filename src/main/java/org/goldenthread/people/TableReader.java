package org.goldenthread.people;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Reads an uploaded register file, CSV or an Excel workbook, into rows of text, header first. What the
 * text means is for {@link FileRow} and {@link RowReading}; this only refuses bytes that are not a
 * table, saying on which row they stop being one.
 */
final class TableReader {

    private TableReader() {}

    /** Reads CSV bytes: UTF-8 (a leading byte-order mark is fine), comma-separated, header first. */
    static List<List<String>> readCsv(byte[] bytes) {
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            int row = (int) text.substring(0, text.indexOf('\0'))
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            throw new InvalidInput(
                    List.of(Problem.at(row, null, "The file contains a NUL character, so it is not a CSV text file")));
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInput(
                    List.of(
                            Problem.at(
                                    rows.size() + 1,
                                    null,
                                    "The file is not valid CSV after this row: a quoted value is not closed or a quote is out of place")));
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            int row = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    row++;
                }
            }
            throw new InvalidInput(List.of(Problem.at(
                    row,
                    null,
                    String.format(
                            "The file is not UTF-8 text: byte 0x%02X on this row is not valid UTF-8. "
                                    + "Save it as \"CSV UTF-8\" and try again",
                            bytes[bad] & 0xFF))));
        }
    }

    private static int firstInvalidUtf8(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** The most rows an Excel sheet holds. */
    static final int EXCEL_ROWS = 1_048_576;

    /** Reads the first sheet of a workbook, header first; dates typed as dates become ISO dates. */
    static List<List<String>> readXlsx(byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            List<org.dhatim.fastexcel.reader.Row> sheet =
                    workbook.getFirstSheet().read();
            List<String> header = List.of();
            int expected = 0;
            for (org.dhatim.fastexcel.reader.Row row : sheet) {
                if (row.getRowNum() > EXCEL_ROWS) {
                    // the number comes from the file: trusted, one cell could have us pad out two billion rows
                    throw new InvalidInput(
                            List.of(
                                    Problem.at(
                                            row.getRowNum(),
                                            null,
                                            "This row is numbered beyond the " + EXCEL_ROWS
                                                    + " rows an Excel sheet can hold; save the file again from Excel or as CSV UTF-8")));
                }
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                int width = rows.isEmpty() ? row.getCellCount() : Math.max(expected, row.getCellCount());
                List<String> cells = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    org.dhatim.fastexcel.reader.Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
                    String column = c < header.size() ? header.get(c) : "";
                    cells.add(cellText(cell, column));
                }
                if (rows.isEmpty()) {
                    header = cells.stream()
                            .map(h -> h.trim().toLowerCase(Locale.ROOT))
                            .toList();
                    expected = header.size();
                }
                rows.add(cells);
            }
        } catch (InvalidInput e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput(List.of(Problem.at(
                    1,
                    null,
                    "The file could not be read as an Excel workbook (.xlsx); save it as .xlsx or as CSV UTF-8")));
        }
        return rows;
    }

    private static String cellText(org.dhatim.fastexcel.reader.@Nullable Cell cell, String column) {
        if (cell == null || cell.getType() == org.dhatim.fastexcel.reader.CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                && (column.equals("start_date") || column.equals("end_date"))) {
            // Excel keeps dates as days since 30 December 1899; a number no calendar reaches is left as
            // it is, for the date check to name its row and column
            try {
                return LocalDate.of(1899, 12, 30)
                        .plusDays(cell.asNumber()
                                .setScale(0, java.math.RoundingMode.FLOOR)
                                .longValueExact())
                        .toString();
            } catch (ArithmeticException | java.time.DateTimeException e) {
                return cell.asNumber().stripTrailingZeros().toPlainString();
            }
        }
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA) {
            return "=" + cell.getFormula();
        }
        return cell.getText();
    }
}
