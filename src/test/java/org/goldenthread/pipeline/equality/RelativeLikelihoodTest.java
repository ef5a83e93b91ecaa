package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.goldenthread.platform.SmallNumbers;
import org.junit.jupiter.api.Test;

/**
 * The relative likelihood and its interval against figures worked out by hand, with z = 1.959964
 * (the normal distribution's 97.5% point) and the log method: SE = √(1/a − 1/n₁ + 1/c − 1/n₂),
 * interval exp(ln RR ± z·SE), everything rounded half-up to 2 places.
 */
class RelativeLikelihoodTest {

    private static final int K = 10;
    /** k at its lowest, so that the hand workings can use small counts without any being hidden. */
    private static final int LOWEST_K = SmallNumbers.LOWEST_ALLOWED;

    @Test
    void whiteApplicantsMoreLikelyBeyondChance() {
        // reference 20 of 40 appointed (0.5); comparison 6 of 30 (0.2); RR = 0.5 ÷ 0.2 = 2.5
        // SE = √(1/20 − 1/40 + 1/6 − 1/30) = √0.158333 = 0.397911; z·SE = 0.779892; ln 2.5 = 0.916291
        // low = exp(0.136399) = 1.146 → 1.15; high = exp(1.696183) = 5.453 → 5.45
        RelativeLikelihood rl = RelativeLikelihood.of(40, 20, 30, 6, LOWEST_K);

        assertThat(rl.outcome()).isEqualTo(RelativeLikelihood.Outcome.SHOWN);
        assertThat(rl.ratio()).isEqualByComparingTo("2.50");
        assertThat(rl.ciLow()).isEqualByComparingTo("1.15");
        assertThat(rl.ciHigh()).isEqualByComparingTo("5.45");
        assertThat(rl.favoursReference()).isTrue();
        assertThat(rl.favoursComparison()).isFalse();
    }

    @Test
    void anIntervalThatIncludesOneShowsNoDifference() {
        // 5 of 10 (0.5) against 4 of 10 (0.4): RR = 1.25; SE = √(1/5 − 1/10 + 1/4 − 1/10) = √0.25 = 0.5
        // z·SE = 0.979982; ln 1.25 = 0.223144; low = exp(−0.756838) = 0.469 → 0.47; high = exp(1.203126) = 3.331 → 3.33
        RelativeLikelihood rl = RelativeLikelihood.of(10, 5, 10, 4, LOWEST_K);

        assertThat(rl.ratio()).isEqualByComparingTo("1.25");
        assertThat(rl.ciLow()).isEqualByComparingTo("0.47");
        assertThat(rl.ciHigh()).isEqualByComparingTo("3.33");
        assertThat(rl.favoursReference()).isFalse();
        assertThat(rl.favoursComparison()).isFalse();
    }

    @Test
    void theComparisonGroupMoreLikelyBeyondChance() {
        // 5 of 50 (0.1) against 25 of 50 (0.5): RR = 0.2; SE = √(1/5 − 1/50 + 1/25 − 1/50) = √0.2 = 0.447214
        // z·SE = 0.876523; ln 0.2 = −1.609438; low = exp(−2.485961) = 0.0832 → 0.08; high = exp(−0.732915) = 0.4805 →
        // 0.48
        RelativeLikelihood rl = RelativeLikelihood.of(50, 5, 50, 25, LOWEST_K);

        assertThat(rl.ratio()).isEqualByComparingTo("0.20");
        assertThat(rl.ciLow()).isEqualByComparingTo("0.08");
        assertThat(rl.ciHigh()).isEqualByComparingTo("0.48");
        assertThat(rl.favoursComparison()).isTrue();
    }

