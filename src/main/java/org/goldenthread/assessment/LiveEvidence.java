package org.goldenthread.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.engagement.EngagementFigures;
import org.goldenthread.engagement.SurveyResults;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.insight.LeadershipFigures;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Computes a cited figure from the module that owns it, exactly as that module reports it: the
 * leadership figures as insight quotes them, net agreement and reach as survey results give them.
 */
@Component
class LiveEvidence {

    private final LeadershipFigures leadership;
    private final SurveyResults results;
    private final Surveys surveys;
    private final SmallNumbers small;
    private final Clock clock;
    private final EngagementFigures engagement;

    LiveEvidence(
            LeadershipFigures leadership,
            SurveyResults results,
            Surveys surveys,
            SmallNumbers small,
            Clock clock,
            EngagementFigures engagement) {
        this.engagement = engagement;
        this.leadership = leadership;
        this.results = results;
        this.surveys = surveys;
        this.small = small;
        this.clock = clock;
    }

    record Value(
            @Nullable BigDecimal value,
            String shown,
            @Nullable String detail,
            String label) {}

    /** Reads the figures once per cycle, because the leadership figures come from one snapshot together. */
    final class Reading {
        private final @Nullable String place;
        private final java.time.LocalDate day;
        private @Nullable Map<String, LeadershipFigures.Figure> figures;

        private Reading(@Nullable String place, java.time.LocalDate day) {
            this.place = place;
            this.day = day;
        }

        /** As {@link #of}, but a figure that cannot be read (its survey question gone, say) shows as unavailable. */
        Value safely(String metricCode, Long surveyId, String question) {
            try {
                return of(metricCode, surveyId, question);
            } catch (RuntimeException e) {
                Metric metric = Coded.parse(Metric.class, metricCode).orElseThrow();
                return new Value(null, "unavailable", e.getMessage(), metric.label());
            }
        }

        Value of(String metricCode, Long surveyId, String question) {
            Metric metric = Coded.parse(Metric.class, metricCode).orElseThrow();
            if (metric.fromEvents()) {
                EngagementFigures.Figure f = engagement.eventsHeld(metric.eventLevel(), day);
                return new Value(f.value(), f.shown(), f.detail(), metric.label());
            }
            if (!metric.needsSurvey()) {
                if (figures == null) {
                    figures = leadership.onDay(place, day);
                }
                // every figure a metric names is among those read
                LeadershipFigures.Figure f = Objects.requireNonNull(figures.get(metric.code()));
                return new Value(
                        f.value(), f.shown(), f.detail(), metric.label() + (place == null ? "" : " (" + place + ")"));
            }
            Surveys.Survey survey = surveys.survey(surveyId);
            String title = survey.definition().title();
            if (metric == Metric.RESPONSE_RATE || metric == Metric.REPRESENTATION_GAPS) {
                EngagementFigures.Figure f = metric == Metric.RESPONSE_RATE
                        ? engagement.responseRate(surveyId)
                        : engagement.representationGaps(surveyId);
                String what = metric == Metric.RESPONSE_RATE
                        ? "Response rate to the invitations of "
                        : "Groups under-represented among those invited to ";
                return new Value(f.value(), f.shown(), f.detail(), what + title);
            }
            if (metric == Metric.ENGAGEMENT_REACH) {
                long responses = surveys.responseCount(surveyId);
                // a cycle's evidence is read by members and frozen when it closes, whoever cited it, so
                // the count of an anonymous survey's few responses stays hidden for everyone
                if (survey.definition().keepsRespondentsAnonymous() && small.hides(responses)) {
                    return new Value(
                            null, "fewer than " + small.minGroupSize() + " (hidden)", null, "Responses to " + title);
                }
                return new Value(
                        BigDecimal.valueOf(responses), String.format("%,d", responses), null, "Responses to " + title);
            }
            SurveyResults.Results all = results.results(surveyId, null);
            if (all.suppressed()) {
                // an anonymous survey with fewer than k responses shows no figure at all
                return new Value(null, "hidden (small group)", null, "Net agreement with " + question + " of " + title);
            }
            var q = all.questions().stream()
                    .filter(r -> r.code().equalsIgnoreCase(question))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInput("question", title + " has no question " + question));
            String label = "Net agreement with " + q.code() + " of " + title;
            if (q.netAgreement() == null || q.netAgreement().percent() == null) {
                if (q.netAgreement() != null) {
                    return new Value(null, "–", "No answers yet", label);
                }
                return new Value(null, "–", null, label);
            }
            if (small.hides(q.answered())) {
                return new Value(null, "hidden (small group)", null, label);
            }
            return new Value(
                    q.netAgreement().percent(),
                    q.netAgreement().percent().stripTrailingZeros().toPlainString() + "%",
                    q.answered() + " answered: " + q.text(),
                    label);
        }
    }

    Reading reading(String place) {
        return new Reading(place, java.time.LocalDate.now(clock));
    }

    /** Leadership figures as they stood on a past day, such as the day a cycle closed. */
    Reading reading(String place, java.time.LocalDate day) {
        return new Reading(place, day);
    }
}
