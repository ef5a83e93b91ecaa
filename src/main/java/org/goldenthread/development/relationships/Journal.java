package org.goldenthread.development.relationships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.development.relationships.PairForms.EndingForm;
import org.goldenthread.development.relationships.PairForms.GoalForm;
import org.goldenthread.development.relationships.PairForms.MeetingForm;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a pair keeps together: the goals they agree, the meetings they log and each one's reflection
 * at the end. Only the two of them read it, through their personal links; nothing here is shown to
 * administrators, who see the facts {@link RelationshipFacts} derives from it. Every method works
 * on the relationship of the link's holder, so an id from any other relationship is not found.
 */
@Component
class Journal {

    static final int MOST_MINUTES = 600;
    static final int LONGEST_GOAL = 500;
    static final int LONGEST_NOTES = 5000;
    static final int LONGEST_HELPED = 2000;

    record Goal(
            long id,
            String text,
            LocalDate addedOn,
            @Nullable LocalDate metOn) {}

    record Meeting(
            long id, LocalDate metOn, int minutes, @Nullable String notes, String loggedBy) {

        public String length() {
            return Lengths.of(minutes);
        }
    }

    record Reflection(
            String reason,
            int rating,
            @Nullable String helped,
            @Nullable String reflection) {}

    /** The relationship as one of its two people sees it. */
    record PairView(
            long id,
            String programme,
            PairRoles roles,
            boolean giver,
            String me,
            String other,
            LocalDate startedOn,
            @Nullable LocalDate endedOn,
            @Nullable String endReason,
            CheckIns checkIns,
            List<Goal> goals,
            List<Meeting> meetings,
            @Nullable Reflection mine) {

        public boolean ended() {
            return endedOn != null;
        }

        public String myRole() {
            return giver ? roles.giver() : roles.receiver();
        }

        public String otherRole() {
            return giver ? roles.receiver() : roles.giver();
        }

        public String totalTime() {
            return Lengths.of(meetings.stream().mapToInt(Meeting::minutes).sum());
        }

        public String endReasonLabel() {
            return endReason == null
                    ? ""
                    : Coded.parse(EndReason.class, endReason)
                            .map(EndReason::label)
                            .orElse(endReason);
        }
    }

    private record Row(
            long id,
            String programme,
            String kind,
            int checkInWeeks,
            int quietWeeks,
            long giverId,
            long receiverId,
            LocalDate startedOn,
            @Nullable LocalDate endedOn,
            @Nullable String endReason) {}

    private final JdbcClient jdbc;
    private final Register register;
    private final Clock clock;

    Journal(JdbcClient jdbc, Register register, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
    }

    PairView view(PersonalLinks.Holder holder) {
        Row row = row(holder.relationshipId(), false);
        boolean giver = row.giverId() == holder.personId();
        List<Goal> goals = jdbc.sql("""
                        select id, text, added_on, met_on from relationship_goal
                         where relationship_id = :id order by met_on nulls first, added_on, id""").param("id", row.id()).query(Goal.class).list();
        String me = register.person(holder.personId()).fullName();
        String other = register.person(giver ? row.receiverId() : row.giverId()).fullName();
        List<Meeting> meetings = jdbc.sql("""
                        select id, met_on, minutes, notes, logged_by from relationship_meeting
                         where relationship_id = :id order by met_on desc, id desc""")
                .param("id", row.id())
                .query((rs, n) -> new Meeting(
                        rs.getLong("id"),
                        rs.getObject("met_on", LocalDate.class),
                        rs.getInt("minutes"),
                        rs.getString("notes"),
                        rs.getLong("logged_by") == holder.personId() ? me : other))
                .list();
        Reflection mine = jdbc.sql("""
                        select reason, rating, helped, reflection from relationship_reflection
                         where relationship_id = :id and person_id = :person""")
                .param("id", row.id())
                .param("person", holder.personId())
                .query(Reflection.class)
                .optional()
                .orElse(null);
        LocalDate lastMet = meetings.isEmpty() ? null : meetings.get(0).metOn();
        return new PairView(
                row.id(),
                row.programme(),
                PairRoles.of(row.kind()),
                giver,
                me,
                other,
                row.startedOn(),
                row.endedOn(),
                row.endReason(),
                new CheckIns(row.startedOn(), lastMet, row.checkInWeeks(), row.quietWeeks()),
                goals,
                meetings,
                mine);
    }

    void addGoal(PersonalLinks.Holder holder, GoalForm form) {
        refuseIfEnded(row(holder.relationshipId(), true), "add a goal");
        String text = form.goal() == null ? "" : form.goal().strip();
        if (text.isEmpty()) {
            throw new InvalidInput("goal", "Enter the goal you have agreed");
        }
        if (text.length() > LONGEST_GOAL) {
            throw new InvalidInput("goal", "A goal must be " + LONGEST_GOAL + " characters or fewer");
        }
        jdbc.sql("""
                        insert into relationship_goal (relationship_id, text, added_by, added_on)
                        values (:id, :text, :person, :today)""")
                .param("id", holder.relationshipId())
                .param("text", text)
                .param("person", holder.personId())
                .param("today", today())
                .update();
    }

