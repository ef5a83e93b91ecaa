package org.goldenthread.engagement;

import java.util.ArrayList;
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

    /**
     * The responses a filter keeps: all of the first {@code count} when {@code bits} is null, or
     * those whose bit is set (a bit per response, 64 to a word; none set beyond the snapshot), of
     * which there are {@code count}.
     */
    record Rows(long @Nullable [] bits, int count) {

        /** Every response of the first {@code count}. */
        static Rows all(int count) {
            return new Rows(null, count);
        }

        /** The responses whose bit is set, counted. */
        static Rows of(long[] bits) {
            int count = 0;
            for (long word : bits) {
                count += Long.bitCount(word);
            }
            return new Rows(bits, count);
        }

        /** The first response kept at or after {@code from}, or −1 for none. */
        int next(int from) {
            long[] b = bits;
            if (b == null) {
                return from < count ? from : -1;
            }
            int w = from >>> 6;
            if (w >= b.length) {
                return -1;
            }
            long word = b[w] & (-1L << (from & 63));
            while (word == 0) {
                if (++w == b.length) {
                    return -1;
                }
                word = b[w];
            }
            return (w << 6) + Long.numberOfTrailingZeros(word);
        }
    }

    /** The responses that meet every condition (all of them for none). */
    static Rows where(AnswerLayout layout, AnswerMatrix.Snapshot a, List<SurveyResults.Condition> conditions) {
        if (conditions.isEmpty()) {
            return Rows.all(a.size());
        }
        int[] slots = new int[conditions.size()];
        boolean[] bits = new boolean[conditions.size()];
        int[] wanted = new int[conditions.size()];
        for (int c = 0; c < conditions.size(); c++) {
            int q = conditions.get(c).question();
            int option = conditions.get(c).option();
            bits[c] = layout.multi(q);
            slots[c] = layout.slot(q) + (bits[c] ? (option - 1) / AnswerLayout.BITS : 0);
            wanted[c] = bits[c] ? 1 << ((option - 1) % AnswerLayout.BITS) : option;
        }
        return Rows.of(a.choices().all(a.closed(), a.size(), slots, bits, wanted));
    }

    /**
     * The respondents that asking again with one condition fewer would add to a filter of several:
     * for each condition, those who meet every other condition but not that one. With the filter's
     * own respondents and everyone else, they divide the responses between them, each in one; with
     * one condition there are none, and everyone else is the rest.
     */
    static List<Rows> besides(
            AnswerLayout layout, AnswerMatrix.Snapshot a, List<SurveyResults.Condition> conditions, Rows kept) {
        List<Rows> groups = new ArrayList<>();
        long[] filtered = kept.bits();
        if (conditions.size() > 1 && filtered != null) {
            for (int c = 0; c < conditions.size(); c++) {
                List<SurveyResults.Condition> others = new ArrayList<>(conditions);
                others.remove(c);
                // a filter on conditions has bits of its own, a new array each time
                long[] group = where(layout, a, others).bits();
                if (group != null) {
                    for (int w = 0; w < group.length && w < filtered.length; w++) {
                        group[w] &= ~filtered[w];
                    }
                    groups.add(Rows.of(group));
                }
            }
        }
        return groups;
    }

    /**
     * How many of the rows hold each value of a column: index v counts value v. A byte column has
     * {@link #BYTE_VALUES} bins; an int column {@code limit + 1}, values outside 0..limit−1 counted
     * together in the last.
     */
    static int[] histogram(Column column, Rows rows, int limit) {
        byte[] b = column.bytes();
        int[] w = column.ints();
        long[] bits = rows.bits();
        if (b != null) {
            int[] counts = new int[BYTE_VALUES];
            if (bits == null) {
                for (int r = 0; r < rows.count(); r++) {
                    counts[b[r] & 0xFF]++;
                }
            } else {
                for (int i = 0; i < bits.length; i++) {
                    long word = bits[i];
                    int base = i << 6;
                    if (word == -1L) {
                        for (int r = base; r < base + 64; r++) {
                            counts[b[r] & 0xFF]++;
                        }
                        continue;
                    }
                    for (; word != 0; word &= word - 1) {
                        counts[b[base + Long.numberOfTrailingZeros(word)] & 0xFF]++;
                    }
                }
            }
            return counts;
        }
        int[] counts = new int[limit + 1];
        for (int r = rows.next(0); r >= 0 && w != null; r = rows.next(r + 1)) {
            int v = w[r];
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
        int answered = 0;
        for (int r = rows.next(0); r >= 0; r = rows.next(r + 1)) {
            for (int w = 0; w < layout.width(question); w++) {
                if (a.closed()[layout.slot(question) + w].get(r) != 0) {
                    answered++;
                    break;
                }
            }
        }
        return answered;
    }

    /** How many numbers the rows hold for a question, their sum and their median (NaN for none). */
    record Figures(int answered, double sum, double median) {}

    /**
     * The figures of a question's numbers where every one the rows hold is a whole number from 0
     * to 254, as counts and scores mostly are: worked out from how many hold each, in one pass and
     * without copying or reordering a million numbers; null as soon as one is anything else. The
     * sum of whole numbers is exact in either order, so the figures are those of {@link #numbers}.
     */
    static @Nullable Figures smallNumbers(AnswerMatrix.Snapshot a, int question, Rows rows) {
        double[] column = a.numbers()[question];
        if (column.length == 0) {
            return new Figures(0, 0, Double.NaN);
        }
        // the last bin counts the gaps (NaN)
        int gaps = PackedColumns.NO_NUMBER;
        int[] counts = new int[gaps + 1];
        for (int r = rows.next(0); r >= 0; r = rows.next(r + 1)) {
            double v = column[r];
            int whole = (int) v;
            if (whole == v && whole >= 0 && whole < gaps) {
                counts[whole]++;
            } else if (Double.isNaN(v)) {
                counts[gaps]++;
            } else {
                return null;
            }
        }
        int answered = rows.count() - counts[gaps];
        double sum = 0;
        for (int v = 0; v < gaps; v++) {
            sum += (double) v * counts[v];
        }
        if (answered == 0) {
            return new Figures(0, 0, Double.NaN);
        }
        double upper = ranked(counts, answered / 2);
        double median = answered % 2 == 1 ? upper : (ranked(counts, answered / 2 - 1) + upper) / 2;
        return new Figures(answered, sum, median);
    }

    /** The k-th smallest (0-based) of the numbers counted by value. */
    private static int ranked(int[] counts, int k) {
        int seen = 0;
        for (int v = 0; v < counts.length - 1; v++) {
            seen += counts[v];
            if (seen > k) {
                return v;
            }
        }
        throw new IllegalArgumentException("fewer than " + (k + 1) + " numbers");
    }

    /** The numbers the rows hold for a question, without the gaps (NaN), in row order. */
    static double[] numbers(AnswerMatrix.Snapshot a, int question, Rows rows) {
        double[] column = a.numbers()[question];
        if (column.length == 0) {
            return new double[0];
        }
        double[] values = new double[rows.count()];
        int n = 0;
        if (rows.bits() == null) {
            for (int r = 0; r < rows.count(); r++) {
                double v = column[r];
                values[n] = v;
                n += Double.isNaN(v) ? 0 : 1;
            }
        } else {
            for (int r = rows.next(0); r >= 0; r = rows.next(r + 1)) {
                double v = column[r];
                values[n] = v;
                n += Double.isNaN(v) ? 0 : 1;
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }
}
