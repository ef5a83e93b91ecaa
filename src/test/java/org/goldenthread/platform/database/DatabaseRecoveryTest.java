package org.goldenthread.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The application outlives its embedded PostgreSQL being killed: calls are answered 503 at once
 * while it restarts, and afterwards everything is as it was. Runs its own application and
 * database, so the one the other tests share is never killed.
 */
@TestPropertySource(properties = "gt.test.own-database=database-recovery")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseRecoveryTest extends IntegrationTest {

    @Autowired
    DatabaseServer server;

    @Test
    void aKilledDatabaseIsAnswered503AtOnceAndComesBackWithItsData() throws Exception {
        // this application has a database of its own, so the token the other tests share is no good here
        String admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
        String ods = uniqueOds();
        assertThat(api.post(
                                "/api/v1/admin/ics",
                                admin,
                                ApiClient.json("ods_code", ods, "name", "Before the crash", "region", "Test"))
                        .status())
                .isEqualTo(201);

        Path pidFile = server.dataDirectory().resolve("postmaster.pid");
        ProcessHandle postmaster = ProcessHandle.of(
                        Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                .orElseThrow();
        long killed = System.nanoTime();
        postmaster.destroyForcibly();

        await("noticed within seconds")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .failFast("noticed before it was back", () -> server.restarts() > 0)
                .until(server::isDown);
        long asked = System.nanoTime();
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/ics"))
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(since(asked)).as("answered at once").isLessThan(Duration.ofSeconds(1));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(refused.body()).contains("restarting");
        assertThat(api.get("/ics/" + ods, null).status()).as("pages too").isEqualTo(503);
        ApiClient.Response health = api.get("/actuator/health", null);
        assertThat(health.body()).contains("DOWN");
        // a load balancer stops sending this instance traffic; nothing restarts it, for its database comes back.
        // The database restarts on its own, sometimes within a second: readiness must say 503 if it was down
        // for the whole call, which it was when it is still down after it (the restart only goes one way).
        int readiness = api.get("/actuator/health/readiness", null).status();
        if (server.isDown()) {
            assertThat(readiness).isEqualTo(503);
        }
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

        await("restarted")
                .atMost(Duration.ofSeconds(60).minus(since(killed)))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !server.isDown());
        ApiClient.Response after = api.get("/api/v1/admin/ics", admin);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.body()).contains("Before the crash");
        // ready again once the listener for other instances' changes has reconnected too
        await("ready for traffic again")
                .atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/actuator/health/readiness", null).status() == 200);
        assertThat(api.get("/actuator/health", null).body()).contains("UP");
        assertThat(server.restarts()).isEqualTo(1);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
