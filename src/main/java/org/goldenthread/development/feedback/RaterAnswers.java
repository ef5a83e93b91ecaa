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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * A rater's answers, through their link. Until they send them, answers are a draft tied to their
 * invitation, so they can stop and come back. Sending stores the ratings and each comment as rows
 * of their own with nothing that points back to the rater, marks the invitation as responded and
 * deletes the draft, all in the caller's one transaction.
 */
@Component
class RaterAnswers {

    /** A rater's visit: who they are to the leader and where they got to. */
    record Visit(
            long invitationId,
            Round round,
            RaterGroup group,
            String name,
            boolean responded,
            Map<String, String> answers,
            int page) {}

    /** Why a link cannot take answers any more. */
    static final class Over extends RuntimeException {
        private final int status;

        Over(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final FeedbackRounds rounds;
    private final ObjectMapper json;
    private final Clock clock;

    RaterAnswers(JdbcClient jdbc, FeedbackRounds rounds, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.json = json;
        this.clock = clock;
    }

    Visit visit(long invitationId) {
        record Row(long roundId, String raterGroup, String name, boolean responded) {}
        Row row = jdbc.sql("select round_id, rater_group, name, responded from feedback_invitation where id = :id")
                .param("id", invitationId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFound("This link does not lead anywhere"));
        record Draft(String answers, int page) {}
        Draft draft = jdbc.sql("select answers, page from feedback_draft where invitation_id = :id")
                .param("id", invitationId)
                .query(Draft.class)
                .optional()
                .orElse(new Draft("{}", 1));
        return new Visit(
                invitationId,
                rounds.round(row.roundId()),
                RaterGroup.of(row.raterGroup()),
                row.name(),
                row.responded(),
                json.readValue(draft.answers(), ANSWERS),
                draft.page());
    }

    /** Refuses a visit that can no longer answer: sent already, or the round closed. */
    void open(Visit visit) {
        if (visit.responded()) {
            throw new Over(
                    409,
                    "You have already sent your feedback for " + visit.round().leader()
                            + ". Thank you. Answers cannot be changed once sent.");
        }
        LocalDate today = LocalDate.now(clock);
        if (visit.round().isClosed(today)) {
            throw new Over(
                    410,
                    "This feedback for " + visit.round().leader() + " closed on "
                            + Dates.day(visit.round().closing()) + ". Thank you for your interest.");
        }
    }

    /**
     * Keeps a page's answers in the draft; when {@code complete}, only if every item on it is
     * answered. Nothing is kept when an answer is not one of the choices.
     */
    void save(Visit visit, Questionnaire.Section section, Map<String, String> onPage, boolean complete, int nextPage) {
        open(visit);
        List<Problem> problems = Questionnaire.check(section, onPage, complete);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Map<String, String> answers = new HashMap<>(visit.answers());
        section.items().forEach(i -> answers.remove(i.code()));
        if (section.comments()) {
            Questionnaire.COMMENTS.forEach(answers::remove);
        }
        answers.putAll(onPage);
        jdbc.sql("""
                        insert into feedback_draft (invitation_id, answers, page)
                        values (:id, cast(:answers as jsonb), :page)
                        on conflict (invitation_id) do update set answers = excluded.answers, page = excluded.page""")
                .param("id", visit.invitationId())
                .param("answers", json.writeValueAsString(answers))
                .param("page", nextPage)
                .update();
    }

    /** Sends the answers: the first incomplete page when one is missing anything. */
    void send(Visit visit, Questionnaire questionnaire) {
        open(visit);
        int incomplete = questionnaire.firstIncomplete(visit.answers());
        if (incomplete > 0) {
            throw new InvalidInput(
                    "page", "Page " + incomplete + " has questions not yet answered; answer them, then send");
        }
        Map<String, String> answers = visit.answers();
        String group = visit.group().code();
        long roundId = visit.round().id();
        jdbc.sql(
                        "insert into feedback_answer (round_id, rater_group, ratings) values (:round, :group, cast(:r as jsonb))")
                .param("round", roundId)
                .param("group", group)
                .param("r", json.writeValueAsString(questionnaire.ratings(answers)))
                .update();
        for (String question : Questionnaire.COMMENTS) {
            String text = answers.get(question);
            if (text != null && !text.isBlank()) {
                jdbc.sql("""
                                insert into feedback_comment (round_id, rater_group, question, text)
                                values (:round, :group, :question, :text)""")
                        .param("round", roundId)
                        .param("group", group)
                        .param("question", question)
                        .param("text", text)
                        .update();
            }
        }
        jdbc.sql("update feedback_invitation set responded = true where id = :id")
                .param("id", visit.invitationId())
                .update();
        jdbc.sql("delete from feedback_draft where invitation_id = :id")
                .param("id", visit.invitationId())
                .update();
    }
}
