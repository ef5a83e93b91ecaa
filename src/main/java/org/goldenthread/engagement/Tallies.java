package org.goldenthread.engagement;

import java.util.List;
import org.goldenthread.engagement.AnswerMatrix.Column;
import org.jspecify.annotations.Nullable;

/**
 * The counting under survey results, in loops over a column's bytes (or ints) with nothing else
 * in them: which responses a filter keeps, and how many of those hold each value of a slot. A
 * question's options are worked out from those value counts afterwards, once per value rather
 * than once per response.
 */
final class Tallies {

    /** Bins of a byte column's value counts, one per value. */
    static final int BYTE_VALUES = 256;

    private Tallies() {}

    /** The responses a filter keeps: all of the first {@code count}, or those listed, in order. */
    record Rows(int @Nullable [] list, int count) {}

    /** The responses that meet every condition (all of them for none). */
    static Rows where(AnswerLayout layout, AnswerMatrix.Snapshot a, List<SurveyResults.Condition> conditions) {
        int[] list = null;
        int n = a.size();
        for (SurveyResults.Condition c : conditions) {
            int q = c.question();
            int option = c.option();
            boolean bits = layout.multi(q);
            Column column = a.closed()[layout.slot(q) + (bits ? (option - 1) / AnswerLayout.BITS : 0)];
            int wanted = bits ? 1 << ((option - 1) % AnswerLayout.BITS) : option;
            if (list == null) {
                list = new int[a.size()];
                n = keep(column, bits, wanted, null, a.size(), list);
            } else {
                n = keep(column, bits, wanted, list, n, list);
            }
        }
        return new Rows(list, n);
    }

    /**
     * Writes into {@code into} those of the rows (the first {@code n}, or those listed) whose value
     * is {@code wanted}, or for bits has that bit set; returns how many. Written without a branch on
     * the value, as a filter keeps an unpredictable half of the rows as often as not.
     */
    private static int keep(Column column, boolean bits, int wanted, int @Nullable [] from, int n, int[] into) {
        int kept = 0;
        byte[] b = column.bytes();
        int[] w = column.ints();
        if (b != null) {
            if ((wanted & ~0xFF) != 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                int r = from == null ? i : from[i];
                int v = b[r] & 0xFF;
                into[kept] = r;
                kept += (bits ? (v & wanted) != 0 : v == wanted) ? 1 : 0;
            }
        } else if (w != null) {
            for (int i = 0; i < n; i++) {
                int r = from == null ? i : from[i];
                int v = w[r];
                into[kept] = r;
                kept += (bits ? (v & wanted) != 0 : v == wanted) ? 1 : 0;
            }
        }
        return kept;
    }

    /**
     * How many of the rows hold each value of a column: index v counts value v. A byte column has
     * {@link #BYTE_VALUES} bins; an int column {@code limit + 1}, values outside 0..limit−1 counted
     * together in the last.
     */
    static int[] histogram(Column column, Rows rows, int limit) {
        byte[] b = column.bytes();
        int[] w = column.ints();
        int[] list = rows.list();
        int n = rows.count();
        if (b != null) {
            int[] counts = new int[BYTE_VALUES];
            if (list == null) {
                for (int r = 0; r < n; r++) {
                    counts[b[r] & 0xFF]++;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    counts[b[list[i]] & 0xFF]++;
                }
            }
            return counts;
        }
        int[] counts = new int[limit + 1];
        for (int i = 0; i < n && w != null; i++) {
            int v = w[list == null ? i : list[i]];
            counts[v >= 0 && v < limit ? v : limit]++;
        }
        return counts;
    }

    /**
     * Counts, for a multiple-choice slot given as value counts, how many chose each of its
     * options: {@code counts[first + bit]} gains the count of every value with that bit set.
     */
    static void spreadBits(int[] histogram, int[] counts, int first, int options) {
        for (int v = 1; v < histogram.length && v < BYTE_VALUES; v++) {
            int c = histogram[v];
            for (int bits = v; c > 0 && bits != 0; bits &= bits - 1) {
                int option = first + Integer.numberOfTrailingZeros(bits);
                if (option <= options) {
                    counts[option] += c;
                }
            }
        }
    }

    /** How many of the rows answered a question with several slots: any slot not 0. */
    static int answeredAny(AnswerLayout layout, AnswerMatrix.Snapshot a, int question, Rows rows) {
        int[] list = rows.list();
        int answered = 0;
        for (int i = 0; i < rows.count(); i++) {
            int r = list == null ? i : list[i];
            for (int w = 0; w < layout.width(question); w++) {
                if (a.closed()[layout.slot(question) + w].get(r) != 0) {
                    answered++;
                    break;
                }
            }
        }
        return answered;
    }

    /** The numbers the rows hold for a question, without the gaps (NaN), in row order. */
    static double[] numbers(AnswerMatrix.Snapshot a, int question, Rows rows) {
        double[] column = a.numbers()[question];
        if (column.length == 0) {
            return new double[0];
        }
        int[] list = rows.list();
        double[] values = new double[rows.count()];
        int n = 0;
        for (int i = 0; i < rows.count(); i++) {
            double v = column[list == null ? i : list[i]];
            values[n] = v;
            n += Double.isNaN(v) ? 0 : 1;
        }
        return java.util.Arrays.copyOf(values, n);
    }
}
