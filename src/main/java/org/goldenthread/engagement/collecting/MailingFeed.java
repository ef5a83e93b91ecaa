package org.goldenthread.engagement.collecting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.JobFeed;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Rounds of invitation and reminder emails shown as jobs, read straight from the rounds {@link
 * Mailings} keeps: a round stays Mailings' own, sent under its lease and taken over by another
 * instance when its own stops, and this only says how far it has got in the words every other
 * job uses. A round is under way until it is finished, done once finished, interrupted when the
 * watcher stopped it; its emails sent are what it has stored, and those it could not send are its
 * problems. Those who run a survey may follow its rounds: ICS administrators every survey's, a
 * place lead those of the surveys they created (and any round they started), as only they send
 * its invitations (see {@code Surveys.requireRuns}); a round's counts and who started it are the
 * runners' business, not every place lead's.
 */
@Component
class MailingFeed implements JobFeed {

    static final String NAME = "mailings";

    private static final Set<Role> SENDERS = Set.of(Role.ICS_ADMIN, Role.PLACE_LEAD);

    private static final String SELECT = """
            select m.id, m.survey_id, m.kind, m.started_at, m.finished_at, m.to_send, m.sent, m.not_sent,
                   m.interrupted, m.started_by, a.display_name as started_by_name, s.title
              from survey_mailing m
              join survey s on s.id = m.survey_id
              left join account_names() a on a.id = m.started_by
             where (:everyRound or s.created_by = :user or m.started_by = :user)""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MailingFeed(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Job> recent(int limit) {
        return jdbc.sql(SELECT + " order by m.id desc limit :limit")
                .params(follower())
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    @Override
    public Optional<Job> job(long id) {
        return jdbc.sql(SELECT + " and m.id = :id")
                .params(follower())
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** Whose rounds the caller may follow: every round for an ICS administrator, else their own surveys'. */
    private static Map<String, Object> follower() {
        Caller caller = Scope.currentCaller();
        return Map.of(
                "everyRound", caller.has(Role.ICS_ADMIN, Scope.currentTenant().id()),
                "user", caller.userId());
    }

    private Job row(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long survey = rs.getLong("survey_id");
        boolean reminders = rs.getString("kind").equals("reminders");
        Timestamp finished = rs.getTimestamp("finished_at");
        int toSend = rs.getInt("to_send");
        int sent = rs.getInt("sent");
        int notSent = rs.getInt("not_sent");
        Job.State state = finished == null
                ? Job.State.STORING
                : rs.getBoolean("interrupted") ? Job.State.INTERRUPTED : Job.State.DONE;
        List<Problem> problems = new ArrayList<>();
        if (notSent > 0) {
            problems.add(Problem.of(
                    null, Plurals.of(notSent, "email") + " could not be sent; the next round tries them again"));
        }
        if (state == Job.State.INTERRUPTED) {
            problems.add(Problem.of(
                    null,
                    "The round stopped part way; the next round sends what it left unsent ("
                            + Plurals.of(Math.max(0, toSend - sent - notSent), "email") + ")"));
        }
        Timestamp started = rs.getTimestamp("started_at");
        return new Job(
                id,
                NAME,
                reminders ? "survey_reminders" : "survey_invitations",
                (reminders ? "Reminders for " : "Invitations to ") + rs.getString("title"),
                "/ics/" + Scope.currentTenant().odsCode() + "/surveys/" + survey + "/invitations",
                Job.Measure.EMAILS,
                state,
                toSend,
                sent + notSent,
                0,
                sent,
                problems,
                finished == null ? null : json.valueToTree(Map.of("survey", survey, "sent", sent, "not_sent", notSent)),
                rs.getString("started_by_name"),
                (Long) rs.getObject("started_by"),
                started.toInstant(),
                started.toInstant(),
                finished == null ? null : finished.toInstant(),
                SENDERS);
    }
}
