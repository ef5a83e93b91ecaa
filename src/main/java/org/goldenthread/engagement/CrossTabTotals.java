package org.goldenthread.engagement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cross-tab as shown, from its counts after suppression: each column and row with its total, and each
 * cell with its count as a percentage of its row's and its column's respondents. Every option is listed,
 * whatever it holds, so that listing tells nothing.
 */
final class CrossTabTotals {

    private CrossTabTotals() {}

    static List<SurveyResults.Column> columns(List<String> choices, Integer[][] shown) {
        int rowsN = shown.length - 1;
        List<SurveyResults.Column> columns = new ArrayList<>();
        for (int j = 0; j < choices.size(); j++) {
            columns.add(new SurveyResults.Column(choices.get(j), shown[rowsN][j]));
        }
        return columns;
    }

    static List<SurveyResults.Line> lines(List<String> choices, Integer[][] shown) {
        int rowsN = shown.length - 1;
        int colsN = shown[0].length - 1;
        List<SurveyResults.Line> lines = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            List<SurveyResults.Cell> cells = new ArrayList<>();
            for (int j = 0; j < colsN; j++) {
                Integer count = shown[i][j];
                // a percentage with its count shown but its total hidden would give the total away
                cells.add(new SurveyResults.Cell(count, share(count, shown[i][colsN]), share(count, shown[rowsN][j])));
            }
            lines.add(new SurveyResults.Line(choices.get(i), shown[i][colsN], cells));
        }
        return lines;
    }

    private static @Nullable BigDecimal share(@Nullable Integer count, @Nullable Integer total) {
        return count == null || total == null || total == 0 ? null : SurveyResults.percent(count, total);
    }
}
