package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.goldenthread.platform.tenancy.Tenants;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Two ICSs on one platform must not see or touch each other's records, however they ask. */
class TenantIsolationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenants tenants;

    @Test
    void aQueryThatForgetsTheTenantFilterStillSeesOnlyItsOwnIcs() {
        String a = createIcs("Isolation A");
        String b = createIcs("Isolation B");
        Tenant tenantA = Scope.systemPlatform().run(() -> tenants.tenant(a)).orElseThrow();
        Tenant tenantB = Scope.systemPlatform().run(() -> tenants.tenant(b)).orElseThrow();
        Scope.system(tenantA)
                .run(() -> jdbc.sql("insert into place (ics_id, name) values (?, 'Only in A')")
                        .params(tenantA.id())
                        .update());
        Scope.system(tenantB)
                .run(() -> jdbc.sql("insert into place (ics_id, name) values (?, 'Only in B')")
                        .params(tenantB.id())
                        .update());

        // No WHERE clause at all: row-level security does the filtering.
        List<String> seenByA = Scope.system(tenantA)
                .run(() ->
                        jdbc.sql("select name from place").query(String.class).list());
        List<String> seenByB = Scope.system(tenantB)
                .run(() ->
                        jdbc.sql("select name from place").query(String.class).list());
        List<String> seenByNobody =
                jdbc.sql("select name from place").query(String.class).list();

        assertThat(seenByA).containsExactly("Only in A");
        assertThat(seenByB).containsExactly("Only in B");
        assertThat(seenByNobody).isEmpty();
    }

    @Test
    void aTenantCannotWriteRowsIntoAnotherIcs() {
        Tenant tenantA = Scope.systemPlatform()
                .run(() -> tenants.tenant(createIcs("Writer A")))
                .orElseThrow();
        Tenant tenantB = Scope.systemPlatform()
                .run(() -> tenants.tenant(createIcs("Target B")))
                .orElseThrow();

        assertThatThrownBy(() -> Scope.system(tenantA)
                        .run(() -> jdbc.sql("insert into place (ics_id, name) values (?, 'Planted')")
                                .params(tenantB.id())
                                .update()))
                .rootCause()
                .hasMessageContaining("row-level security");
        int updated = Scope.system(tenantA)
                .run(() -> jdbc.sql("update place set name = 'Hijacked' where ics_id = ?")
                        .params(tenantB.id())
                        .update());
        assertThat(updated).isZero();
    }

    /** Foreign keys are checked past row-level security, so they must carry ics_id themselves. */
    @Test
    void aNeighbourhoodCannotPointAtAPlaceInAnotherIcs() {
        Tenant tenantA = Scope.systemPlatform()
                .run(() -> tenants.tenant(createIcs("Keys A")))
                .orElseThrow();
        Tenant tenantB = Scope.systemPlatform()
                .run(() -> tenants.tenant(createIcs("Keys B")))
                .orElseThrow();
        long placeInB = Scope.system(tenantB)
                .run(() -> jdbc.sql("insert into place (ics_id, name) values (?, 'Place of B') returning id")
                        .params(tenantB.id())
                        .query(Long.class)
                        .single());

        assertThatThrownBy(() -> Scope.system(tenantA)
                        .run(() -> jdbc.sql(
                                        "insert into neighbourhood (ics_id, place_id, name) values (?, ?, 'Borrowed')")
                                .params(tenantA.id(), placeInB)
                                .update()))
                .rootCause()
                .hasMessageContaining("neighbourhood_place_in_same_ics");
        assertThatThrownBy(() -> Scope.system(tenantA)
                        .run(() -> jdbc.sql(
                                        "insert into organisation (ics_id, place_id, name, sector) values (?, ?, 'Borrowed', 'vcse')")
                                .params(tenantA.id(), placeInB)
                                .update()))
                .rootCause()
                .hasMessageContaining("organisation_place_in_same_ics");
        assertThat(jdbc.sql("""
                        select count(*) from pg_constraint
                         where conname in ('neighbourhood_place_in_same_ics', 'organisation_place_in_same_ics')
                           and convalidated""").query(Integer.class).single()).isEqualTo(2);
    }

    /**
     * role_grant is the one exception: it says which ICSs a user may enter, so it is read before
     * any ICS is in scope, and only the accounts service touches it.
     */
    @Test
    void everyTenantOwnedTableIsBehindRowLevelSecurity() {
        List<String> unprotected = jdbc.sql("""
                        select c.relname from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                          join pg_attribute a on a.attrelid = c.oid and a.attname = 'ics_id' and not a.attisdropped
                         where c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)
                           and c.relname <> 'role_grant'""").query(String.class).list();
        assertThat(unprotected)
                .as("tables with ics_id but without forced row-level security")
                .isEmpty();
    }

    @Test
    void theApplicationWorksAsARoleThatRowLevelSecurityAppliesTo() {
        Boolean superuser = jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class)
                .single();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("gt_app");
        assertThat(superuser).isFalse();
    }

    @Test
    void icsAdminsInDifferentIcssCannotReadOrChangeEachOthersDataThroughTheApi() {
        String a = createIcs("API A");
        String b = createIcs("API B");
        String adminA = tokenFor(createUser("ics_admin", a));
        String adminB = tokenFor(createUser("ics_admin", b));
        Response placeInA = api.post("/api/v1/ics/" + a + "/places", adminA, ApiClient.json("name", "Secret Place"));
        assertThat(placeInA.status()).isEqualTo(201);
        long placeId = placeInA.json().get("id").asLong();

        // B's admin asking about A directly: as if A did not exist.
        assertThat(api.get("/api/v1/ics/" + a + "/places", adminB).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + a, adminB).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + a + "/places/" + placeId, adminB).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + a + "/users", adminB).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + a + "/audit", adminB).status()).isEqualTo(404);
        // ...and an ICS that really does not exist answers the same way.
        assertThat(api.get("/api/v1/ics/ZZZZ9/places", adminB).body())
                .isEqualTo(api.get("/api/v1/ics/" + a + "/places", adminB).body());
        // A guessed id through B's own path finds nothing.
        assertThat(api.get("/api/v1/ics/" + b + "/places/" + placeId, adminB).status())
                .isEqualTo(404);
        // Writes into A are refused and change nothing.
        assertThat(api.post("/api/v1/ics/" + a + "/places", adminB, ApiClient.json("name", "Intruder"))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/ics/" + a + "/users",
                                adminB,
                                ApiClient.json("email", "mole@test.example", "role", "ics_admin"))
                        .status())
                .isEqualTo(404);
        // Creating a user "in" A from B's path puts nothing in A.
        Response sneaky = api.post(
                "/api/v1/ics/" + b + "/users",
                adminB,
                ApiClient.json("email", "mole2@test.example", "role", "ics_admin", "ics", a));
        assertThat(sneaky.status()).isEqualTo(400);
        assertThat(sneaky.json().get("errors").get(0).get("field").asString()).isEqualTo("ics");

        JsonNode placesOfA = api.get("/api/v1/ics/" + a + "/places", adminA).json();
        assertThat(placesOfA).hasSize(1);
        assertThat(placesOfA.get(0).get("name").asString()).isEqualTo("Secret Place");
        JsonNode usersOfA = api.get("/api/v1/ics/" + a + "/users", adminA).json();
        assertThat(usersOfA.toString()).doesNotContain("mole");
        assertThat(api.get("/api/v1/ics/" + b + "/places", adminB).json()).isEmpty();
    }

    @Test
    void anIcsAdminCannotReachPlatformAdministration() {
        String a = createIcs("No platform");
        String adminA = tokenFor(createUser("ics_admin", a));
        assertThat(api.get("/api/v1/admin/ics", adminA).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/ics", adminA, ApiClient.json("ods_code", "QQQ1", "name", "Mine"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/admin/users",
                                adminA,
                                ApiClient.json("email", "boss@test.example", "role", "platform_admin"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/ics", adminToken()).body()).doesNotContain("QQQ1", "boss@test.example");
    }

    @Test
    void aMemberCannotManageUsers() {
        String a = createIcs("Members");
        String member = tokenFor(createUser("member", a));
        assertThat(api.get("/api/v1/ics/" + a + "/users", member).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ics/" + a, member)
                        .json()
                        .get("roles")
                        .get(0)
                        .asString())
                .isEqualTo("member");
    }

    /** The ICS in a path is read as the controllers read it, however the request spells it. */
    @Test
    void anIcsPathResolvesAsTheControllersSeeItOrIsNotFound() {
        String a = createIcs("Spelling A");
        String b = createIcs("Spelling B");
        String adminA = tokenFor(createUser("ics_admin", a));
        String adminB = tokenFor(createUser("ics_admin", b));
        api.post("/api/v1/ics/" + a + "/places", adminA, ApiClient.json("name", "Spelt Place"));
        String encodedA = a.chars().mapToObj(c -> "%%%02X".formatted(c)).collect(java.util.stream.Collectors.joining());

        // The ICS's own administrator reaches it however the code is spelt...
        Response own = api.get("/api/v1/ics/" + encodedA + "/places", adminA);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("Spelt Place");
        assertThat(api.get("/api/v1/ics/" + encodedA, adminA)
                        .json()
                        .get("ods_code")
                        .asString())
                .isEqualTo(a);
        assertThat(api.get("/api/v1/ics/" + a.toLowerCase() + "/places", adminA).body())
                .contains("Spelt Place");
        // ...and nobody else reaches it by any spelling.
        for (String path : List.of(
                "/api/v1/ics/" + encodedA + "/places",
                "/api/v1/ics/" + encodedA,
                "/api/v1/ics/" + a.toLowerCase() + "/places",
                "/api/v1/ics/" + b + "/../" + a + "/places",
                "/api/v1/ics/" + b + "/%2E%2E/" + a + "/places",
                "/api/v1/ics/" + b + "%2F..%2F" + a + "/places",
                "/api/v1/ics/" + b + "/./../" + encodedA + "/places")) {
            Response r = api.get(path, adminB);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("Spelt Place");
        }
        // A path naming no ICS of the caller's is not found, rather than answered without an ICS.
        for (String code : List.of("zz", "Q", "%20", "A-B-C-D-E-F", b.toLowerCase() + "x")) {
            assertThat(api.get("/api/v1/ics/" + code + "/places", adminA).status())
                    .as(code)
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/ics/" + code, adminA).status()).as(code).isEqualTo(404);
            assertThat(api.get("/api/v1/ics/" + code + "/users", adminA).status())
                    .as(code)
                    .isEqualTo(404);
        }
    }

    @Test
    void codeThatNeedsAnIcsWhereNoneIsInScopeAnswersNotFound() {
        assertThatThrownBy(Scope::currentTenant).isInstanceOf(NotFound.class);
    }
}
