package org.goldenthread.development.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 360° rounds of the ICS in scope: starting one for a leader, nominating raters, the response rate
 * of each group, closing, and sharing the report. A leader runs their own rounds; an ICS
 * administrator may run anyone's but never reads a report. Who may read a report is the leader and
 * whoever they shared it with.
 */
@Component
class FeedbackRounds {

    /** How far ahead a round may close: long enough for slow raters, short enough to stay current. */
    static final int LONGEST_DAYS = 90;

    record Start(
            @JsonProperty("person_id") @Nullable Long personId,
            @JsonProperty("closes_on") @Nullable LocalDate closesOn,
            @JsonProperty("manager_shown") @Nullable Boolean managerShown,
            @JsonProperty("leader_type") @Nullable Boolean leaderType,
            @Nullable String framework) {}

    record Nomination(
            @JsonProperty("rater_group") @Nullable String raterGroup,
            @Nullable String name,
            @Nullable String email) {}

    /** A group's response so far. */
    record GroupRate(@JsonProperty("rater_group") String raterGroup, String label, int invited, int responded) {}

    /** A round as its list shows it, with what the caller may do with it. */
    record Summary(
            long id,
            String leader,
            @JsonProperty("closes_on") LocalDate closesOn,
            boolean closed,
            int invited,
            int responded,
            @JsonProperty("self_rated") boolean selfRated) {}

    private final JdbcClient jdbc;
    private final Register register;
    private final BehaviourFrameworks frameworks;
    private final RaterLinks links;
    private final Audit audit;
    private final Clock clock;

