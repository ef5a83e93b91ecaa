package org.goldenthread.pipeline.equality;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.DemoIcsCreated;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo ICS's part of equality monitoring: a workforce baseline, and answers given by most of
 * the people in its register, so that representation shows. The answers are fictional and follow a
 * fixed pattern (no randomness), with white leaders somewhat over-represented against a more diverse
 * workforce, as many ICSs find, so the page has something to say.
 */
@Component
class DemoFairness {

    /** Out of 20 people in the workforce: white, mixed, asian, black, other, not stated. */
    private static final int[] WORKFORCE_ETHNICITY = {12, 1, 3, 2, 1, 1};

    private static final EthnicGroup[] LEADER_ETHNICITY = {
        EthnicGroup.WHITE, EthnicGroup.WHITE, EthnicGroup.WHITE, EthnicGroup.ASIAN, EthnicGroup.WHITE,
        EthnicGroup.WHITE, EthnicGroup.BLACK, EthnicGroup.WHITE, EthnicGroup.WHITE, EthnicGroup.MIXED,
        EthnicGroup.WHITE, EthnicGroup.WHITE, EthnicGroup.ASIAN, EthnicGroup.WHITE, EthnicGroup.WHITE,
        EthnicGroup.NOT_STATED, EthnicGroup.WHITE, EthnicGroup.OTHER, EthnicGroup.WHITE, EthnicGroup.WHITE
    };

    private final WorkforceBaseline baseline;
    private final Register register;
    private final EqualityAnswers answers;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    DemoFairness(
            WorkforceBaseline baseline,
            Register register,
            EqualityAnswers answers,
            PlatformTransactionManager transactionManager,
            JdbcClient jdbc) {
        this.baseline = baseline;
        this.register = register;
        this.answers = answers;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(8)
    void on(DemoIcsCreated event) {
        transactions.executeWithoutResult(status -> {
            baseline.replace(workforce());
            List<Person> people = register.people();
            for (int i = 0; i < people.size(); i++) {
                // about one in eight never answers
                if (i % 8 != 7) {
                    answers.recordForPerson(people.get(i).id(), leader(i));
                }
            }
        });
        event.partLoaded();
    }

    private List<BaselineFile.Row> workforce() {
        List<BaselineFile.Row> rows = new ArrayList<>();
        int g = 0;
        for (String group : baseline.groups()) {
            int size = 200 + 150 * (g++ % 5);
            List<org.goldenthread.platform.Choice> ethnic = Characteristic.ETHNIC_GROUP.answers();
            for (int e = 0; e < ethnic.size(); e++) {
                rows.add(new BaselineFile.Row(
                        group, Characteristic.ETHNIC_GROUP, ethnic.get(e).code(), size * WORKFORCE_ETHNICITY[e] / 20));
            }
            rows.add(new BaselineFile.Row(group, Characteristic.SEX, "female", size * 3 / 4));
            rows.add(new BaselineFile.Row(group, Characteristic.SEX, "male", size / 4));
            rows.add(new BaselineFile.Row(group, Characteristic.DISABILITY, "yes", size / 10));
            rows.add(new BaselineFile.Row(group, Characteristic.DISABILITY, "no", size * 4 / 5));
            rows.add(new BaselineFile.Row(group, Characteristic.DISABILITY, "not_stated", size / 10));
        }
        return rows;
    }

    private static Answers leader(int i) {
        Sex sex = i % 11 == 5 ? Sex.NOT_STATED : (i % 5 < 2 ? Sex.FEMALE : Sex.MALE);
        Disability disability = i % 13 == 4 ? Disability.YES : (i % 17 == 9 ? Disability.NOT_STATED : Disability.NO);
        return new Answers(LEADER_ETHNICITY[i % LEADER_ETHNICITY.length], sex, disability);
    }
}
