package org.goldenthread.engagement.reach;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.goldenthread.engagement.audiences.Member;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;

/**
 * One dimension's reach: for each group, how many were at each stage and what share of everyone at
 * that stage they make, beside the group's share of the register or of the imported baseline.
 *
 * <p>Counts of 1 to k−1 are hidden, and then, column by column, whatever else would let a hidden
 * count be worked out from the total. A share is shown only beside a shown count and total, and a
 * group is called under-represented only on figures that are shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReachTable(
        String dimension,
        String label,
        // "the register" or "the workforce baseline"
        @JsonProperty("compared_with") String comparedWith,
        List<Row> rows,
        Row total,
        List<String> findings) {

    /** Someone reached, as the register knows them, and how far they came. */
    public record Participant(Member member, Set<Stage> stages) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(
            String stage,
            @Nullable Integer count,
            @Nullable BigDecimal percent,
            boolean suppressed,
            @JsonProperty("under_represented") boolean underRepresented) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            String group,
            String label,
            List<Cell> cells,
            // the group's headcount on the register or in the baseline, and its share of the whole
            @Nullable Integer expected,
            @JsonProperty("expected_percent") @Nullable BigDecimal expectedPercent,
            @JsonProperty("expected_suppressed") boolean expectedSuppressed,
            List<String> flags) {

        public boolean underRepresented() {
            return !flags.isEmpty();
        }
    }

    /** A share is flagged when it is under this fraction of the share expected. */
    static final double UNDER = 0.5;

    static ReachTable of(
            Dimension dimension,
            List<Stage> stages,
            List<Participant> people,
            Map<String, Long> expected,
            String comparedWith,
            int k) {
        return of(dimension, stages, people, expected, comparedWith, k, List.of());
    }

    /**
     * The table of several surveys and events together, each of whose own tables is open beside it:
     * a cell any of them hides is hidden here too (and then protected like any other), or this
     * table less the others' would give it away.
     */
    static ReachTable of(
            Dimension dimension,
            List<Stage> stages,
            List<Participant> people,
            Map<String, Long> expected,
            String comparedWith,
            int k,
            List<List<Participant>> parts) {
        TreeSet<String> groups = new TreeSet<>(Comparator.comparing((String g) -> g.equals(Dimension.NOT_KNOWN))
                .thenComparing(dimension::labelOf, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(g -> g));
        groups.addAll(expected.keySet());
        people.forEach(p -> groups.addAll(dimension.groupsOf(p.member())));
        List<String> ordered = List.copyOf(groups);
        // one column per stage and one for the expected headcount; the last row holds the totals
        int columns = stages.size() + 1;
        int[][] raw = counts(dimension, stages, people, ordered);
        for (int r = 0; r < ordered.size(); r++) {
            raw[r][stages.size()] = Math.toIntExact(expected.getOrDefault(ordered.get(r), 0L));
        }
        long expectedTotal =
                expected.values().stream().mapToLong(Long::longValue).sum();
        raw[ordered.size()][stages.size()] = Math.toIntExact(expectedTotal);
        boolean[][] hiddenInAPart = new boolean[raw.length][columns];
        for (List<Participant> part : parts) {
            Integer[][] partShown = hide(counts(dimension, stages, part, ordered), k);
            for (int r = 0; r < raw.length; r++) {
                for (int s = 0; s < stages.size(); s++) {
                    hiddenInAPart[r][s] |= partShown[r][s] == null;
                }
            }
        }
        Integer[][] shown = hide(raw, k, hiddenInAPart);

        List<Row> rows = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (int r = 0; r <= ordered.size(); r++) {
            boolean isTotal = r == ordered.size();
            String group = isTotal ? "total" : ordered.get(r);
            String label = isTotal ? "Everyone" : dimension.labelOf(group);
            Integer expectedShown = shown[r][stages.size()];
            Integer expectedTotalShown = shown[ordered.size()][stages.size()];
            BigDecimal expectedPercent = expectedShown == null || expectedTotalShown == null || expectedTotal == 0
                    ? null
                    : percent(expectedShown, expectedTotalShown);
            List<Cell> cells = new ArrayList<>();
            List<String> flags = new ArrayList<>();
            for (int s = 0; s < stages.size(); s++) {
                Integer count = shown[r][s];
                Integer total = shown[ordered.size()][s];
                BigDecimal share = count == null || total == null || total == 0 ? null : percent(count, total);
                boolean under = false;
                if (!isTotal
                        && !group.equals(Dimension.NOT_KNOWN)
                        && share != null
                        && expectedPercent != null
                        && expectedPercent.signum() > 0
                        && total != null
                        && total >= k
                        && share.doubleValue() < expectedPercent.doubleValue() * UNDER) {
                    under = true;
                    flags.add("Under-represented: " + words(share) + " of "
                            + stages.get(s).those() + " against " + words(expectedPercent) + " of " + comparedWith);
                }
                cells.add(new Cell(stages.get(s).code(), count, share, count == null, under));
            }
            flags.forEach(f -> findings.add(label + ": " + Character.toLowerCase(f.charAt(0)) + f.substring(1)));
            rows.add(new Row(
                    group, label, cells, expectedShown, expectedPercent, expectedShown == null, List.copyOf(flags)));
        }
        Row total = rows.remove(rows.size() - 1);
        return new ReachTable(dimension.code(), dimension.label(), comparedWith, rows, total, findings);
    }

    /**
     * Primary and secondary suppression, column by column: stages are not parts of one another, so a
     * row's cells do not add up to anything and hiding across a row would hide more than it protects.
     * A column whose total is hidden is hidden whole, zeros too.
     */
    static Integer[][] hide(int[][] raw, int k) {
        return hide(raw, k, new boolean[raw.length][raw.length == 0 ? 0 : raw[0].length]);
    }

    /** As {@link #hide(int[][], int)}, with cells that must be hidden whatever their count. */
    static Integer[][] hide(int[][] raw, int k, boolean[][] mustHide) {
        Integer[][] shown = new Integer[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            shown[r] = new Integer[raw[r].length];
            for (int c = 0; c < raw[r].length; c++) {
                shown[r][c] = mustHide[r][c] || (raw[r][c] > 0 && raw[r][c] < k) ? null : raw[r][c];
            }
        }
        int columns = raw.length == 0 ? 0 : raw[0].length;
        for (int c = 0; c < columns; c++) {
            int[][] column = new int[raw.length][1];
            Integer[][] columnShown = new Integer[raw.length][1];
            for (int r = 0; r < raw.length; r++) {
                column[r][0] = raw[r][c];
                columnShown[r][0] = shown[r][c];
            }
            SmallNumbers.hideBeside(columnShown, column);
            // a stage of 1 to k−1 people in all: its hidden counts are all there is, so the zeros beside
            // them would say which groups those few are in (every respondent early-career, say)
            boolean fewInAll = columnShown[raw.length - 1][0] == null;
            for (int r = 0; r < raw.length; r++) {
                shown[r][c] = fewInAll ? null : columnShown[r][0];
            }
        }
        return shown;
    }

    /** Counts in these rows (the total last) at each stage, with an expected column left at 0 for the caller. */
    private static int[][] counts(Dimension dimension, List<Stage> stages, List<Participant> part, List<String> rows) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            index.put(rows.get(r), r);
        }
        int[][] raw = new int[rows.size() + 1][stages.size() + 1];
        for (Participant p : part) {
            for (int s = 0; s < stages.size(); s++) {
                if (p.stages().contains(stages.get(s))) {
                    raw[rows.size()][s]++;
                    for (String g : dimension.groupsOf(p.member())) {
                        raw[java.util.Objects.requireNonNull(index.get(g))][s]++;
                    }
                }
            }
        }
        return raw;
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A share in words, as whole percent: "12%", or "under 1%" for a share that is there but small. */
    static String words(BigDecimal percent) {
        BigDecimal whole = percent.setScale(0, RoundingMode.HALF_UP);
        if (whole.signum() == 0 && percent.signum() > 0) {
            return "under 1%";
        }
        return whole.toPlainString() + "%";
    }

    /** The groups' rows and then the total, as a table shows them. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<Row> rowsAndTotal() {
        List<Row> all = new ArrayList<>(rows);
        all.add(total);
        return all;
    }

    /** How many groups are under-represented at some stage. */
    public int gaps() {
        return (int) rows.stream().filter(Row::underRepresented).count();
    }
}
