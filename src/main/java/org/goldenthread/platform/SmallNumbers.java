package org.goldenthread.platform;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Small-number suppression: a breakdown of people by a characteristic must not show a group so
 * small that its members could be recognised. Groups of 1 to k−1 people are hidden; empty groups
 * are shown, because a gap (no one of a profession at a level) is often the very finding.
 */
@Component
public class SmallNumbers {

    /** Below this, a group is small enough to identify people by what else is known about a forum. */
    public static final int LOWEST_ALLOWED = 3;
    /** Above this, nearly every breakdown would be hidden: more likely a typing slip than a policy. */
    public static final int HIGHEST_ALLOWED = 100;

    private final int platformMinGroupSize;

    @Autowired
    SmallNumbers(Settings settings) {
        this(settings.privacy().minGroupSize());
    }

    public SmallNumbers(int minGroupSize) {
        // A lower setting would be a privacy mistake, not a preference: refuse to start with it.
        if (minGroupSize < LOWEST_ALLOWED) {
            throw new IllegalStateException(
                    "gt.privacy.min-group-size is " + minGroupSize + "; it must be at least " + LOWEST_ALLOWED);
        }
        this.platformMinGroupSize = minGroupSize;
    }

    /** k: the fewest people a shown group may have, as the ICS in scope has set it, or else the platform's. */
    public int minGroupSize() {
        Tenant tenant = Scope.current().tenant();
        return tenant != null && tenant.minGroupSize() != null ? tenant.minGroupSize() : platformMinGroupSize;
    }

    /** The platform's k, for an ICS that has not set its own. */
    public int platformMinGroupSize() {
        return platformMinGroupSize;
    }

    /** Whether a group of this many people must be hidden. */
    public boolean hides(long people) {
        return people > 0 && people < minGroupSize();
    }

    /** The count, or null when it must be hidden. */
    public @Nullable Integer shown(int people) {
        return hides(people) ? null : people;
    }

    /**
     * Whether a share of people must be hidden: it splits {@code base} people into {@code part} and the
     * rest, and either side being a small group would let the other be worked out.
     */
    public boolean hidesShare(long part, long base) {
        return hides(part) || hides(base - part);
    }

    /**
     * A table of counts as it may be shown: counts of 1 to k−1 are hidden (null), then whatever else
     * {@link #hideBeside} must so that none of them can be worked out. Totals belong in the table
     * (as a last column or row) so that they are protected, and protect, in the same way.
     */
    public Integer[][] hideSmallCells(int[][] raw) {
        Integer[][] shown = new Integer[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            shown[r] = new Integer[raw[r].length];
            for (int c = 0; c < raw[r].length; c++) {
                shown[r][c] = shown(raw[r][c]);
            }
        }
        hideBeside(shown, raw);
        return shown;
    }

    /**
     * A table of counts with its totals, as it may be shown: the cells are the first {@code rows} rows
     * and {@code columns} columns of {@code raw}, any totals come after them. Counts of 1 to k−1 are
     * hidden, then whatever else {@link #protect} must, taking every row's and column's total of the
     * cells as known to the reader.
     */
    public Integer[][] hideSmallCells(int[][] raw, int rows, int columns) {
        Integer[][] shown = new Integer[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            shown[r] = new Integer[raw[r].length];
            for (int c = 0; c < raw[r].length; c++) {
                shown[r][c] = shown(raw[r][c]);
            }
        }
        protect(shown, raw, rows, columns, true);
        return shown;
    }

    /**
     * Secondary suppression for a table whose cells are the first {@code rows} rows and {@code
     * columns} columns of {@code raw}, with any totals after them: {@link #hideBeside} over the whole
     * table, then, where the cells add up to their lines' totals ({@code exact}: each person in one
     * cell of a row and of a column), {@link #hideMore} over the cells, and again, until neither
     * hides anything. The cells hidden on entry are those hidden for their own sake. The check takes
     * every line's total of the cells as known (shown in the table, or elsewhere), even one hidden
     * here, so it errs on the side of hiding.
     */
    public void protect(Integer[][] shown, int[][] raw, int rows, int columns, boolean exact) {
        boolean[][] primary = new boolean[rows][columns];
        int[][] cells = new int[rows][];
        for (int r = 0; r < rows; r++) {
            cells[r] = Arrays.copyOf(raw[r], columns);
            for (int c = 0; c < columns; c++) {
                primary[r][c] = shown[r][c] == null;
            }
        }
        do {
            hideBeside(shown, raw);
        } while (exact && rows > 0 && columns > 0 && hideMoreInside(shown, cells, primary));
    }

