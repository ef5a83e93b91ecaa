package org.goldenthread.pipeline.equality;

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

    EqualityAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an applicant's answers, replacing any recorded before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForApplication(long applicationId, Answers answers) {
        allowWriting();
        jdbc.sql("""
                        insert into equality_answer (application_id, ethnic_group, sex, disability)
                        values (:id, :ethnic_group, :sex, :disability)
                        on conflict (application_id) do update
                           set ethnic_group = excluded.ethnic_group, sex = excluded.sex, disability = excluded.disability""")
                .param("id", applicationId)
                .param("ethnic_group", answers.ethnicGroup().code())
                .param("sex", answers.sex().code())
                .param("disability", answers.disability().code())
                .update();
        putAway();
    }

    /** Records the answers a person in the register gives about themselves, replacing any recorded before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForPerson(long personId, Answers answers) {
        allowWriting();
        jdbc.sql("""
                        insert into equality_answer (person_id, ethnic_group, sex, disability)
                        values (:id, :ethnic_group, :sex, :disability)
                        on conflict (person_id) do update
                           set ethnic_group = excluded.ethnic_group, sex = excluded.sex, disability = excluded.disability""")
                .param("id", personId)
                .param("ethnic_group", answers.ethnicGroup().code())
                .param("sex", answers.sex().code())
                .param("disability", answers.disability().code())
                .update();
        putAway();
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
