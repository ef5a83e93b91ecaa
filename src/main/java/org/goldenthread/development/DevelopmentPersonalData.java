package org.goldenthread.development;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.development.relationships.EndReason;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Development held about a person: enrolments, programme places, pairs, learning sets, exchange
 * visits, and what they wrote in them. An erasure keeps the rows the offer's and programmes'
 * figures count (enrolments, pairs, meetings, ratings given at an ending), takes away their own
 * words (reflections, meeting notes, goals they added) and their personal links.
 */
@Component
class DevelopmentPersonalData implements PersonalData {

    private static final Map<String, String> ROLES = Map.of("mentor", "Mentor", "mentee", "Mentee", "member", "Member");

    private final JdbcClient jdbc;
    private final org.goldenthread.people.Register register;
    private final org.goldenthread.platform.Audit audit;

    DevelopmentPersonalData(
            JdbcClient jdbc, org.goldenthread.people.Register register, org.goldenthread.platform.Audit audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
    }

    @Override
    public List<Section> describe(DataSubject subject) {
        Map<String, String> reasons = Coded.labels(EndReason.class);
        return List.of(
                section(
                        "Development enrolments",
                        "The development offers they applied for, and how far they got.",
                        """
                        select o.title, e.status, e.applied_on, e.offered_on, e.completed_on
                          from enrolment e join offer o on o.id = e.offer_id
                         where e.person_id = :id order by e.applied_on""",
                        subject,
                        labels(
                                "title",
                                "Offer",
                                "status",
                                "Status",
                                "applied_on",
                                "Applied on",
                                "offered_on",
                                "Offered a place on",
                                "completed_on",
                                "Completed on"),
                        Map.of("status", Coded.labels(EnrolmentStatus.class))),
                section(
                        "Programme places",
                        "The mentoring, coaching, buddying, exchange and action learning programmes they take part in.",
                        """
                        select p.name, pp.role, pp.capacity
                          from programme_participant pp join programme p on p.id = pp.programme_id
                         where pp.person_id = :id order by p.name""",
                        subject,
                        labels("name", "Programme", "role", "Role", "capacity", "People they can take on"),
                        Map.of("role", ROLES)),
                section(
                        "Pairs",
                        "The pairs they have been in, as giver (mentor, coach, buddy, host) or receiver.",
                        """
                        select p.name, case when r.giver_id = :id then 'giver' else 'receiver' end as side,
                               r.started_on, r.ended_on, r.end_reason
                          from relationship r join programme p on p.id = r.programme_id
                         where :id in (r.giver_id, r.receiver_id) order by r.started_on""",
                        subject,
                        labels(
                                "name",
                                "Programme",
                                "side",
                                "Their side",
                                "started_on",
                                "Started on",
                                "ended_on",
                                "Ended on",
                                "end_reason",
                                "Why it ended"),
                        Map.of("side", Map.of("giver", "Giving", "receiver", "Receiving"), "end_reason", reasons)),
                section(
                        "Goals they added",
                        "Goals they set with their pair.",
                        "select text, added_on, met_on from relationship_goal where added_by = :id order by added_on",
                        subject,
                        labels("text", "Goal", "added_on", "Added on", "met_on", "Met on"),
                        Map.of()),
                section(
                        "Meetings they logged",
                        "Meetings with their pair that they recorded.",
                        """
                        select met_on, minutes, notes from relationship_meeting
                         where logged_by = :id order by met_on""",
                        subject,
                        labels("met_on", "Met on", "minutes", "Minutes", "notes", "Notes"),
                        Map.of()),
                section(
                        "Reflections at an ending",
                        "What they said when a pair ended.",
                        """
                        select reason, rating, helped, reflection, given_on from relationship_reflection
                         where person_id = :id order by given_on""",
                        subject,
                        labels(
                                "given_on",
                                "Given on",
                                "reason",
                                "Why it ended",
                                "rating",
                                "Rating out of 5",
                                "helped",
                                "What helped",
                                "reflection",
                                "Reflection"),
                        Map.of("reason", reasons)),
                section(
                        "Action learning sets",
                        "The sets they belong to.",
                        """
                        select p.name, s.number from learning_set_member m
                          join learning_set s on s.id = m.set_id join programme p on p.id = s.programme_id
                         where m.person_id = :id order by p.name, s.number""",
                        subject,
                        labels("name", "Programme", "number", "Set"),
                        Map.of()),
                section(
                        "Exchange visits",
                        "Workplace exchange visits they hosted, and their reflections on visits.",
                        """
                        select v.visits_on, v.place, 'hosted' as part, null as saw, null as take_back
                          from exchange_visit v where v.host_id = :id
                        union all
                        select v.visits_on, v.place, 'reflected', x.saw, x.take_back
                          from exchange_reflection x join exchange_visit v on v.id = x.visit_id
                         where x.person_id = :id
                         order by 1""",
                        subject,
                        labels(
                                "visits_on",
                                "Visit on",
                                "place",
                                "Where",
                                "part",
                                "Their part",
                                "saw",
                                "What they saw",
                                "take_back",
                                "What they take back"),
                        Map.of("part", Map.of("hosted", "Hosted", "reflected", "Reflected on it"))),
                section(
                        "Improvement ideas",
                        "Ideas they raised from an exchange.",
                        """
                        select title, description, status, raised_on from improvement_idea
                         where raised_by = :id order by raised_on""",
                        subject,
                        labels(
                                "title",
                                "Idea",
                                "description",
                                "Description",
                                "status",
                                "Status",
                                "raised_on",
                                "Raised on"),
                        Map.of("status", Coded.labels(org.goldenthread.development.exchanges.IdeaStatus.class))),
                timeRecorded(subject),
                checkIns(subject),
                plan(subject),
                section(
                        "Development plan shared with",
                        "Who they let read their development plan.",
                        "select email, shared_on from plan_share where person_id = :id order by email",
                        subject,
                        labels("email", "Email address", "shared_on", "Shared on"),
                        Map.of()));
    }

