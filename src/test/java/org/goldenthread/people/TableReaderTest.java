package org.goldenthread.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.goldenthread.platform.InvalidInput;
import org.junit.jupiter.api.Test;

/**
 * Workbooks made by hand, as a careless or hostile tool could write them: the reader trusts nothing
 * in them that could cost the server more than the file's own size, and names the row of a cell it
 * cannot read.
 */
class TableReaderTest {

    @Test
    void aRowNumberedBeyondAnExcelSheetIsRefusedNamingItsRow() throws IOException {
        byte[] xlsx = workbook(Map.of(1, List.of("person_ref"), 2_000_000_000, List.of("NV1")));
        assertThatThrownBy(() -> TableReader.readXlsx(xlsx)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.problems().get(0).row()).isEqualTo(2_000_000_000);
            assertThat(e.problems().get(0).reason()).contains("1048576 rows");
        });
    }

    @Test
    void aDateNoCalendarReachesIsLeftForTheDateCheckToNameItsRowAndColumn() throws IOException {
        byte[] xlsx = workbook(new java.util.TreeMap<>(Map.of(
                1, List.of("person_ref", "start_date"),
                2, List.of("NV1", 1e20),
                3, List.of("NV2", 45_000.75))));
        List<List<String>> rows = TableReader.readXlsx(xlsx);
        assertThat(rows.get(1).get(1)).isEqualTo("100000000000000000000");
        assertThat(rows.get(2).get(1)).as("a date and time is that date").isEqualTo("2023-03-15");
    }

    /** One sheet whose rows carry the given numbers: strings inline, numbers as numbers. */
    private static byte[] workbook(Map<Integer, List<?>> rows) throws IOException {
        StringBuilder sheet = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        new java.util.TreeMap<>(rows).forEach((number, cells) -> {
            sheet.append("<row r=\"").append(number).append("\">");
            for (int c = 0; c < cells.size(); c++) {
                String ref = (char) ('A' + c) + String.valueOf(number);
                Object value = cells.get(c);
                if (value instanceof String text) {
                    sheet.append("<c r=\"")
                            .append(ref)
                            .append("\" t=\"inlineStr\"><is><t>")
                            .append(text)
                            .append("</t></is></c>");
                } else {
                    sheet.append("<c r=\"")
                            .append(ref)
                            .append("\"><v>")
                            .append(value)
                            .append("</v></c>");
                }
            }
            sheet.append("</row>");
        });
        sheet.append("</sheetData></worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            put(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
