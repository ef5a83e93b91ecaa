package org.goldenthread.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.goldenthread.engagement.reach.Reach;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Engagement's figures as other modules cite them: a survey's response rate and representation gaps,
 * and how many events were held. Read from invitations and events, never from responses.
 */
@Component
public class EngagementFigures {

    /** A figure with how it reads and, where it helps, what it was worked out from. */
    public record Figure(
            @Nullable BigDecimal value,
            String shown,
            @Nullable String detail) {}

    private final JdbcClient jdbc;
    private final Reach reach;
    private final Surveys surveys;
    private final SmallNumbers small;

    EngagementFigures(JdbcClient jdbc, Reach reach, Surveys surveys, SmallNumbers small) {
        this.jdbc = jdbc;
        this.reach = reach;
        this.surveys = surveys;
        this.small = small;
    }

    /**
     * Invitations used to respond ÷ invitations sent, as a percentage. Responses through the open link
     * belong to no invitation, so they are left out of both sides rather than inflating the rate.
     */
    public Figure responseRate(long surveyId) {
        surveys.survey(surveyId);
        record Counts(long invited, long answered) {}
        Counts c = jdbc.sql("""
                        select count(*) as invited,
                               count(*) filter (where not exists (select from survey_invitation_unanswered u
                                                                   where u.invitation_id = i.id)) as answered
                          from survey_invitation i where i.survey_id = :id""")
                .param("id", surveyId)
                .query((rs, n) -> new Counts(rs.getLong("invited"), rs.getLong("answered")))
                .single();
        if (c.invited() == 0) {
            return new Figure(null, "–", "No invitations sent");
        }
        if (c.invited() < small.minGroupSize()) {
            return new Figure(null, "hidden (small group)", null);
        }
        // the rate times those invited gives the number of responses, itself a small group below k
        if (surveys.survey(surveyId).definition().keepsRespondentsAnonymous() && small.hides(c.answered())) {
            return new Figure(null, "hidden (small group)", null);
        }
        BigDecimal rate =
                BigDecimal.valueOf(c.answered() * 100).divide(BigDecimal.valueOf(c.invited()), 1, RoundingMode.HALF_UP);
        return new Figure(
                rate,
                rate.stripTrailingZeros().toPlainString() + "%",
                String.format("%,d", c.answered()) + " of " + Plurals.of(c.invited(), "person", "people")
                        + " invited responded");
    }

    /** How many groups are under-represented among those a survey's invitations reached, with the first few named. */
    public Figure representationGaps(long surveyId) {
        Reach.Report report = reach.survey(surveyId);
        int gaps = report.representationGaps();
        String detail = report.findings().isEmpty()
                ? null
                : String.join("; ", report.findings().stream().limit(3).toList())
                        + (report.findings().size() > 3 ? "; and more" : "");
        return new Figure(BigDecimal.valueOf(gaps), Plurals.of(gaps, "group"), detail);
    }

    /**
     * Events at a level (or, for null, at any) that had ended by the end of {@code day}, over the
     * twelve months to it.
     */
    public Figure eventsHeld(@Nullable String level, LocalDate day) {
        ZonedDateTime end = day.plusDays(1).atStartOfDay(Dates.ENGLAND);
        ZonedDateTime start = day.minusMonths(12).plusDays(1).atStartOfDay(Dates.ENGLAND);
        long held = jdbc.sql("""
                        select count(*) from engagement_event
                         where ends_at <= :end and starts_at >= :start
                           and (cast(:level as text) is null or level = :level)""")
                .param("end", java.sql.Timestamp.from(end.toInstant()))
                .param("start", java.sql.Timestamp.from(start.toInstant()))
                .param("level", level)
                .query(Long.class)
                .single();
        return new Figure(BigDecimal.valueOf(held), Plurals.of(held, "event"), "In the 12 months to " + Dates.day(day));
    }
}
