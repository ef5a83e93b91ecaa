package org.goldenthread.platform;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * What a hidden cell of a table of counts could hold, for someone who sees the cells shown and
 * knows every row's and column's total (a table's margins are usually shown elsewhere: a survey's
 * results give each question's counts). Counts are never negative, so a hidden cell can be pinned
 * down even where each of its lines hides two: a review found a column whose other hidden cell had
 * to be 0, because that cell's row total was used up elsewhere.
 *
 * <p>The tables that fit are the flows of a network: from a source to each row, as much as the row
 * still lacks; from a row to a column, through each hidden cell; from each column to a sink, as much
 * as it still lacks. A value for one cell is possible exactly when, with that much taken from its
 * row and column and the cell itself closed, the rest of the flow still fits.
 */
final class CellBounds {

    private final Integer[][] shown;
    private final int[][] raw;
    private final long[] rowLeft;
    private final long[] columnLeft;

    CellBounds(Integer[][] shown, int[][] raw) {
        this.shown = shown;
        this.raw = raw;
        int rows = raw.length;
        int columns = rows == 0 ? 0 : raw[0].length;
        rowLeft = new long[rows];
        columnLeft = new long[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                // what each line still lacks once its shown cells are counted
                if (shown[r][c] == null) {
                    rowLeft[r] += raw[r][c];
                    columnLeft[c] += raw[r][c];
                }
            }
        }
    }

    /**
     * Whether the hidden cell at (r, c) tells nothing for certain about a small group: it could be
     * 0 or k or more, or, for a cell hidden at 0, it could be something else too.
     */
    boolean keepsSecret(int r, int c, int value, int k) {
        if (value == 0) {
            return possible(r, c, 1);
        }
        return couldBeEmpty(r, c, value) || couldReach(r, c, value, k) || possible(r, c, k);
    }

    /**
     * A quick sufficient answer that the cell could hold k: a rectangle of hidden cells whose two
     * cells beside it each hold enough to move k − value into it and its far corner.
     */
    private boolean couldReach(int r, int c, int value, int k) {
        int more = k - value;
        for (int other = 0; other < shown.length; other++) {
            if (other == r || shown[other][c] != null || raw[other][c] < more) {
                continue;
            }
            for (int column = 0; column < shown[r].length; column++) {
                if (column != c && shown[r][column] == null && shown[other][column] == null && raw[r][column] >= more) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A quick sufficient answer before any flow: the cell could be emptied into a rectangle of hidden
     * cells whose far corner holds at least as much (moving the count round the rectangle keeps
     * every total).
     */
    private boolean couldBeEmpty(int r, int c, int value) {
        for (int other = 0; other < shown.length; other++) {
            if (other == r || shown[other][c] != null) {
                continue;
            }
            for (int column = 0; column < shown[r].length; column++) {
                if (column != c
                        && shown[r][column] == null
                        && shown[other][column] == null
                        && raw[other][column] >= value) {
                    return true;
                }
            }
        }
        return possible(r, c, 0);
    }

    /** Whether the cell at (r, c) could hold {@code value}, everything else fitting round it. */
    boolean possible(int r, int c, long value) {
        if (rowLeft[r] < value || columnLeft[c] < value) {
            return false;
        }
        Graph<Integer, DefaultWeightedEdge> network = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int rows = shown.length;
        int source = 0;
        int sink = 1;
        network.addVertex(source);
        network.addVertex(sink);
        long needed = 0;
        for (int i = 0; i < rows; i++) {
            long lacks = rowLeft[i] - (i == r ? value : 0);
            if (lacks > 0) {
                network.addVertex(2 + i);
                network.setEdgeWeight(network.addEdge(source, 2 + i), lacks);
                needed += lacks;
            }
        }
        for (int j = 0; j < columnLeft.length; j++) {
            long lacks = columnLeft[j] - (j == c ? value : 0);
            if (lacks > 0) {
                network.addVertex(2 + rows + j);
                network.setEdgeWeight(network.addEdge(2 + rows + j, sink), lacks);
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columnLeft.length; j++) {
                if (shown[i][j] == null
                        && !(i == r && j == c)
                        && network.containsVertex(2 + i)
                        && network.containsVertex(2 + rows + j)) {
                    network.setEdgeWeight(network.addEdge(2 + i, 2 + rows + j), Double.MAX_VALUE / 4);
                }
            }
        }
        if (needed == 0) {
            return true;
        }
        double flow = new PushRelabelMFImpl<>(network).getMaximumFlowValue(source, sink);
        return flow > needed - 0.5;
    }
}
