package org.goldenthread.engagement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One survey's closed answers and numbers held in memory, a column per slot of its
 * {@link AnswerLayout} (numbers a column per question), so that counts,
 * filters and cross-tabs over a million responses take milliseconds rather than a scan of the
 * table each time. It catches up with new responses (by id) whenever it is read.
 */
final class AnswerMatrix {

    private final long surveyId;
    private final int questions;
    private int[][] closed;
    private double[][] numbers;
    private int size;
    private long lastId;
    private volatile long lastRead = System.nanoTime();
    private volatile long bytes;

    AnswerMatrix(long surveyId, int questions) {
        this.surveyId = surveyId;
        this.questions = questions;
        this.closed = new int[questions][1024];
        this.numbers = new double[questions][0];
        recount();
    }

    /**
     * Reads responses stored since the last read. Call with the survey's ICS in scope. The rows come
     * through a cursor, a batch at a time, which PostgreSQL keeps only within a transaction: the read
     * gets one of its own (or joins the caller's), rather than switching off auto-commit on a pooled
     * connection and leaving the pool to roll back what it finds.
     */
    synchronized void catchUp(DataSource dataSource, TransactionOperations readOnly) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(10_000);
        readOnly.executeWithoutResult(status -> jdbc.query(
                "select id, closed, numbers from survey_response where survey_id = ? and id > ? order by id",
                (ResultSet rs) -> {
                    add(rs.getLong(1), rs.getArray(2), rs.getArray(3));
                },
                surveyId,
                lastId));
        lastRead = System.nanoTime();
    }

    /** When it was last read, for letting go of the longest unused first. */
    long lastRead() {
        return lastRead;
    }

    /** Roughly what it holds in memory; read without waiting for a catch-up under way. */
    long bytes() {
        return bytes;
    }

    private void recount() {
        long total = 0;
        for (int q = 0; q < questions; q++) {
            total += 4L * closed[q].length + 8L * numbers[q].length;
        }
        bytes = total;
    }

    private void add(long id, Array closedArray, Array numberArray) throws SQLException {
        if (size == closed[0].length) {
            for (int q = 0; q < questions; q++) {
                closed[q] = Arrays.copyOf(closed[q], size * 2);
                if (numbers[q].length > 0) {
                    numbers[q] = Arrays.copyOf(numbers[q], size * 2);
                    Arrays.fill(numbers[q], size, size * 2, Double.NaN);
                }
            }
            recount();
        }
        Integer[] values = (Integer[]) closedArray.getArray();
        for (int q = 0; q < questions && q < values.length; q++) {
            closed[q][size] = values[q] == null ? 0 : values[q];
        }
        Double[] nums = (Double[]) numberArray.getArray();
        for (int q = 0; q < nums.length && q < questions; q++) {
            if (numbers[q].length == 0) {
                numbers[q] = new double[closed[q].length];
                Arrays.fill(numbers[q], Double.NaN);
                recount();
            }
            numbers[q][size] = nums[q] == null ? Double.NaN : nums[q];
        }
        for (int q = 0; q < questions; q++) {
            if (numbers[q].length > 0 && (q >= nums.length)) {
                numbers[q][size] = Double.NaN;
            }
        }
        size++;
        lastId = id;
    }

    int questions() {
        return questions;
    }

    synchronized int size() {
        return size;
    }

    /** A snapshot that later responses will not change, for one computation. */
    synchronized Snapshot snapshot() {
        return new Snapshot(size, closed.clone(), numbers.clone());
    }

    /** The answers at one moment: {@code closed[question][response]}, {@code numbers} likewise (NaN for none). */
    record Snapshot(int size, int[][] closed, double[][] numbers) {

        double number(int question, int response) {
            return numbers[question].length == 0 ? Double.NaN : numbers[question][response];
        }
    }
}
