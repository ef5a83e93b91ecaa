package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.goldenthread.platform.SmallNumbers;
import org.junit.jupiter.api.Test;

/**
 * No hidden count of a cross-tab can be worked out by someone who sees the rest and knows every
 * row's and column's total, checked here by listing every table that fits what is shown.
 */
class CrossTabSuppressionTest {

    private static final int K = 10;
    private final CrossTabSuppression suppression = new CrossTabSuppression(new SmallNumbers(K));

    /**
     * A review found this table's small cell (3) given away by the line-by-line rule alone: its
     * column's other hidden cell had to be 0, since that cell's row total (1) was used up elsewhere.
     */
    @Test
    void aSmallCountIsNotGivenAwayByCellsThatCannotBeNegative() {
        int[][] raw = withTotals(new int[][] {
            {1, 0, 0},
            {0, 15, 30},
            {0, 12, 3},
            {20, 30, 20},
            {3, 0, 12}
        });
        Integer[][] shown = suppression.suppress(raw, true);
        assertNothingSmallCanBeWorkedOut(raw, shown);
        // the large counts far from the small ones still show
        assertThat(shown[3][1]).isEqualTo(30);
    }

    @Test
    void filteredCountsBesideTheRestGiveNoSmallGroupAway() {
        // the filter's 30 respondents, then the 23 others, over four options
        int[][] counts = {{0, 10, 10, 10}, {3, 5, 10, 5}};
        Integer[][] shown = suppression.suppressGroups(counts, new int[] {30, 23}, true);
        assertThat(shown[1][0]).isNull();
        assertThat(shown[1][1]).isNull();
        // the others' small counts would follow from the filter's beside the unfiltered counts
        assertThat(shown[0][1]).isNull();
        assertNothingSmallCanBeWorkedOut(withTotals(counts), withTotals(shown, counts));
    }

    @Test
    void aSmallGroupOfTheRestHidesItsWholeRowAndWhatWouldGiveItAway() {
        // the filter keeps all but 4 respondents: unfiltered less filtered would show those 4's answers
        int[][] counts = {{20, 30, 25}, {0, 4, 0}};
        Integer[][] shown = suppression.suppressGroups(counts, new int[] {75, 4}, true);
        assertThat(shown[1]).containsOnlyNulls();
        assertThat(shown[0][1]).isNull();
        assertNothingSmallCanBeWorkedOut(withTotals(counts), withTotals(shown, counts));
    }

    /** For every cell hidden for being small, the values it could hold are neither one value nor all small. */
    private static void assertNothingSmallCanBeWorkedOut(int[][] raw, Integer[][] shown) {
        int rows = raw.length - 1;
        int columns = raw[0].length - 1;
        List<int[]> hidden = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (shown[i][j] == null) {
                    hidden.add(new int[] {i, j});
                }
            }
        }
        List<Set<Integer>> possible = new ArrayList<>();
        hidden.forEach(h -> possible.add(new TreeSet<>()));
        int[] rowLeft = new int[rows];
        int[] columnLeft = new int[columns];
        for (int i = 0; i < rows; i++) {
            rowLeft[i] = raw[i][columns];
            for (int j = 0; j < columns; j++) {
                if (shown[i][j] != null) {
                    rowLeft[i] -= shown[i][j];
                }
            }
        }
        for (int j = 0; j < columns; j++) {
            columnLeft[j] = raw[rows][j];
            for (int i = 0; i < rows; i++) {
                if (shown[i][j] != null) {
                    columnLeft[j] -= shown[i][j];
                }
            }
        }
        fill(hidden, 0, new int[hidden.size()], rowLeft, columnLeft, possible);
        for (int h = 0; h < hidden.size(); h++) {
            int value = raw[hidden.get(h)[0]][hidden.get(h)[1]];
            boolean small = value > 0 && value < K;
            if (!small) {
                continue;
            }
            Set<Integer> values = possible.get(h);
            assertThat(values).as("the tables that fit include the real one").contains(value);
            assertThat(values.size())
                    .as("cell " + hidden.get(h)[0] + "," + hidden.get(h)[1] + " could only be " + values)
                    .isGreaterThan(1);
            assertThat(values.stream().anyMatch(v -> v == 0 || v >= K))
                    .as("cell " + hidden.get(h)[0] + "," + hidden.get(h)[1] + " is known to be small: " + values)
                    .isTrue();
        }
    }

    /** Every way to fill the hidden cells that makes each row and column its total. */
    private static void fill(
            List<int[]> hidden, int h, int[] values, int[] rowLeft, int[] columnLeft, List<Set<Integer>> possible) {
        if (h == hidden.size()) {
            for (int left : rowLeft) {
                if (left != 0) {
                    return;
                }
            }
            for (int left : columnLeft) {
                if (left != 0) {
                    return;
                }
            }
            for (int i = 0; i < values.length; i++) {
                possible.get(i).add(values[i]);
            }
            return;
        }
        int r = hidden.get(h)[0];
        int c = hidden.get(h)[1];
        boolean lastInRow = h + 1 == hidden.size() || hidden.get(h + 1)[0] != r;
        int from = lastInRow ? rowLeft[r] : 0;
        for (int v = from; v <= Math.min(rowLeft[r], columnLeft[c]); v++) {
            values[h] = v;
            rowLeft[r] -= v;
            columnLeft[c] -= v;
            fill(hidden, h + 1, values, rowLeft, columnLeft, possible);
            rowLeft[r] += v;
            columnLeft[c] += v;
        }
    }

    private static int[][] withTotals(int[][] cells) {
        int[][] raw = new int[cells.length + 1][cells[0].length + 1];
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                raw[i][j] = cells[i][j];
                raw[i][cells[i].length] += cells[i][j];
                raw[cells.length][j] += cells[i][j];
                raw[cells.length][cells[i].length] += cells[i][j];
            }
        }
        return raw;
    }

    /** The shown cells with the totals around them shown, as anyone may know them from the results. */
    private static Integer[][] withTotals(Integer[][] shown, int[][] cells) {
        int[][] raw = withTotals(cells);
        Integer[][] all = new Integer[raw.length][raw[0].length];
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < raw[0].length; j++) {
                all[i][j] = i < cells.length && j < cells[0].length ? shown[i][j] : Integer.valueOf(raw[i][j]);
            }
        }
        return all;
    }
}
