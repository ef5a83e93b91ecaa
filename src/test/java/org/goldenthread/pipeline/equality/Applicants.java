package org.goldenthread.pipeline.equality;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recruitment rounds and applicants written straight into the tables, with their answers through
 * {@link EqualityAnswers} as an import would, so the fairness figures have something to count.
 * Call within an ICS's scope.
 */
final class Applicants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;
    private final EqualityAnswers answers;
    private final TransactionTemplate transactions;
    private final Forums forums;

    Applicants(JdbcClient jdbc, EqualityAnswers answers, TransactionTemplate transactions, Forums forums) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.transactions = transactions;
        this.forums = forums;
    }

    long seat(String forum, String title) {
        return forums.seats().stream()
                .filter(s -> s.forum().equals(forum) && s.title().equals(title))
                .map(Seat::id)
                .findFirst()
                .orElseThrow();
    }

    long round(long seat, LocalDate opens, LocalDate closes) {
        return jdbc.sql("""
                        insert into recruitment_round (seat_id, opens_on, closes_on) values (:seat, :opens, :closes)
                        returning id""")
                .param("seat", seat)
                .param("opens", opens)
                .param("closes", closes)
                .query(Long.class)
                .single();
    }

    /** {@code count} applicants at a stage with these answers. */
    void add(long round, int count, String stage, Answers given) {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                answers.recordForApplication(application(round, stage), given);
            }
        });
    }

    void addWithoutAnswers(long round, int count, String stage) {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                application(round, stage);
            }
        });
    }

    /** Shortlisted applicants of whom some were appointed. */
    void shortlisted(long round, int shortlisted, int appointed, Answers given) {
        add(round, appointed, "appointed", given);
        add(round, shortlisted - appointed, "shortlisted", given);
    }

    private long application(long round, String stage) {
        int n = SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        insert into recruitment_application
                               (round_id, applicant_ref, given_name, family_name, profession, stage)
                        values (:round, :ref, 'Applicant', :family, 'gp', :stage)
                        returning id""")
                .param("round", round)
                .param("ref", "A" + n)
                .param("family", "Number" + n)
                .param("stage", stage)
                .query(Long.class)
                .single();
    }

    static Answers ethnic(EthnicGroup group, Disability disability) {
        return new Answers(group, Sex.NOT_STATED, disability);
    }
}