    /** Marks one of the pair's goals met today; a goal of another relationship is not found. */
    void markMet(PersonalLinks.Holder holder, long goalId) {
        int changed = jdbc.sql("""
                        update relationship_goal set met_on = greatest(:today, added_on)
                         where id = :goal and relationship_id = :id and met_on is null""")
                .param("today", today())
                .param("goal", goalId)
                .param("id", holder.relationshipId())
                .update();
        if (changed == 0
                && jdbc.sql("select count(*) from relationship_goal where id = :goal and relationship_id = :id")
                                .param("goal", goalId)
                                .param("id", holder.relationshipId())
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw new NotFound("No such goal in this relationship");
        }
    }

    /** Logs a meeting: this is also the pair's check-in. */
    void logMeeting(PersonalLinks.Holder holder, MeetingForm form) {
        Row row = row(holder.relationshipId(), true);
        refuseIfEnded(row, "log a meeting");
        List<Problem> problems = new ArrayList<>();
        LocalDate metOn = meetingDate(form.metOn(), row.startedOn(), problems);
        Integer minutes = minutes(form.minutes(), problems);
        String notes = form.notes() == null || form.notes().isBlank()
                ? null
                : form.notes().strip();
        if (notes != null && notes.length() > LONGEST_NOTES) {
            problems.add(Problem.of("notes", "Notes must be " + LONGEST_NOTES + " characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        insert into relationship_meeting (relationship_id, met_on, minutes, notes, logged_by, logged_on)
                        values (:id, :met, :minutes, :notes, :person, :today)""")
                .param("id", row.id())
                .param("met", metOn)
                .param("minutes", minutes)
                .param("notes", notes)
                .param("person", holder.personId())
                .param("today", today())
                .update();
    }

    /**
     * This person's ending and reflection. The first of the two to end it (or an administrator)
     * ends the relationship for both, with their reason; the other may still give their own
     * reflection afterwards. Each person reflects once.
     */
    void end(PersonalLinks.Holder holder, EndingForm form) {
        Row row = row(holder.relationshipId(), true);
        List<Problem> problems = new ArrayList<>();
        EndReason reason = form.reason() == null
                ? null
                : Coded.parse(EndReason.class, form.reason()).orElse(null);
        if (reason == null) {
            problems.add(Problem.of("reason", "Choose why the relationship is ending"));
        }
        Integer rating = null;
        try {
            rating =
                    form.rating() == null ? null : Integer.valueOf(form.rating().strip());
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        if (rating == null || rating < 1 || rating > 5) {
            problems.add(Problem.of("rating", "Choose how well it went, from 1 to 5"));
        }
        String helped = FormValues.text(form.helped());
        if (helped != null && helped.length() > LONGEST_HELPED) {
            problems.add(Problem.of("helped", "What helped must be " + LONGEST_HELPED + " characters or fewer"));
        }
        String reflection = FormValues.text(form.reflection());
        if (reflection != null && reflection.length() > LONGEST_NOTES) {
            problems.add(Problem.of("reflection", "Your reflection must be " + LONGEST_NOTES + " characters or fewer"));
        }
        if (reason == null || !problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int added = jdbc.sql("""
                        insert into relationship_reflection
                               (relationship_id, person_id, reason, rating, helped, reflection, given_on)
                        values (:id, :person, :reason, :rating, :helped, :reflection, :today)
                        on conflict do nothing""")
                .param("id", row.id())
                .param("person", holder.personId())
                .param("reason", reason.code())
                .param("rating", rating)
                .param("helped", helped)
                .param("reflection", reflection)
                .param("today", today())
                .update();
        if (added == 0) {
            throw new InvalidInput("reason", "You have already ended this relationship and given your reflection");
        }
        if (row.endedOn() == null) {
            jdbc.sql("update relationship set ended_on = greatest(:today, started_on), end_reason = :reason"
                            + " where id = :id and ended_on is null")
                    .param("today", today())
                    .param("reason", reason.code())
                    .param("id", row.id())
                    .update();
        }
    }

    private Row row(long relationshipId, boolean lock) {
        return jdbc.sql("""
                        select r.id, p.name as programme, p.kind, p.check_in_weeks, p.quiet_weeks, r.giver_id,
                               r.receiver_id, r.started_on, r.ended_on, r.end_reason
                          from relationship r join programme p on p.id = r.programme_id
                         where r.id = :id""" + (lock ? " for update of r" : ""))
                .param("id", relationshipId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFound("No such relationship"));
    }

    private static void refuseIfEnded(Row row, String what) {
        if (row.endedOn() != null) {
            throw new InvalidInput(List.of(Problem.of(
                    null, "The relationship ended on " + Dates.day(row.endedOn()) + ", so you can no longer " + what)));
        }
    }

    private @Nullable LocalDate meetingDate(@Nullable String text, LocalDate startedOn, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.of("met_on", "Enter the date you met"));
            return null;
        }
        LocalDate date = FormValues.date("met_on", "The date you met", text, problems);
        if (date == null) {
            return null;
        }
        if (date.isAfter(today())) {
            problems.add(Problem.of("met_on", "The date you met must be today or in the past"));
        } else if (date.isBefore(startedOn)) {
            problems.add(Problem.of(
                    "met_on",
                    "The date you met must be on or after " + Dates.day(startedOn)
                            + ", when the relationship started"));
        }
        return date;
    }

    private static @Nullable Integer minutes(@Nullable String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.of("minutes", "Enter how long you met for, in minutes"));
            return null;
        }
        try {
            int minutes = Integer.parseInt(text.strip());
            if (minutes >= 1 && minutes <= MOST_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException notANumber) {
            // the same message as out of range
        }
        problems.add(Problem.of(
                "minutes", "How long you met for must be a whole number of minutes from 1 to " + MOST_MINUTES));
        return null;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
