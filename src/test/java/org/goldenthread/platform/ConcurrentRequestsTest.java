package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * More requests at once than there are database connections all get answered: no request may
 * hold one pooled connection while it waits for another. (The API's admission limit, which would
 * answer some of them 503 on a small machine, is set above this test's 60 callers for the tests.)
 */
class ConcurrentRequestsTest extends IntegrationTest {

    @Test
    void manySimultaneousApiCallsAreAllAnswered() throws Exception {
        String ods = createIcs("Busy ICS");
        String token = tokenFor(createUser("ics_admin", ods));
        ExecutorService pool = Executors.newFixedThreadPool(60);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add(pool.submit(
                        () -> api.get("/api/v1/ics/" + ods + "/places", token).status()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