    /** {@link #hideMore} over the cells at the top left of a table with totals beside them. */
    private boolean hideMoreInside(Integer[][] shown, int[][] cells, boolean[][] primary) {
        Integer[][] cellsShown = new Integer[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            cellsShown[r] = Arrays.copyOf(shown[r], cells[r].length);
        }
        if (!hideMore(cellsShown, cells, primary)) {
            return false;
        }
        for (int r = 0; r < cells.length; r++) {
            System.arraycopy(cellsShown[r], 0, shown[r], 0, cells[r].length);
        }
        return true;
    }

    /**
     * Secondary suppression: a row or column with exactly one hidden cell would give it away to anyone
     * who knows the total (shown in the table, or elsewhere), so the smallest other non-zero cell there
     * is hidden too, and so on until no line has exactly one.
     */
    public static void hideBeside(Integer[][] shown, int[][] raw) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int columns = raw.length == 0 ? 0 : raw[0].length;
            for (int c = 0; c < columns; c++) {
                changed |= hideSecond(shown, raw, c, true);
            }
            for (int r = 0; r < raw.length; r++) {
                changed |= hideSecond(shown, raw, r, false);
            }
        }
    }

    /**
     * Hides more cells if any cell hidden for its own sake ({@code primary}) could still be worked
     * out: pinned to one value, or to a range of small counts (1 to k−1), by someone who sees the
     * other cells and knows every line's total (see {@link CellBounds}). Each cell given away hides one
     * beside it. The line-by-line rule of
     * {@link #hideBeside} misses this, since counts cannot be negative: a column whose other hidden
     * cell must be 0 gives its small cell away. The cell hidden is the smallest non-zero one shown in
     * the row or column of the cell given away (a zero only when there is none), as for {@code
     * hideBeside}; the caller runs {@code hideBeside} again and asks again, until this hides nothing.
     *
     * @param primary the cells hidden for their own sake; each is cleared once found safe
     * @return whether any cell was hidden
     */
    public boolean hideMore(Integer[][] shown, int[][] raw, boolean[][] primary) {
        int k = minGroupSize();
        CellBounds bounds = new CellBounds(shown, raw);
        boolean hid = false;
        for (int r = 0; r < raw.length; r++) {
            for (int c = 0; c < raw[r].length; c++) {
                // each cell given away hides one beside it, all in one pass; the caller asks again
                if (!primary[r][c] || shown[r][c] != null) {
                    continue;
                }
                if (bounds.keepsSecret(r, c, raw[r][c], k)) {
                    // hiding more only widens what a cell could hold: once safe, it stays safe
                    primary[r][c] = false;
                } else if (hideBesideCell(shown, raw, r, c)) {
                    hid = true;
                    bounds = new CellBounds(shown, raw);
                }
            }
        }
        return hid;
    }

    /**
     * Hides the smallest shown cell in the row or column of (r, c), non-zero ones first; when both
     * lines are hidden already, the smallest shown anywhere, so that a cell given away always hides
     * another while any is shown.
     */
    private static boolean hideBesideCell(Integer[][] shown, int[][] raw, int r, int c) {
        return hideSmallestShown(shown, raw, r, c) || hideSmallestShown(shown, raw, -1, -1);
    }

    /** Hides the smallest shown cell in row r or column c (anywhere for −1, −1); whether there was one. */
    private static boolean hideSmallestShown(Integer[][] shown, int[][] raw, int r, int c) {
        int[] best = null;
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < raw[i].length; j++) {
                if ((r < 0 || i == r || j == c)
                        && shown[i][j] != null
                        && (best == null || before(raw[i][j], raw[best[0]][best[1]]))) {
                    best = new int[] {i, j};
                }
            }
        }
        if (best == null) {
            return false;
        }
        shown[best[0]][best[1]] = null;
        return true;
    }

    /** Whether a cell of this value is hidden before one of the other: the smaller, a zero last. */
    private static boolean before(int value, int other) {
        return value > 0 && (other == 0 || value < other);
    }

    private static boolean hideSecond(Integer[][] shown, int[][] raw, int index, boolean column) {
        int length = column ? shown.length : shown[index].length;
        int hidden = 0;
        int smallest = -1;
        for (int i = 0; i < length; i++) {
            Integer cell = column ? shown[i][index] : shown[index][i];
            int value = column ? raw[i][index] : raw[index][i];
            if (cell == null) {
                hidden++;
            } else if (value > 0 && (smallest < 0 || value < (column ? raw[smallest][index] : raw[index][smallest]))) {
                smallest = i;
            }
        }
        if (hidden != 1 || smallest < 0) {
            return false;
        }
        if (column) {
            shown[smallest][index] = null;
        } else {
            shown[index][smallest] = null;
        }
        return true;
    }
}