    @Test
    void hiddenWhenEitherGroupHasFewerThanKShortlistedAndShownAtK() {
        assertThat(RelativeLikelihood.of(K, 5, K - 1, 4, K).suppressed()).isTrue();
        assertThat(RelativeLikelihood.of(K - 1, 5, K, 4, K).suppressed()).isTrue();
        assertThat(RelativeLikelihood.of(0, 0, K, 4, K).suppressed()).isTrue();
        RelativeLikelihood hidden = RelativeLikelihood.of(K, 5, K - 1, 4, K);
        assertThat(hidden.ratio()).isNull();
        assertThat(hidden.referenceShortlisted()).isNull();
        assertThat(hidden.comparisonAppointed()).isNull();

        assertThat(hidden.hiddenBecause()).isEqualTo(RelativeLikelihood.Hidden.FEW_SHORTLISTED);

        // k shortlisted in each group, every one of them appointed: 1 ÷ 1
        RelativeLikelihood atK = RelativeLikelihood.of(K, K, K, K, K);
        assertThat(atK.suppressed()).isFalse();
        assertThat(atK.ratio()).isEqualByComparingTo("1.00");
    }

    @Test
    void aSmallCountOfAppointedOrNotAppointedInEitherGroupHidesEverything() {
        // the review's round: 10 White and 10 Black shortlisted, one White applicant appointed, who is
        // named in the register: 1 beside 0 would say the appointee is White
        RelativeLikelihood review = RelativeLikelihood.of(10, 1, 10, 0, K);
        assertThat(review.suppressed()).isTrue();
        assertThat(review.hiddenBecause()).isEqualTo(RelativeLikelihood.Hidden.FEW_APPOINTED);
        assertThat(review.referenceAppointed()).isNull();
        assertThat(review.comparisonAppointed()).isNull();
        assertThat(review.referenceShortlisted()).isNull();
        assertThat(review.ratio()).isNull();

        // 1 to k−1 appointed, or 1 to k−1 not appointed, in either group
        assertThat(RelativeLikelihood.of(30, 15, 30, K - 1, K).suppressed()).isTrue();
        assertThat(RelativeLikelihood.of(30, 1, 30, 15, K).suppressed()).isTrue();
        assertThat(RelativeLikelihood.of(30, 15, 30, 30 - (K - 1), K).suppressed())
                .isTrue();
        assertThat(RelativeLikelihood.of(30, 30 - 1, 30, 15, K).suppressed()).isTrue();

        // k appointed and k not appointed, or a zero beside k or more, is shown
        assertThat(RelativeLikelihood.of(30, 15, 30, K, K).outcome()).isEqualTo(RelativeLikelihood.Outcome.SHOWN);
        assertThat(RelativeLikelihood.of(30, 15, 2 * K, K, K).outcome()).isEqualTo(RelativeLikelihood.Outcome.SHOWN);
        assertThat(RelativeLikelihood.of(30, 15, K, 0, K).outcome())
                .isEqualTo(RelativeLikelihood.Outcome.CANNOT_BE_CALCULATED);
    }

    @Test
    void noOneAppointedInAGroupCannotBeCalculatedButIsNotHidden() {
        RelativeLikelihood none = RelativeLikelihood.of(12, 3, 11, 0, LOWEST_K);

        assertThat(none.outcome()).isEqualTo(RelativeLikelihood.Outcome.CANNOT_BE_CALCULATED);
        assertThat(none.suppressed()).isFalse();
        assertThat(none.ratio()).isNull();
        assertThat(none.ciLow()).isNull();
        assertThat(none.ciHigh()).isNull();
        assertThat(none.comparisonShortlisted()).isEqualTo(11);
        assertThat(none.comparisonAppointed()).isZero();
        assertThat(RelativeLikelihood.of(12, 0, 11, 4, LOWEST_K).outcome())
                .isEqualTo(RelativeLikelihood.Outcome.CANNOT_BE_CALCULATED);
    }

    @Test
    void everyoneAppointedInBothGroupsHasNoWidth() {
        // a = n₁ and c = n₂: SE = 0, so the interval is the ratio itself
        RelativeLikelihood rl = RelativeLikelihood.of(10, 10, 12, 12, LOWEST_K);

        assertThat(rl.ratio()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(rl.ciLow()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(rl.ciHigh()).isEqualByComparingTo(BigDecimal.ONE);
    }
}
