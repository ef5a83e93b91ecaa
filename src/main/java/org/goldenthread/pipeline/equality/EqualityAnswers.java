package org.goldenthread.pipeline.equality;

import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Releases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records someone's voluntary equality answers, as an applicant or as a person in the register.
 * The table's restrictive policy lets a session write them only while {@code gt.equality} is
 * {@code write}, which it sets only for the one statement and takes back at once (and which is
 * local to the transaction in any case), so nothing else the caller does can read the answers.
 */
@Component
public class EqualityAnswers {

    private final JdbcClient jdbc;
    private final Releases releases;

    EqualityAnswers(JdbcClient jdbc, Releases releases) {
        this.jdbc = jdbc;
        this.releases = releases;
    }

    /** Records an applicant's answers, replacing any recorded before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForApplication(long applicationId, Answers answers) {
        record("application_id", applicationId, answers);
    }

    /** Records the answers a person in the register gives about themselves, replacing any recorded before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForPerson(long personId, Answers answers) {
        // a release of leaders' figures counts answers as they stand when it is made: it waits for this
        releases.writing(Releases.REPRESENTATION, null);
        if (!record("person_id", personId, answers)) {
            return;
        }
        // a leader counted in the released representation figures has changed: that is all it says
        jdbc.sql("""
                        insert into representation_answers_changed (person_id)
                        select :id where exists (select 1 from representation_member where person_id = :id)
                            on conflict do nothing""").param("id", personId).update();
    }

    /**
     * Records answers, saying whether they are new or differ from those recorded. {@code whose} is one
     * of the two columns that say whose answers they are, never caller input.
     */
    private boolean record(String whose, long id, Answers answers) {
        allowWriting();
        int changed = jdbc.sql("""
                        insert into equality_answer (%1$s, ethnic_group, sex, disability)
                        values (:id, :ethnic_group, :sex, :disability)
                        on conflict (%1$s) do update
                           set ethnic_group = excluded.ethnic_group, sex = excluded.sex, disability = excluded.disability
                         where (equality_answer.ethnic_group, equality_answer.sex, equality_answer.disability)
                               is distinct from (excluded.ethnic_group, excluded.sex, excluded.disability)""".formatted(whose))
                .param("id", id)
                .param("ethnic_group", answers.ethnicGroup().code())
                .param("sex", answers.sex().code())
                .param("disability", answers.disability().code())
                .update();
        putAway();
        return changed > 0;
    }

    /**
     * Records the answers of many applicants at once, as a file import gives them, replacing any
     * recorded before. Returns the applications whose answers are new or differ from those recorded:
     * that they changed is all an audit entry may say.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> recordForApplications(Map<Long, Answers> answersByApplication) {
        if (answersByApplication.isEmpty()) {
            return List.of();
        }
        allowWriting();
        int size = answersByApplication.size();
        Long[] ids = new Long[size];
        String[] ethnicGroups = new String[size];
        String[] sexes = new String[size];
        String[] disabilities = new String[size];
        int i = 0;
        for (Map.Entry<Long, Answers> e : answersByApplication.entrySet()) {
            ids[i] = e.getKey();
            ethnicGroups[i] = e.getValue().ethnicGroup().code();
            sexes[i] = e.getValue().sex().code();
            disabilities[i] = e.getValue().disability().code();
            i++;
        }
        List<Long> changed = jdbc.sql("""
                        insert into equality_answer (application_id, ethnic_group, sex, disability)
                        select * from unnest(cast(:ids as bigint[]), cast(:ethnic_groups as text[]),
                                             cast(:sexes as text[]), cast(:disabilities as text[]))
                        on conflict (application_id) do update
                           set ethnic_group = excluded.ethnic_group, sex = excluded.sex, disability = excluded.disability
                         where (equality_answer.ethnic_group, equality_answer.sex, equality_answer.disability)
                               is distinct from (excluded.ethnic_group, excluded.sex, excluded.disability)
                        returning application_id""")
                .param("ids", ids)
                .param("ethnic_groups", ethnicGroups)
                .param("sexes", sexes)
                .param("disabilities", disabilities)
                .query(Long.class)
                .list();
        putAway();
        return changed;
    }

    private void allowWriting() {
        jdbc.sql("select set_config('gt.equality', 'write', true)").query().singleValue();
    }

    /**
     * Takes the permission back straight after the write: while it is set, the rest of the caller's
     * transaction could read every answer.
     */
    private void putAway() {
        jdbc.sql("select set_config('gt.equality', '', true)").query().singleValue();
    }
}
