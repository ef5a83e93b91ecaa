package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FinancialYearTest {

    @Test
    void aYearRunsFromAprilToMarchAndIsWrittenAsTheNhsWritesIt() {
        FinancialYear year = FinancialYear.containing(LocalDate.of(2026, 3, 31));
        assertThat(year.code()).isEqualTo("2025-26");
        assertThat(year.first()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(year.last()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(FinancialYear.containing(LocalDate.of(2026, 4, 1)).code()).isEqualTo("2026-27");
        assertThat(new FinancialYear(1999).code()).isEqualTo("1999-00");
    }

    @Test
    void itsFiguresMayBeFixedFromTheFirstOfJulyAfterItEnds() {
        assertThat(new FinancialYear(2025).fixableFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(FinancialYear.lastFixableBy(LocalDate.of(2026, 7, 1)).code()).isEqualTo("2025-26");
        assertThat(FinancialYear.lastFixableBy(LocalDate.of(2026, 6, 30)).code())
                .isEqualTo("2024-25");
        assertThat(FinancialYear.lastFixableBy(LocalDate.of(2027, 3, 31)).code())
                .isEqualTo("2025-26");
    }

    @Test
    void readsTheWaysPeopleWriteAYearAndNothingElse() {
        for (String written : new String[] {"2025-26", "2025/26", "2025-2026", " 2025 / 26 ", "2025"}) {
            assertThat(FinancialYear.parse(written)).as(written).contains(new FinancialYear(2025));
        }
        assertThat(FinancialYear.parse("1999-00")).contains(new FinancialYear(1999));
        for (String wrong : new String[] {"2025-27", "2025/2027", "25-26", "last year", "", "2025-26-27"}) {
            assertThat(FinancialYear.parse(wrong)).as(wrong).isEmpty();
        }
    }
}
