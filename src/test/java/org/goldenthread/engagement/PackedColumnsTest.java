package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stored blocks written packed read back as exactly the answers and numbers held, whatever their
 * range; and blocks stored before packing (a byte or int per response, 8 bytes per number) still
 * read.
 */
class PackedColumnsTest {

    private final Random random = new Random(4);

    @Test
    void packedBlocksReadBackAsTheAnswersAndNumbersTheyHeld() {
        // slots: empty, yes/no, five options, eight bits, and two that need ints in one block but not the other;
        // numbers: small, fractional in one block, none, negative zero
        int slots = 6;
        int questions = 4;
        AnswerMatrix held = new AnswerMatrix(9, slots, questions);
        int rows = AnswerMatrix.BLOCK + 1_001;
        for (int r = 0; r < rows; r++) {
            boolean early = r < AnswerMatrix.BLOCK;
            int[] closed = {
                0,
                random.nextInt(3),
                random.nextInt(6),
                random.nextInt(256),
                early ? random.nextInt(200) : random.nextInt(100_000),
                early ? random.nextInt(100_000) - (r == 7 ? 200_000 : 0) : random.nextInt(200)
            };
            Double[] numbers = {
                random.nextInt(4) == 0 ? null : (double) random.nextInt(255),
                early && random.nextBoolean() ? random.nextDouble() * 1e6 : (double) random.nextInt(10),
                null,
                r == 3 ? -0.0 : 1.0
            };
            held.add(closed, numbers);
        }
        AnswerMatrix read = new AnswerMatrix(9, slots, questions);
        byte[] first = held.block(0);
        byte[] second = held.block(1);
        read.append(first, AnswerMatrix.BLOCK, 10);
        read.append(second, 1_001, 20);

        assertSame(held.snapshot(), read.snapshot());
        assertThat(read.lastId()).isEqualTo(20);
        // a yes/no answer takes 2 bits, a five-option one 4 and small numbers a byte: far below a byte or 8 each
        assertThat(second.length).isLessThan(1_001 * (1 + 1 + 1 + 4 + 8 + 8));
    }

    @Test
    void blocksStoredBeforePackingStillRead() {
        int rows = 70;
        ByteBuffer old = ByteBuffer.allocate(12 + (1 + rows) + (1 + 4 * rows) + (1 + 8 * rows) + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        old.putInt(2).putInt(2).putInt(rows);
        old.put((byte) 1);
        for (int r = 0; r < rows; r++) {
            old.put((byte) (r % 5));
        }
        old.put((byte) 4);
        for (int r = 0; r < rows; r++) {
            old.putInt(r * 1_000);
        }
        old.put((byte) 8);
        for (int r = 0; r < rows; r++) {
            old.putDouble(r % 3 == 0 ? Double.NaN : r / 4.0);
        }
        old.put((byte) 0);

        AnswerMatrix read = new AnswerMatrix(3, 2, 2);
        read.append(old.array(), rows, 99);

        AnswerMatrix.Snapshot a = read.snapshot();
        for (int r = 0; r < rows; r++) {
            assertThat(a.closed()[0].get(r)).isEqualTo(r % 5);
            assertThat(a.closed()[1].get(r)).isEqualTo(r * 1_000);
            assertThat(Double.doubleToLongBits(a.numbers()[0][r]))
                    .isEqualTo(Double.doubleToLongBits(r % 3 == 0 ? Double.NaN : r / 4.0));
        }
        assertThat(a.numbers()[1]).isEmpty();
    }

    @Test
    void valuesPackAtTheFewestBitsThatHoldThem() {
        assertThat(PackedColumns.bits(0)).isZero();
        assertThat(PackedColumns.bits(1)).isEqualTo(1);
        assertThat(PackedColumns.bits(3)).isEqualTo(2);
        assertThat(PackedColumns.bits(5)).isEqualTo(4);
        assertThat(PackedColumns.bits(31)).isEqualTo(8);
        assertThat(PackedColumns.bits(256)).isEqualTo(-1);
        for (int bits : new int[] {1, 2, 4, 8}) {
            byte[] values = new byte[101];
            for (int r = 0; r < values.length; r++) {
                values[r] = (byte) random.nextInt(1 << bits);
            }
            ByteBuffer out = ByteBuffer.allocate(PackedColumns.length(values.length, bits));
            PackedColumns.pack(values, 0, values.length, bits, out);
            assertThat(out.remaining()).isZero();
            byte[] back = new byte[values.length + 3];
            PackedColumns.unpack(ByteBuffer.wrap(out.array()), bits, values.length, back, 3);
            assertThat(java.util.Arrays.copyOfRange(back, 3, back.length)).containsExactly(values);
        }
    }

    private static void assertSame(AnswerMatrix.Snapshot expected, AnswerMatrix.Snapshot actual) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int s = 0; s < expected.closed().length; s++) {
            for (int r = 0; r < expected.size(); r++) {
                assertThat(actual.closed()[s].get(r))
                        .as("slot %d, response %d", s, r)
                        .isEqualTo(expected.closed()[s].get(r));
            }
        }
        for (int q = 0; q < expected.numbers().length; q++) {
            double[] e = expected.numbers()[q];
            double[] a = actual.numbers()[q];
            assertThat(a.length > 0).as("question %d has numbers", q).isEqualTo(e.length > 0);
            for (int r = 0; r < expected.size() && e.length > 0; r++) {
                assertThat(Double.doubleToRawLongBits(a[r]))
                        .as("question %d, response %d", q, r)
                        .isEqualTo(Double.doubleToRawLongBits(e[r]));
            }
        }
    }
}
