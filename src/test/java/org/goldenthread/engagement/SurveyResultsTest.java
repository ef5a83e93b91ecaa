package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic behind survey results, checked against plain definitions. */
class SurveyResultsTest {

    @Test
    void selectionFindsTheSameOrderStatisticsAsSorting() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(50);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(10) / 2.0;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertThat(SurveyResults.select(values.clone(), n, k)).isEqualTo(sorted[k]);
        }
    }

    @Test
    void wilsonIntervalsMatchTheTextbookFormula() {
        SurveyResults.Share share = SurveyResults.share("x", 639, 1251);
        assertThat(share.percent()).isEqualByComparingTo("51.08");
        // p = 0.5108, n = 1251: centre 0.5108, half-width 1.96·sqrt(p(1-p)/n + z²/4n²)/(1 + z²/n) ≈ 0.0277
        assertThat(share.ciLow()).isEqualByComparingTo("48.31");
        assertThat(share.ciHigh()).isEqualByComparingTo("53.84");
        SurveyResults.Share none = SurveyResults.share("x", 0, 20);
        assertThat(none.ciLow()).isEqualByComparingTo("0.00");
        assertThat(none.ciHigh()).isEqualByComparingTo("16.11");
    }
}
