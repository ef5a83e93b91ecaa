package org.goldenthread.platform.tenancy;

import java.util.List;

/**
 * What merging {@code source} into {@code target} would do, worked out without changing anything:
 * the records the target would see from then on (each count beside the target's own), the ICSs
 * merged into the source earlier that come with it, the role grants that would move, and whose
 * small-number threshold would apply. The merge itself needs {@link #confirm()}, the source's ODS
 * code, given back.
 */
public record MergePreview(
        Ics source,
        Ics target,
        List<Records> records,
        List<Ics> comingWith,
        Grants grants,
        int sourceMinGroupSize,
        int targetMinGroupSize) {

    /** One kind of record: how many the source (with the ICSs merged into it) holds, and the target now. */
    public record Records(String key, String label, long source, long target) {

        public long after() {
            return source + target;
        }
    }

    /**
     * The role grants held in the source: {@code moved} go to the target as they are, {@code combined}
     * join a grant of the same role the same person already holds there (their places added to it);
     * {@code accounts} is how many people hold them.
     */
    public record Grants(long accounts, long moved, long combined) {}

    /** What the merge must be given, exactly, to go ahead: the source's ODS code. */
    public String confirm() {
        return source.odsCode();
    }

    /** Whether the source's data would be shown with a different small-number threshold: the target's. */
    public boolean thresholdChanges() {
        return sourceMinGroupSize != targetMinGroupSize;
    }
}
