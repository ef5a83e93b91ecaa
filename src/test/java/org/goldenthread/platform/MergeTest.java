package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ICBs are merging into larger footprints: the merged ICS must keep, and show, the history of both. */
class MergeTest extends IntegrationTest {

    @Test
    void aMergedIcsKeepsItsHistoryAndTheTargetSeesBoth() {
        String small = createIcs("Small footprint");
        String large = createIcs("Large footprint");
        String smallAdminEmail = createUser("ics_admin", small);
        String smallAdmin = tokenFor(smallAdminEmail);
        String largeAdmin = tokenFor(createUser("ics_admin", large));
        assertThat(api.post("/api/v1/ics/" + small + "/places", smallAdmin, ApiClient.json("name", "Old Town"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/ics/" + large + "/places", largeAdmin, ApiClient.json("name", "New City"))
                        .status())
                .isEqualTo(201);

        Response merged = api.post("/api/v1/admin/ics/" + small + "/merge-into/" + large, adminToken(), null);
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("merged_into").asString()).isEqualTo(large);

        JsonNode places =
                api.get("/api/v1/ics/" + large + "/places", largeAdmin).json();
        assertThat(places.findValuesAsString("name")).containsExactlyInAnyOrder("Old Town", "New City");
        // The small ICS's own audit history is now visible in the larger one.
        JsonNode audit = api.get("/api/v1/ics/" + large + "/audit?action=place.created", largeAdmin)
                .json();
        assertThat(audit.toString()).contains("Old Town", "New City");
        // The small ICS's administrator now works in the larger ICS, and the old code is gone.
        assertThat(api.get("/api/v1/ics/" + large + "/places", smallAdmin).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + small + "/places", smallAdmin).status())
                .isEqualTo(404);
        JsonNode users = api.get("/api/v1/ics/" + large + "/users", largeAdmin).json();
        assertThat(users.findValuesAsString("email")).contains(smallAdminEmail);
    }

    @Test
    void mergingRefusesNonsenseAndChangesNothing() {
        String one = createIcs("One");
        String two = createIcs("Two");
        String three = createIcs("Three");
        assertThat(api.post("/api/v1/admin/ics/" + one + "/merge-into/" + one, adminToken(), null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/admin/ics/" + one + "/merge-into/NOPE1", adminToken(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/admin/ics/" + one + "/merge-into/" + two, adminToken(), null)
                        .status())
                .isEqualTo(200);
        Response again = api.post("/api/v1/admin/ics/" + one + "/merge-into/" + three, adminToken(), null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).contains("already merged into " + two);
        Response intoMerged = api.post("/api/v1/admin/ics/" + three + "/merge-into/" + one, adminToken(), null);
        assertThat(intoMerged.status()).isEqualTo(400);
        JsonNode list = api.get("/api/v1/admin/ics", adminToken()).json();
        assertThat(list.valueStream()
                        .filter(ics -> ics.get("ods_code").asString().equals(three)))
                .as("ICS " + three + " is listed once")
                .singleElement()
                .satisfies(ics -> assertThat(ics.get("merged_into").isNull()).isTrue());
    }

    @Test
    void renamingKeepsTheCodeAndIsAudited() {
        String ods = createIcs("Before rename");
        Response renamed = api.patch("/api/v1/admin/ics/" + ods, adminToken(), ApiClient.json("name", "After rename"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("After rename");
        JsonNode audit =
                api.get("/api/v1/admin/audit?action=ics.renamed", adminToken()).json();
        assertThat(audit.toString()).contains("Before rename", "After rename");
    }

    @Test
    void theReferenceListLoadsAllFortyTwoIcbsOnce() {
        Response first = api.post("/api/v1/admin/ics/load-reference", adminToken(), null);
        Response second = api.post("/api/v1/admin/ics/load-reference", adminToken(), null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json().get("added").asInt()).isZero();
        JsonNode list = api.get("/api/v1/admin/ics", adminToken()).json();
        assertThat(list.findValuesAsString("ods_code")).contains("QHM", "QE1", "QWE", "QKS");
        assertThat(list.findValuesAsString("ods_code").stream()
                        .filter(c -> c.startsWith("Q"))
                        .count())
                .isGreaterThanOrEqualTo(42);
    }

    /** A into B while B into A: one merge wins and the other is refused, never a cycle. */
    @Test
    void twoMergesAtOnceCannotMakeACycle() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String a = createIcs("Cycle A");
                String b = createIcs("Cycle B");
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Future<Response> aIntoB = pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/admin/ics/" + a + "/merge-into/" + b, adminToken(), null);
                });
                java.util.concurrent.Future<Response> bIntoA = pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/admin/ics/" + b + "/merge-into/" + a, adminToken(), null);
                });
                start.countDown();
                assertThat(java.util.List.of(aIntoB.get().status(), bIntoA.get().status()))
                        .containsExactlyInAnyOrder(200, 400);
                long merged = api.get("/api/v1/admin/ics", adminToken())
                        .json()
                        .valueStream()
                        .filter(i -> i.get("ods_code").asString().equals(a)
                                || i.get("ods_code").asString().equals(b))
                        .filter(i -> !i.get("merged_into").isNull())
                        .count();
                assertThat(merged).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theMergedIcsKeepsBothRegistersAndBuildsOnThem() {
        String small = createIcs("Small register");
        String large = createIcs("Large register");
        String smallAdmin = tokenFor(createUser("ics_admin", small));
        String largeAdmin = tokenFor(createUser("ics_admin", large));
        RegisterFixture.loadSmallRegister(api, smallAdmin, small);
        String before =
                api.get("/api/v1/ics/" + small + "/register/export", smallAdmin).body();

        assertThat(api.post("/api/v1/admin/ics/" + small + "/merge-into/" + large, adminToken(), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + large + "/register/export", largeAdmin)
                        .body())
                .isEqualTo(before);
        // the larger ICS can add to places and forums that came with the smaller one
        Response hood = api.post(
                "/api/v1/ics/" + large + "/neighbourhoods",
                largeAdmin,
                ApiClient.json("name", "Northfield West PCN", "place", "Northfield"));
        assertThat(hood.status()).as(hood.body()).isEqualTo(201);
        Response again = api.post(
                "/api/v1/ics/" + large + "/register/import",
                largeAdmin,
                "text/csv",
                (org.goldenthread.people.RegisterFixture.HEADER + "\n"
                                + "L1,Lee,Moss,,gp,7654321,,,general_practice,mid,neighbourhood,Northfield,Northfield West PCN,"
                                + "Northfield West Team,working_group,recommends,Northfield Place Board,Clinical director,"
                                + "clinical_lead,false,2026-01-05,,nomination,2,2\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + large + "/register/export", largeAdmin)
                        .body())
                .contains("L1,Lee,Moss")
                .contains("P1,Asha,Reed");
    }
}
