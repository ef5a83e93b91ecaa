package org.goldenthread.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole application on a random port against its own throw-away embedded PostgreSQL.
 * Every test class shares one application, so each test makes its own ICSs and users with
 * unique codes rather than relying on an empty database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gt.database.ephemeral=true",
            "gt.admin.email=" + IntegrationTest.ADMIN_EMAIL,
            "gt.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
            "gt.demo=false",
            "gt.security.max-failed-logins=5",
            // tests check behaviour, not overload: the API's load shedding has its own test (AdmissionTest)
            "gt.api.max-concurrent=200"
        })
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "platform.admin@test.example";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final String PASSWORD = "a long enough password 42";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String adminToken;
    /** The application the token belongs to: a test class with settings of its own runs another one. */
    private static int adminTokenPort;

    @LocalServerPort
    protected int port;

    @Autowired
    private Tenants tenants;

    protected ApiClient api;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        StubOidcIssuer issuer = StubOidcIssuer.instance();
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.stub.client-id", () -> StubOidcIssuer.CLIENT_ID);
        registry.add(prefix + "registration.stub.client-secret", () -> "not-a-secret");
        registry.add(prefix + "registration.stub.client-name", () -> "Test identity provider");
        registry.add(prefix + "registration.stub.scope", () -> "openid,email,profile");
        registry.add(prefix + "registration.stub.authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "provider.stub.issuer-uri", issuer::issuer);
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", TestMailServer::port);
        registry.add("gt.mail.from", () -> "Golden Thread <surveys@test.example>");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    protected String adminToken() {
        synchronized (IntegrationTest.class) {
            if (adminToken == null || adminTokenPort != port) {
                adminToken = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
                adminTokenPort = port;
            }
            return adminToken;
        }
    }

    /** A fresh, unique ODS-style code such as T0A7. */
    protected static String uniqueOds() {
        return "T" + Integer.toString(36 * 36 + SEQUENCE.incrementAndGet(), 36).toUpperCase();
    }

    protected static String uniqueEmail(String who) {
        return who + "." + SEQUENCE.incrementAndGet() + "@test.example";
    }

    /** Creates an ICS through the API, as a platform administrator would. */
    protected String createIcs(String name) {
        String ods = uniqueOds();
        ApiClient.Response r = api.post(
                "/api/v1/admin/ics",
                adminToken(),
                ApiClient.json("ods_code", ods, "name", name, "region", "Test region"));
        if (r.status() != 201) {
            throw new AssertionError("Could not create an ICS: " + r.body());
        }
        return ods;
    }

    /**
     * Gives someone a role through the platform API, then claims the new account as its holder
     * would, through the one-time link emailed to them, choosing {@link #PASSWORD}. Returns the email.
     */
    protected String createUser(String role, String ods, String... places) {
        String email = uniqueEmail(role);
        ApiClient.Response r = api.post(
                "/api/v1/admin/users",
                adminToken(),
                ApiClient.json(
                        "email",
                        email,
                        "display_name",
                        "Test " + role,
                        "role",
                        role,
                        "ics",
                        ods,
                        "places",
                        java.util.List.of(places)));
        if (r.status() != 201) {
            throw new AssertionError("Could not create a user: " + r.body());
        }
        claim(email, PASSWORD);
        return email;
    }

    /** The one-time link in the newest email to this address that carries one. */
    protected static String emailedLink(String email) {
        java.util.List<jakarta.mail.internet.MimeMessage> messages = TestMailServer.to(email);
        for (int i = messages.size() - 1; i >= 0; i--) {
            String body;
            try {
                body = String.valueOf(messages.get(i).getContent());
            } catch (java.io.IOException | jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://\\S+/claim/[A-Za-z0-9_-]+")
                    .matcher(body);
            if (m.find()) {
                return m.group();
            }
        }
        throw new AssertionError("No email with a one-time link reached " + email);
    }

    /** Chooses a password with the link last emailed to this address, as its holder would. */
    protected void claim(String email, String password) {
        String link = emailedLink(email);
        ApiClient.Response used = useLink(link, password);
        if (used.status() != 204) {
            throw new AssertionError("Could not claim " + email + ": " + used.body());
        }
    }

    protected ApiClient.Response useLink(String link, String password) {
        return api.post(
                "/api/v1/account-links/use",
                null,
                ApiClient.json("token", link.substring(link.lastIndexOf('/') + 1), "password", password));
    }

    /** Sets the ICS's smallest group size shown (k) as the platform administrator does. */
    protected void setMinGroupSize(String ods, int k) {
        ApiClient.Response set = api.put(
                "/api/v1/admin/ics/" + ods + "/min-group-size", adminToken(), ApiClient.json("min_group_size", k));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** Runs system work within one ICS, to look at or arrange what the API does not show. */
    protected <T> T inIcs(String ods, Supplier<T> work) {
        Tenant tenant = Scope.systemPlatform().run(() -> tenants.tenant(ods)).orElseThrow();
        return Scope.system(tenant).run(work);
    }

    protected String tokenFor(String email) {
        return api.token(email, PASSWORD);
    }

    /** A background job of an ICS once it has ended (done, failed or interrupted), as the API gives it. */
    protected tools.jackson.databind.JsonNode finishedJob(String ods, String token, long job) {
        tools.jackson.databind.JsonNode[] last = {null};
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(3))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    last[0] = api.get("/api/v1/ics/" + ods + "/jobs/" + job, token)
                            .json();
                    return java.util.Set.of("done", "failed", "interrupted")
                            .contains(last[0].get("state").asString());
                });
        return last[0];
    }

    /** {@code count} new ICSs, named {@code name} and a number, all run by one ICS admin who has claimed the account. */
    protected java.util.List<String> icssRunBy(String admin, String name, int count) {
        java.util.List<String> icss = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ods = createIcs(name + " " + i);
            icss.add(ods);
            ApiClient.Response r = api.post(
                    "/api/v1/admin/users",
                    adminToken(),
                    ApiClient.json("email", admin, "display_name", "Benchmark admin", "role", "ics_admin", "ics", ods));
            if (r.status() != 201) {
                throw new AssertionError("Could not make " + admin + " an admin of " + ods + ": " + r.body());
            }
        }
        claim(admin, PASSWORD);
        return icss;
    }
}
