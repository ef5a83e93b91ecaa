package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Taking access away: roles, whole accounts, sessions and tokens, each audited. */
class OffboardingTest extends IntegrationTest {

    @Test
    void anIcsAdministratorRemovesARoleInTheirIcsAndOnlyThere() {
        String a = createIcs("Offboard A");
        String b = createIcs("Offboard B");
        String adminA = tokenFor(createUser("ics_admin", a));
        String leaver = createUser("member", a);
        assertThat(api.post(
                                "/api/v1/admin/users",
                                adminToken(),
                                ApiClient.json("email", leaver, "role", "analyst", "ics", b))
                        .status())
                .as("a role in B for the removal from A to leave alone")
                .isEqualTo(201);
        String leaverToken = tokenFor(leaver);
        long id = idIn(a, adminA, leaver);

        // not a role held here: nothing to remove, and the role in B is out of reach
        assertThat(api.delete("/api/v1/ics/" + a + "/users/" + id + "/roles/analyst", adminA)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/ics/" + a + "/users/" + id + "/roles/wizard", adminA)
                        .status())
                .isEqualTo(400);
        assertThat(api.delete("/api/v1/ics/" + a + "/users/" + id + "/roles/member", adminA)
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/ics/" + a, leaverToken).status())
                .as("no role left in A")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + b, leaverToken).status())
                .as("the role in B stays")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + a + "/audit?action=user.role_removed", adminA)
                        .json()
                        .findValuesAsString("entity_id"))
                .containsExactly(String.valueOf(id));
    }

    @Test
    void aPlatformAdministratorSwitchesAnAccountOffEndingItsTokensAndOnAgainWithoutThem() {
        String ods = createIcs("Switch off");
        String person = createUser("member", ods);
        String token = tokenFor(person);
        long id = platformId(person);

        String icsAdmin = tokenFor(createUser("ics_admin", ods));
        assertThat(api.post("/api/v1/admin/users/" + id + "/disable", icsAdmin, null)
                        .status())
                .as("ICS administrators manage roles, not accounts")
                .isEqualTo(403);

        assertThat(api.post("/api/v1/admin/users/" + id + "/disable", adminToken(), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/ics/" + ods, token).status()).isEqualTo(401);
        assertThat(api.requestToken(person, PASSWORD).status()).isEqualTo(401);

        assertThat(api.post("/api/v1/admin/users/" + id + "/enable", adminToken(), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/ics/" + ods, token).status())
                .as("the old token stays revoked")
                .isEqualTo(401);
        assertThat(api.requestToken(person, PASSWORD).status()).isEqualTo(201);

        List<String> actions = api.get("/api/v1/admin/audit", adminToken())
                .json()
                .valueStream()
                .filter(e -> String.valueOf(id).equals(e.get("entity_id").asString()))
                .map(e -> e.get("action").asString())
                .toList();
        assertThat(actions).contains("user.disabled", "user.enabled");
    }

    @Test
    void endingSessionsRevokesEveryTokenOfTheAccount() {
        String ods = createIcs("End sessions");
        String person = createUser("member", ods);
        String first = tokenFor(person);
        String second = tokenFor(person);
        assertThat(api.post("/api/v1/admin/users/" + platformId(person) + "/end-sessions", adminToken(), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/tokens", first).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", second).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/audit?action=user.sessions_ended", adminToken())
                        .body())
                .contains(String.valueOf(platformId(person)));
    }

    @Test
    void aPlatformAdministratorCannotLockThemselvesOut() {
        long self = platformId(ADMIN_EMAIL);
        Response off = api.post("/api/v1/admin/users/" + self + "/disable", adminToken(), null);
        assertThat(off.status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/admin/users/" + self + "/roles/platform_admin", adminToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/admin/ics", adminToken()).status()).isEqualTo(200);
    }

    @Test
    void newPasswordsThatAreCommonOrBreachedAreRefused() {
        String ods = createIcs("Common passwords");
        String email = uniqueEmail("weak");
        api.post("/api/v1/admin/users", adminToken(), ApiClient.json("email", email, "role", "member", "ics", ods));
        String link = emailedLink(email);
        for (String weak : List.of("password1234", "Password123!", "123456789012", "qwertyuiop12", "letmeinletmein")) {
            Response refused = useLink(link, weak);
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("password");
            assertThat(refused.json().get("errors").get(0).get("reason").asString())
                    .contains("too easy to guess");
        }
        assertThat(useLink(link, "copper kettle mountain sparrow").status()).isEqualTo(204);
        assertThat(api.requestToken(email, "copper kettle mountain sparrow").status())
                .isEqualTo(201);
    }

    @Test
    void metricsAreForPlatformAdministratorsOnly() {
        String ods = createIcs("Metrics");
        String icsAdmin = tokenFor(createUser("ics_admin", ods));
        assertThat(api.get("/actuator/metrics", icsAdmin).status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics/http.server.requests", icsAdmin).status())
                .isEqualTo(403);
        assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics/http.server.requests", adminToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void failedSignInsAreAudited() {
        String ods = createIcs("Failed sign-ins");
        String person = createUser("member", ods);
        api.requestToken(person, "not the right password at all");
        api.requestToken("nobody.here@test.example", "not the right password at all");
        String failures = api.get("/api/v1/admin/audit?action=user.sign_in_failed", adminToken())
                .body();
        assertThat(failures).contains(String.valueOf(platformId(person)), "wrong password", "nobody.here@test.example");
    }

    private long platformId(String email) {
        return api.get("/api/v1/admin/users", adminToken())
                .json()
                .valueStream()
                .filter(u -> u.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }

    private long idIn(String ods, String adminToken, String email) {
        return api.get("/api/v1/ics/" + ods + "/users", adminToken)
                .json()
                .valueStream()
                .filter(u -> u.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }
}
