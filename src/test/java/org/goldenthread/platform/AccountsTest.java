package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AccountsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSingleSignOnUserHasNoPasswordToGuess() {
        String ods = createIcs("SSO only");
        Response created = api.post(
                "/api/v1/admin/users",
                adminToken(),
                ApiClient.json("email", "sso.only@test.example", "role", "member", "ics", ods));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("display_name").asString()).isEqualTo("sso.only");
        assertThat(api.requestToken("sso.only@test.example", "").status()).isEqualTo(401);
        assertThat(api.requestToken("sso.only@test.example", "anything at all here")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void addingARoleToAnExistingAccountKeepsItsPassword() {
        String first = createIcs("First home");
        String second = createIcs("Second home");
        String email = createUser("member", first);
        String secondAdmin = tokenFor(createUser("ics_admin", second));
        // administrators never choose other people's passwords: one given is refused and nothing changes
        Response withPassword = api.post(
                "/api/v1/ics/" + second + "/users",
                secondAdmin,
                ApiClient.json("email", email, "role", "analyst", "password", "an attempt to take over"));
        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.json().get("errors").get(0).get("field").asString())
                .isEqualTo("password");
        int emailsBefore = TestMailServer.to(email).size();
        Response added = api.post(
                "/api/v1/ics/" + second + "/users", secondAdmin, ApiClient.json("email", email, "role", "analyst"));
        assertThat(added.status()).isEqualTo(201);
        // the granting administrator is told the account existed, and its holder is emailed
        assertThat(added.json().get("account_existed").asBoolean()).isTrue();
        assertThat(added.json().get("emailed").asBoolean()).isTrue();
        assertThat(added.json().get("claim_link").isNull()).isTrue();
        assertThat(TestMailServer.to(email)).hasSize(emailsBefore + 1);
        // The second ICS sees only the role held there, not the person's roles elsewhere.
        assertThat(added.json().get("roles")).hasSize(1);
        assertThat(added.json().get("roles").get(0).get("ics").asString()).isEqualTo(second);
        assertThat(api.requestToken(email, "an attempt to take over").status()).isEqualTo(401);
        assertThat(api.requestToken(email, PASSWORD).status()).isEqualTo(201);

        Response twice = api.post(
                "/api/v1/ics/" + second + "/users", secondAdmin, ApiClient.json("email", email, "role", "analyst"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("reason").asString()).contains("already holds this role");
    }

    @Test
    void aPlaceLeadIsScopedToPlacesThatExist() {
        String ods = createIcs("Places ICS");
        String admin = tokenFor(createUser("ics_admin", ods));
        assertThat(api.post("/api/v1/ics/" + ods + "/places", admin, ApiClient.json("name", "Hillside"))
                        .status())
                .isEqualTo(201);
        Response unknown = api.post(
                "/api/v1/ics/" + ods + "/users",
                admin,
                ApiClient.json(
                        "email", "lead@test.example", "role", "place_lead", "places", java.util.List.of("Nowhere")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("places");
        Response none = api.post(
                "/api/v1/ics/" + ods + "/users",
                admin,
                ApiClient.json("email", "lead@test.example", "role", "place_lead"));
        assertThat(none.status()).isEqualTo(400);
        Response ok = api.post(
                "/api/v1/ics/" + ods + "/users",
                admin,
                ApiClient.json(
                        "email", "lead@test.example", "role", "place_lead", "places", java.util.List.of("Hillside")));
        assertThat(ok.status()).isEqualTo(201);
        JsonNode role = ok.json().get("roles").get(0);
        assertThat(role.get("places").get(0).asString()).isEqualTo("Hillside");
    }

    @Test
    void everyChangeToAccountsIsAuditedWithBeforeAndAfter() {
        String ods = createIcs("Audited");
        String admin = tokenFor(createUser("ics_admin", ods));
        api.post(
                "/api/v1/ics/" + ods + "/users",
                admin,
                ApiClient.json("email", "audited.person@test.example", "role", "member"));
        JsonNode entries = api.get("/api/v1/ics/" + ods + "/audit?action=user.role_granted", admin)
                .json();
        JsonNode entry = entries.valueStream()
                .filter(e -> e.toString().contains("audited.person"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("actor").asString()).startsWith("ics_admin.");
        assertThat(entry.get("after").get("role").asString()).isEqualTo("member");
        assertThat(entry.get("after").get("ics").asString()).isEqualTo(ods);
        assertThat(entry.get("at").asString()).isNotBlank();
        assertThat(entries.toString()).doesNotContain("password_hash", "$argon2");
    }

    /**
     * An ICS administrator may add any existing account to their ICS. Resetting its password then
     * must not hand them an account that also lives elsewhere.
     */
    @Test
    void anIcsAdministratorCannotTakeOverAnAccountThatAlsoLivesElsewhere() {
        String a = createIcs("Takeover A");
        String b = createIcs("Takeover B");
        String adminA = tokenFor(createUser("ics_admin", a));
        String memberOfB = createUser("member", b);
        // A platform administrator of its own, so that other tests' platform administrator keeps no ICS role.
        String otherPlatformAdmin = createUser("platform_admin", null);

        Response platformAdmin = api.post(
                "/api/v1/ics/" + a + "/users",
                adminA,
                ApiClient.json("email", otherPlatformAdmin, "role", "member", "display_name", "Someone"));
        assertThat(platformAdmin.status()).isEqualTo(201);
        assertThat(platformAdmin.json().get("display_name").isNull())
                .as("the existing name is not revealed")
                .isTrue();
        Response fromB =
                api.post("/api/v1/ics/" + a + "/users", adminA, ApiClient.json("email", memberOfB, "role", "member"));
        assertThat(fromB.status()).isEqualTo(201);
        assertThat(fromB.body()).doesNotContain("Test member");
        // nor read once the account holds a role here: its name and state are the platform's
        Response seen =
                api.get("/api/v1/ics/" + a + "/users/" + fromB.json().get("id").asString(), adminA);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).contains(memberOfB).doesNotContain("Test member");
        assertThat(api.get("/api/v1/ics/" + a + "/users", adminA).body())
                .doesNotContain("Test member")
                .doesNotContain("Test platform_admin")
                .contains("Test ics_admin");

        java.util.List<String> protectedIds = java.util.List.of(
                platformAdmin.json().get("id").asString(),
                fromB.json().get("id").asString());
        int emailsToB = TestMailServer.to(memberOfB).size();
        for (String id : protectedIds) {
            Response reset = api.post("/api/v1/ics/" + a + "/users/" + id + "/password", adminA, null);
            assertThat(reset.status()).as("reset of user " + id).isEqualTo(403);
        }
        assertThat(TestMailServer.to(memberOfB)).as("no link was sent").hasSize(emailsToB);
        assertThat(api.requestToken(memberOfB, PASSWORD).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/admin/audit?action=user.password_reset_refused", adminToken())
                        .json()
                        .findValuesAsString("entity_id"))
                .containsAll(protectedIds);
        assertThat(api.get("/api/v1/ics/" + a + "/audit?action=user.password_reset_refused", adminA)
                        .json()
                        .findValuesAsString("entity_id"))
                .containsExactlyInAnyOrderElementsOf(protectedIds);

        // Someone who lives only in this ICS can still be helped by its administrator, and that is audited.
        // The link goes to the person's mailbox, not to the administrator.
        String onlyHere = createUser("member", a);
        String oldToken = tokenFor(onlyHere);
        Response reset =
                api.post("/api/v1/ics/" + a + "/users/" + idIn(a, adminA, onlyHere) + "/password", adminA, null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("emailed").asBoolean()).isTrue();
        assertThat(reset.json().get("link").isNull()).isTrue();
        String link = emailedLink(onlyHere);
        assertThat(useLink(link, "a fresh password for you").status()).isEqualTo(204);
        assertThat(api.requestToken(onlyHere, "a fresh password for you").status())
                .isEqualTo(201);
        assertThat(api.requestToken(onlyHere, PASSWORD).status())
                .as("the old password")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", oldToken).status())
                .as("tokens end with a reset")
                .isEqualTo(401);
        assertThat(useLink(link, "and once more again please").status())
                .as("the link works once")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + a + "/audit?action=user.password_link_sent", adminA)
                        .body())
                .contains("user.password_link_sent");
        assertThat(api.get("/api/v1/admin/audit?action=user.password_reset", adminToken())
                        .body())
                .contains("user.password_reset");
    }

    /** Saying "locked" or "switched off" to a wrong password would confirm that the account exists. */
    @Test
    void onlyTheRightPasswordLearnsThatAnAccountIsLockedOrSwitchedOff() {
        String ods = createIcs("Enumeration");
        String admin = tokenFor(createUser("ics_admin", ods));
        String locked = createUser("member", ods);
        String disabled = createUser("member", ods);
        for (int i = 0; i < 5; i++) {
            assertThat(api.requestToken(locked, "wrong password number " + i).status())
                    .isEqualTo(401);
        }
        Scope.systemPlatform()
                .run(() -> jdbc.sql("update app_user set disabled = true where email = ?")
                        .params(disabled)
                        .update());

        Response unknown = api.requestToken("no.such.person@test.example", "a wrong password here");
        for (String email : java.util.List.of(locked, disabled)) {
            Response wrong = api.requestToken(email, "a wrong password here");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).as(email).isEqualTo(unknown.body());
        }
        Response lockedRight = api.requestToken(locked, PASSWORD);
        assertThat(lockedRight.status()).as("a locked account does not sign in").isEqualTo(401);
        assertThat(lockedRight.json().get("detail").asString()).contains("locked");
        Response disabledRight = api.requestToken(disabled, PASSWORD);
        assertThat(disabledRight.status()).isEqualTo(401);
        assertThat(disabledRight.json().get("detail").asString()).contains("disabled");

        // The guess at the locked account was counted without locking it all over again.
        String lockedId = String.valueOf(idIn(ods, admin, locked));
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=user.locked", admin)
                        .json()
                        .findValuesAsString("entity_id"))
                .isEmpty();
        assertThat(api
                        .get("/api/v1/admin/audit?action=user.locked", adminToken())
                        .json()
                        .findValuesAsString("entity_id")
                        .stream()
                        .filter(lockedId::equals))
                .hasSize(1);
        assertThat(Scope.systemPlatform()
                        .run(() -> jdbc.sql("select failed_sign_ins from app_user where email = ?")
                                .params(locked)
                                .query(Integer.class)
                                .single()))
                .isEqualTo(6);
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
