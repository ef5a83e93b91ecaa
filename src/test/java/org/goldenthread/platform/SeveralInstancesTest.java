package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.AppProcess;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.TestMailServer;
import org.goldenthread.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of Golden Thread, each a process of its own, on one external PostgreSQL (Debian's
 * server in CI, see {@link TestPostgres}), as behind a load balancer: a person signed in on one is
 * signed in on the other, a change made through one is seen through the other at once (insight's
 * figures included, though each instance keeps a copy of the register), a round of
 * emails goes out once, and a round cut off by killing its instance is finished by the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTest {

    private static final String ADMIN = "platform.admin@instances.example";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ODS = "QI1";

    private TestPostgres.Database database;
    private AppProcess first;
    private AppProcess second;
    private String token;

    @BeforeAll
    void twoInstancesOnOneDatabase() throws Exception {
        database = TestPostgres.instance().freshDatabase();
        Path logs = Files.createTempDirectory("gt-instances");
        Map<String, String> environment = new HashMap<>();
        environment.put("GT_DATABASE_URL", database.url());
        environment.put("GT_DATABASE_USER", database.user());
        environment.put("GT_DATABASE_PASSWORD", database.password());
        environment.put("GT_DATA_DIR", logs.toString());
        environment.put("GT_ADMIN_EMAIL", ADMIN);
        environment.put("GT_ADMIN_PASSWORD", PASSWORD);
        environment.put("GT_SECURE_COOKIES", "false");
        environment.put("GT_DEMO", "false");
        environment.put("GT_SMTP_HOST", "localhost");
        environment.put("GT_SMTP_PORT", String.valueOf(TestMailServer.port()));
        environment.put("GT_MAIL_FROM", "Golden Thread <surveys@instances.example>");
        // the second starts once the first has migrated the database and made the administrator
        first = AppProcess.start(environment, logs.resolve("first.log"));
        // the second writes its log as JSON, one object a line, as a log collector wants it
        environment.put("GT_LOG_FORMAT", "ecs");
        second = AppProcess.start(environment, logs.resolve("second.log"));

        ApiClient api = new ApiClient(first.port());
        String platform = api.token(ADMIN, PASSWORD);
        assertThat(api.post(
                                "/api/v1/admin/ics",
                                platform,
                                ApiClient.json("ods_code", ODS, "name", "Shared ICS", "region", "Test region"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/admin/users",
                                platform,
                                ApiClient.json("email", ADMIN, "role", "ics_admin", "ics", ODS))
                        .status())
                .isEqualTo(201);
        token = api.token(ADMIN, PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        for (AppProcess app : new AppProcess[] {first, second}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    @Order(1)
    void anInstanceAskedForJsonLogsWritesEachLineAsAJsonObject() throws Exception {
        // from the moment Spring Boot has set logging up; a library may print a line or two before
        List<String> lines = Files.readAllLines(second.log()).stream()
                .dropWhile(line -> !line.startsWith("{"))
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(lines).hasSizeGreaterThan(10);
        tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.has("@timestamp")).as(line).isTrue();
            assertThat(entry.has("log.level") || entry.path("log").has("level"))
                    .as(line)
                    .isTrue();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Started GoldenThreadApplication"));
        assertThat(Files.readAllLines(first.log()))
                .anySatisfy(line -> assertThat(line).doesNotStartWith("{"));
    }

    @Test
    @Order(2)
    void signingInOnOneInstanceWorksOnTheOther() {
        PageClient onFirst = new PageClient(first.port()).signIn(ADMIN, PASSWORD);
        PageClient onSecond = onFirst.onPort(second.port());

        PageClient.Page page = onSecond.get("/ics/" + ODS);
        assertThat(page.status()).as("signed in on the second instance").isEqualTo(200);
        assertThat(page.body()).contains("Shared ICS");
        assertThat(new PageClient(second.port()).get("/ics/" + ODS).status())
                .as("a browser that never signed in")
                .isEqualTo(302);
    }

    @Test
    @Order(3)
    void aRenameThroughOneInstanceIsSeenThroughTheOtherWithinASecond() {
        PageClient onSecond =
                new PageClient(first.port()).signIn(ADMIN, PASSWORD).onPort(second.port());
        // the second instance now remembers the ICS
        assertThat(onSecond.get("/ics/" + ODS).body()).contains("Shared ICS");

        ApiClient.Response renamed = new ApiClient(first.port())
                .patch("/api/v1/admin/ics/" + ODS, token, ApiClient.json("name", "Renamed Shared ICS"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> onSecond.get("/ics/" + ODS).body().contains("Renamed Shared ICS"));
    }

    @Test
    @Order(3)
    void aChangeToTheRegisterThroughOneInstanceIsInTheOthersVeryNextInsight() {
        ApiClient one = new ApiClient(first.port());
        ApiClient other = new ApiClient(second.port());
        ApiClient.Response forum = one.post(
                "/api/v1/ics/" + ODS + "/forums",
                token,
                ApiClient.json(
                        "name", "Instances Board", "level", "system", "kind", "board", "decision_rights", "decides"));
        assertThat(forum.status()).as(forum.body()).isEqualTo(201);
        ApiClient.Response seat = one.post(
                "/api/v1/ics/" + ODS + "/forums/" + forum.json().get("id").asLong() + "/seats",
                token,
                ApiClient.json("title", "Chair", "seat_type", "chair"));
        assertThat(seat.status()).as(seat.body()).isEqualTo(201);
        // the second instance reads the register now and keeps it for its next calls
        assertThat(vacantSystemSeats(other)).isEqualTo(1);

        ApiClient.Response person = one.post(
                "/api/v1/ics/" + ODS + "/people",
                token,
                ApiClient.json(
                        "person_ref", "I1",
                        "given_name", "Ina",
                        "family_name", "Stance",
                        "profession", "manager",
                        "sector", "icb",
                        "career_stage", "senior"));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        ApiClient.Response appointed = one.post(
                "/api/v1/ics/" + ODS + "/people/" + person.json().get("id").asLong() + "/appointments",
                token,
                ApiClient.json(
                        "seat_id",
                        seat.json().get("id").asLong(),
                        "start_date",
                        // the instances' clock is the machine's, in its zone
                        java.time.LocalDate.now(java.time.ZoneId.systemDefault())
                                .toString(),
                        "route",
                        "nomination"));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);

        // no waiting: the other instance's very next call counts the appointment
        assertThat(vacantSystemSeats(other)).isZero();
    }

    private int vacantSystemSeats(ApiClient api) {
        ApiClient.Response insight = api.get("/api/v1/ics/" + ODS + "/insight", token);
        assertThat(insight.status()).as(insight.body()).isEqualTo(200);
        for (JsonNode level : insight.json().get("levels")) {
            if (level.get("level").asString().equals("system")) {
                return level.get("vacant_seats").asInt();
            }
        }
        throw new AssertionError("No system level in " + insight.body());
    }

    @Test
    @Order(4)
    void aRoundOfEmailsIsSentOnceThoughBothInstancesWatchForRounds() throws Exception {
        List<String> people = people("once", 300);
        long round = startRound(people);

        JsonNode finished = awaitFinished(new ApiClient(second.port()), round, Duration.ofMinutes(1));
        assertThat(finished.get("sent").asInt()).isEqualTo(300);
        assertThat(finished.get("interrupted").asBoolean()).isFalse();
        // both instances' watchers have looked at least once more since
        Thread.sleep(12_000);
        Map<String, Integer> received = received(people);
        assertThat(received.values()).as("emails each person received").containsOnly(1);
        assertThat(received).hasSize(300);
    }

    @Test
    @Order(5)
    void killingTheInstanceSendingARoundLetsTheOtherFinishIt() throws Exception {
        List<String> people = people("killed", 4000);
        long round = startRound(people);
        ApiClient onSecond = new ApiClient(second.port());
        String path = "/api/v1/ics/" + ODS + "/surveys/" + survey + "/mailings/" + round;
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> onSecond.get(path, token).json().get("sent").asInt() > 0);
        first.kill();
        JsonNode cutOff = onSecond.get(path, token).json();
        assertThat(cutOff.get("finished").asBoolean())
                .as("the round was still going when its instance was killed")
                .isFalse();

        JsonNode finished = awaitFinished(onSecond, round, Duration.ofMinutes(2));
        assertThat(finished.get("interrupted").asBoolean()).isFalse();
        assertThat(finished.get("waiting").asInt()).isZero();
        assertThat(finished.get("sent").asInt()).isEqualTo(4000);
        Map<String, Integer> received = received(people);
        assertThat(received).as("everyone had their invitation").hasSize(4000);
        // at most the one batch in flight when the instance died goes twice
        assertThat(received.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(100);
    }

    @Test
    @Order(6)
    void theSchemaOwnerIsNoSuperuserAndRowLevelSecurityHoldsOnTheServer() throws Exception {
        try (Connection owner = database.connect();
                Statement s = owner.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("select rolsuper, rolcreaterole from pg_roles where rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean("rolsuper")).isFalse();
                assertThat(rs.getBoolean("rolcreaterole")).isTrue();
            }
            try (ResultSet rs = s.executeQuery("""
                    select count(*) from pg_roles
                     where rolname = 'gt_app' and not rolcanlogin and not rolsuper and not rolbypassrls""")) {
                rs.next();
                assertThat(rs.getInt(1)).as("gt_app exists and cannot sign in").isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("""
                    select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                      join pg_attribute a on a.attrelid = c.oid and a.attname = 'ics_id' and not a.attisdropped
                     where c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)
                       and c.relname <> 'role_grant'""")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("tenant tables without forced row-level security")
                        .isZero();
            }
            long icsId;
            try (ResultSet rs = s.executeQuery("select id from ics where ods_code = '" + ODS + "'")) {
                rs.next();
                icsId = rs.getLong(1);
            }
            s.execute("set role gt_app");
            assertThat(count(s, "select count(*) from survey_invitation"))
                    .as("invitations gt_app sees with no ICS in scope")
                    .isZero();
            s.execute("select set_config('gt.ics_ids', '{" + icsId + "}', false)");
            assertThat(count(s, "select count(*) from survey_invitation"))
                    .as("invitations gt_app sees in the ICS's scope")
                    .isEqualTo(4300);
        }
    }

    private static long count(Statement statement, String sql) throws java.sql.SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long survey;

    private long startRound(List<String> people) {
        ApiClient api = new ApiClient(first.port());
        if (survey == 0) {
            ApiClient.Response made = api.post("/api/v1/ics/" + ODS + "/surveys", token, pulse());
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            survey = made.json().get("id").asLong();
        }
        ApiClient.Response started = api.post(
                "/api/v1/ics/" + ODS + "/surveys/" + survey + "/invitations?wait_seconds=0",
                token,
                ApiClient.json("emails", people));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("mailing").get("id").asLong();
    }

    private static String pulse() {
        try {
            return new ClassPathResource("engagement/pulse.json").getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode awaitFinished(ApiClient api, long round, Duration patience) {
        String path = "/api/v1/ics/" + ODS + "/surveys/" + survey + "/mailings/" + round;
        return await().atMost(patience)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(path, token).json(), m -> m.get("finished").asBoolean());
    }

    private static List<String> people(String who, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> who + "." + i + "@instances.example")
                .toList();
    }

    /** How many emails each of these people received, leaving out those who received none. */
    private static Map<String, Integer> received(List<String> people) throws MessagingException {
        java.util.Set<String> wanted = new java.util.HashSet<>(people);
        Map<String, Integer> counts = new HashMap<>();
        List<MimeMessage> all =
                new ArrayList<>(List.of(TestMailServer.instance().getReceivedMessages()));
        for (MimeMessage message : all) {
            for (Address to : message.getAllRecipients()) {
                String address = to.toString();
                if (wanted.contains(address)) {
                    counts.merge(address, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
