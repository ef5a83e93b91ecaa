package org.goldenthread.engagement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One survey's closed answers and numbers held in memory, a column per question, so that counts,
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

    AnswerMatrix(long surveyId, int questions) {
        this.surveyId = surveyId;
        this.questions = questions;
        this.closed = new int[questions][1024];
        this.numbers = new double[questions][0];
    }

    /** Reads responses stored since the last read. Call with the survey's ICS in scope. */
    synchronized void catchUp(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(10_000);
        jdbc.query(con -> {
            // a cursor (fetch size) needs a transaction of its own
            con.setAutoCommit(false);
            var statement = con.prepareStatement("""
                    select id, closed, numbers from survey_response where survey_id = ? and id > ? order by id""");
            statement.setLong(1, surveyId);
            statement.setLong(2, lastId);
            statement.setFetchSize(10_000);
            return statement;
        }, (ResultSet rs) -> {
            add(rs.getLong(1), rs.getArray(2), rs.getArray(3));
        });
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
