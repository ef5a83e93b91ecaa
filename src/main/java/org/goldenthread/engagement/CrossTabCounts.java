package org.goldenthread.engagement;

/**
 * Counting a cross-tab of two closed questions. The counts come with their totals around them,
 * {@code [rows + 1][cols + 1]}: the last column holds each row's respondents, the last row each
 * column's, the corner everyone who answered both. A respondent who chose several options of a
 * multiple-choice question is counted in each of them, but once in a total.
 */
final class CrossTabCounts {

    private CrossTabCounts() {}

    /** The counts over the selected respondents who answered both the row question and the column question. */
    static int[][] count(
            AnswerLayout layout,
            AnswerMatrix.Snapshot a,
            boolean[] selected,
            Question rowQ,
            int rq,
            Question colQ,
            int cq) {
        int rowsN = rowQ.choices().size();
        int colsN = colQ.choices().size();
        int[][] raw = new int[rowsN + 1][colsN + 1];
        // the options each respondent chose, read once: a long list costs only what was chosen
        int[] rowChosen = new int[rowsN + AnswerLayout.BITS];
        int[] colChosen = new int[colsN + AnswerLayout.BITS];
        for (int r = 0; r < a.size(); r++) {
            if (!selected[r]) {
                continue;
            }
            int inRow = layout.chosen(a.closed(), rq, r, rowChosen);
            int inCol = layout.chosen(a.closed(), cq, r, colChosen);
            if (inRow == 0 || inCol == 0) {
                continue;
            }
            raw[rowsN][colsN]++;
            for (int i = 0; i < inRow; i++) {
                raw[rowChosen[i] - 1][colsN]++;
                for (int j = 0; j < inCol; j++) {
                    raw[rowChosen[i] - 1][colChosen[j] - 1]++;
                }
            }
            for (int j = 0; j < inCol; j++) {
                raw[rowsN][colChosen[j] - 1]++;
            }
        }
        return raw;
    }
}
