package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as formulas are exported as text, and read back as they were. */
class CsvTextTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreGuarded() {
        assertThat(CsvText.guarded("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvText.guarded("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvText.guarded("-1")).isEqualTo("'-1");
        assertThat(CsvText.guarded("+44 20")).isEqualTo("'+44 20");
        assertThat(CsvText.guarded("\tx")).isEqualTo("'\tx");
        assertThat(CsvText.guarded("gp;nurse_adult")).isEqualTo("gp;nurse_adult");
        assertThat(CsvText.guarded("")).isEmpty();
        assertThat(CsvText.cell(null)).isEmpty();
    }

    @Test
    void aGuardedCellReadsBackAsItWas() {
        for (String value : new String[] {"=SUM(A1)", "@cmd", "-1", "plain", "'quoted", "'", "", "'-Team", "''=x"}) {
            assertThat(CsvText.unguarded(CsvText.guarded(value))).isEqualTo(value);
        }
        // an apostrophe the writer typed before anything else stays
        assertThat(CsvText.unguarded("'quoted")).isEqualTo("'quoted");
    }
}
