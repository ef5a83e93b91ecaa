package org.goldenthread.engagement;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.goldenthread.platform.Progress;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One survey's closed answers and numbers held in memory, a column per slot of its {@link
 * AnswerLayout} (numbers a column per question), so that counts, filters and cross-tabs over a
 * million responses take milliseconds rather than a scan of the table each time. A slot's column
 * holds a byte per response while every value fits in one (almost every question: up to 255
 * options, or a multiple choice's eight options a byte) and an int otherwise. Responses are kept in
 * the order of their ids, in blocks of {@link #BLOCK} that {@link AnswerBlocks} stores with the
 * survey, so that a restart reads the columns back in bulk rather than rebuilding them row by row.
 */
final class AnswerMatrix {

    /** Responses a stored block holds; the last block of a survey may hold fewer. */
    static final int BLOCK = 1 << 14;

    /** The first int of a block written packed; the first blocks stored began with the slot count instead. */
    private static final int PACKED_FORMAT = -2;

    private static final byte NARROW = 1;
    private static final byte PACKED = 2;
    private static final byte WIDE = 4;
    private static final byte NO_NUMBERS = 0;
    private static final byte NUMBERS = 8;
    private static final byte SMALL_NUMBERS = 9;

    private final long surveyId;
    private final int slots;
    private final int questions;
    /** Per slot, exactly one of the two is non-null. */
    private final byte[] @Nullable [] narrow;

    private final int[] @Nullable [] wide;
    /** Per question, empty until a number arrives (NaN where there is none). */
    private final double[][] numbers;

    private int capacity;
    private int size;
    private long lastId;
    /** How many of the responses held are in the survey's stored blocks. */
    private int saved;
    /** Whether its blocks are being stored now, so that one store at a time is under way. */
    private boolean saving;

    /** Which responses hold the answers filtered on, kept between calls. */
    private final ChoiceBits choices = new ChoiceBits();

    private volatile long lastRead = System.nanoTime();
    private volatile long bytes;

    AnswerMatrix(long surveyId, int slots, int questions) {
        this.surveyId = surveyId;
        this.slots = slots;
        this.questions = questions;
        this.capacity = 1024;
        this.narrow = new byte[slots][];
        this.wide = new int[slots][];
        for (int s = 0; s < slots; s++) {
            narrow[s] = new byte[capacity];
        }
        this.numbers = new double[questions][0];
        recount();
    }

    long surveyId() {
        return surveyId;
    }

    int slots() {
        return slots;
    }

    int questions() {
        return questions;
    }

    synchronized int size() {
        return size;
    }

    /** The id of the last response held, 0 for none. */
    synchronized long lastId() {
        return lastId;
    }

    /**
     * Reads responses stored since the last read, row by row. Call with the survey's ICS in scope.
     * The rows come through a cursor, a batch at a time, which PostgreSQL keeps only within a
     * transaction: the read gets one of its own (or joins the caller's), rather than switching off
     * auto-commit on a pooled connection and leaving the pool to roll back what it finds.
     *
     * @return how many responses it added
     */
    synchronized int catchUp(DataSource dataSource, TransactionOperations readOnly) {
        return catchUp(dataSource, readOnly, Long.MAX_VALUE, Progress.NONE);
    }

    /**
     * As {@link #catchUp(DataSource, TransactionOperations)}, reading no response after id {@code
     * upTo} and telling {@code progress} how many responses it holds as it goes.
     */
    synchronized int catchUp(DataSource dataSource, TransactionOperations readOnly, long upTo, Progress progress) {
        int before = size;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // most calls find nothing new: one round trip says so, without a transaction and a cursor
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from survey_response where survey_id = ? and id > ? and id <= ?)",
                Boolean.class,
                surveyId,
                lastId,
                upTo))) {
            lastRead = System.nanoTime();
            return 0;
        }
        jdbc.setFetchSize(10_000);
        readOnly.executeWithoutResult(status -> jdbc.query(
                """
                select id, closed, numbers from survey_response
                 where survey_id = ? and id > ? and id <= ? order by id""",
                (ResultSet rs) -> {
                    add(rs.getLong(1), rs.getArray(2), rs.getArray(3));
                    if ((size & 1023) == 0) {
                        progress.stored(size);
                    }
                },
                surveyId,
                lastId,
                upTo));
        progress.stored(size);
        lastRead = System.nanoTime();
        return size - before;
    }

    /** When it was last read, for letting go of the longest unused first. */
    long lastRead() {
        return lastRead;
    }

    /** Roughly what it holds in memory; read without waiting for a catch-up under way. */
    long bytes() {
        return bytes + choices.bytes();
    }

    private void recount() {
        long total = 0;
        for (int s = 0; s < slots; s++) {
            total += narrow[s] != null ? capacity : 4L * capacity;
        }
        for (double[] column : numbers) {
            total += 8L * column.length;
        }
        bytes = total;
    }

    private void makeRoom(int more) {
        if (size + more <= capacity) {
            return;
        }
        int grown = Math.max(size + more, capacity * 2);
        for (int s = 0; s < slots; s++) {
            byte[] n = narrow[s];
            int[] w = wide[s];
            if (n != null) {
                narrow[s] = Arrays.copyOf(n, grown);
            } else if (w != null) {
                wide[s] = Arrays.copyOf(w, grown);
            }
        }
        for (int q = 0; q < questions; q++) {
            if (numbers[q].length > 0) {
                numbers[q] = Arrays.copyOf(numbers[q], grown);
                Arrays.fill(numbers[q], capacity, grown, Double.NaN);
            }
        }
        capacity = grown;
        recount();
    }

    /** Turns a slot's column of bytes into one of ints, for a value a byte cannot hold. */
    private int[] widen(int slot) {
        int[] w = wide[slot];
        if (w != null) {
            return w;
        }
        byte[] n = narrow[slot];
        int[] ints = new int[capacity];
        for (int r = 0; r < size && n != null; r++) {
            ints[r] = n[r] & 0xFF;
        }
        wide[slot] = ints;
        narrow[slot] = null;
        recount();
        return ints;
    }

    private double[] numberColumn(int question) {
        if (numbers[question].length == 0) {
            double[] column = new double[capacity];
            Arrays.fill(column, Double.NaN);
            numbers[question] = column;
            recount();
        }
        return numbers[question];
    }

    private void set(int slot, int r, int value) {
        byte[] n = narrow[slot];
        if (n != null && (value & ~0xFF) == 0) {
            n[r] = (byte) value;
        } else {
            widen(slot)[r] = value;
        }
    }

    private void add(long id, Array closedArray, Array numberArray) throws SQLException {
        makeRoom(1);
        Integer[] values = (Integer[]) closedArray.getArray();
        for (int s = 0; s < slots; s++) {
            set(s, size, s < values.length && values[s] != null ? values[s] : 0);
        }
        addNumbers((Double[]) numberArray.getArray());
        size++;
        lastId = id;
    }

    /**
     * Adds a response encoded but not yet read back from the database (so without its id): an
     * import builds its columns this way as it stores its rows.
     */
    synchronized void add(int[] closed, @Nullable Double @Nullable [] numbers) {
        makeRoom(1);
        for (int s = 0; s < slots; s++) {
            set(s, size, s < closed.length ? closed[s] : 0);
        }
        if (numbers != null) {
            addNumbers(numbers);
        }
        size++;
    }

    private void addNumbers(@Nullable Double[] nums) {
        for (int q = 0; q < nums.length && q < questions; q++) {
            Double value = nums[q];
            if (value != null) {
                numberColumn(q)[size] = value;
            }
        }
    }

    /**
     * One stored block's columns, as {@link #block} wrote them (or as blocks were written before
     * they were packed), added after the responses held. Blocks are added in order and each but the
     * last is full.
     */
    synchronized void append(byte[] block, int rows, long lastIdInBlock) {
        ByteBuffer in = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        int first = in.getInt();
        boolean packed = first == PACKED_FORMAT;
        if ((packed ? in.getInt() : first) != slots || in.getInt() != questions || in.getInt() != rows) {
            throw new IllegalStateException("A stored block of survey " + surveyId + " does not fit its questions");
        }
        makeRoom(rows);
        for (int s = 0; s < slots; s++) {
            byte kind = in.get();
            byte[] n = narrow[s];
            if (kind == PACKED) {
                int bits = in.get();
                if (n != null) {
                    PackedColumns.unpack(in, bits, rows, n, size);
                } else {
                    PackedColumns.unpack(in, bits, rows, widen(s), size);
                }
            } else if (kind == NARROW && n != null) {
                in.get(n, size, rows);
            } else if (kind == NARROW) {
                PackedColumns.unpack(in, 8, rows, widen(s), size);
            } else {
                in.asIntBuffer().get(widen(s), size, rows);
                in.position(in.position() + 4 * rows);
            }
        }
        for (int q = 0; q < questions; q++) {
            byte kind = in.get();
            if (kind == NUMBERS) {
                in.asDoubleBuffer().get(numberColumn(q), size, rows);
                in.position(in.position() + 8 * rows);
            } else if (kind == SMALL_NUMBERS) {
                PackedColumns.unpackSmall(in, rows, numberColumn(q), size);
            }
        }
        size += rows;
        lastId = lastIdInBlock;
        lastRead = System.nanoTime();
    }

    /**
     * Block {@code index}'s columns as bytes to store: a mark of the packed format, the counts of
     * slots, questions and responses, then each slot's column (its values packed at the fewest bits
     * that hold them, or an int each where they need more than a byte), then each question's
     * numbers where it has any (see {@link PackedColumns}). Only answers, in the order of the
     * responses' ids.
     */
    synchronized byte[] block(int index) {
        int from = index * BLOCK;
        int rows = Math.min(BLOCK, size - from);
        int[] bits = new int[slots];
        int length = 16;
        for (int s = 0; s < slots; s++) {
            bits[s] = PackedColumns.bits(largest(s, from, rows));
            length += bits[s] < 0 ? 1 + 4 * rows : 2 + PackedColumns.length(rows, bits[s]);
        }
        boolean[] small = new boolean[questions];
        for (int q = 0; q < questions; q++) {
            small[q] = numbers[q].length > 0 && PackedColumns.small(numbers[q], from, rows);
            length += 1 + (numbers[q].length == 0 ? 0 : small[q] ? rows : 8 * rows);
        }
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(PACKED_FORMAT).putInt(slots).putInt(questions).putInt(rows);
        for (int s = 0; s < slots; s++) {
            byte[] n = narrow[s];
            int[] w = wide[s];
            if (bits[s] >= 0) {
                out.put(PACKED).put((byte) bits[s]);
                if (n != null) {
                    PackedColumns.pack(n, from, rows, bits[s], out);
                } else if (w != null) {
                    PackedColumns.pack(w, from, rows, bits[s], out);
                }
            } else if (w != null) {
                out.put(WIDE);
                out.asIntBuffer().put(w, from, rows);
                out.position(out.position() + 4 * rows);
            }
        }
        for (int q = 0; q < questions; q++) {
            if (numbers[q].length == 0) {
                out.put(NO_NUMBERS);
            } else if (small[q]) {
                out.put(SMALL_NUMBERS);
                PackedColumns.packSmall(numbers[q], from, rows, out);
            } else {
                out.put(NUMBERS);
                out.asDoubleBuffer().put(numbers[q], from, rows);
                out.position(out.position() + 8 * rows);
            }
        }
        return out.array();
    }

    /**
     * An int with every bit set that any of the slot's values from {@code from} sets; a value
     * outside 0..255 (only in an int column) makes it need more than a byte.
     */
    private int largest(int slot, int from, int rows) {
        int any = 0;
        byte[] n = narrow[slot];
        int[] w = wide[slot];
        if (n != null) {
            for (int r = from; r < from + rows; r++) {
                any |= n[r] & 0xFF;
            }
        } else if (w != null) {
            for (int r = from; r < from + rows; r++) {
                any |= w[r] < 0 ? -1 : w[r];
            }
        }
        return any < 0 ? Integer.MAX_VALUE : any;
    }

    /** How many of the responses held are in stored blocks. */
    synchronized int saved() {
        return saved;
    }

    /** Records that the stored blocks hold the first {@code responses} held. */
    synchronized void saved(int responses) {
        saved = Math.max(saved, responses);
        saving = false;
    }

    /** Claims the storing of its blocks, unless a store is under way already. */
    synchronized boolean startSaving() {
        if (saving) {
            return false;
        }
        saving = true;
        return true;
    }

    synchronized void savingFailed() {
        saving = false;
    }

    /** The blocks from the one holding response {@code from} (0-based) on, taken together at one moment. */
    synchronized Blocks blocks(int from) {
        java.util.List<byte[]> blocks = new java.util.ArrayList<>();
        int first = from / BLOCK;
        for (int b = first; b * BLOCK < size; b++) {
            blocks.add(block(b));
        }
        return new Blocks(first, blocks, size, lastId);
    }

    /** Stored blocks' columns, the first of them block number {@code first}, and what they hold in all. */
    record Blocks(int first, java.util.List<byte[]> columns, int size, long lastId) {}

    /** A snapshot that later responses will not change, for one computation. */
    synchronized Snapshot snapshot() {
        Column[] columns = new Column[slots];
        for (int s = 0; s < slots; s++) {
            columns[s] = new Column(narrow[s], wide[s]);
        }
        return new Snapshot(size, columns, numbers.clone(), choices);
    }

    /** A slot's answers: a byte per response (read unsigned) or, where a value needs more, an int. */
    record Column(byte @Nullable [] bytes, int @Nullable [] ints) {

        int get(int r) {
            byte[] b = bytes;
            if (b != null) {
                return b[r] & 0xFF;
            }
            int[] i = ints;
            return i == null ? 0 : i[r];
        }
    }

    /**
     * The answers at one moment: a column per slot, numbers per question (empty or NaN for none),
     * and the bits of the answers filtered on, shared with later snapshots.
     */
    record Snapshot(int size, Column[] closed, double[][] numbers, ChoiceBits choices) {

        /** The first {@code n} responses only (at most all of them). */
        Snapshot first(int n) {
            return n >= size ? this : new Snapshot(n, closed, numbers, choices);
        }
    }
}