    /** A plan is its leader's alone in the product; the administrator's reading of it here is audited. */
    private Section plan(DataSubject subject) {
        Section section = section(
                "Development plan",
                "The goals they set themselves in their development plan.",
                """
                        select title, success, due_on, status, added_on, closed_on from plan_goal
                         where person_id = :id order by added_on, id""",
                subject,
                labels(
                        "title",
                        "Goal",
                        "success",
                        "How they will know",
                        "due_on",
                        "Aim to meet by",
                        "status",
                        "Where it stands",
                        "added_on",
                        "Added on",
                        "closed_on",
                        "Met or set aside on"),
                Map.of("status", Map.of("open", "Working on it", "met", "Met", "dropped", "Set aside")));
        if (!section.entries().isEmpty()) {
            audit.record("development_plan.exported", "person", subject.personId(), null, null);
        }
        return section;
    }

    /**
     * Check-ins are the leader's alone in the product; an administrator reads them only in the leader's
     * own subject access export, and that reading is audited, as for equality answers.
     */
    private Section checkIns(DataSubject subject) {
        Section section = section(
                "Wellbeing check-ins",
                "How they said their weeks went, and the notes they kept for themselves.",
                """
                select week_starting, workload, time_kept, note from wellbeing_check_in
                 where person_id = :id order by week_starting""",
                subject,
                labels(
                        "week_starting",
                        "Week starting",
                        "workload",
                        "How manageable it was",
                        "time_kept",
                        "Whether protected time could be used",
                        "note",
                        "Note"),
                Map.of(
                        "workload",
                        Map.of("manageable", "Manageable", "stretched", "Stretched", "unmanageable", "Not manageable"),
                        "time_kept",
                        Map.of("fully", "Yes, all of it", "partly", "Some of it", "not_at_all", "No")));
        if (!section.entries().isEmpty()) {
            audit.record("wellbeing_check_ins.exported", "person", subject.personId(), null, null);
        }
        return section;
    }

