package org.goldenthread.engagement.reach;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.goldenthread.engagement.Question;
import org.goldenthread.engagement.SurveyResults;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Two waves of a survey compared: each closed question asked in both (the same code, or failing that
 * the same wording, with the same options in the same order), and for each option the change in
 * percentage points with a two-sided two-proportion z-test on the pooled share.
 */
@Component
public class Waves {

    /** Below this p-value a change is called unlikely to be chance. */
    static final double SIGNIFICANT = 0.05;

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    public record Comparison(
            @JsonProperty("survey_id") long surveyId,
            String title,
            @JsonProperty("previous_id") long previousId,
            @JsonProperty("previous_title") String previousTitle,
            List<QuestionChange> questions) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionChange(
            String code,
            @JsonProperty("previous_code") String previousCode,
            String text,
            @JsonProperty("previous_answered") @Nullable Integer previousAnswered,
            @Nullable Integer answered,
            boolean compared,
            @Nullable String note,
            List<OptionChange> options) {}

    public record OptionChange(
            String label,
            @JsonProperty("previous_percent") BigDecimal previousPercent,
            BigDecimal percent,
            @JsonProperty("change_points") BigDecimal changePoints,
            BigDecimal z,
            @JsonProperty("p_value") double pValue,
            boolean significant,
            String words) {}

    private final Surveys surveys;
    private final SurveyResults results;
    private final SmallNumbers small;

    Waves(Surveys surveys, SurveyResults results, SmallNumbers small) {
        this.surveys = surveys;
        this.results = results;
        this.small = small;
    }

    public Comparison compare(long surveyId, long previousId) {
        if (surveyId == previousId) {
            throw new InvalidInput("previous", "Earlier survey: choose a survey other than this one");
        }
        Surveys.Survey now = surveys.survey(surveyId);
        Surveys.Survey before;
        try {
            before = surveys.survey(previousId);
        } catch (org.goldenthread.platform.NotFound e) {
            throw new InvalidInput("previous", "Earlier survey: there is no survey " + previousId + " in this ICS");
        }
        SurveyResults.Results nowResults = results.results(surveyId, null);
        SurveyResults.Results beforeResults = results.results(previousId, null);
        int k = small.minGroupSize();
        List<QuestionChange> changes = new ArrayList<>();
        for (Question q : now.definition().questions()) {
            if (!q.questionType().isClosed()) {
                continue;
            }
            Optional<Question> match = match(q, before.definition().questions());
            if (match.isEmpty()) {
                continue;
            }
            Question p = match.get();
            SurveyResults.QuestionResult a = find(beforeResults, p.code());
            SurveyResults.QuestionResult b = find(nowResults, q.code());
            if (a == null
                    || b == null
                    || a.options() == null
                    || b.options() == null
                    || a.answered() < k
                    || b.answered() < k) {
                changes.add(new QuestionChange(
                        q.code(),
                        p.code(),
                        q.text(),
                        null,
                        null,
                        false,
                        "Not compared: fewer than " + k + " people answered it in one of the surveys, so the"
                                + " change is hidden to protect them",
                        List.of()));
                continue;
            }
            List<OptionChange> options = new ArrayList<>();
            for (int o = 0; o < b.options().size(); o++) {
                options.add(change(
                        b.options().get(o).label(),
                        // unfiltered results hide no count
                        java.util.Objects.requireNonNull(a.options().get(o).count()),
                        a.answered(),
                        java.util.Objects.requireNonNull(b.options().get(o).count()),
                        b.answered()));
            }
            changes.add(
                    new QuestionChange(q.code(), p.code(), q.text(), a.answered(), b.answered(), true, null, options));
        }
        return new Comparison(
                surveyId,
                now.definition().title(),
                previousId,
                before.definition().title(),
                changes);
    }

    /** The earlier survey's question asked the same way: by code first, then by wording, with the same options. */
    static Optional<Question> match(Question q, List<Question> earlier) {
        List<Question> sameOptions = earlier.stream()
                .filter(p -> p.questionType().isClosed() && sameOptions(p.choices(), q.choices()))
                .toList();
        return sameOptions.stream()
                .filter(p -> p.code().equalsIgnoreCase(q.code()))
                .findFirst()
                .or(() -> sameOptions.stream()
                        .filter(p -> normal(p.text()).equals(normal(q.text())))
                        .findFirst());
    }

    private static boolean sameOptions(List<String> a, List<String> b) {
        return a.size() == b.size()
                && java.util.stream.IntStream.range(0, a.size())
                        .allMatch(i -> normal(a.get(i)).equals(normal(b.get(i))));
    }

    private static String normal(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static SurveyResults.@Nullable QuestionResult find(SurveyResults.Results r, String code) {
        return r.questions().stream()
                .filter(x -> x.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    /** One option's change from {@code before} of {@code beforeBase} to {@code after} of {@code afterBase}. */
    static OptionChange change(String label, int before, int beforeBase, int after, int afterBase) {
        double p1 = (double) before / beforeBase;
        double p2 = (double) after / afterBase;
        double pooled = (double) (before + after) / (beforeBase + afterBase);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / beforeBase + 1.0 / afterBase));
        // both waves all or nothing: no spread, so no evidence of any change
        double z = se == 0 ? 0 : (p2 - p1) / se;
        double pValue = Math.min(1, 2 * NORMAL.survivalProbability(Math.abs(z)));
        BigDecimal from = scale(p1 * 100, 1);
        BigDecimal to = scale(p2 * 100, 1);
        return new OptionChange(
                label,
                from,
                to,
                scale((p2 - p1) * 100, 1),
                scale(z, 2),
                pValue,
                pValue < SIGNIFICANT,
                words(label, p1, p2, pValue));
    }

    /** "Agree rose from 41% to 52%, 11 points; unlikely to be chance, p = 0.003". */
    static String words(String label, double p1, double p2, double pValue) {
        int from = scale(p1 * 100, 0).intValue();
        int to = scale(p2 * 100, 0).intValue();
        String verdict = (pValue < SIGNIFICANT ? "unlikely to be chance, " : "could be chance, ") + p(pValue);
        if (from == to) {
            return label + " stayed at " + from + "%; " + verdict;
        }
        int points = Math.abs(to - from);
        return label + (to > from ? " rose" : " fell") + " from " + from + "% to " + to + "%, " + points
                + (points == 1 ? " point; " : " points; ") + verdict;
    }

    static String p(double pValue) {
        if (pValue < 0.001) {
            return "p < 0.001";
        }
        return "p = " + scale(pValue, pValue < 0.01 ? 3 : 2).toPlainString();
    }

    private static BigDecimal scale(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }
}
