package org.goldenthread.engagement;

import org.goldenthread.platform.SmallNumbers;

/**
 * Which counts of a cross-tab may be shown (totals in the last row and column). Counts of 1 to
 * k−1 are hidden, and in a row or column of fewer than k respondents every cell is hidden, its
 * zeros too: in so small a group, where the others did not answer says where these did. Then
 * secondary suppression, as for every table of people (see {@link SmallNumbers#hideBeside}), and
 * more until no hidden cell can be pinned down from the rest and the totals.
 *
 * <p>Filtered results are the same table seen from one row: the filter's respondents beside
 * everyone else (see {@link #suppressGroups}), since a filtered count is a cell of the cross-tab
 * of the filter's question with the one counted.
 */
final class CrossTabSuppression {

    private final SmallNumbers smallNumbers;

    CrossTabSuppression(SmallNumbers smallNumbers) {
        this.smallNumbers = smallNumbers;
    }

    /**
     * The counts as shown; null where a count is hidden. {@code exact} says each respondent is in
     * one cell, so that the cells of a row make its total: only then can a hidden cell's bounds be
     * worked out from the totals, and only then is that checked (see {@link SmallNumbers#protect}).
     */
    Integer[][] suppress(int[][] raw, boolean exact) {
        int rowsN = raw.length - 1;
        int colsN = raw[0].length - 1;
        Integer[][] shown = new Integer[raw.length][raw[0].length];
        for (int i = 0; i <= rowsN; i++) {
            for (int j = 0; j <= colsN; j++) {
                boolean smallLine = i < rowsN && smallNumbers.hides(raw[i][colsN])
                        || j < colsN && smallNumbers.hides(raw[rowsN][j]);
                shown[i][j] = smallLine || smallNumbers.hides(raw[i][j]) ? null : raw[i][j];
            }
        }
        smallNumbers.protect(shown, raw, rowsN, colsN, exact);
        return shown;
    }

    /**
     * A filter's counts as shown, row 0 of {@code counts}, beside the groups of the other
     * respondents in the rows after it (see {@link Tallies#besides}), one column per option, with
     * how many of each group answered. A group of fewer than k who answered hides its whole row.
     * Every row is protected alike, though only the filter's is shown, so that its counts taken from
     * the question's unfiltered counts, or from a filter with one condition fewer, give no small
     * group away.
     */
    Integer[][] suppressGroups(int[][] counts, int[] answered, boolean exact) {
        Integer[][] shown = new Integer[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            shown[i] = new Integer[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                boolean smallLine = smallNumbers.hides(answered[i]);
                shown[i][j] = smallLine || smallNumbers.hides(counts[i][j]) ? null : counts[i][j];
            }
        }
        smallNumbers.protect(shown, counts, counts.length, counts.length == 0 ? 0 : counts[0].length, exact);
        return shown;
    }

    /** How many cells inside the table, totals apart, are hidden. */
    static int hiddenCells(Integer[][] shown) {
        int rowsN = shown.length - 1;
        int colsN = shown[0].length - 1;
        int hidden = 0;
        for (int i = 0; i < rowsN; i++) {
            for (int j = 0; j < colsN; j++) {
                hidden += shown[i][j] == null ? 1 : 0;
            }
        }
        return hidden;
    }
}
