package org.goldenthread.engagement;

import java.nio.ByteBuffer;

/**
 * How a stored block writes a column compactly, so that the first results after a restart read and
 * decode fewer bytes. A slot's values are packed at 1, 2, 4 or 8 bits each, the fewest that hold
 * the block's largest (a five-option question takes 4 bits a response, a yes/no 2, a slot no one
 * answered none); a number question's values take a byte each where every one in the block is a
 * whole number from 0 to 254 (255 for none), as most counts and scores are, and 8 bytes otherwise.
 * Decoding gives back exactly the values written, bit for bit.
 */
final class PackedColumns {

    /** The value that stands for no number in a column of small numbers. */
    static final int NO_NUMBER = 0xFF;

    private PackedColumns() {}

    /** The bits per value (0, 1, 2, 4 or 8) that hold every value up to {@code largest}, or −1 for more than 8. */
    static int bits(int largest) {
        int needed = 32 - Integer.numberOfLeadingZeros(largest);
        return needed == 0 ? 0 : needed == 1 ? 1 : needed == 2 ? 2 : needed <= 4 ? 4 : needed <= 8 ? 8 : -1;
    }

    /** How many bytes {@code rows} values take at {@code bits} each. */
    static int length(int rows, int bits) {
        return (int) (((long) rows * bits + 7) / 8);
    }

    /** Writes {@code rows} byte values from {@code at}, {@code bits} each, the first in the lowest bits. */
    static void pack(byte[] values, int at, int rows, int bits, ByteBuffer out) {
        if (bits == 8) {
            out.put(values, at, rows);
            return;
        }
        if (bits == 0) {
            return;
        }
        int perByte = 8 / bits;
        for (int r = 0; r < rows; r += perByte) {
            int packed = 0;
            for (int k = 0; k < perByte && r + k < rows; k++) {
                packed |= (values[at + r + k] & 0xFF) << (k * bits);
            }
            out.put((byte) packed);
        }
    }

    /** As {@link #pack(byte[], int, int, int, ByteBuffer)}, from ints that each fit in {@code bits}. */
    static void pack(int[] values, int at, int rows, int bits, ByteBuffer out) {
        if (bits == 0) {
            return;
        }
        int perByte = 8 / bits;
        for (int r = 0; r < rows; r += perByte) {
            int packed = 0;
            for (int k = 0; k < perByte && r + k < rows; k++) {
                packed |= values[at + r + k] << (k * bits);
            }
            out.put((byte) packed);
        }
    }

    /** Reads {@code rows} values packed at {@code bits} each into {@code into} from {@code at}. */
    static void unpack(ByteBuffer in, int bits, int rows, byte[] into, int at) {
        if (bits == 8) {
            in.get(into, at, rows);
            return;
        }
        if (bits == 0) {
            java.util.Arrays.fill(into, at, at + rows, (byte) 0);
            return;
        }
        int perByte = 8 / bits;
        int mask = (1 << bits) - 1;
        byte[] packed = new byte[length(rows, bits)];
        in.get(packed);
        int r = 0;
        for (byte p : packed) {
            int v = p & 0xFF;
            for (int k = 0; k < perByte && r < rows; k++, r++) {
                into[at + r] = (byte) ((v >>> (k * bits)) & mask);
            }
        }
    }

    /** As {@link #unpack(ByteBuffer, int, int, byte[], int)}, into ints. */
    static void unpack(ByteBuffer in, int bits, int rows, int[] into, int at) {
        byte[] values = new byte[rows];
        unpack(in, bits, rows, values, 0);
        for (int r = 0; r < rows; r++) {
            into[at + r] = values[r] & 0xFF;
        }
    }

    /** Whether every one of the numbers is none (NaN) or a whole number from 0 to 254, which a byte holds exactly. */
    static boolean small(double[] numbers, int at, int rows) {
        for (int r = at; r < at + rows; r++) {
            double v = numbers[r];
            if (!Double.isNaN(v)
                    && !(v >= 0
                            && v < NO_NUMBER
                            && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits((int) v))) {
                return false;
            }
        }
        return true;
    }

    /** Writes small numbers (see {@link #small}) a byte each. */
    static void packSmall(double[] numbers, int at, int rows, ByteBuffer out) {
        for (int r = at; r < at + rows; r++) {
            double v = numbers[r];
            out.put((byte) (Double.isNaN(v) ? NO_NUMBER : (int) v));
        }
    }

    /** Reads numbers written by {@link #packSmall}. */
    static void unpackSmall(ByteBuffer in, int rows, double[] into, int at) {
        byte[] values = new byte[rows];
        in.get(values);
        for (int r = 0; r < rows; r++) {
            int v = values[r] & 0xFF;
            into[at + r] = v == NO_NUMBER ? Double.NaN : v;
        }
    }
}
