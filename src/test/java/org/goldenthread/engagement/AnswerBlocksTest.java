package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A survey's answers stored as column blocks: results read back from them after a restart (here,
 * the answers held in memory let go) are the results read from the rows, and responses that
 * arrive after the blocks were written, or blocks that no longer match, still count.
 */
class AnswerBlocksTest extends IntegrationTest {

    private static final String CROSS_TAB = "/crosstab?row=S1&col=A1&filter=Y1:Yes&filter=M1:Senate";

    @Autowired
    SurveyResults results;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void resultsAfterARestartComeFromTheStoredBlocksAndMatchTheRows() throws Exception {
        Survey survey = newSurvey("Blocks");
        String ods = survey.ods();
        String token = survey.token();
        long id = survey.id();
        String base = survey.base();
        // more than a block, so that a full block and a part-filled one are stored
        int rows = AnswerMatrix.BLOCK + 2_500;
        Path file = Files.createTempFile("responses", ".csv");
        SurveyBenchmark.write(file, rows, 7);
        Response imported = api.post(base + "/responses/import", token, "text/csv", Files.readAllBytes(file));
        Files.delete(file);
        assertThat(imported.status()).as(imported.body()).isIn(200, 202);
        awaitResponses(base, token, rows);

        assertThat(blocks(ods, id)).as("blocks stored by the import").isEqualTo(2);
        String summary = api.get(base + "/results", token).body();
        String filtered = api.get(base + "/results?filter=S2:London", token).body();
        String crossTab = api.get(base + CROSS_TAB, token).body();

        results.letGo(id);
        assertThat(api.get(base + "/results", token).body()).isEqualTo(summary);
        assertThat(api.get(base + "/results?filter=S2:London", token).body()).isEqualTo(filtered);
        assertThat(api.get(base + CROSS_TAB, token).body()).isEqualTo(crossTab);

        // a response after the blocks counts too, read from its row
        Response one = api.post(
                base + "/responses",
                token,
                ApiClient.json("idempotency_key", UUID.randomUUID().toString(), "answers", answers()));
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        results.letGo(id);
        assertThat(api.get(base + "/results", token).json().get("responses").asInt())
                .isEqualTo(rows + 1);

        // blocks that no longer match the responses are passed over and the rows read instead
        inIcs(
                ods,
                () -> jdbc.sql("delete from survey_answer_block where survey_id = :id and block = 0")
                        .param("id", id)
                        .update());
        results.letGo(id);
        Response afresh = api.get(base + "/results", token);
        assertThat(afresh.json().get("responses").asInt()).isEqualTo(rows + 1);
        assertThat(api.get(base + "/results?filter=Y1:Yes", token)
                        .json()
                        .get("responses")
                        .asInt())
                .isPositive();
    }

    /**
     * Answers read inside a transaction include its own responses not yet committed (the demo's
     * load reads its pulse survey's results so); if it rolls back, those answers must not stay in
     * what everyone's results are counted from.
     */
    @Test
    void answersReadInATransactionThatRollsBackAreNotKept() throws Exception {
        Survey survey = newSurvey("Rolled back");
        for (int i = 0; i < 12; i++) {
            Response one = api.post(
                    survey.base() + "/responses",
                    survey.token(),
                    ApiClient.json("idempotency_key", UUID.randomUUID().toString(), "answers", answers()));
            assertThat(one.status()).as(one.body()).isEqualTo(201);
        }
        assertThat(api.get(survey.base() + "/results", survey.token())
                        .json()
                        .get("responses")
                        .asInt())
                .isEqualTo(12);

        Integer inside = inIcs(
                survey.ods(),
                () -> new TransactionTemplate(transactions).execute(status -> {
                    jdbc.sql("""
                            insert into survey_response (ics_id, survey_id, closed, numbers, texts, idempotency_key)
                            select ics_id, survey_id, closed, numbers, texts, 'never committed'
                              from survey_response where survey_id = :id limit 1""").param("id", survey.id()).update();
                    Integer seen = results.results(survey.id(), null).responses();
                    status.setRollbackOnly();
                    return seen;
                }));
        assertThat(inside).as("the transaction's own response counts within it").isEqualTo(13);

        assertThat(api.get(survey.base() + "/results", survey.token())
                        .json()
                        .get("responses")
                        .asInt())
                .as("after the rollback")
                .isEqualTo(12);
    }

    /** The benchmark's survey in an ICS of its own, with its administrator's token. */
    private record Survey(String ods, String token, long id, String base) {}

    private Survey newSurvey(String icsName) {
        String ods = createIcs(icsName);
        String token = tokenFor(createUser("ics_admin", ods));
        // named, so that each response is in the results at once: these tests are about where answers are kept
        Response created = api.post(
                "/api/v1/ics/" + ods + "/surveys",
                token,
                SurveyBenchmark.definition().replace("\"anonymous\":true", "\"anonymous\":false"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        return new Survey(ods, token, id, "/api/v1/ics/" + ods + "/surveys/" + id);
    }

    private static java.util.Map<String, String> answers() {
        java.util.Map<String, String> answers = new java.util.HashMap<>();
        for (int i = 1; i <= 10; i++) {
            answers.put("A" + i, "Agree");
        }
        answers.put("S2", "London");
        return answers;
    }

    private int blocks(String ods, long id) {
        return inIcs(
                ods,
                () -> jdbc.sql("select count(*) from survey_answer_block where survey_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single());
    }

    private void awaitResponses(String base, String token, int expected) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Response r = api.get(base + "/results", token);
            if (r.status() == 200 && r.json().path("responses").asInt() == expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }
}
