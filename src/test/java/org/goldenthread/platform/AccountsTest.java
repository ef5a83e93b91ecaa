package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccountsTest extends IntegrationTest {

    @Test
    void aSingleSignOnUserHasNoPasswordToGuess() {
        String ods = createIcs("SSO only");
        Response created = api.post("/api/v1/admin/users", adminToken(),
                ApiClient.json("email", "sso.only@test.example", "role", "member", "ics", ods));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("display_name").asString()).isEqualTo("sso.only");
        assertThat(api.requestToken("sso.only@test.example", "").status()).isEqualTo(401);
        assertThat(api.requestToken("sso.only@test.example", "anything at all here").status()).isEqualTo(401);
    }

    @Test
    void addingARoleToAnExistingAccountKeepsItsPassword() {
        String first = createIcs("First home");
        String second = createIcs("Second home");
        String email = createUser("member", first);
        String secondAdmin = tokenFor(createUser("ics_admin", second));
        Response added = api.post("/api/v1/ics/" + second + "/users", secondAdmin,
                ApiClient.json("email", email, "role", "analyst", "password", "an attempt to take over"));
        assertThat(added.status()).isEqualTo(201);
        // The second ICS sees only the role held there, not the person's roles elsewhere.
        assertThat(added.json().get("roles")).hasSize(1);
        assertThat(added.json().get("roles").get(0).get("ics").asString()).isEqualTo(second);
        assertThat(api.requestToken(email, "an attempt to take over").status()).isEqualTo(401);
        assertThat(api.requestToken(email, PASSWORD).status()).isEqualTo(201);

        Response twice = api.post("/api/v1/ics/" + second + "/users", secondAdmin,
                ApiClient.json("email", email, "role", "analyst"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("reason").asString()).contains("already holds this role");
    }

    @Test
    void aPlaceLeadIsScopedToPlacesThatExist() {
        String ods = createIcs("Places ICS");
        String admin = tokenFor(createUser("ics_admin", ods));
        api.post("/api/v1/ics/" + ods + "/places", admin, ApiClient.json("name", "Hillside"));
        Response unknown = api.post("/api/v1/ics/" + ods + "/users", admin,
                ApiClient.json("email", "lead@test.example", "role", "place_lead", "places", java.util.List.of("Nowhere")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("places");
        Response none = api.post("/api/v1/ics/" + ods + "/users", admin,
                ApiClient.json("email", "lead@test.example", "role", "place_lead"));
        assertThat(none.status()).isEqualTo(400);
        Response ok = api.post("/api/v1/ics/" + ods + "/users", admin,
                ApiClient.json("email", "lead@test.example", "role", "place_lead", "places", java.util.List.of("Hillside")));
        assertThat(ok.status()).isEqualTo(201);
        JsonNode role = ok.json().get("roles").get(0);
        assertThat(role.get("places").get(0).asString()).isEqualTo("Hillside");
    }

    @Test
    void everyChangeToAccountsIsAuditedWithBeforeAndAfter() {
        String ods = createIcs("Audited");
        String admin = tokenFor(createUser("ics_admin", ods));
        api.post("/api/v1/ics/" + ods + "/users", admin, ApiClient.json("email", "audited.person@test.example",
                "role", "member", "password", PASSWORD));
        JsonNode entries = api.get("/api/v1/ics/" + ods + "/audit?action=user.role_granted", admin).json();
        JsonNode entry = entries.valueStream().filter(e -> e.toString().contains("audited.person")).findFirst()
                .orElseThrow();
        assertThat(entry.get("actor").asString()).startsWith("ics_admin.");
        assertThat(entry.get("after").get("role").asString()).isEqualTo("member");
        assertThat(entry.get("after").get("ics").asString()).isEqualTo(ods);
        assertThat(entry.get("at").asString()).isNotBlank();
        assertThat(entries.toString()).doesNotContain("password_hash", "$argon2");
    }
}
