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

    private long create(String ods, String token) {
        ApiClient.Response r = api.post("/api/v1/ics/" + ods + "/surveys", token, NAMED);
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
