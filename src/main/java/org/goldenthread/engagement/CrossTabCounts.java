package org.goldenthread.engagement;

import org.goldenthread.engagement.AnswerMatrix.Column;

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
            Tallies.Rows selected,
            Question rowQ,
            int rq,
            Question colQ,
            int cq) {
        int rowsN = rowQ.choices().size();
        int colsN = colQ.choices().size();
        Column rowColumn = a.closed()[layout.slot(rq)];
        Column colColumn = a.closed()[layout.slot(cq)];
        if (layout.width(rq) == 1 && layout.width(cq) == 1 && rowColumn.bytes() != null && colColumn.bytes() != null) {
            return fromPairs(layout, selected, rowQ, rq, rowColumn, colQ, cq, colColumn);
        }
        return byRespondent(layout, a, selected, rowsN, rq, colsN, cq);
    }

    /**
     * Counts each pair of stored values once, in one pass over two byte columns, then spreads each
     * pair's count over the options it stands for: a handful of pairs rather than a million rows.
     */
    private static int[][] fromPairs(
            AnswerLayout layout,
            Tallies.Rows selected,
            Question rowQ,
            int rq,
            Column rowColumn,
            Question colQ,
            int cq,
            Column colColumn) {
        byte[] rowValues = rowColumn.bytes();
        byte[] colValues = colColumn.bytes();
        long[] bits = selected.bits();
        int[] pairs = new int[Tallies.BYTE_VALUES * Tallies.BYTE_VALUES];
        if (rowValues != null && colValues != null) {
            if (bits == null) {
                for (int r = 0; r < selected.count(); r++) {
                    pairs[(rowValues[r] & 0xFF) << 8 | colValues[r] & 0xFF]++;
                }
            } else {
                for (int i = 0; i < bits.length; i++) {
                    int base = i << 6;
                    for (long word = bits[i]; word != 0; word &= word - 1) {
                        int r = base + Long.numberOfTrailingZeros(word);
                        pairs[(rowValues[r] & 0xFF) << 8 | colValues[r] & 0xFF]++;
                    }
                }
            }
        }
        int rowsN = rowQ.choices().size();
        int colsN = colQ.choices().size();
        int[][] raw = new int[rowsN + 1][colsN + 1];
        int[] rowChosen = new int[8];
        int[] colChosen = new int[8];
        for (int v = 1; v < Tallies.BYTE_VALUES; v++) {
            int inRow = options(layout.multi(rq), v, rowsN, rowChosen);
            for (int u = 1; u < Tallies.BYTE_VALUES && inRow > 0; u++) {
                int c = pairs[v << 8 | u];
                if (c == 0) {
                    continue;
                }
                int inCol = options(layout.multi(cq), u, colsN, colChosen);
                if (inCol > 0) {
                    add(raw, rowChosen, inRow, colChosen, inCol, c);
                }
            }
        }
        return raw;
    }

    /** The options (1-based) a stored byte stands for: itself, or for bits each bit set; returns how many. */
    private static int options(boolean bits, int value, int options, int[] into) {
        if (!bits) {
            into[0] = value;
            return value <= options ? 1 : 0;
        }
        int n = 0;
        for (int b = value; b != 0; b &= b - 1) {
            int option = Integer.numberOfTrailingZeros(b) + 1;
            if (option <= options) {
                into[n++] = option;
            }
        }
        return n;
    }

    /** Adds {@code count} respondents who chose the given row and column options. */
    private static void add(int[][] raw, int[] rowChosen, int inRow, int[] colChosen, int inCol, int count) {
        int rowsN = raw.length - 1;
        int colsN = raw[0].length - 1;
        raw[rowsN][colsN] += count;
        for (int i = 0; i < inRow; i++) {
            raw[rowChosen[i] - 1][colsN] += count;
            for (int j = 0; j < inCol; j++) {
                raw[rowChosen[i] - 1][colChosen[j] - 1] += count;
            }
        }
        for (int j = 0; j < inCol; j++) {
            raw[rowsN][colChosen[j] - 1] += count;
        }
    }

    /** Reads each respondent's options one by one: for long lists of options, held as ints. */
    private static int[][] byRespondent(
            AnswerLayout layout, AnswerMatrix.Snapshot a, Tallies.Rows selected, int rowsN, int rq, int colsN, int cq) {
        int[][] raw = new int[rowsN + 1][colsN + 1];
        // the options each respondent chose, read once: a long list costs only what was chosen
        int[] rowChosen = new int[rowsN + AnswerLayout.BITS];
        int[] colChosen = new int[colsN + AnswerLayout.BITS];
        for (int r = selected.next(0); r >= 0; r = selected.next(r + 1)) {
            int inRow = kept(layout.chosen(a.closed(), rq, r, rowChosen), rowChosen, rowsN);
            int inCol = kept(layout.chosen(a.closed(), cq, r, colChosen), colChosen, colsN);
            if (inRow > 0 && inCol > 0) {
                add(raw, rowChosen, inRow, colChosen, inCol, 1);
            }
        }
        return raw;
    }

    /** Drops options beyond a question's list (which a valid response never holds); returns how many remain. */
    private static int kept(int n, int[] chosen, int options) {
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (chosen[i] >= 1 && chosen[i] <= options) {
                chosen[kept++] = chosen[i];
            }
        }
        return kept;
    }
}
