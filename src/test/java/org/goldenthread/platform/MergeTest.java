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

        Response merged = api.post(
                "/api/v1/admin/ics/" + small + "/merge-into/" + large, adminToken(), ApiClient.json("confirm", small));
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
        assertThat(api.post(
                                "/api/v1/admin/ics/" + one + "/merge-into/" + one,
                                adminToken(),
                                ApiClient.json("confirm", one))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/admin/ics/" + one + "/merge-into/NOPE1",
                                adminToken(),
                                ApiClient.json("confirm", one))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/admin/ics/" + one + "/merge-into/" + two,
                                adminToken(),
                                ApiClient.json("confirm", one))
                        .status())
                .isEqualTo(200);
        Response again = api.post(
                "/api/v1/admin/ics/" + one + "/merge-into/" + three, adminToken(), ApiClient.json("confirm", one));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).contains("already merged into " + two);
        Response intoMerged = api.post(
                "/api/v1/admin/ics/" + three + "/merge-into/" + one, adminToken(), ApiClient.json("confirm", three));
        assertThat(intoMerged.status()).isEqualTo(400);
        JsonNode list = api.get("/api/v1/admin/ics", adminToken()).json();
        assertThat(list.valueStream()
                        .filter(ics -> ics.get("ods_code").asString().equals(three)))
                .as("ICS " + three + " is listed once")
                .singleElement()
                .satisfies(ics -> assertThat(ics.get("merged_into").isNull()).isTrue());
    }

    /** A merge cannot be undone, so one called without the source's code given back changes nothing. */
    @Test
    void aMergeWithoutItsConfirmationOrWithAWrongOneIsRefusedAndChangesNothing() {
        String small = createIcs("Unconfirmed small");
        String large = createIcs("Unconfirmed large");
        String smallAdmin = tokenFor(createUser("ics_admin", small));
        String largeAdmin = tokenFor(createUser("ics_admin", large));
        api.post("/api/v1/ics/" + small + "/places", smallAdmin, ApiClient.json("name", "Old Town"));
        String merge = "/api/v1/admin/ics/" + small + "/merge-into/" + large;

        java.util.List<Response> refused = java.util.List.of(
                api.post(merge, adminToken(), null),
                api.post(merge, adminToken(), "{}"),
                api.post(merge, adminToken(), ApiClient.json("confirm", "")),
                api.post(merge, adminToken(), ApiClient.json("confirm", large)),
                api.post(merge, adminToken(), ApiClient.json("confirm", small.toLowerCase(java.util.Locale.ROOT))),
                api.post(merge, adminToken(), ApiClient.json("confirm", "yes")));
        for (Response r : refused) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("confirm");
            assertThat(r.json().get("errors").get(0).get("reason").asString())
                    .contains(small)
                    .contains("Nothing was merged");
        }

        JsonNode sourceNow = api.get("/api/v1/admin/ics", adminToken())
                .json()
                .valueStream()
                .filter(i -> i.get("ods_code").asString().equals(small))
                .findFirst()
                .orElseThrow();
        assertThat(sourceNow.get("merged_into").isNull()).isTrue();
        assertThat(api.get("/api/v1/ics/" + small + "/places", smallAdmin).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + large + "/places", largeAdmin)
                        .json()
                        .findValuesAsString("name"))
                .doesNotContain("Old Town");
        assertThat(api.get("/api/v1/ics/" + large + "/places", smallAdmin).status())
                .as("the small ICS's administrator holds no role in the large one")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/audit?action=ics.merged", adminToken())
                        .body())
                .doesNotContain(small);

        // given back exactly, the same call goes ahead
        Response confirmed = api.post(merge, adminToken(), ApiClient.json("confirm", small));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/audit?action=ics.merged", adminToken())
                        .body())
                .contains(small);
    }

    /** The dry run counts what the target would gain, beside what it has, and changes nothing. */
    @Test
    void theDryRunSaysWhatAMergeWouldBringAndChangesNothing() {
        String tiny = createIcs("Preview tiny");
        String small = createIcs("Preview small");
        String large = createIcs("Preview large");
        String tinyAdmin = tokenFor(createUser("ics_admin", tiny));
        String smallAdmin = tokenFor(createUser("ics_admin", small));
        String bothEmail = createUser("ics_admin", large);
        String largeAdmin = tokenFor(bothEmail);
        // someone already an administrator in the large ICS is one in the small one too: one grant after
        assertThat(api.post(
                                "/api/v1/admin/users",
                                adminToken(),
                                ApiClient.json("email", bothEmail, "role", "ics_admin", "ics", small))
                        .status())
                .isIn(200, 201);
        api.post("/api/v1/ics/" + tiny + "/places", tinyAdmin, ApiClient.json("name", "Tiny Place"));
        api.post("/api/v1/ics/" + small + "/places", smallAdmin, ApiClient.json("name", "Old Town"));
        api.post("/api/v1/ics/" + small + "/places", smallAdmin, ApiClient.json("name", "Harbour"));
        api.post("/api/v1/ics/" + large + "/places", largeAdmin, ApiClient.json("name", "New City"));
        Response survey = api.post("/api/v1/ics/" + small + "/surveys", smallAdmin, """
                {"code": "pulse", "title": "Pulse", "anonymous": false, "questions": [
                  {"code": "Q1", "text": "How is it going?", "type": "text"}]}""");
        assertThat(survey.status()).as(survey.body()).isEqualTo(201);
        setMinGroupSize(small, 5);
        // the tiny ICS was merged into the small one before: it comes along
        assertThat(api.post(
                                "/api/v1/admin/ics/" + tiny + "/merge-into/" + small,
                                adminToken(),
                                ApiClient.json("confirm", tiny))
                        .status())
                .isEqualTo(200);

        Response preview = api.get(
                "/api/v1/admin/ics/" + small.toLowerCase(java.util.Locale.ROOT) + "/merge-into/" + large, adminToken());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.get("source").get("ods_code").asString()).isEqualTo(small);
        assertThat(p.get("target").get("ods_code").asString()).isEqualTo(large);
        assertThat(p.get("confirm").asString()).isEqualTo(small);
        JsonNode places = record(p, "places");
        assertThat(places.get("label").asString()).isEqualTo("Places");
        assertThat(places.get("source").asLong())
                .as("Old Town, Harbour and the tiny ICS's place")
                .isEqualTo(3);
        assertThat(places.get("target").asLong()).isEqualTo(1);
        assertThat(places.get("after").asLong()).isEqualTo(4);
        assertThat(record(p, "surveys").get("source").asLong()).isEqualTo(1);
        assertThat(record(p, "surveys").get("target").asLong()).isZero();
        assertThat(record(p, "people").get("source").asLong()).isZero();
        assertThat(p.get("records").findValuesAsString("key"))
                .contains("neighbourhoods", "organisations", "forums", "seats", "appointments", "events");
        assertThat(p.get("coming_with").findValuesAsString("ods_code")).containsExactly(tiny);
        // the small and tiny administrators' grants move; the one held in both joins the large ICS's
        assertThat(p.get("role_grants").get("accounts").asLong()).isEqualTo(3);
        assertThat(p.get("role_grants").get("moved").asLong()).isEqualTo(2);
        assertThat(p.get("role_grants").get("combined").asLong()).isEqualTo(1);
        assertThat(p.get("min_group_size").get("source").asInt()).isEqualTo(5);
        assertThat(p.get("min_group_size").get("target").asInt()).isEqualTo(10);

        // nothing changed
        assertThat(api.get("/api/v1/ics/" + large + "/places", largeAdmin)
                        .json()
                        .findValuesAsString("name"))
                .containsExactly("New City");
        assertThat(api.get("/api/v1/ics/" + small + "/places", smallAdmin).status())
                .isEqualTo(200);

        // a merge that would be refused is refused by its dry run the same way
        Response intoItself = api.get("/api/v1/admin/ics/" + small + "/merge-into/" + small, adminToken());
        assertThat(intoItself.status()).isEqualTo(400);
        Response ofMerged = api.get("/api/v1/admin/ics/" + tiny + "/merge-into/" + large, adminToken());
        assertThat(ofMerged.status()).isEqualTo(400);
        assertThat(ofMerged.json().get("detail").asString()).contains("already merged into " + small);
        assertThat(api.get("/api/v1/admin/ics/" + small + "/merge-into/NOPE1", adminToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/ics/" + small + "/merge-into/" + large, smallAdmin)
                        .status())
                .as("platform administrators only")
                .isEqualTo(403);
    }

    private static JsonNode record(JsonNode preview, String key) {
        return preview.get("records")
                .valueStream()
                .filter(r -> r.get("key").asString().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + preview));
    }

    /** The page shows the dry run first and merges only once the source's code is typed. */
    @Test
    void thePageShowsWhatAMergeWouldDoAndMergesOnlyWhenConfirmed() {
        String small = createIcs("Page small");
        String large = createIcs("Page large");
        String smallAdmin = tokenFor(createUser("ics_admin", small));
        api.post("/api/v1/ics/" + small + "/places", smallAdmin, ApiClient.json("name", "Old Town"));
        org.goldenthread.support.PageClient browser =
                new org.goldenthread.support.PageClient(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        org.goldenthread.support.PageClient.Page chooseNothing = browser.get("/admin/ics/" + small + "/merge?target=");
        assertThat(chooseNothing.status()).isEqualTo(200);
        assertThat(chooseNothing.body()).contains("nhsuk-error-summary").contains("Choose the ICS to merge into");

        org.goldenthread.support.PageClient.Page preview =
                browser.get("/admin/ics/" + small + "/merge?target=" + large);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Merge Page small into Page large?")
                .contains("This cannot be undone")
                .contains("id=\"records-places\"")
                .contains("name=\"confirm\"");

        org.goldenthread.support.PageClient.Page wrong =
                browser.post("/admin/ics/" + small + "/merge", "target", large, "confirm", large);
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body())
                .contains("nhsuk-error-summary")
                .contains("href=\"#confirm\"")
                .contains("Enter the ODS code of the ICS being merged, exactly as shown");
        org.goldenthread.support.PageClient.Page empty =
                browser.post("/admin/ics/" + small + "/merge", "target", large, "confirm", "");
        assertThat(empty.body()).contains("Enter the ODS code of the ICS being merged to confirm");
        assertThat(api.get("/api/v1/ics/" + small + "/places", smallAdmin).status())
                .as("not merged")
                .isEqualTo(200);

        org.goldenthread.support.PageClient.Page merged =
                browser.post("/admin/ics/" + small + "/merge", "target", large, "confirm", small);
        assertThat(merged.location()).endsWith("/admin/ics");
        assertThat(api.get("/api/v1/ics/" + large + "/places", smallAdmin).status())
                .isEqualTo(200);
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
                    return api.post(
                            "/api/v1/admin/ics/" + a + "/merge-into/" + b, adminToken(), ApiClient.json("confirm", a));
                });
                java.util.concurrent.Future<Response> bIntoA = pool.submit(() -> {
                    start.await();
                    return api.post(
                            "/api/v1/admin/ics/" + b + "/merge-into/" + a, adminToken(), ApiClient.json("confirm", b));
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

        assertThat(api.post(
                                "/api/v1/admin/ics/" + small + "/merge-into/" + large,
                                adminToken(),
                                ApiClient.json("confirm", small))
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
