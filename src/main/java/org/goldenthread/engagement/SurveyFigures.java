package org.goldenthread.engagement;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.goldenthread.platform.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engagement module's figures for operators: surveys open today, rounds of emails not yet
 * finished, and responses received in the last hour. A response keeps no time of its own (only its
 * month, for anonymity), so the last hour is counted in memory as responses arrive, minute by
 * minute; each instance counts what it received, and Prometheus adds the instances up.
 */
@Component
class SurveyFigures {

    private static final int MINUTES = 60;

    // responses received in each minute of the last hour, by minute since the epoch modulo 60, and
    // which minute that was: guarded by this
    private final long[] counts = new long[MINUTES];
    private final long[] minutes = new long[MINUTES];
    private final java.time.Clock clock;

    SurveyFigures(Figures figures, JdbcClient jdbc, MeterRegistry meters, java.time.Clock clock) {
        this.clock = clock;
        figures.summedOverIcss(
                "gt.surveys.open",
                "Surveys taking responses today, in every ICS",
                () -> jdbc.sql("""
                                select count(*) from survey
                                 where status = 'live'
                                   and (opens_on is null or opens_on <= current_date)
                                   and (closes_on is null or closes_on >= current_date)""").query(Long.class).single());
        figures.summedOverIcss(
                "gt.survey.mailings.waiting",
                "Rounds of survey emails started and not yet finished, in every ICS",
                () -> jdbc.sql("select count(*) from survey_mailing where finished_at is null")
                        .query(Long.class)
                        .single());
        Gauge.builder("gt.survey.responses.last_hour", this, SurveyFigures::lastHour)
                .description("Survey responses this instance received in the last hour")
                .register(meters);
    }

    /** Counts responses just stored. */
    synchronized void received(int responses) {
        if (responses <= 0) {
            return;
        }
        long minute = clock.millis() / 60_000;
        int slot = (int) (minute % MINUTES);
        // the first response of a new minute empties the slot the same minute an hour ago used
        if (minutes[slot] != minute) {
            minutes[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot] += responses;
    }

    synchronized double lastHour() {
        long now = clock.millis() / 60_000;
        long total = 0;
        for (int slot = 0; slot < MINUTES; slot++) {
            if (now - minutes[slot] < MINUTES) {
                total += counts[slot];
            }
        }
        return total;
    }
}
