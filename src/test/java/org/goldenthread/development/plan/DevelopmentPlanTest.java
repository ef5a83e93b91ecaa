package org.goldenthread.development.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.RegisterEntries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A leader's development plan: goals in their own words, theirs to change, read by nobody else
 * unless they share it, and never copied into the audit log an administrator reads.
 */
class DevelopmentPlanTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private String ods;
    private String admin;
    private String leaderEmail;
    private String leader;
    private long offer;

    @BeforeEach
    void aLeaderOnTheRegister() {
        ods = createIcs("Plan ICS");
        admin = tokenFor(createUser("ics_admin", ods));
        leaderEmail = createUser("member", ods);
        RegisterEntries.gp(api, admin, ods, "L1", "Lena", "Marsh", leaderEmail);
        leader = tokenFor(leaderEmail);
        ApiClient.Response added = api.post(
                path("/offers"),
                admin,
                ApiClient.json(
                        "title", "Chairing with confidence",
                        "kind", "course",
                        "delivery", "online",
                        "scope", "national",
                        "provider", "NHS Leadership Academy",
                        "description", "Four sessions on chairing meetings across organisations.",
                        "hours", "8",
                        "weeks", "4"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        offer = added.json().get("id").asLong();
    }

    @Test
    void aLeaderKeepsGoalsAndMarksThemMet() {
        ApiClient.Response goal = api.post(
                path("/development/plan/goals"),
                leader,
                ApiClient.json(
                        "title", "Chair the place partnership's clinical forum",
                        "success", "I have chaired three meetings and each ended with a decision",
                        "due_on", "2027-06-30",
                        "offer_id", String.valueOf(offer)));
        assertThat(goal.status()).as(goal.body()).isEqualTo(201);
        long id = goal.json().get("id").asLong();
        assertThat(goal.json().get("offer").asString()).isEqualTo("Chairing with confidence");
        assertThat(goal.json().get("status").asString()).isEqualTo("open");

        ApiClient.Response met =
                api.patch(path("/development/plan/goals/" + id), leader, ApiClient.json("status", "met"));
        assertThat(met.status()).as(met.body()).isEqualTo(200);
        assertThat(met.json().get("closed_on").isNull()).isFalse();
        assertThat(met.json().get("title").asString()).as("left out: kept").startsWith("Chair the place");
        ApiClient.Response reopened = api.patch(
                path("/development/plan/goals/" + id), leader, ApiClient.json("status", "open", "due_on", ""));
        assertThat(reopened.json().get("closed_on").isNull()).isTrue();
        assertThat(reopened.json().get("due_on").isNull()).as("blank: cleared").isTrue();

        // an offer retired after it was chosen stays on the goal, through the API and the page's form,
        // and the API takes the offer's id back as it gave it, a number
        assertThat(api.post(path("/offers/" + offer + "/retirement"), admin, ApiClient.json("retired", true))
                        .status())
                .isEqualTo(200);
        ApiClient.Response kept = api.patch(
                path("/development/plan/goals/" + id),
                leader,
                ApiClient.json("offer_id", offer, "title", "Chair it well"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("offer_id").asLong()).isEqualTo(offer);
        PageClient pages = new PageClient(port).signIn(leaderEmail, PASSWORD);
        String form = pages.get("/ics/" + ods + "/development/plan?edit=" + id).body();
        assertThat(form)
                .containsPattern("<option value=\"" + offer
                        + "\"\\s+selected=\"selected\">Chairing with confidence \\(no longer offered\\)");
        assertThat(pages.get("/ics/" + ods + "/development/plan?edit=" + (id + 1000))
                        .status())
                .isEqualTo(404);

        JsonNode plan = api.get(path("/development/plan"), leader).json();
        assertThat(plan.get("goals")).hasSize(1);
        assertThat(api.delete(path("/development/plan/goals/" + id), leader).status())
                .isEqualTo(204);
        assertThat(api.get(path("/development/plan"), leader).json().get("goals"))
                .isEmpty();
    }

    @Test
    void aGoalWithAnyProblemIsRefusedNamingTheField() {
        problem(ApiClient.json("title", " "), "title", "Enter the goal");
        problem(ApiClient.json("title", "x".repeat(201)), "title", "200 characters");
        problem(ApiClient.json("title", "Lead", "due_on", "2027-02-30"), "due_on", "real date");
        problem(ApiClient.json("title", "Lead", "offer_id", "999999"), "offer_id", "no offer 999999");
        problem(ApiClient.json("title", "Lead", "success", "y".repeat(2001)), "success", "2000 characters");
        assertThat(api.get(path("/development/plan"), leader).json().get("goals"))
                .isEmpty();
        long id = api.post(path("/development/plan/goals"), leader, ApiClient.json("title", "Lead"))
                .json()
                .get("id")
                .asLong();
        ApiClient.Response status =
                api.patch(path("/development/plan/goals/" + id), leader, ApiClient.json("status", "finished"));
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body()).contains("\"field\":\"status\"").contains("open, met or dropped");
    }

    @Test
    void nobodyElseReadsOrChangesAPlanUnlessItIsShared() {
        long id = api.post(
                        path("/development/plan/goals"),
                        leader,
                        ApiClient.json("title", "Say no to a fourth committee"))
                .json()
                .get("id")
                .asLong();
        // an administrator on the register has a plan of their own, and no way to another's
        String otherEmail = createUser("ics_admin", ods);
        RegisterEntries.gp(api, admin, ods, "L2", "Omar", "Hale", otherEmail);
        String other = tokenFor(otherEmail);
        assertThat(api.get(path("/development/plan"), other).json().get("goals"))
                .isEmpty();
        assertThat(api.patch(path("/development/plan/goals/" + id), other, ApiClient.json("title", "Mine now"))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(path("/development/plan/goals/" + id), other).status())
                .isEqualTo(404);
        assertThat(api.get(path("/development/plan/shared"), other).json()).isEmpty();
        assertThat(api.get(path("/development/plan"), admin).status())
                .as("not on the register")
                .isEqualTo(404);

        ApiClient.Response shared =
                api.post(path("/development/plan/shares"), leader, ApiClient.json("email", otherEmail.toUpperCase()));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        JsonNode plans = api.get(path("/development/plan/shared"), other).json();
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).get("name").asString()).isEqualTo("Lena Marsh");
        assertThat(plans.get(0).get("goals").get(0).get("title").asString()).isEqualTo("Say no to a fourth committee");
        String page = new PageClient(port)
                .signIn(otherEmail, PASSWORD)
                .get("/ics/" + ods + "/development/plan/shared")
                .body();
        assertThat(page).contains("Lena Marsh").contains("Say no to a fourth committee");
        assertThat(api.patch(path("/development/plan/goals/" + id), other, ApiClient.json("title", "Mine now"))
                        .status())
                .as("shared to read, not to change")
                .isEqualTo(404);

        ApiClient.Response again =
                api.post(path("/development/plan/shares"), leader, ApiClient.json("email", otherEmail));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("already shared");
        ApiClient.Response own =
                api.post(path("/development/plan/shares"), leader, ApiClient.json("email", leaderEmail));
        assertThat(own.body()).contains("your own address");

        assertThat(api.delete(path("/development/plan/shares/" + otherEmail), leader)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(path("/development/plan/shared"), other).json()).isEmpty();

        // an administrator who puts their own address on her register entry takes over nothing
        long lena = 0;
        for (JsonNode p : api.get(path("/people"), admin).json()) {
            if (p.get("person_ref").asString().equals("L1")) {
                lena = p.get("id").asLong();
            }
        }
        String takerEmail = createUser("ics_admin", ods);
        String taker = tokenFor(takerEmail);
        ApiClient.Response moved = api.put(
                path("/people/" + lena),
                admin,
                ApiClient.json("given_name", "Lena", "family_name", "Marsh", "email", takerEmail, "profession", "gp"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(api.get(path("/development/plan"), taker).json().get("goals"))
                .isEmpty();
        assertThat(api.patch(path("/development/plan/goals/" + id), taker, ApiClient.json("status", "dropped"))
                        .status())
                .isEqualTo(404);

        String audit = inIcs(
                ods,
                () -> jdbc.sql(
                                "select coalesce(string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' '), '')"
                                        + " from audit_event")
                        .query(String.class)
                        .single());
        assertThat(audit).doesNotContain("fourth committee");

        String elsewhere = createIcs("Elsewhere");
        assertThat(api.get("/api/v1/ics/" + elsewhere + "/development/plan", leader)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void subjectAccessHoldsThePlanAndAnErasureTakesIt() {
        api.post(path("/development/plan/goals"), leader, ApiClient.json("title", "Mentor a newly qualified nurse"));
        String reader = createUser("member", ods);
        api.post(path("/development/plan/shares"), leader, ApiClient.json("email", reader));
        long person = api.get(path("/people"), admin).json().get(0).get("id").asLong();
        String held =
                api.get(path("/people/" + person + "/personal-data"), admin).body();
        assertThat(held)
                .contains("Development plan")
                .contains("Mentor a newly qualified nurse")
                .contains(reader);
        assertThat(api.post(path("/people/" + person + "/erasure"), admin, "{}").status())
                .isEqualTo(200);
        List<Long> left = inIcs(
                ods,
                () -> jdbc.sql("select count(*) from plan_goal union all select count(*) from plan_share")
                        .query(Long.class)
                        .list());
        assertThat(left).containsExactly(0L, 0L);
    }

    private void problem(String body, String field, String reason) {
        ApiClient.Response r = api.post(path("/development/plan/goals"), leader, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"" + field + "\"").contains(reason);
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }
}
