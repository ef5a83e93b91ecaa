package org.goldenthread.engagement;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SurveyAnalyticsBenchmark} measures Golden Thread against: the benchmark survey's
 * responses as a byte column per question, counted by a plain single-threaded Java loop, and the
 * same responses in DuckDB in-process, counted by SQL. Every workload answers in one form, {@link
 * Counts}, so that the three can be compared figure by figure.
 */
final class SurveyYardsticks implements AutoCloseable {

    static final List<String> CODES = List.of(
            "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "Y1", "Y2", "Y3", "S1", "S2", "S3", "S4", "M1",
            "M2", "N1");
    private static final List<String> AGREE = List.of("Strongly agree", "Agree", "Disagree", "Strongly disagree");
    private static final List<String> YES_NO = List.of("Yes", "No");
    private static final List<String> REGIONS =
            List.of("North East and Yorkshire", "North West", "Midlands", "East of England", "London");
    private static final List<String> FORUMS = List.of("Board", "Senate", "Council", "Network", "Assembly");
    private static final int CLOSED = 19;
    private static final int N1 = 19;
    private static final int Y1 = 10;
    private static final int S1 = 13;
    private static final int S2 = 14;
    private static final int M1 = 17;
    /** S2:London, the filter on one option. */
    static final int LONDON = 5;
    /** M1:Senate, a bit of the multiple choice. */
    static final int SENATE = 1 << 1;

    /**
     * A workload's figures. For each closed question, by code: how many answered, then the count of
     * each option (1-based); for N1 how many answered, its mean and median; for a cross-tab, the
     * count of each cell (row option − 1, column option − 1), row by row.
     */
    record Counts(Map<String, long[]> options, long numbers, double mean, double median, long[] cells) {}

    final int size;
    /** {@code columns[question][response]}: the option's number, the multiple choice's bits, or N1's value. */
    final byte[][] columns;

    private final Connection duck;

    private SurveyYardsticks(byte[][] columns, int size, Connection duck) {
        this.columns = columns;
        this.size = size;
        this.duck = duck;
    }

