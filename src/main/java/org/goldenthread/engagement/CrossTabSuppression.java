package org.goldenthread.engagement;

import org.goldenthread.platform.SmallNumbers;

/**
 * Which counts of a cross-tab may be shown (totals in the last row and column). Counts of 1 to
 * k−1 are hidden, and in a row or column of fewer than k respondents every cell is hidden, its
 * zeros too: in so small a group, where the others did not answer says where these did. Then
 * secondary suppression, as for every table of people (see {@link SmallNumbers#hideBeside}).
 */
final class CrossTabSuppression {

    private final SmallNumbers smallNumbers;

    CrossTabSuppression(SmallNumbers smallNumbers) {
        this.smallNumbers = smallNumbers;
    }

    /** The counts as shown; null where a count is hidden. */
    Integer[][] suppress(int[][] raw) {
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
        SmallNumbers.hideBeside(shown, raw);
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
