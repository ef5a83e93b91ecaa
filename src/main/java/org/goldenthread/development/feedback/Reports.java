package org.goldenthread.development.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds a round's report once it has closed, for whoever may read it. While a round is open
 * nothing of its answers shows, so that nobody can watch figures move as each rater answers.
 */
@Component
class Reports {

    private static final TypeReference<java.util.Map<String, Integer>> RATINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final FeedbackRounds rounds;
    private final SelfRating selfRating;
    private final ObjectMapper json;
    private final Clock clock;

    Reports(JdbcClient jdbc, FeedbackRounds rounds, SelfRating selfRating, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.selfRating = selfRating;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    FeedbackReport report(long roundId) {
        Round round = rounds.readable(roundId);
        if (!round.isClosed(LocalDate.now(clock))) {
            throw new InvalidInput(
                    "round",
                    "The report is ready once the round closes on " + Dates.day(round.closesOn())
                            + "; until then only response rates show");
        }
        rounds.seal(roundId);
        List<FeedbackReport.Answer> answers = jdbc.sql(
                        "select rater_group, ratings from feedback_answer where round_id = :round")
                .param("round", roundId)
                .query((rs, n) -> new FeedbackReport.Answer(
                        RaterGroup.of(rs.getString("rater_group")), json.readValue(rs.getString("ratings"), RATINGS)))
                .list();
        List<FeedbackReport.Comment> comments = jdbc.sql(
                        "select rater_group, question, text from feedback_comment where round_id = :round")
                .param("round", roundId)
                .query((rs, n) -> new FeedbackReport.Comment(
                        RaterGroup.of(rs.getString("rater_group")), rs.getString("question"), rs.getString("text")))
                .list();
        return FeedbackReport.build(round, rounds.minRaters(), selfRating.ratings(round), answers, comments);
    }
}
