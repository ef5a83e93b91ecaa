package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wrong credentials and bad requests get a clear 4xx answer and change nothing. */
class ApiInputTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private String snapshot() {
        return Scope.systemPlatform()
                .run(() -> jdbc.sql("""
                        select (select count(*) from ics) || '/' || (select count(*) from app_user) || '/'
                               || (select count(*) from role_grant) || '/' || (select count(*) from api_token)""").query(String.class).single());
    }

    @Test
    void aWrongPasswordGetsNoTokenAndAClearAnswer() {
        String email = createUser("member", createIcs("Passwords"));
        String before = snapshot();
        Response wrong = api.requestToken(email, "not the password at all");
        Response unknown = api.requestToken("nobody.here@test.example", PASSWORD);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("detail").asString()).contains("not accepted");
        // An unknown email gets the same answer as a wrong password.
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdministratorResetsIt() {
        String ods = createIcs("Lockout");
        String email = createUser("member", ods);
        for (int i = 0; i < 5; i++) {
            assertThat(api.requestToken(email, "wrong password number " + i).status())
                    .isEqualTo(401);
        }
        Response locked = api.requestToken(email, PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).contains("locked");

        long id = api.get("/api/v1/admin/users", adminToken())
                .json()
                .valueStream()
                .filter(u -> u.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(api.post("/api/v1/admin/users/" + id + "/password", adminToken(), null)
                        .status())
                .isEqualTo(200);
        String link = emailedLink(email);
        assertThat(useLink(link, "short").status()).isEqualTo(400);
        assertThat(api.requestToken(email, PASSWORD).status())
                .as("a rejected reset leaves the lock")
                .isEqualTo(401);
        assertThat(useLink(link, "a brand new pass phrase").status()).isEqualTo(204);
        assertThat(api.requestToken(email, "a brand new pass phrase").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/admin/audit?action=user.locked", adminToken())
                        .body())
                .contains("user.locked");
    }

    @Test
    void badAndRevokedTokensAreRefused() {
        String ods = createIcs("Tokens");
        String email = createUser("ics_admin", ods);
        String token = tokenFor(email);
        assertThat(api.get("/api/v1/ics/" + ods + "/places", token).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/ics/" + ods + "/places", "gt_madeUpTokenValue")
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/ics/" + ods + "/places", "not even the right shape")
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/ics/" + ods + "/places", null).status()).isEqualTo(401);

        long tokenId = api.get("/api/v1/tokens", token).json().get(0).get("id").asLong();
        String other = tokenFor(createUser("ics_admin", ods));
        assertThat(api.delete("/api/v1/tokens/" + tokenId, other).status())
                .as("nobody can revoke someone else's token")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + ods + "/places", token).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/tokens/" + tokenId, token).status()).isEqualTo(204);
        Response afterRevoke = api.get("/api/v1/ics/" + ods + "/places", token);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.json().get("detail").asString()).contains("revoked");
        assertThat(api.post("/api/v1/ics/" + ods + "/places", token, ApiClient.json("name", "Ghost"))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/ics/" + ods + "/places", other).json()).isEmpty();
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesNameTheProblem() {
        String before = snapshot();
        Response malformed = api.post("/api/v1/admin/ics", adminToken(), "{\"ods_code\": \"QX1\", \"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("not valid JSON");

        Response unknown = api.post(
                "/api/v1/admin/ics", adminToken(), "{\"ods_code\": \"QX1\", \"name\": \"X\", \"tenant_secret\": true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("tenant_secret");

        Response wrongType = api.post(
                "/api/v1/admin/users",
                adminToken(),
                "{\"email\": \"x@test.example\", \"role\": \"member\", \"places\": {\"a\": 1}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString())
                .isEqualTo("places");

        Response invalid =
                api.post("/api/v1/admin/ics", adminToken(), ApiClient.json("ods_code", "not ods", "name", ""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactly("ods_code", "name");

        Response badUser = api.post(
                "/api/v1/admin/users", adminToken(), ApiClient.json("email", "not-an-email", "role", "wizard"));
        assertThat(badUser.json().get("errors").findValuesAsString("field")).contains("email", "role");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        String before = snapshot();
        byte[] huge =
                ("{\"ods_code\":\"QX2\",\"name\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Response r = api.post("/api/v1/admin/ics", adminToken(), "application/json", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asString()).contains("larger than");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void unknownPathsAndMethodsAnswerWithProblems() {
        Response missing = api.get("/api/v1/nothing-here", adminToken());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(api.delete("/api/v1/admin/ics", adminToken()).status()).isEqualTo(405);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Response doc = api.get("/api/v1/openapi", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body())
                .contains("/api/v1/tokens", "/api/v1/admin/ics/{ods}/merge-into/{target}", "/api/v1/admin/users");
    }

    /** A huge page number once overflowed the row offset and failed with a 500. */
    @Test
    void anAuditLogPageOutOfRangeIsRefusedNamingThePage() {
        String ods = createIcs("Audit pages");
        String icsAdmin = tokenFor(createUser("ics_admin", ods));
        for (String page : java.util.List.of("2147483647", "100001", "-1", "0", "99999999999", "two")) {
            for (String path : java.util.List.of("/api/v1/ics/" + ods + "/audit", "/api/v1/admin/audit")) {
                Response r = api.get(path + "?page=" + page, path.contains("admin") ? adminToken() : icsAdmin);
                assertThat(r.status()).as(path + "?page=" + page).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asString())
                        .isEqualTo("page");
                assertThat(r.json().get("errors").get(0).get("reason").asString())
                        .contains("1 to 100000");
            }
        }
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?page=100000", icsAdmin)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + ods + "/audit?page=1", icsAdmin).json())
                .isNotEmpty();
    }

    @Test
    void aNullAmongThePlacesIsRefusedNamingThePlaces() {
        String ods = createIcs("Null places");
        String icsAdmin = tokenFor(createUser("ics_admin", ods));
        assertThat(api.post("/api/v1/ics/" + ods + "/places", icsAdmin, ApiClient.json("name", "Hillside"))
                        .status())
                .as("a real place beside the null")
                .isEqualTo(201);
        String before = snapshot();
        for (String places : java.util.List.of("[null]", "[\"Hillside\", null]")) {
            String body = "{\"email\": \"nulls@test.example\", \"role\": \"place_lead\", \"ics\": \"" + ods
                    + "\", \"places\": " + places + "}";
            for (Response r : java.util.List.of(
                    api.post("/api/v1/admin/users", adminToken(), body),
                    api.post("/api/v1/ics/" + ods + "/users", icsAdmin, body))) {
                assertThat(r.status()).as(places).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asString())
                        .isEqualTo("places");
                assertThat(r.json().get("errors").get(0).get("reason").asString())
                        .contains("null");
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }
}
