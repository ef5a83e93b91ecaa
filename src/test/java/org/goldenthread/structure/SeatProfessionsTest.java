package org.goldenthread.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A seat meant for particular professions says which: named on the forum page and in the API,
 * set on the page, on creation through the API and by changing the seat, and refused, naming the
 * field, when a code is not a profession.
 */
class SeatProfessionsTest extends IntegrationTest {

    @Test
    void aSeatOpenToNamedProfessionsShowsTheirNamesOnTheForumPageAndInTheApi() {
        String ods = createIcs("Seat Professions ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        long forum = forum(ods, token, "Clinical and care professional senate");

        ApiClient.Response added = api.post(
                "/api/v1/ics/" + ods + "/forums/" + forum + "/seats",
                token,
                ApiClient.json(
                        "title",
                        "Nursing lead",
                        "seat_type",
                        "professional_lead",
                        "professionally_agnostic",
                        false,
                        "open_to_professions",
                        java.util.List.of("midwife", "nurse_adult")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("open_to_profession_names").toString())
                .contains("Registered nurse (adult)", "Midwife");

        JsonNode seats =
                api.get("/api/v1/ics/" + ods + "/forums/" + forum, token).json().get("seats");
        assertThat(seats.get(0).get("open_to_professions").toString()).contains("nurse_adult", "midwife");
        assertThat(seats.get(0).get("open_to_profession_names").toString())
                .contains("Registered nurse (adult)", "Midwife");

        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);
        String page = browser.get("/ics/" + ods + "/forums/" + forum).body();
        assertThat(page).contains("Nursing and midwifery: Midwife, Registered nurse (adult)");
        assertThat(page).doesNotContain("nurse_adult<", "One profession");

        // added on the page, ticking two professions from different groups
        PageClient.Page posted = browser.post(
                "/ics/" + ods + "/forums/" + forum + "/seats",
                "title",
                "Pharmacy and public health lead",
                "seat_type",
                "professional_lead",
                "professionally_agnostic",
                "false",
                "open_to_professions",
                "pharmacist",
                "open_to_professions",
                "public_health_consultant");
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        String shown = browser.follow(posted).body();
        assertThat(shown).contains("Pharmacy: Pharmacist").contains("Public health: ");

        // changed through the API: opening the nursing lead to any profession drops its list
        long nursing = seats.get(0).get("id").asLong();
        ApiClient.Response opened = api.patch(
                "/api/v1/ics/" + ods + "/seats/" + nursing, token, ApiClient.json("professionally_agnostic", true));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("open_to_professions")).isEmpty();
        ApiClient.Response narrowed = api.patch(
                "/api/v1/ics/" + ods + "/seats/" + nursing,
                token,
                ApiClient.json("open_to_professions", java.util.List.of("midwife")));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        assertThat(narrowed.json().get("professionally_agnostic").asBoolean()).isFalse();
        assertThat(narrowed.json().get("open_to_profession_names").toString()).isEqualTo("[\"Midwife\"]");

        // changed on its own page: the boxes show what it is open to, and saving names others
        String edit = browser.get("/ics/" + ods + "/seats/" + nursing + "/edit").body();
        assertThat(edit)
                .containsPattern("value=\"midwife\"[^>]*checked")
                .doesNotContainPattern("value=\"nurse_adult\"[^>]*checked");
        PageClient.Page saved = browser.post(
                "/ics/" + ods + "/seats/" + nursing + "/edit",
                "seat_type",
                "professional_lead",
                "professionally_agnostic",
                "false",
                "open_to_professions",
                "nurse_children",
                "open_to_professions",
                "nurse_adult",
                "expected_hours_per_week",
                "3");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(browser.follow(saved).body())
                .contains("Nursing and midwifery: Registered nurse (adult), Registered nurse (children)");
    }

    @Test
    void aCodeThatIsNotAProfessionIsRefusedNamingTheFieldAndNothingChanges() {
        String ods = createIcs("Seat Professions Refusals ICS");
        String admin = createUser("ics_admin", ods);
        String token = tokenFor(admin);
        long forum = forum(ods, token, "Place partnership board");

        ApiClient.Response refused = api.post(
                "/api/v1/ics/" + ods + "/forums/" + forum + "/seats",
                token,
                ApiClient.json(
                        "title",
                        "Therapies lead",
                        "seat_type",
                        "professional_lead",
                        "professionally_agnostic",
                        false,
                        "open_to_professions",
                        java.util.List.of("physiotherapist", "wizard")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("open_to_professions").contains("'wizard' is not a profession");

        ApiClient.Response contradictory = api.post(
                "/api/v1/ics/" + ods + "/forums/" + forum + "/seats",
                token,
                ApiClient.json(
                        "title",
                        "Chair",
                        "seat_type",
                        "chair",
                        "professionally_agnostic",
                        true,
                        "open_to_professions",
                        java.util.List.of("midwife")));
        assertThat(contradictory.status()).isEqualTo(400);
        assertThat(contradictory.body()).contains("open_to_professions");
        assertThat(api.get("/api/v1/ics/" + ods + "/forums/" + forum, token)
                        .json()
                        .get("seats"))
                .isEmpty();

        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);
        browser.get("/ics/" + ods + "/forums/" + forum);
        PageClient.Page shown = browser.post(
                "/ics/" + ods + "/forums/" + forum + "/seats",
                "title",
                "Therapies lead",
                "seat_type",
                "professional_lead",
                "professionally_agnostic",
                "false",
                "open_to_professions",
                "wizard");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains("There is a problem")
                .contains("href=\"#open_to_professions\"")
                .contains("is not a profession");
    }

    private long forum(String ods, String token, String name) {
        ApiClient.Response r = api.post(
                "/api/v1/ics/" + ods + "/forums",
                token,
                ApiClient.json("name", name, "level", "system", "kind", "senate", "decision_rights", "advises"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
