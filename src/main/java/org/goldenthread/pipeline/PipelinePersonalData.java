package org.goldenthread.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.pipeline.TalentPool.Origin;
import org.goldenthread.pipeline.equality.Disability;
import org.goldenthread.pipeline.equality.EthnicGroup;
import org.goldenthread.pipeline.equality.Sex;
import org.goldenthread.pipeline.recruitment.Stage;
import org.goldenthread.pipeline.succession.ExitReason;
import org.goldenthread.pipeline.succession.WouldReturn;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pipeline's part: the talent pool, applications, succession plans, exit conversations and the
 * person's own equality answers. Those answers appear here and nowhere else by name: they are the
 * person's, so their own export includes them, and each such export is audited as one. An erasure
 * keeps the rows the pipeline's figures count (pool entries, applications and their stages, the
 * equality answers, now of an unnamed person) and removes names, addresses, what was written about
 * them, and their equality link.
 */
@Component
class PipelinePersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final Register register;
    private final Audit audit;

    PipelinePersonalData(JdbcClient jdbc, Register register, Audit audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
    }

    @Override
    public List<Section> describe(DataSubject subject) {
        Long[] appointments = register.appointmentsOf(subject.personId()).stream()
                .map(Appointment::id)
                .toArray(Long[]::new);
        return List.of(
                section(
                        "Talent pool",
                        "Their place in the pool of people who could lead, and what was noted about it.",
                        """
                        select origin, nominated_by, nomination_reason, levels, topics, readiness,
                               development_needs, consent_to_contact, review_on, added_on
                          from talent where person_id = :id""",
                        subject,
                        appointments,
                        labels(
                                "origin",
                                "How they joined",
                                "nominated_by",
                                "Nominated by",
                                "nomination_reason",
                                "Why",
                                "levels",
                                "Levels of interest",
                                "topics",
                                "Topics",
                                "readiness",
                                "Readiness",
                                "development_needs",
                                "Development needs",
                                "consent_to_contact",
                                "Agreed to be contacted",
                                "review_on",
                                "Review on",
                                "added_on",
                                "Added on"),
                        Map.of("origin", Coded.labels(Origin.class), "readiness", Coded.labels(Readiness.class))),
                section(
                        "Applications",
                        "Their applications in recruitment rounds, as the recruitment system sent them.",
                        """
                        select a.applicant_ref, a.given_name, a.family_name, a.email, a.stage, r.opens_on,
                               s.forum || ': ' || s.title as seat
                          from recruitment_application a
                          join recruitment_round r on r.id = a.round_id
                          join seats_on_forums() s on s.id = r.seat_id
                         where a.person_id = :id or lower(a.email) = lower(:email)
                         order by r.opens_on""",
                        subject,
                        appointments,
                        labels(
                                "seat",
                                "Seat",
                                "opens_on",
                                "Round opened on",
                                "applicant_ref",
                                "Applicant reference",
                                "given_name",
                                "Given name",
                                "family_name",
                                "Family name",
                                "email",
                                "Email",
                                "stage",
                                "Stage reached"),
                        Map.of("stage", Coded.labels(Stage.class))),
                section(
                        "Succession plans",
                        "Critical seats they are named as a possible successor for.",
                        """
                        select s.forum || ': ' || s.title as seat, x.readiness, x.named_on
                          from successor x join critical_seat c on c.id = x.critical_seat_id
                          join seats_on_forums() s on s.id = c.seat_id
                         where x.person_id = :id order by x.named_on""",
                        subject,
                        appointments,
                        labels("seat", "Seat", "readiness", "Readiness", "named_on", "Named on"),
                        Map.of("readiness", Coded.labels(Readiness.class))),
                section(
                        "Exit conversations",
                        "What they said when an appointment of theirs ended.",
                        """
                        select held_on, reason, reason_detail, would_return, handover, handover_to
                          from exit_conversation where appointment_id = any (:appointments) order by held_on""",
                        subject,
                        appointments,
                        labels(
                                "held_on",
                                "Held on",
                                "reason",
                                "Why they left",
                                "reason_detail",
                                "In their words",
                                "would_return",
                                "Would come back",
                                "handover",
                                "Handed over",
                                "handover_to",
                                "Handed over to"),
                        Map.of(
                                "reason",
                                Coded.labels(ExitReason.class),
                                "would_return",
                                Coded.labels(WouldReturn.class))),
                equalityAnswers(subject));
    }

    /** Read under the purpose the table's policy knows, and only for this person's own export. */
    private Section equalityAnswers(DataSubject subject) {
        jdbc.sql("select set_config('gt.equality', 'aggregate', true)").query().singleValue();
        List<Map<String, Object>> rows;
        try {
            rows = jdbc.sql("""
                            select e.ethnic_group, e.sex, e.disability from equality_answer e
                             where e.person_id = :id
                                or e.application_id in (select a.id from recruitment_application a
                                                         where a.person_id = :id)""").param("id", subject.personId()).query().listOfRows();
        } finally {
            jdbc.sql("select set_config('gt.equality', '', true)").query().singleValue();
        }
        if (!rows.isEmpty()) {
            audit.record("equality_answers.exported", "person", subject.personId(), null, null);
        }
        return new Section(
                "Equality answers",
                "The answers they chose to give about themselves. Others only ever see them counted in groups.",
                PersonalData.entries(
                        rows,
                        labels("ethnic_group", "Ethnic group", "sex", "Sex", "disability", "Disability"),
                        Map.of(
                                "ethnic_group", Coded.labels(EthnicGroup.class),
                                "sex", Coded.labels(Sex.class),
                                "disability", Coded.labels(Disability.class))));
    }

    private Section section(
            String title,
            String purpose,
            String sql,
            DataSubject subject,
            Long[] appointments,
            Map<String, String> labels,
            Map<String, Map<String, String>> codes) {
        var statement = jdbc.sql(sql);
        if (sql.contains(":id")) {
            statement = statement.param("id", subject.personId());
        }
        if (sql.contains(":email")) {
            statement = statement.param("email", subject.email() == null ? "" : subject.email());
        }
        if (sql.contains(":appointments")) {
            statement = statement.param("appointments", appointments);
        }
        return new Section(
                title, purpose, PersonalData.entries(statement.query().listOfRows(), labels, codes));
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
        jdbc.sql("""
                        update talent set nomination_reason = null, topics = null, development_needs = null,
                                          consent_to_contact = false
                         where person_id = :id""").param("id", id).update();
        jdbc.sql("""
                        update recruitment_application
                           set applicant_ref = 'erased-' || id, given_name = 'Erased', family_name = 'applicant',
                               email = null
                         where person_id = :id or lower(email) = lower(:email)""")
                .param("id", id)
                .param("email", subject.email() == null ? "" : subject.email())
                .update();
        jdbc.sql("delete from equality_link where person_id = :id")
                .param("id", id)
                .update();
        Long[] appointments =
                register.appointmentsOf(id).stream().map(Appointment::id).toArray(Long[]::new);
        jdbc.sql("update exit_conversation set reason_detail = null where appointment_id = any (:appointments)")
                .param("appointments", appointments)
                .update();
        // where others' records name them in words
        jdbc.sql("update talent set nominated_by = 'Someone since erased' where lower(nominated_by) = lower(:name)")
                .param("name", subject.fullName())
                .update();
        jdbc.sql("update exit_conversation set handover_to = 'Someone since erased'"
                        + " where lower(handover_to) = lower(:name)")
                .param("name", subject.fullName())
                .update();
    }
}
