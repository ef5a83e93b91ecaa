package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.goldenthread.GoldenThreadApplication;
import org.goldenthread.people.RegisterBenchmark;
import org.goldenthread.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A job cut off by the application being killed (and its database with it, as when a machine goes
 * down) is shown as interrupted once the application is back, and its import changed nothing. The
 * application runs as a process of its own here, so that it can be killed.
 */
class JobInterruptedTest {

    private static final String ADMIN = "platform.admin@kill.example";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    private Process app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aKilledImportIsInterruptedAndChangedNothing() throws Exception {
        port = freePort();
        app = start();
        ApiClient api = new ApiClient(port);
        String platform = api.token(ADMIN, PASSWORD);
        assertThat(api.post(
                                "/api/v1/admin/ics",
                                platform,
                                ApiClient.json("ods_code", "QK1", "name", "Killed ICS", "region", "Test region"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/admin/users",
                                platform,
                                ApiClient.json("email", ADMIN, "role", "ics_admin", "ics", "QK1"))
                        .status())
                .isEqualTo(201);
        String token = api.token(ADMIN, PASSWORD);
        for (int p = 0; p < 5; p++) {
            api.post("/api/v1/ics/QK1/places", token, ApiClient.json("name", "Place " + p));
            for (int n = 0; n < 6; n++) {
                api.post(
                        "/api/v1/ics/QK1/neighbourhoods",
                        token,
                        ApiClient.json("name", "Neighbourhood " + p + "-" + n, "place", "Place " + p));
            }
        }
        String file = RegisterBenchmark.file(11, 20_000, 50_000, 500);
        ApiClient.Response started = api.post(
                "/api/v1/ics/QK1/register/import?async=true", token, "text/csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = "/api/v1/ics/QK1/jobs/" + started.json().get("id").asLong();

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(job, token).json().get("rows_checked").asInt() > 0);
        JsonNode before = api.get(job, token).json();
        assertThat(before.get("state").asString()).isIn("checking", "storing");
        app.destroyForcibly().waitFor();
        postmaster().ifPresent(ProcessHandle::destroyForcibly);

        app = start();
        JsonNode[] after = {null};
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    after[0] = api.get(job, token).json();
                    return after[0].get("state").asString().equals("interrupted");
                });
        assertThat(after[0].get("problems").get(0).get("reason").asString())
                .contains("cut off when the application stopped, so nothing was changed");
        assertThat(after[0].get("rows_stored").asInt()).isZero();
        assertThat(api.get("/api/v1/ics/QK1/people", token).json()).isEmpty();
        assertThat(api.get("/api/v1/ics/QK1/forums", token).json()).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The application on this test's data directory and port, once it answers as healthy. */
    private Process start() throws Exception {
        Path log = dataDir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        GoldenThreadApplication.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GT_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("GT_ADMIN_EMAIL", ADMIN);
        builder.environment().put("GT_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("GT_SECURE_COOKIES", "false");
        builder.environment().put("GT_DEMO", "false");
        Process process = builder.start();
        HttpClient probe =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive())
                    .as("the application stopped while starting; see %s", log)
                    .isTrue();
            try {
                HttpResponse<Void> health = probe.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("The application did not become healthy within 3 minutes; see " + log);
    }

    /** The embedded PostgreSQL server, from the lock file it keeps in its data directory. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        return Files.readAllLines(pid).stream()
                .findFirst()
                .map(String::trim)
                .map(Long::parseLong)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
    }
}
