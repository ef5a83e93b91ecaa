package org.goldenthread.engagement.reach;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goldenthread.platform.CsvText;
import org.jspecify.annotations.Nullable;

/** The reach tables as one CSV: a row per dimension and group, hidden figures left blank. */
final class ReachCsv {

    private ReachCsv() {}

    static String of(Reach.Report report) {
        List<String> header = new ArrayList<>(List.of("dimension", "group"));
        for (String stage : report.stages()) {
            header.add(stage);
            header.add(stage + "_percent");
        }
        header.addAll(List.of("expected", "expected_percent", "compared_with", "under_represented"));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (ReachTable table : report.tables()) {
                for (ReachTable.Row row : table.rowsAndTotal()) {
                    List<@Nullable Object> line =
                            new ArrayList<>(List.of(CsvText.guarded(table.label()), CsvText.guarded(row.label())));
                    for (ReachTable.Cell cell : row.cells()) {
                        line.add(cell.count());
                        line.add(plain(cell.percent()));
                    }
                    line.add(row.expected());
                    line.add(plain(row.expectedPercent()));
                    line.add(CsvText.cell(table.comparedWith()));
                    line.add(CsvText.guarded(String.join("; ", row.flags())));
                    csv.printRecord(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
