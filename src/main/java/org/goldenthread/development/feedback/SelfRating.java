package org.goldenthread.development.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The leader's ratings of themselves, page by page, on the same questions their raters answer. */
@Component
class SelfRating {

    record Own(
            Map<String, String> answers, int page, @Nullable LocalDate submittedOn) {}

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final FeedbackRounds rounds;
    private final ObjectMapper json;
    private final Clock clock;

    SelfRating(JdbcClient jdbc, FeedbackRounds rounds, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.json = json;
        this.clock = clock;
    }

    /** The round, if the caller is its leader: nobody else rates the leader as the leader. */
    Round own(long roundId) {
        // one answer whether the round exists or is someone else's: round ids must not tell anyone who is having a 360°
        NotFound notYours = new NotFound("No 360° round " + roundId + " of yours in this ICS");
        Round round = rounds.existing(roundId).orElseThrow(() -> notYours);
        if (!rounds.isLeaderOf(round)) {
            throw notYours;
        }
        return round;
    }

    Own answers(long roundId) {
        record Row(String answers, int page, @Nullable LocalDate submittedOn) {}
        return jdbc.sql("select answers, page, submitted_on from feedback_self where round_id = :round")
                .param("round", roundId)
                .query(Row.class)
                .optional()
                .map(r -> new Own(json.readValue(r.answers(), ANSWERS), r.page(), r.submittedOn()))
                .orElse(new Own(Map.of(), 1, null));
    }

    /** The leader's own ratings, once sent: what the report sets against others'. */
    Map<String, Integer> ratings(Round round) {
        Own own = answers(round.id());
        return own.submittedOn() == null
                ? Map.of()
                : Questionnaire.of(round, true).ratings(own.answers());
    }

    @Transactional
    void save(Round round, Questionnaire.Section section, Map<String, String> onPage, boolean complete, int next) {
        writable(round);
        List<Problem> problems = Questionnaire.check(section, onPage, complete);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Map<String, String> answers = new HashMap<>(answers(round.id()).answers());
        section.items().forEach(i -> answers.remove(i.code()));
        answers.putAll(onPage);
        jdbc.sql("""
                        insert into feedback_self (round_id, answers, page) values (:round, cast(:answers as jsonb), :page)
                        on conflict (round_id) do update set answers = excluded.answers, page = excluded.page""")
                .param("round", round.id())
                .param("answers", json.writeValueAsString(answers))
                .param("page", next)
                .update();
    }

    @Transactional
    void send(Round round) {
        writable(round);
        Questionnaire questionnaire = Questionnaire.of(round, true);
        int incomplete = questionnaire.firstIncomplete(answers(round.id()).answers());
        if (incomplete > 0) {
            throw new InvalidInput(
                    "page", "Page " + incomplete + " has questions not yet answered; answer them, then send");
        }
        jdbc.sql("update feedback_self set submitted_on = :today where round_id = :round")
                .param("today", LocalDate.now(clock))
                .param("round", round.id())
                .update();
    }

    private void writable(Round round) {
        if (round.isClosed(LocalDate.now(clock))) {
            throw new InvalidInput("round", "This round closed on " + Dates.day(round.closing()));
        }
        if (answers(round.id()).submittedOn() != null) {
            throw new InvalidInput("round", "You have already sent your own ratings for this round");
        }
    }
}
