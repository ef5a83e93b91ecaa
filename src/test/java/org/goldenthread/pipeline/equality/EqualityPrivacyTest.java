package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.structure.Forums;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * No page, API response or audit entry carries one person's equality answers. People in the
 * register give distinctive answers through their own links, applicants have answers too, and then
 * every page and API response of fairness and equality monitoring, for an administrator and an
 * analyst, is searched: a body that names someone must not hold any answer's label, a JSON object
 * that identifies someone must not hold an equality field, the questions page never comes back
 * with an answer chosen, and no audit entry holds an answer.
 */
class EqualityPrivacyTest extends IntegrationTest {

    /** Each person's answers, different from everyone else's in at least two of the three. */
    private static final Map<String, String[]> GIVEN = new LinkedHashMap<>();

    static {
        GIVEN.put("Asha Reed", new String[] {"black", "female", "yes"});
        GIVEN.put("Ben Cole", new String[] {"asian", "male", "no"});
        GIVEN.put("Cara Dunn", new String[] {"mixed", "female", "no"});
        GIVEN.put("Dev Eze", new String[] {"other", "male", "yes"});
        GIVEN.put("Eve Ford", new String[] {"white", "female", "yes"});
        GIVEN.put("Fay Gale", new String[] {"white", "male", "no"});
        GIVEN.put("Gus Hale", new String[] {"asian", "female", "yes"});
        GIVEN.put("Hana Iles", new String[] {"not_stated", "not_stated", "not_stated"});
    }

    /** Every answer's words as pages show them, except not stated, which says nothing about anyone. */
    private static final List<String> LABELS = List.of(
            "White",
            "Mixed or multiple ethnic groups",
            "Asian, Asian British",
            "Black, Black British",
            "Other ethnic group",
            "Female",
            "Male",
            "Disabled",
            "Not disabled");

    private static final Pattern EQUALITY_LINK = Pattern.compile("https?://\\S+?(/equality/[A-Za-z0-9_-]{32})");
    private static final Pattern COPY_LINK =
            Pattern.compile("id=\"copy-link\"[^>]*value=\"https?://[^\"]*?(/equality/[A-Za-z0-9_-]{32})\"");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EqualityAnswers answers;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private Forums forums;

    @Autowired
    private ObjectMapper json;

    private record Body(String what, String text) {}

    @Test
    void noResponseCarriesOnePersonsAnswers() {
        String ods = createIcs("Privacy");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        String analyst = tokenFor(createUser("analyst", ods));
        RegisterFixture.loadSmallRegister(api, admin, ods);
        // the smallest k an ICS may choose, so that as many figures as possible are shown
        setMinGroupSize(ods, 3);
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/workforce-baseline/import",
                                admin,
                                "text/csv",
                                BaselineCorpusTest.GOOD_FILE.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);

        List<Body> bodies = new ArrayList<>();
        PageClient adminPages = new PageClient(port).signIn(adminEmail, PASSWORD);
        PageClient analystPages = new PageClient(port).signIn(createUser("analyst", ods), PASSWORD);
        String linksPage = adminPages.get("/ics/" + ods + "/pipeline/equality").body();
        bodies.add(new Body("links page", linksPage));

