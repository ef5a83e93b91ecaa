package org.goldenthread.engagement;

import java.util.LinkedHashMap;
import java.util.Map;
import org.goldenthread.engagement.AnswerMatrix.Column;
import org.jspecify.annotations.Nullable;

/**
 * For one survey's answers in memory, which responses hold a given answer in a slot, as a bit per
 * response (a {@code long} holds 64): kept between calls, so that a filter already asked for costs
 * only what arrived since, and several conditions combine by AND-ing words rather than scanning
 * each column again. Only the answers filtered on are kept, the last {@link #KEPT} of them.
 */
final class ChoiceBits {

    /** Answers whose bits are kept per survey: a filter is rarely on more than a few at a time. */
    static final int KEPT = 32;

    private final Map<Long, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** The bits of one answer, worked out for the first {@code covered} responses. */
    private static final class Kept {
        long[] words = new long[0];
        int covered;
    }

    /**
     * The responses, of the first {@code size}, that hold every one of the answers (for a
     * multiple choice, with each bit set): a new array of {@code (size + 63) / 64} words, nothing
     * set at or beyond {@code size}. The columns hold at least {@code size} responses.
     */
    synchronized long[] all(Column[] columns, int size, int[] slots, boolean[] bits, int[] wanted) {
        long[] result = new long[words(size)];
        for (int c = 0; c < slots.length; c++) {
            long[] words = of(columns[slots[c]], slots[c], bits[c], wanted[c], size);
            if (c == 0) {
                System.arraycopy(words, 0, result, 0, result.length);
            } else {
                for (int w = 0; w < result.length; w++) {
                    result[w] &= words[w];
                }
            }
        }
        if (slots.length == 0) {
            java.util.Arrays.fill(result, -1L);
        }
        if ((size & 63) != 0 && result.length > 0) {
            // a later response's bit may already be set in the last word
            result[result.length - 1] &= (1L << (size & 63)) - 1;
        }
        return result;
    }

    /** Roughly the memory the kept bits take. */
    synchronized long bytes() {
        long total = 0;
        for (Kept k : kept.values()) {
            total += 8L * k.words.length;
        }
        return total;
    }

    private long[] of(Column column, int slot, boolean bits, int wanted, int size) {
        long key = (long) slot << 33 | (bits ? 1L << 32 : 0) | (wanted & 0xFFFFFFFFL);
        Kept k = kept.computeIfAbsent(key, x -> new Kept());
        if (k.covered < size) {
            if (k.words.length < words(size)) {
                // room for growth, so that responses arriving one by one do not copy the bits each time
                k.words = java.util.Arrays.copyOf(k.words, Math.max(words(size), k.words.length * 3 / 2));
            }
            set(column, bits, wanted, k.covered, size, k.words);
            k.covered = size;
        }
        return k.words;
    }

    static int words(int size) {
        return (size + 63) >>> 6;
    }

    /**
     * Sets the bit of each response from {@code from} to {@code to} whose value is {@code wanted}
     * (or, for bits, has that bit set); the others' bits are left as they are (clear). Branch-free,
     * a word at a time where whole words are covered.
     */
    static void set(Column column, boolean bits, int wanted, int from, int to, long[] words) {
        byte[] b = column.bytes();
        int[] w = column.ints();
        if (b != null && (wanted & ~0xFF) != 0) {
            return;
        }
        int r = from;
        // up to a word boundary one at a time, then a word at a time
        for (; r < to && (r & 63) != 0; r++) {
            words[r >>> 6] |= (hit(b, w, bits, wanted, r) ? 1L : 0L) << (r & 63);
        }
        if (b != null) {
            for (; r + 64 <= to; r += 64) {
                long word = 0;
                for (int i = 0; i < 64; i++) {
                    int v = b[r + i] & 0xFF;
                    word |= (bits ? ((v & wanted) != 0 ? 1L : 0L) : (v == wanted ? 1L : 0L)) << i;
                }
                words[r >>> 6] = word;
            }
        }
        for (; r < to; r++) {
            words[r >>> 6] |= (hit(b, w, bits, wanted, r) ? 1L : 0L) << (r & 63);
        }
    }

    private static boolean hit(byte @Nullable [] b, int @Nullable [] w, boolean bits, int wanted, int r) {
        int v = b != null ? b[r] & 0xFF : w != null ? w[r] : 0;
        return bits ? (v & wanted) != 0 : v == wanted;
    }
}
