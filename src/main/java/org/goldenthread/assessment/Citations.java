package org.goldenthread.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live figures a cycle cites as evidence for its indicators: computed afresh while the cycle is
 * open, frozen when it closes.
 */
@Service
public class Citations {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Cycles cycles;
    private final LiveEvidence live;
    private final Surveys surveys;
    private final Clock clock;

    Citations(JdbcClient jdbc, Audit audit, Cycles cycles, LiveEvidence live, Surveys surveys, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cycles = cycles;
        this.live = live;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** Cites a live figure for an indicator. Survey figures name the survey, and net agreement a question of it. */
    @Transactional
    public void cite(
            long cycleId,
            String indicatorCode,
            @Nullable String metricCode,
            @Nullable Long surveyId,
            @Nullable String question) {
        Cycle cycle = cycles.openCycle(cycleId);
        Cycles.indicator(cycle, indicatorCode);
        Metric metric = Coded.parse(Metric.class, metricCode)
                .orElseThrow(() -> new InvalidInput("metric", "Choose one of " + Coded.choices(Metric.class)));
        if (metric.needsSurvey() && surveyId == null) {
            throw new InvalidInput("survey", "Choose the survey this figure comes from");
        }
        String q = null;
        if (metric.needsQuestion()) {
            if (question == null || question.isBlank()) {
                throw new InvalidInput("question", "Choose the survey question");
            }
            // reading the survey proves it is this ICS's (another ICS's is not found)
            // a metric that needs a question needs a survey, refused above when missing
            var asked = surveys.survey(Objects.requireNonNull(surveyId))
                    .definition()
                    .question(question.trim())
                    .orElseThrow(() -> new InvalidInput("question", "The survey has no question " + question.trim()));
            if (!asked.questionType().isAgreement()) {
                throw new InvalidInput(
                        "question", asked.code() + " is not an agreement question, so it has no net" + " agreement");
            }
            q = asked.code();
        } else if (metric.needsSurvey()) {
            surveys.survey(Objects.requireNonNull(surveyId));
        }
        int added = jdbc.sql("""
                        insert into evidence_binding (cycle_id, indicator, metric, survey_id, question)
                        values (:c, :i, :m, :s, :q) on conflict do nothing""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("m", metric.code())
                .param("s", metric.needsSurvey() ? surveyId : null)
                .param("q", q)
                .update();
        if (added == 0) {
            throw new InvalidInput("metric", "This figure is already cited for " + indicatorCode);
        }
        audit.record(
                "evidence.cited", "cycle", cycleId, null, Map.of("indicator", indicatorCode, "metric", metric.code()));
    }

    @Transactional
    public void uncite(long cycleId, long evidenceId) {
        cycles.openCycle(cycleId);
        Map<String, Object> before = jdbc.sql(
                        "select indicator, metric from evidence_binding where id = :id and cycle_id = :c")
                .param("id", evidenceId)
                .param("c", cycleId)
                .query((rs, n) -> Map.<String, Object>of(
                        "evidence", evidenceId, "indicator", rs.getString(1), "metric", rs.getString(2)))
                .optional()
                .orElseThrow(() -> new NotFound("No evidence " + evidenceId + " in this cycle"));
        jdbc.sql("delete from evidence_binding where id = :id")
                .param("id", evidenceId)
                .update();
        audit.record("evidence.uncited", "cycle", cycleId, before, null);
    }

    private record Binding(
            long id,
            String indicator,
            String metric,
            Long surveyId,
            String question,
            BigDecimal value,
            String shown,
            String label,
            Instant snapshotAt) {}

    /** The cited figures: computed now for an open cycle, as frozen at closing for a closed one. */
    public List<Cycle.Evidence> evidence(long cycleId) {
        return evidence(cycleId, null);
    }

    /** The cited figures, those of an open cycle read as of {@code asOf} when given. */
    List<Cycle.Evidence> evidence(long cycleId, LiveEvidence.@Nullable Reading asOf) {
        Cycle cycle = cycles.cycle(cycleId);
        List<Binding> bindings =
                jdbc.sql("""
                        select id, indicator, metric, survey_id, question, value, shown, label, snapshot_at
                          from evidence_binding where cycle_id = :c order by indicator, id""").param("c", cycleId).query(Binding.class).list();
        if (!cycle.isOpen()) {
            return bindings.stream()
                    .map(b -> new Cycle.Evidence(
                            b.id(),
                            b.indicator(),
                            b.metric(),
                            b.label(),
                            b.surveyId(),
                            b.question(),
                            b.value(),
                            b.shown(),
                            null,
                            b.snapshotAt()))
                    .toList();
        }
        LiveEvidence.Reading reading = asOf != null ? asOf : live.reading(cycle.place());
        Instant now = clock.instant();
        return bindings.stream()
                .map(b -> {
                    LiveEvidence.Value v = reading.safely(b.metric(), b.surveyId(), b.question());
                    return new Cycle.Evidence(
                            b.id(),
                            b.indicator(),
                            b.metric(),
                            v.label(),
                            b.surveyId(),
                            b.question(),
                            v.value(),
                            v.shown(),
                            v.detail(),
                            now);
                })
                .toList();
    }
}