    FeedbackRounds(
            JdbcClient jdbc,
            Register register,
            BehaviourFrameworks frameworks,
            RaterLinks links,
            Audit audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.frameworks = frameworks;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- who the caller is ---------------------------------------------------------------------

    boolean isAdmin() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id());
    }

    /** The caller's own entry on the register, matched by email, if they have one. */
    Optional<Person> self() {
        return register.personByEmail(Scope.currentCaller().email());
    }

    /**
     * The caller is the round's leader: signed in with the address the leader had on the register
     * when the round began. Editing the register afterwards moves the round to nobody.
     */
    boolean isLeaderOf(Round round) {
        return round.leaderEmail() != null
                && round.leaderEmail().equalsIgnoreCase(Scope.currentCaller().email());
    }

    /** The round, if the caller may run it: its leader or an ICS administrator. */
    Round managed(long id) {
        if (isAdmin()) {
            return round(id);
        }
        Round round = existing(id).orElse(null);
        if (round == null || !isLeaderOf(round)) {
            throw new NotFound("No 360° round " + id + " of yours in this ICS");
        }
        return round;
    }

    /** The round, if the caller may read its report: its leader or someone they shared it with. */
    Round readable(long id) {
        Round round = existing(id).orElse(null);
        if (round != null
                && (isLeaderOf(round)
                        || sharedWith(id).contains(Scope.currentCaller().email().toLowerCase()))) {
            return round;
        }
        if (round != null && isAdmin()) {
            throw new Forbidden("Only the leader, and whoever they share it with, may read a 360° report");
        }
        throw new NotFound("No 360° report " + id + " shared with you in this ICS");
    }

    /** The round, if there is one: for refusals that must read the same whether it exists or not. */
    Optional<Round> existing(long id) {
        try {
            return Optional.of(round(id));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    // --- rounds --------------------------------------------------------------------------------

    Round round(long id) {
        return jdbc.sql("""
                        select id, person_id, leader_email, framework, opened_on, closes_on, closed_on,
                               manager_shown, leader_type, sealed
                          from feedback_round where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Round(
                        rs.getLong("id"),
                        rs.getLong("person_id"),
                        register.person(rs.getLong("person_id")).fullName(),
                        rs.getString("leader_email"),
                        frameworks.read(rs.getString("framework")),
                        rs.getObject("opened_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class),
                        rs.getObject("closed_on", LocalDate.class),
                        rs.getBoolean("manager_shown"),
                        rs.getBoolean("leader_type"),
                        rs.getBoolean("sealed")))
                .optional()
                .orElseThrow(() -> new NotFound("No 360° round " + id + " in this ICS"));
    }

    /** Rounds the caller runs (an administrator: all), newest first. */
    List<Summary> managedRounds() {
        return summaries(isAdmin() ? "true" : "r.leader_email = :email");
    }

    /** FeedbackRounds whose report someone shared with the caller. */
    List<Summary> sharedRounds() {
        return summaries("r.id in (select round_id from feedback_share where email = :email)");
    }

    private List<Summary> summaries(String where) {
        LocalDate today = today();
        record Row(
                long id,
                long personId,
                LocalDate closesOn,
                @Nullable LocalDate closedOn,
                int invited,
                int responded,
                boolean selfRated) {}
        List<Row> rows = jdbc.sql("""
                        select r.id, r.person_id, r.closes_on, r.closed_on,
                               (select count(*) from feedback_invitation i where i.round_id = r.id) as invited,
                               (select count(*) from feedback_invitation i
                                 where i.round_id = r.id and i.responded) as responded,
                               exists (select 1 from feedback_self s
                                        where s.round_id = r.id and s.submitted_on is not null) as self_rated
                          from feedback_round r
                        """ + " where " + where + " order by r.opened_on desc, r.id desc")
                .param("email", Scope.currentCaller().email().toLowerCase())
                .query(Row.class)
                .list();
        Map<Long, Person> people =
                register.people(rows.stream().map(Row::personId).distinct().toList());
        return rows.stream()
                .map(r -> new Summary(
                        r.id(),
                        java.util.Objects.requireNonNull(people.get(r.personId()))
                                .fullName(),
                        r.closesOn(),
                        r.closedOn() != null || today.isAfter(r.closesOn()),
                        r.invited(),
                        r.responded(),
                        r.selfRated()))
                .toList();
    }

    /** Starts a round: for the caller themselves, or for anyone when the caller is an administrator. */
    @Transactional
    Round start(Start start) {
        List<Problem> problems = new ArrayList<>();
        Long personId = start.personId();
        if (personId == null) {
            personId = self().map(Person::id).orElse(null);
            if (personId == null) {
                problems.add(Problem.of(
                        "person_id", "Choose the leader; your own account is not linked to anyone on the register"));
            }
        } else if (!isAdmin() && self().map(p -> p.id()).orElse(-1L) != personId.longValue()) {
            throw new Forbidden("Only an ICS administrator may start a 360° round for someone else");
        } else if (register.people(List.of(personId)).isEmpty()) {
            problems.add(Problem.of("person_id", "Choose a leader from the register"));
            personId = null;
        }
        String leaderEmail = null;
        if (personId != null) {
            Person leader = register.person(personId);
            leaderEmail = Reflections.address(leader);
            if (leaderEmail == null) {
                problems.add(Problem.of(
                        "person_id",
                        leader.fullName() + " has no email address on the register; add the address they sign in"
                                + " with, so that the report can reach them"));
            }
        }
        LocalDate today = today();
        LocalDate closesOn = start.closesOn();
        if (closesOn == null) {
            problems.add(Problem.of("closes_on", "Enter the closing date"));
        } else if (!closesOn.isAfter(today) || closesOn.isAfter(today.plusDays(LONGEST_DAYS))) {
            problems.add(Problem.of(
                    "closes_on",
                    "The closing date must be after today and no later than "
                            + Dates.day(today.plusDays(LONGEST_DAYS))));
        }
        if (start.managerShown() == null) {
            problems.add(Problem.of("manager_shown", "Say whether the line manager's answers may show on their own"));
        }
        BehaviourFramework framework = null;
        try {
            framework =
                    frameworks.framework(start.framework() == null ? BehaviourFrameworks.SHIPPED : start.framework());
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty() || framework == null || personId == null || leaderEmail == null || closesOn == null) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into feedback_round (person_id, leader_email, framework, opened_on, closes_on,
                                                    manager_shown, leader_type, started_by)
                        values (:person, :leaderEmail, cast(:framework as jsonb), :today, :closes, :manager,
                                :leaderType, :by)
                        returning id""")
                .param("person", personId)
                .param("leaderEmail", leaderEmail)
                .param("framework", frameworks.write(framework))
                .param("today", today)
                .param("closes", closesOn)
                .param("manager", start.managerShown())
                .param("leaderType", !Boolean.FALSE.equals(start.leaderType()))
                .param("by", Scope.currentCaller().email())
                .query(Long.class)
                .single();
        audit.record(
                "feedback.round_started",
                "feedback_round",
                id,
                null,
                Map.of(
                        "person_id", personId,
                        "closes_on", closesOn.toString(),
                        "manager_shown", start.managerShown(),
                        "framework", String.valueOf(framework.code())));
        return round(id);
    }

    List<Rater> raters(long roundId) {
        return jdbc.sql("""
                        select id, rater_group, name, email, emailed_on from feedback_invitation
                         where round_id = :round order by rater_group, name, id""").param("round", roundId).query(Rater.class).list();
    }

    /** Invited and responded, for each group in its usual order; groups nobody was invited to are left out. */
    List<GroupRate> rates(long roundId) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select rater_group, count(*) as invited, count(*) filter (where responded) as responded
                          from feedback_invitation where round_id = :round group by rater_group""")
                .param("round", roundId)
                .query((rs, n) -> counts.put(
                        rs.getString("rater_group"), new int[] {rs.getInt("invited"), rs.getInt("responded")}))
                .list();
        List<GroupRate> rates = new ArrayList<>();
        for (RaterGroup g : RaterGroup.values()) {
            int[] c = counts.get(g.code());
            if (c != null) {
                rates.add(new GroupRate(g.code(), g.plural(), c[0], c[1]));
            }
        }
        return rates;
    }

    /** Invites a rater; the caller sends or hands over the link once this has committed. */
    @Transactional
    RaterLinks.Issued nominate(long roundId, Nomination nomination) {
        Round round = managed(roundId);
        List<Problem> problems = new ArrayList<>();
        if (round.isClosed(today())) {
            throw new InvalidInput(
                    "round", "This round closed on " + Dates.day(round.closing()) + "; no more raters can be invited");
        }
        Optional<RaterGroup> group = Coded.parse(RaterGroup.class, nomination.raterGroup());
        if (group.isEmpty()) {
            problems.add(Problem.of("rater_group", "Choose which group the rater is in"));
        }
        String name = nomination.name() == null ? "" : nomination.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(Problem.of("name", "Enter the rater's name, up to 200 characters"));
        }
        String email = nomination.email() == null || nomination.email().isBlank()
                ? null
                : nomination.email().trim();
        if (email != null) {
            if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || email.length() > 320) {
                problems.add(Problem.of("email", "Enter an email address like name@example.nhs.uk, or leave it empty"));
            } else if (email.equalsIgnoreCase(leaderEmail(round)) || email.equalsIgnoreCase(round.leaderEmail())) {
                problems.add(
                        Problem.of(
                                "email",
                                "That is the leader's own address: the leader rates themselves on their own page, not as a rater"));
            } else if (invited(roundId, email)) {
                problems.add(Problem.of("email", email + " is already invited to give feedback in this round"));
            }
        }
        if (group.isPresent()
                && group.get() == RaterGroup.LINE_MANAGER
                && raters(roundId).stream().anyMatch(r -> r.raterGroup().equals(RaterGroup.LINE_MANAGER.code()))) {
            problems.add(Problem.of("rater_group", "This round already has a line manager"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        RaterLinks.Secret secret = RaterLinks.fresh();
        long id = jdbc.sql("""
                        insert into feedback_invitation (round_id, rater_group, name, email, token_hash)
                        values (:round, :group, :name, :email, :hash) returning id""")
                .param("round", roundId)
                .param("group", group.get().code())
                .param("name", name)
                .param("email", email)
                .param("hash", secret.hash())
                .query(Long.class)
                .single();
        RaterLinks.Issued issued = new RaterLinks.Issued(id, secret.token(), secret.hash());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rater_group", group.get().code());
        after.put("name", name);
        after.put("email", email);
        audit.record("feedback.rater_invited", "feedback_round", roundId, null, after);
        return issued;
    }

    /**
     * A new link for a rater, to hand over; the old one stops working. Whoever asks for it sees the
     * link, so it must not open the rater's unsent answers: they are discarded and the rater starts
     * again. (A reminder's new link goes to the rater's own mailbox alone, so it keeps them.)
     */
    @Transactional
    RaterLinks.Issued reissue(long roundId, long invitationId) {
        Round round = managed(roundId);
        if (round.isClosed(today())) {
            throw new InvalidInput("round", "This round closed on " + Dates.day(round.closing()));
        }
        // A rater who has sent their answers gets a link too, one that says so: refusing would tell
        // whoever asked that this rater has answered, which only each group's count may tell.
        if (raters(roundId).stream().noneMatch(r -> r.id() == invitationId)) {
            throw new NotFound("No such rater in this round");
        }
        jdbc.sql("delete from feedback_draft where invitation_id = :id")
                .param("id", invitationId)
                .update();
        RaterLinks.Issued issued = links.reissue(invitationId);
        audit.record(
                "feedback.rater_link_made", "feedback_round", roundId, null, Map.of("invitation_id", invitationId));
        return issued;
    }

    private boolean invited(long roundId, String email) {
        return jdbc.sql("select count(*) from feedback_invitation where round_id = :round and lower(email) = lower(:e)")
                        .param("round", roundId)
                        .param("e", email)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private @Nullable String leaderEmail(Round round) {
        return register.person(round.personId()).email();
    }

    /** Closes the round now; its answers are then sealed and its report can be read. */
    @Transactional
    Round close(long roundId) {
        Round round = managed(roundId);
        if (round.closedOn() != null) {
            throw new InvalidInput("round", "This round already closed on " + Dates.day(round.closedOn()));
        }
        LocalDate closedOn = round.isClosed(today()) ? round.closesOn() : today();
        jdbc.sql("update feedback_round set closed_on = :day where id = :id")
                .param("day", closedOn)
                .param("id", roundId)
                .update();
        audit.record(
                "feedback.round_closed", "feedback_round", roundId, null, Map.of("closed_on", closedOn.toString()));
        seal(roundId);
        return round(roundId);
    }

    /**
     * Writes a closed round's answers and comments again, in a random order, with new random ids,
     * in one transaction: afterwards neither their ids, their place in the table nor the
     * transaction that wrote them follows the order in which raters answered.
     */
    @Transactional
    void seal(long roundId) {
        int changed = jdbc.sql("update feedback_round set sealed = true where id = :id and not sealed")
                .param("id", roundId)
                .update();
        if (changed == 0) {
            return;
        }
        jdbc.sql("""
                        with gone as (delete from feedback_answer where round_id = :round returning round_id, rater_group, ratings)
                        insert into feedback_answer (round_id, rater_group, ratings)
                        select round_id, rater_group, ratings from gone order by random()""").param("round", roundId).update();
        jdbc.sql("""
                        with gone as (delete from feedback_comment where round_id = :round
                                      returning round_id, rater_group, question, text)
                        insert into feedback_comment (round_id, rater_group, question, text)
                        select round_id, rater_group, question, text from gone order by random()""").param("round", roundId).update();
    }

    // --- sharing -------------------------------------------------------------------------------

    List<String> sharedWith(long roundId) {
        return jdbc.sql("select email from feedback_share where round_id = :round order by email")
                .param("round", roundId)
                .query(String.class)
                .list();
    }

    /** The leader shares their report with a coach or mentor, who reads it when signed in with that address. */
    @Transactional
    void share(long roundId, @Nullable String email) {
        Round round = round(roundId);
        if (!isLeaderOf(round)) {
            throw new Forbidden("Only the leader may share their 360° report");
        }
        String address = email == null ? "" : email.trim().toLowerCase();
        if (!address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || address.length() > 320) {
            throw new InvalidInput("email", "Enter the email address your coach or mentor signs in with");
        }
        if (sharedWith(roundId).contains(address)) {
            throw new InvalidInput("email", "The report is already shared with " + address);
        }
        jdbc.sql("insert into feedback_share (round_id, email, shared_on) values (:round, :email, :today)")
                .param("round", roundId)
                .param("email", address)
                .param("today", today())
                .update();
        audit.record("feedback.report_shared", "feedback_round", roundId, null, Map.of("email", address));
    }

    @Transactional
    void unshare(long roundId, String email) {
        Round round = round(roundId);
        if (!isLeaderOf(round)) {
            throw new Forbidden("Only the leader may stop sharing their 360° report");
        }
        int gone = jdbc.sql("delete from feedback_share where round_id = :round and email = :email")
                .param("round", roundId)
                .param("email", email.toLowerCase())
                .update();
        if (gone > 0) {
            audit.record("feedback.report_unshared", "feedback_round", roundId, Map.of("email", email), null);
        }
    }

    // --- the ICS's threshold -------------------------------------------------------------------

    /** The fewest raters a group needs before its answers show: the ICS's setting, never below 3. */
    int minRaters() {
        return jdbc.sql("select min_raters from feedback_setting")
                .query(Integer.class)
                .optional()
                .orElse(FeedbackReport.LOWEST_THRESHOLD);
    }

    @Transactional
    void setMinRaters(@Nullable String value) {
        int wanted;
        try {
            wanted = Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            wanted = -1;
        }
        if (wanted < FeedbackReport.LOWEST_THRESHOLD || wanted > 20) {
            throw new InvalidInput("min_raters", "Enter a whole number from 3 to 20");
        }
        int before = minRaters();
        jdbc.sql("""
                        insert into feedback_setting (min_raters) values (:k)
                        on conflict (ics_id) do update set min_raters = excluded.min_raters""").param("k", wanted).update();
        audit.record(
                "feedback.threshold_set",
                "feedback_setting",
                null,
                Map.of("min_raters", before),
                Map.of("min_raters", wanted));
    }
}
