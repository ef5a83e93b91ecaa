package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without a mail server an administrator is shown the one-time link to pass on. They could use it
 * themselves, so what it opens is bounded by their own ICS: it never reaches an account that holds a
 * role anywhere else, and a password chosen through it does not follow the account elsewhere.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gt.database.ephemeral=true",
            "gt.admin.email=" + IntegrationTest.ADMIN_EMAIL,
            "gt.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
            "gt.demo=false",
            "gt.api.max-concurrent=200",
            // no mail server: the application of every other integration test has one
            "spring.mail.host="
        })
class HandedOverLinkTest {

    private static final String PASSWORD = IntegrationTest.PASSWORD;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    ApiClient api;
    String adminToken;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        adminToken = api.token(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    }

    private String adminToken() {
        return adminToken;
    }

    private String createIcs(String name) {
        String ods =
                "H" + Integer.toString(36 * 36 + SEQUENCE.incrementAndGet(), 36).toUpperCase();
        assertThat(api.post(
                                "/api/v1/admin/ics",
                                adminToken,
                                ApiClient.json("ods_code", ods, "name", name, "region", "Test region"))
                        .status())
                .isEqualTo(201);
        return ods;
    }

    private static String uniqueEmail(String who) {
        return who + ".handover." + SEQUENCE.incrementAndGet() + "@test.example";
    }

    private Response useLink(String link, String password) {
        return api.post(
                "/api/v1/account-links/use",
                null,
                ApiClient.json("token", link.substring(link.lastIndexOf('/') + 1), "password", password));
    }

    @Test
    void aLinkShownToOneIcsAdministratorStopsWorkingOnceTheAccountHasARoleInAnotherIcs() {
        String a = createIcs("Handover A");
        String b = createIcs("Handover B");
        String adminA = handedOverAdmin(a);
        String adminB = handedOverAdmin(b);
        String email = uniqueEmail("shared.person");

        Response created =
                api.post("/api/v1/ics/" + a + "/users", adminA, ApiClient.json("email", email, "role", "member"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("emailed").asBoolean()).isFalse();
        String linkShownToA = created.json().get("claim_link").asString();
        assertThat(linkShownToA).contains("/claim/");

        // B adds the same address: told it exists, shown no link, and A's link dies
        Response addedByB =
                api.post("/api/v1/ics/" + b + "/users", adminB, ApiClient.json("email", email, "role", "member"));
        assertThat(addedByB.status()).isEqualTo(201);
        assertThat(addedByB.json().get("account_existed").asBoolean()).isTrue();
        assertThat(addedByB.json().get("claim_link").isNull()).isTrue();
        Response used = useLink(linkShownToA, "copper kettle mountain sparrow");
        assertThat(used.status()).isEqualTo(404);
        assertThat(used.json().get("detail").asString()).contains("roles elsewhere");
        assertThat(api.requestToken(email, "copper kettle mountain sparrow").status())
                .isEqualTo(401);

        // nor can A ask for a fresh link for an account that now also lives in B
        long id = api.get("/api/v1/ics/" + a + "/users", adminA)
                .json()
                .valueStream()
                .filter(u -> u.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(api.post("/api/v1/ics/" + a + "/users/" + id + "/password", adminA, null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aPasswordChosenThroughAHandedOverLinkDoesNotFollowTheAccountToAnotherIcs() {
        String a = createIcs("Claimed A");
        String b = createIcs("Claimed B");
        String adminA = handedOverAdmin(a);
        String adminB = handedOverAdmin(b);
        String email = uniqueEmail("claimed.by.admin");
        String link = api.post("/api/v1/ics/" + a + "/users", adminA, ApiClient.json("email", email, "role", "member"))
                .json()
                .get("claim_link")
                .asString();
        // the administrator of A uses the link themselves
        assertThat(useLink(link, "copper kettle mountain sparrow").status()).isEqualTo(204);
        String tokenOfA = api.token(email, "copper kettle mountain sparrow");

        assertThat(api.post("/api/v1/ics/" + b + "/users", adminB, ApiClient.json("email", email, "role", "ics_admin"))
                        .status())
                .isEqualTo(201);
        assertThat(api.requestToken(email, "copper kettle mountain sparrow").status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/ics/" + b, tokenOfA).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/audit?action=user.password_cleared", adminToken())
                        .body())
                .contains("user.password_cleared");
    }

    /** An ICS administrator created, and claimed, through the platform administrator's handed-over link. */
    private String handedOverAdmin(String ods) {
        String email = uniqueEmail("ics_admin");
        Response created = api.post(
                "/api/v1/admin/users", adminToken(), ApiClient.json("email", email, "role", "ics_admin", "ics", ods));
        assertThat(created.json().get("emailed").asBoolean()).isFalse();
        assertThat(useLink(created.json().get("claim_link").asString(), PASSWORD)
                        .status())
                .isEqualTo(204);
        return api.token(email, PASSWORD);
    }
}