    /** Reads the response file {@link SurveyBenchmark#write} made into byte columns, and loads them into DuckDB. */
    static SurveyYardsticks load(Path responses, int rows) throws IOException, SQLException {
        byte[][] columns = new byte[CODES.size()][rows];
        try (BufferedReader in = Files.newBufferedReader(responses, StandardCharsets.UTF_8)) {
            in.readLine();
            for (int r = 0; r < rows; r++) {
                String[] fields = in.readLine().split(",", -1);
                for (int q = 0; q < CODES.size(); q++) {
                    columns[q][r] = (byte) encode(q, fields[q]);
                }
            }
        }
        Path numeric = Files.createTempFile("responses-numeric", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(numeric, StandardCharsets.UTF_8)) {
            out.write(String.join(",", CODES).toLowerCase(java.util.Locale.ROOT) + "\n");
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int q = 0; q < CODES.size(); q++) {
                    line.append(q == 0 ? "" : ",").append(columns[q][r] & 0xFF);
                }
                out.write(line.append('\n').toString());
            }
        }
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            StringBuilder types = new StringBuilder();
            for (int q = 0; q < CODES.size(); q++) {
                types.append(q == 0 ? "" : ", ")
                        .append("'")
                        .append(CODES.get(q).toLowerCase(java.util.Locale.ROOT))
                        .append("': '")
                        .append(q == N1 ? "DOUBLE" : "UTINYINT")
                        .append("'");
            }
            s.execute("create table answers as select * from read_csv('" + numeric + "', header = true, columns = {"
                    + types + "})");
        }
        Files.delete(numeric);
        return new SurveyYardsticks(columns, rows, duck);
    }

    private static int encode(int q, String value) {
        if (value.isEmpty()) {
            return 0;
        }
        if (q < Y1) {
            return AGREE.indexOf(value) + 1;
        }
        if (q < S1) {
            return YES_NO.indexOf(value) + 1;
        }
        if (q < M1) {
            return REGIONS.indexOf(value) + 1;
        }
        if (q < N1) {
            int bits = 0;
            for (String forum : value.split(";")) {
                bits |= 1 << FORUMS.indexOf(forum);
            }
            return bits;
        }
        return Integer.parseInt(value);
    }

    /** How many options a closed question has. */
    static int options(int q) {
        return q < Y1 ? 4 : q < S1 ? 2 : 5;
    }

    static boolean multi(int q) {
        return q >= M1 && q < N1;
    }

    // ------------------------------------------------------------------ the plain loop

    /** The results summary, or the results of those who answered S2 "London" when {@code filtered}. */
    Counts loopResults(boolean filtered) {
        int[] rows = null;
        int n = size;
        if (filtered) {
            rows = new int[size];
            n = 0;
            byte[] s2 = columns[S2];
            for (int r = 0; r < size; r++) {
                if (s2[r] == LONDON) {
                    rows[n++] = r;
                }
            }
        }
        long[][] histograms = new long[CODES.size()][256];
        for (int q = 0; q < CODES.size(); q++) {
            byte[] column = columns[q];
            long[] h = histograms[q];
            if (rows == null) {
                for (int r = 0; r < n; r++) {
                    h[column[r] & 0xFF]++;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    h[column[rows[i]] & 0xFF]++;
                }
            }
        }
        Map<String, long[]> options = new LinkedHashMap<>();
        for (int q = 0; q < CLOSED; q++) {
            options.put(CODES.get(q), fromValues(q, n, histograms[q]));
        }
        long[] hours = histograms[N1];
        long answered = n;
        double sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += (double) v * hours[v];
        }
        return new Counts(options, answered, sum / answered, median(hours, answered), new long[0]);
    }

    private static long[] fromValues(int q, long n, long[] histogram) {
        long[] counts = new long[options(q) + 1];
        counts[0] = n - histogram[0];
        for (int v = 1; v < 256; v++) {
            if (multi(q)) {
                for (int o = 1; o <= options(q); o++) {
                    counts[o] += (v & (1 << (o - 1))) != 0 ? histogram[v] : 0;
                }
            } else if (v <= options(q)) {
                counts[v] += histogram[v];
            }
        }
        return counts;
    }

    private static double median(long[] histogram, long n) {
        long seen = 0;
        int lower = -1;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (lower < 0 && seen >= (n + 1) / 2) {
                lower = v;
            }
            if (seen >= n / 2 + 1) {
                return (lower + v) / 2.0;
            }
        }
        throw new IllegalStateException("no median");
    }

    /** S1 by A1 among those who answered Y1 "Yes" and chose "Senate" in M1. */
    Counts loopCrossTab() {
        long[] cells = new long[5 * 4];
        byte[] y1 = columns[Y1];
        byte[] m1 = columns[M1];
        byte[] s1 = columns[S1];
        byte[] a1 = columns[0];
        for (int r = 0; r < size; r++) {
            if (y1[r] == 1 && (m1[r] & SENATE) != 0 && s1[r] != 0 && a1[r] != 0) {
                cells[(s1[r] - 1) * 4 + a1[r] - 1]++;
            }
        }
        return new Counts(Map.of(), 0, 0, 0, cells);
    }

    // ------------------------------------------------------------------ DuckDB

    /** As {@link #loopResults}, in SQL: a count per stored value of each question, and N1's figures. */
    Counts duckResults(boolean filtered) throws SQLException {
        String where = filtered ? " where s2 = " + LONDON : "";
        StringBuilder sql = new StringBuilder();
        for (int q = 0; q < CLOSED; q++) {
            String column = CODES.get(q).toLowerCase(java.util.Locale.ROOT);
            sql.append(q == 0 ? "" : " union all ")
                    .append("select ")
                    .append(q)
                    .append(" as q, ")
                    .append(column)
                    .append(" as v, count(*) as n from answers")
                    .append(where)
                    .append(" group by ")
                    .append(column);
        }
        long[][] histograms = new long[CLOSED][256];
        long n = 0;
        try (Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                histograms[rs.getInt(1)][rs.getInt(2)] += rs.getLong(3);
            }
        }
        for (long c : histograms[0]) {
            n += c;
        }
        Map<String, long[]> options = new LinkedHashMap<>();
        for (int q = 0; q < CLOSED; q++) {
            options.put(CODES.get(q), fromValues(q, n, histograms[q]));
        }
        try (Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("select count(n1), avg(n1), median(n1) from answers" + where)) {
            rs.next();
            return new Counts(options, rs.getLong(1), rs.getDouble(2), rs.getDouble(3), new long[0]);
        }
    }

    /** As {@link #loopCrossTab}, in SQL. */
    Counts duckCrossTab() throws SQLException {
        long[] cells = new long[5 * 4];
        try (Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("select s1, a1, count(*) from answers where y1 = 1 and (m1 & " + SENATE
                        + ") <> 0 and s1 <> 0 and a1 <> 0 group by s1, a1")) {
            while (rs.next()) {
                cells[(rs.getInt(1) - 1) * 4 + rs.getInt(2) - 1] = rs.getLong(3);
            }
        }
        return new Counts(Map.of(), 0, 0, 0, cells);
    }

    // ------------------------------------------------------------------ Golden Thread's answers in the same form

    static Counts of(SurveyResults.Results results) {
        Map<String, long[]> options = new LinkedHashMap<>();
        long numbers = 0;
        double mean = Double.NaN;
        double median = Double.NaN;
        for (SurveyResults.QuestionResult q : results.questions()) {
            if (q.code().equals("N1")) {
                numbers = q.answered();
                mean = q.mean() == null ? Double.NaN : q.mean().doubleValue();
                median = q.median() == null ? Double.NaN : q.median().doubleValue();
                continue;
            }
            List<SurveyResults.Share> shares = q.options() == null ? List.of() : q.options();
            long[] counts = new long[shares.size() + 1];
            counts[0] = q.answered();
            for (int o = 0; o < shares.size(); o++) {
                counts[o + 1] = shares.get(o).count();
            }
            options.put(q.code(), counts);
        }
        return new Counts(options, numbers, mean, median, new long[0]);
    }

    static Counts of(SurveyResults.CrossTab table) {
        long[] cells = new long[5 * 4];
        for (int i = 0; i < table.rows().size(); i++) {
            List<SurveyResults.Cell> line = table.rows().get(i).cells();
            for (int j = 0; j < line.size(); j++) {
                Integer count = line.get(j).count();
                cells[i * 4 + j] = count == null ? -1 : count;
            }
        }
        return new Counts(Map.of(), 0, 0, 0, cells);
    }

    /** Where two answers differ, in words; empty when every figure is the same (means and medians to 2 d.p.). */
    static String differences(String what, Counts expected, Counts actual) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, long[]> e : expected.options().entrySet()) {
            long[] other = actual.options().get(e.getKey());
            if (!Arrays.equals(e.getValue(), other)) {
                out.append(what)
                        .append(' ')
                        .append(e.getKey())
                        .append(": ")
                        .append(Arrays.toString(e.getValue()))
                        .append(" against ")
                        .append(Arrays.toString(other))
                        .append('\n');
            }
        }
        if (expected.numbers() != actual.numbers()
                || round(expected.mean()) != round(actual.mean())
                || round(expected.median()) != round(actual.median())) {
            out.append(what)
                    .append(" N1: ")
                    .append(expected.numbers())
                    .append(", ")
                    .append(expected.mean())
                    .append(", ")
                    .append(expected.median())
                    .append(" against ")
                    .append(actual.numbers())
                    .append(", ")
                    .append(actual.mean())
                    .append(", ")
                    .append(actual.median())
                    .append('\n');
        }
        if (!Arrays.equals(expected.cells(), actual.cells())) {
            out.append(what)
                    .append(" cells: ")
                    .append(Arrays.toString(expected.cells()))
                    .append(" against ")
                    .append(Arrays.toString(actual.cells()))
                    .append('\n');
        }
        return out.toString();
    }

    private static long round(double value) {
        return Math.round(value * 100);
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }
}
