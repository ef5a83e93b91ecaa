package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Single responses sent at the same moment share a statement and a commit; each must still be
 * stored once per key, answered as stored or as seen truly, and kept in its own ICS.
 */
class SimultaneousResponsesTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.goldenthread.platform.database.DatabaseServer database;

    private static final String NAMED = SurveyTest.SMALL.replace("\"anonymous\": true", "\"anonymous\": false");
    private static final int KEYS = 40;
    private static final int SENDS_PER_KEY = 3;

    record Sent(String ods, int key, int status) {}

    @Test
    void responsesSentAtOnceFromTwoIcssAreEachStoredOncePerKeyInTheirOwnIcs() throws Exception {
        String first = createIcs("Simultaneous one");
        String second = createIcs("Simultaneous two");
        Map<String, String> tokens = Map.of(
                first, tokenFor(createUser("ics_admin", first)), second, tokenFor(createUser("ics_admin", second)));
        Map<String, Long> surveys =
                Map.of(first, create(first, tokens.get(first)), second, create(second, tokens.get(second)));

        List<Callable<Sent>> sends = new ArrayList<>();
        for (int round = 0; round < SENDS_PER_KEY; round++) {
            for (int key = 0; key < KEYS; key++) {
                for (String ods : List.of(first, second)) {
                    int k = key;
                    // the same keys in both ICSs: a key is unique within its survey, not across ICSs
                    String body = ApiClient.json(
                            "idempotency_key",
                            "key-" + k,
                            "answers",
                            Map.of("Q1", k % 4 == 0 ? "No" : "Yes", "Q3", List.of("Senate"), "Q5", ods + " " + k));
                    sends.add(() -> new Sent(
                            ods,
                            k,
                            api.post(
                                            "/api/v1/ics/" + ods + "/surveys/" + surveys.get(ods) + "/responses",
                                            tokens.get(ods),
                                            body)
                                    .status()));
                }
            }
        }
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Sent> answers = new ArrayList<>();
        try {
            for (Future<Sent> f : senders.invokeAll(sends)) {
                answers.add(f.get());
            }
        } finally {
            senders.shutdown();
        }

        for (String ods : List.of(first, second)) {
            for (int key = 0; key < KEYS; key++) {
                int k = key;
                List<Integer> statuses = answers.stream()
                        .filter(a -> a.ods().equals(ods) && a.key() == k)
                        .map(Sent::status)
                        .sorted()
                        .toList();
                assertThat(statuses).as("key-" + k + " in " + ods).containsExactly(200, 200, 201);
            }
            JsonNode results = api.get(
                            "/api/v1/ics/" + ods + "/surveys/" + surveys.get(ods) + "/results", tokens.get(ods))
                    .json();
            assertThat(results.get("responses").asInt()).isEqualTo(KEYS);
            JsonNode q1 = question(results, "Q1");
            assertThat(q1.get("options").get(0).get("label").asString()).isEqualTo("Yes");
            assertThat(q1.get("options").get(0).get("count").asInt()).isEqualTo(KEYS * 3 / 4);
        }
    }

    /**
     * A response to a survey whose row is held (here by a lock, as a deletion in progress would)
     * waits, but it must not hold up responses to other surveys, in its ICS or another.
     */
    @Test
    void aHeldUpSurveyHoldsUpOnlyItsOwnResponses() throws Exception {
        String first = createIcs("Held up");
        String second = createIcs("Not held up");
        String firstToken = tokenFor(createUser("ics_admin", first));
        String secondToken = tokenFor(createUser("ics_admin", second));
        long held = create(first, firstToken);
        long sameIcs = create(first, firstToken, NAMED.replace("\"code\": \"pulse\"", "\"code\": \"pulse-two\""));
        long otherIcs = create(second, secondToken);
        String body = ApiClient.json(
                "idempotency_key", "held", "answers", Map.of("Q1", "Yes", "Q3", List.of("Senate"), "Q5", "held"));

        ExecutorService senders = Executors.newFixedThreadPool(2);
        try (java.sql.Connection lock =
                java.sql.DriverManager.getConnection(database.url(), database.user(), database.password())) {
            lock.setAutoCommit(false);
            try (java.sql.Statement s = lock.createStatement()) {
                s.execute("select id from survey where id = " + held + " for update");
            }
            Future<Integer> waiting = senders.submit(
                    () -> api.post("/api/v1/ics/" + first + "/surveys/" + held + "/responses", firstToken, body)
                            .status());
            Thread.sleep(500);
            assertThat(waiting.isDone())
                    .as("the response to the held survey waits")
                    .isFalse();

            Future<Integer> mine = senders.submit(
                    () -> api.post("/api/v1/ics/" + first + "/surveys/" + sameIcs + "/responses", firstToken, body)
                            .status());
            assertThat(mine.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("another survey of the same ICS")
                    .isEqualTo(201);
            assertThat(api.post("/api/v1/ics/" + second + "/surveys/" + otherIcs + "/responses", secondToken, body)
                            .status())
                    .as("a survey of another ICS")
                    .isEqualTo(201);
            assertThat(waiting.isDone()).isFalse();

            lock.rollback();
            assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the held response once the survey is free")
                    .isEqualTo(201);
        } finally {
            senders.shutdownNow();
        }
    }

    private long create(String ods, String token) {
        return create(ods, token, NAMED);
    }

    private long create(String ods, String token, String definition) {
        ApiClient.Response r = api.post("/api/v1/ics/" + ods + "/surveys", token, definition);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static JsonNode question(JsonNode results, String code) {
        for (JsonNode q : results.get("questions")) {
            if (q.get("code").asString().equals(code)) {
                return q;
            }
        }
        throw new AssertionError("No question " + code);
    }
}