        // each person gets their link (emailed when they have an address, else copied) and answers
        Map<String, Long> people = new LinkedHashMap<>();
        for (JsonNode p : api.get("/api/v1/ics/" + ods + "/people", admin).json()) {
            people.put(
                    p.get("given_name").asString() + " " + p.get("family_name").asString(),
                    p.get("id").asLong());
        }
        assertThat(people.keySet()).containsAll(GIVEN.keySet());
        for (Map.Entry<String, String[]> person : GIVEN.entrySet()) {
            PageClient.Page made =
                    adminPages.post("/ics/" + ods + "/pipeline/equality/" + people.get(person.getKey()) + "/link");
            assertThat(made.status()).isEqualTo(200);
            bodies.add(new Body("link made for " + person.getKey(), made.body()));
            String link = linkFrom(made.body(), person.getKey());
            PageClient respondent = new PageClient(port);
            PageClient.Page questions = respondent.get(link);
            assertThat(questions.status()).isEqualTo(200);
            PageClient.Page refused = respondent.post(link, "sex", person.getValue()[1]);
            assertThat(refused.body()).contains("Choose your ethnic group");
            PageClient.Page saved = respondent.post(
                    link,
                    "ethnic_group",
                    person.getValue()[0],
                    "sex",
                    person.getValue()[1],
                    "disability",
                    person.getValue()[2]);
            assertThat(saved.status()).isEqualTo(302);
            bodies.add(new Body(
                    "thanks page of " + person.getKey(),
                    respondent.follow(saved).body()));
            String again = respondent.get(link).body();
            // the questions come back empty: nothing of what was answered is shown, even to the link's holder
            assertThat(again).as("questions again for " + person.getKey()).doesNotContain("checked");
        }

        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        Applicants applicants = new Applicants(jdbc, answers, tx, forums);
        long round = inIcs(ods, () -> {
            long id = applicants.round(
                    applicants.seat("ICS Board", "Chair"), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 27));
            applicants.shortlisted(id, 4, 2, Applicants.ethnic(EthnicGroup.WHITE, Disability.NO));
            applicants.shortlisted(id, 3, 1, Applicants.ethnic(EthnicGroup.BLACK, Disability.YES));
            return id;
        });

        String base = "/ics/" + ods + "/pipeline/fairness";
        for (String query : List.of("", "?level=system", "?round=" + round, "?group=Medical", "?level=ward")) {
            bodies.add(new Body(
                    "fairness page " + query, adminPages.get(base + query).body()));
            bodies.add(new Body(
                    "analyst's fairness page " + query,
                    analystPages.get(base + query).body()));
        }
        bodies.add(new Body("baseline page", adminPages.get(base + "/baseline").body()));
        bodies.add(new Body(
                "links page afterwards",
                adminPages.get("/ics/" + ods + "/pipeline/equality").body()));
        bodies.add(
                new Body("audit page", adminPages.get("/ics/" + ods + "/audit").body()));
        for (long id : people.values()) {
            bodies.add(new Body(
                    "person page " + id,
                    adminPages.get("/ics/" + ods + "/people/" + id).body()));
        }
        String apiBase = "/api/v1/ics/" + ods;
        for (String path : List.of(
                "/recruitment/fairness?by=ethnic_group",
                "/recruitment/fairness?by=disability",
                "/recruitment/fairness?by=ethnic_group&round=" + round,
                "/representation",
                "/representation?group=Medical",
                "/workforce-baseline",
                "/people",
                "/register/export")) {
            for (String token : List.of(admin, analyst)) {
                Response r = api.get(apiBase + path, token);
                bodies.add(new Body("API " + path, r.body()));
            }
        }

        for (Body body : bodies) {
            assertNamesNoAnswers(body);
            assertNoJsonObjectJoinsSomeoneToAnswers(body);
        }
        assertThat(bodies).hasSizeGreaterThan(40);

        List<String> audit = inIcs(
                ods,
                () -> tx.execute(status -> jdbc.sql("""
                        select action || ' ' || coalesce(before::text, '') || ' ' || coalesce(after::text, '')
                          from audit_event""").query(String.class).list()));
        assertThat(audit).anyMatch(entry -> entry.startsWith("equality.answers_changed"));
        for (String entry : audit) {
            if (entry.startsWith("equality.") || entry.startsWith("workforce_baseline.")) {
                assertThat(entry)
                        .doesNotContain("ethnic_group", "\"sex\"", "disability", "black", "asian", "female", "white");
            }
        }
    }

    /** A body naming someone holds no answer's words at all, so it cannot tie them to an answer. */
    private static void assertNamesNoAnswers(Body body) {
        List<String> named =
                GIVEN.keySet().stream().filter(body.text()::contains).toList();
        if (named.isEmpty()) {
            return;
        }
        for (String label : LABELS) {
            assertThat(Pattern.compile("\\b" + Pattern.quote(label) + "\\b")
                            .matcher(body.text())
                            .find())
                    .as(body.what() + " names " + named + " and says " + label)
                    .isFalse();
        }
    }

    /** No JSON object that says who someone is also holds an equality answer. */
    private void assertNoJsonObjectJoinsSomeoneToAnswers(Body body) {
        String text = body.text().trim();
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return;
        }
        walk(body.what(), json.readTree(text));
    }

    private static void walk(String what, JsonNode node) {
        if (node.isArray()) {
            node.forEach(n -> walk(what, n));
        } else if (node.isObject()) {
            boolean identifies = List.of(
                            "id",
                            "person_id",
                            "person_ref",
                            "given_name",
                            "family_name",
                            "name",
                            "email",
                            "applicant_ref")
                    .stream()
                    .anyMatch(node::has);
            if (identifies) {
                assertThat(node.has("ethnic_group") || node.has("sex") || node.has("disability"))
                        .as(what + ": " + node)
                        .isFalse();
            }
            node.forEach(n -> walk(what, n));
        }
    }

    private static String linkFrom(String madePage, String person) {
        Matcher copied = COPY_LINK.matcher(madePage);
        if (copied.find()) {
            return copied.group(1);
        }
        assertThat(madePage).as("link for " + person).contains("was emailed to " + person);
        String email = person.equals("Asha Reed") ? "asha.reed@example.nhs.uk" : null;
        assertThat(email).as("only Asha has an address").isNotNull();
        List<jakarta.mail.internet.MimeMessage> messages = TestMailServer.to(email);
        try {
            Matcher m = EQUALITY_LINK.matcher(
                    String.valueOf(messages.get(messages.size() - 1).getContent()));
            assertThat(m.find()).isTrue();
            return m.group(1);
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
