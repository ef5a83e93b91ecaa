package org.goldenthread.engagement.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.engagement.Question;
import org.junit.jupiter.api.Test;

/** The two-proportion z-test against cases worked by hand, and how a change is put into words. */
class WavesTest {

    @Test
    void aRiseWithinChance() {
        // 41 of 100, then 52 of 100: pooled p = 93/200 = 0.465, SE = √(0.465 × 0.535 × (1/100 + 1/100))
        // = 0.07054, z = 0.11 / 0.07054 = 1.559, two-sided p = 2 × (1 − Φ(1.559)) = 0.119
        Waves.OptionChange c = Waves.change("Agree", 41, 100, 52, 100);
        assertThat(c.previousPercent()).isEqualByComparingTo("41.0");
        assertThat(c.percent()).isEqualByComparingTo("52.0");
        assertThat(c.changePoints()).isEqualByComparingTo("11.0");
        assertThat(c.z()).isEqualByComparingTo("1.56");
        assertThat(c.pValue()).isBetween(0.1188, 0.1190);
        assertThat(c.significant()).isFalse();
        assertThat(c.words()).isEqualTo("Agree rose from 41% to 52%, 11 points; could be chance, p = 0.12");
    }

    @Test
    void aRiseUnlikelyToBeChance() {
        // 30 of 120 (25%), then 42 of 110 (38.2%): pooled p = 72/230 = 0.3130, SE = √(0.3130 × 0.6870 ×
        // (1/120 + 1/110)) = 0.06126, z = 0.1318 / 0.06126 = 2.153, p = 0.031
        Waves.OptionChange c = Waves.change("Agree", 30, 120, 42, 110);
        assertThat(c.z()).isEqualByComparingTo("2.15");
        assertThat(c.pValue()).isBetween(0.0312, 0.0314);
        assertThat(c.significant()).isTrue();
        assertThat(c.words()).isEqualTo("Agree rose from 25% to 38%, 13 points; unlikely to be chance, p = 0.03");
    }

    @Test
    void aLargeSampleGivesAVerySmallPAndAFallIsSaidSo() {
        // 410 of 1000, then 520 of 1000: SE = √(0.465 × 0.535 × 0.002) = 0.02231, z = 4.93
        assertThat(Waves.change("Agree", 410, 1000, 520, 1000).words())
                .isEqualTo("Agree rose from 41% to 52%, 11 points; unlikely to be chance, p < 0.001");
        // 60 of 200 (30%), then 45 of 200 (22.5%): pooled 0.2625, SE = 0.04400, z = −1.705, p = 0.088
        Waves.OptionChange fell = Waves.change("Disagree", 60, 200, 45, 200);
        assertThat(fell.changePoints()).isEqualByComparingTo("-7.5");
        assertThat(fell.words()).isEqualTo("Disagree fell from 30% to 23%, 7 points; could be chance, p = 0.09");
    }

    @Test
    void noSpreadIsNoEvidenceOfChange() {
        Waves.OptionChange none = Waves.change("Never", 0, 20, 0, 30);
        assertThat(none.pValue()).isEqualTo(1.0);
        assertThat(none.words()).isEqualTo("Never stayed at 0%; could be chance, p = 1.00");
    }

    @Test
    void questionsMatchByCodeOrWordingOnlyWithTheSameOptions() {
        List<String> scale = List.of("Yes", "No");
        Question now = question("Q3", "Do you feel heard?", scale);
        Question sameCode = question("q3", "Different words", scale);
        Question sameWords = question("Q9", "do you  feel heard?", scale);
        Question otherOptions = question("Q3", "Do you feel heard?", List.of("Yes", "No", "Unsure"));
        assertThat(Waves.match(now, List.of(sameWords, sameCode))).contains(sameCode);
        assertThat(Waves.match(now, List.of(otherOptions, sameWords))).contains(sameWords);
        assertThat(Waves.match(now, List.of(otherOptions))).isEmpty();
    }

    private static Question question(String code, String text, List<String> options) {
        return new Question(code, text, "single", false, null, options, null, null, null, null, null);
    }
}
