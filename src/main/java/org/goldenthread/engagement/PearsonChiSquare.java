package org.goldenthread.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.jspecify.annotations.Nullable;

/**
 * Pearson's chi-square test of independence on a cross-tab's counts (totals in the last row and
 * column), over its non-empty rows and columns.
 */
final class PearsonChiSquare {

    private PearsonChiSquare() {}

    /**
     * The test, or null where it would mislead: fewer than two non-empty rows or columns, or expected
     * counts too small (Cochran: below 1 in any cell, or below 5 in more than a fifth of them).
     */
    static SurveyResults.@Nullable ChiSquare of(int[][] raw) {
        int rowsN = raw.length - 1;
        int colsN = raw[0].length - 1;
        double grand = raw[rowsN][colsN];
        List<Integer> usedRows = new ArrayList<>();
        List<Integer> usedCols = new ArrayList<>();
        for (int i = 0; i < rowsN; i++) {
            if (raw[i][colsN] > 0) {
                usedRows.add(i);
            }
        }
        for (int j = 0; j < colsN; j++) {
            if (raw[rowsN][j] > 0) {
                usedCols.add(j);
            }
        }
        int df = (usedRows.size() - 1) * (usedCols.size() - 1);
        if (df < 1) {
            return null;
        }
        double statistic = 0;
        int belowFive = 0;
        for (int i : usedRows) {
            for (int j : usedCols) {
                double expected = raw[i][colsN] * (double) raw[rowsN][j] / grand;
                if (expected < 1) {
                    return null;
                }
                belowFive += expected < 5 ? 1 : 0;
                statistic += (raw[i][j] - expected) * (raw[i][j] - expected) / expected;
            }
        }
        if (belowFive * 5 > usedRows.size() * usedCols.size()) {
            return null;
        }
        double p = ChiSquaredDistribution.of(df).survivalProbability(statistic);
        return new SurveyResults.ChiSquare(
                SurveyResults.round(statistic), df, BigDecimal.valueOf(p).setScale(4, RoundingMode.HALF_UP));
    }
}
