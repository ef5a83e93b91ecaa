package org.goldenthread.pipeline.equality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.jspecify.annotations.Nullable;

/**
 * The relative likelihood of appointment from shortlisting: the reference group's rate (appointed
 * ÷ shortlisted) divided by the comparison group's, so above 1 means the reference group is the
 * more likely to be appointed. The 95% interval is by the log method: ln RR ± z·SE with SE =
 * √(1/a − 1/n₁ + 1/c − 1/n₂), z the normal quantile for 97.5%, and every figure rounded half-up to
 * 2 decimal places.
 *
 * <p>It is not shown when either group has fewer than k shortlisted (including none), or when either
 * group's appointed or not appointed are 1 to k−1: who was appointed is public (the register), so a
 * small count of appointed in a group says which group they are in, and a small count of those not
 * appointed says the same of the others. A zero beside a small count would give it away too; since
 * both sit under a shortlist of at least k, a zero is only ever beside k or more. When either group
 * had no one appointed the ratio is 0 or has no finite value and the log method has no interval, so
 * the counts are shown but the figures are not: it cannot be calculated, which is different from
 * being hidden.
 *
 * @param hiddenBecause why the figure is hidden, or null when it is not
 */
public record RelativeLikelihood(
        Outcome outcome,
        @Nullable Integer referenceShortlisted,
        @Nullable Integer referenceAppointed,
        @Nullable Integer comparisonShortlisted,
        @Nullable Integer comparisonAppointed,
        @Nullable BigDecimal ratio,
        @Nullable BigDecimal ciLow,
        @Nullable BigDecimal ciHigh,
        @Nullable Hidden hiddenBecause) {

    /** What can be said. */
    public enum Outcome {
        SHOWN,
        /** Hidden: see {@link Hidden} for why. */
        SUPPRESSED,
        /** Either group had no one appointed. */
        CANNOT_BE_CALCULATED
    }

    /** Why a figure is hidden. */
    public enum Hidden {
        /** Either group had fewer than k shortlisted. */
        FEW_SHORTLISTED,
        /** Either group had 1 to k−1 appointed, or 1 to k−1 shortlisted but not appointed. */
        FEW_APPOINTED,
        /**
         * A level or place shown beside others, one of which is hidden: the hidden one would be the
         * whole year's figure less the rest.
         */
        WITH_OTHERS,
        /** The year's figures have not been fixed yet (see {@link Fairness#fix}). */
        NOT_FIXED
    }

    /** z for a two-sided 95% interval, 1.959963…, from the normal distribution rather than typed in. */
    private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    /**
     * The figure for counts of shortlisted ({@code n}) and appointed ({@code a}) people in each group.
     *
     * @param k the fewest shortlisted a group may have for the figure to be shown, and the fewest appointed
     *     or not appointed, unless there are none
     */
    public static RelativeLikelihood of(
            int refShortlisted, int refAppointed, int cmpShortlisted, int cmpAppointed, int k) {
        if (refShortlisted < k || cmpShortlisted < k) {
            return hidden(Hidden.FEW_SHORTLISTED);
        }
        if (splitsSmall(refAppointed, refShortlisted, k) || splitsSmall(cmpAppointed, cmpShortlisted, k)) {
            return hidden(Hidden.FEW_APPOINTED);
        }
        if (refAppointed == 0 || cmpAppointed == 0) {
            return new RelativeLikelihood(
                    Outcome.CANNOT_BE_CALCULATED,
                    refShortlisted,
                    refAppointed,
                    cmpShortlisted,
                    cmpAppointed,
                    null,
                    null,
                    null,
                    null);
        }
        double ratio = ((double) refAppointed / refShortlisted) / ((double) cmpAppointed / cmpShortlisted);
        double se = Math.sqrt(1.0 / refAppointed - 1.0 / refShortlisted + 1.0 / cmpAppointed - 1.0 / cmpShortlisted);
        double ln = Math.log(ratio);
        return new RelativeLikelihood(
                Outcome.SHOWN,
                refShortlisted,
                refAppointed,
                cmpShortlisted,
                cmpAppointed,
                round(ratio),
                round(Math.exp(ln - Z * se)),
                round(Math.exp(ln + Z * se)),
                null);
    }

    static RelativeLikelihood hidden(Hidden why) {
        return new RelativeLikelihood(Outcome.SUPPRESSED, null, null, null, null, null, null, null, why);
    }

    /** Whether splitting the shortlisted into appointed and not appointed leaves either side 1 to k−1. */
    private static boolean splitsSmall(int appointed, int shortlisted, int k) {
        return small(appointed, k) || small(shortlisted - appointed, k);
    }

    private static boolean small(int count, int k) {
        return count > 0 && count < k;
    }

    public boolean suppressed() {
        return outcome == Outcome.SUPPRESSED;
    }

    /** Whether the whole interval lies above 1: the reference group is more likely to be appointed, beyond chance. */
    public boolean favoursReference() {
        return outcome == Outcome.SHOWN && ciLow != null && ciLow.compareTo(BigDecimal.ONE) > 0;
    }

    /** Whether the whole interval lies below 1: the comparison group is more likely to be appointed. */
    public boolean favoursComparison() {
        return outcome == Outcome.SHOWN && ciHigh != null && ciHigh.compareTo(BigDecimal.ONE) < 0;
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