    /** The register's appointments are the people module's; their names come through its API. */
    private Section timeRecorded(DataSubject subject) {
        Map<String, String> roles = new java.util.HashMap<>();
        register.appointmentsOf(subject.personId())
                .forEach(a -> roles.put(String.valueOf(a.id()), a.seat() + ", " + a.forum()));
        List<Map<String, Object>> rows = jdbc.sql("""
                        select week_starting, appointment_id, hours from time_entry
                         where appointment_id = any (:ids) order by week_starting, appointment_id""")
                .param("ids", roles.keySet().stream().map(Long::valueOf).toArray(Long[]::new))
                .query()
                .listOfRows();
        return new Section(
                "Time recorded",
                "The hours they recorded for their roles each week, which set each role's time used on the register.",
                PersonalData.entries(
                        rows,
                        labels("week_starting", "Week starting", "appointment_id", "Role", "hours", "Hours"),
                        Map.of("appointment_id", roles)));
    }

    private Section section(
            String title,
            String purpose,
            String sql,
            DataSubject subject,
            Map<String, String> labels,
            Map<String, Map<String, String>> codes) {
        List<Map<String, Object>> rows =
                jdbc.sql(sql).param("id", subject.personId()).query().listOfRows();
        return new Section(title, purpose, PersonalData.entries(rows, labels, codes));
    }

    private static Map<String, String> labels(String... columnsAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i + 1 < columnsAndLabels.length; i += 2) {
            labels.put(columnsAndLabels[i], columnsAndLabels[i + 1]);
        }
        return labels;
    }

    @Override
    public void erase(DataSubject subject) {
        long id = subject.personId();
        for (String sql : List.of(
                "delete from relationship_link where person_id = :id",
                "update relationship_reflection set helped = null, reflection = null where person_id = :id",
                "update relationship_meeting set notes = null where logged_by = :id",
                "update relationship_goal set text = 'A goal (erased)' where added_by = :id",
                "update exchange_reflection set saw = '(erased)', take_back = '(erased)' where person_id = :id",
                // their own 360° rounds (answers, comments and shares go with them) and reflections are about
                // them alone; what they gave others as a rater carries nothing of theirs
                "delete from feedback_round where person_id = :id",
                "delete from leader_type_reflection where person_id = :id",
                // a month's figures count check-ins and must not move once shown, so the answers stay with
                // the anonymised entry; the notes are their own words
                "delete from wellbeing_check_in where person_id = :id and workload is null and time_kept is null",
                "update wellbeing_check_in set note = null where person_id = :id",
                // the address a check-in shows to names them: one check-in a week stays, under no address
                """
                delete from wellbeing_check_in c using wellbeing_check_in d
                 where c.person_id = :id and d.person_id = c.person_id and d.week_starting = c.week_starting
                   and c.leader_email > d.leader_email""",
                "update wellbeing_check_in set leader_email = 'erased' where person_id = :id",
                // a plan is their own words, counted in no figure
                "delete from plan_goal where person_id = :id",
                "delete from plan_share where person_id = :id")) {
            jdbc.sql(sql).param("id", id).update();
        }
        // a matching proposal names, in words, the administrator who made or confirmed it
        String[] names = java.util.stream.Stream.of(subject.email(), subject.fullName())
                .filter(java.util.Objects::nonNull)
                .map(n -> n.toLowerCase(java.util.Locale.ROOT))
                .toArray(String[]::new);
        jdbc.sql("""
                        update pairing_proposal
                           set made_by = case when lower(made_by) = any (:names) then 'Someone since erased'
                                              else made_by end,
                               confirmed_by = case when lower(confirmed_by) = any (:names) then 'Someone since erased'
                                                   else confirmed_by end
                         where lower(made_by) = any (:names) or lower(confirmed_by) = any (:names)""").param("names", names).update();
        // a 360° round names, by email, whoever started it, its raters and those its report is shared with
        jdbc.sql("""
                        update feedback_round set started_by = 'Someone since erased'
                         where lower(started_by) = any (:names)""").param("names", names).update();
        jdbc.sql("""
                        update feedback_invitation set name = 'Someone since erased', email = null
                         where lower(email) = any (:names) or lower(name) = any (:names)""").param("names", names).update();
        jdbc.sql("delete from plan_share where email = any (:names)")
                .param("names", names)
                .update();
        jdbc.sql("delete from feedback_share where lower(email) = any (:names)")
                .param("names", names)
                .update();
    }
}
