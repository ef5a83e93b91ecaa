package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of malformed input, generated from the application's own request mappings: every path
 * variable, query parameter and JSON field of every API call, every field of every form a page
 * shows, and every cell of the CSV imports, each given NUL characters, overlong text, the wrong
 * type, impossible dates, huge and negative numbers, CR/LF and odd unicode; and every body sent
 * as invalid JSON, with the wrong content type or as multipart without a boundary. None of it may
 * be answered with a server error: bad input is the caller's to fix, and they are told what.
 */
class MalformedInputTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final Set<String> NOT_MUTATED =
            Set.of("/logout", "/api/v1/admin/ics/load-reference", "/admin/ics/load-reference");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private final List<String> serverErrors = new ArrayList<>();
    /** API calls refused with something other than a problem document, whichever controller served them. */
    private final List<String> notProblems = new ArrayList<>();

    private int cases;

    /** The ICS, users and records the generated calls refer to, so they reach the code that reads their input. */
    private record World(
            String ods,
            String other,
            String icsAdmin,
            String platformAdmin,
            String platformAdminEmail,
            String icsAdminEmail,
            Map<String, String> variables,
            String surveyCsv,
            String registerCsv) {}

    @Test
    void noMalformedInputIsAnsweredWithAServerError() throws Exception {
        long started = System.nanoTime();
        World world = world();
        PageClient icsPages = signIn(world.icsAdminEmail());
        PageClient adminPages = signIn(world.platformAdminEmail());
        PageClient respondent = new PageClient(port);

        List<String> formPages = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                Set<RequestMethod> methods =
                        mapping.getKey().getMethodsCondition().getMethods();
                RequestMethod method = methods.isEmpty()
                        ? RequestMethod.GET
                        : methods.iterator().next();
                if (NOT_MUTATED.contains(pattern)
                        || pattern.startsWith("/api/v1/openapi")
                        || pattern.equals("/error")) {
                    continue;
                }
                if (pattern.startsWith("/api/")) {
                    apiCases(world, pattern, method, mapping.getValue());
                } else {
                    PageClient session = pattern.startsWith("/admin") || pattern.startsWith("/account")
                            ? adminPages
                            : pattern.startsWith("/respond") || pattern.startsWith("/invited") ? respondent : icsPages;
                    pageCases(world, session, pattern, method, mapping.getValue());
                    if (method == RequestMethod.GET
                            && !pattern.endsWith(".pdf")
                            && !pattern.endsWith(".csv")
                            && !pattern.endsWith(".xlsx")
                            && !pattern.endsWith(".json")) {
                        formPages.add(pattern);
                    }
                }
            }
        }
        System.out.printf("Malformed input: %d cases of calls in %.1f s%n", cases, (System.nanoTime() - started) / 1e9);
        Set<String> formsSeen = new LinkedHashSet<>();
        for (String pattern : formPages) {
            PageClient session = pattern.startsWith("/admin") || pattern.startsWith("/account")
                    ? adminPages
                    : pattern.startsWith("/respond") || pattern.startsWith("/invited") ? respondent : icsPages;
            String path = resolve(world, pattern, Map.of());
            if (path == null) {
                continue;
            }
            for (Form form : forms(session, path)) {
                if (NOT_MUTATED.contains(form.action())
                        || !formsSeen.add(form.action() + form.fields().keySet())) {
                    continue;
                }
                formCases(session, path, form);
            }
        }
        System.out.printf(
                "Malformed input: %d cases of calls and pages in %.1f s%n", cases, (System.nanoTime() - started) / 1e9);
        importCases(world);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Malformed input: %d cases in %.1f s, %d answered with a server error%n",
                cases, seconds, serverErrors.size());
        assertThat(serverErrors).as("cases answered with a server error").isEmpty();
        assertThat(notProblems)
                .as("API calls refused without a problem document")
                .isEmpty();
        assertThat(cases).as("cases run").isGreaterThanOrEqualTo(1000);
    }

    // ---- each kind of bad input that once was a server error, and how it is answered now ----

    private static String firstField(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().get("errors").get(0).get("field").asString();
    }

    private static String firstReason(Response r) {
        return r.json().get("errors").get(0).get("reason").asString();
    }

    @Test
    void aNulCharacterIsRefusedNamingTheFieldWhereverItIsSent() throws Exception {
        World world = world();
        String path = "/api/v1/ics/" + world.ods();
        String survey = world.variables().get("surveys");
        int places = api.get(path + "/places", world.icsAdmin()).json().size();

        Response place = api.post(path + "/places", world.icsAdmin(), ApiClient.json("name", "North\u0000field"));
        assertThat(firstField(place)).isEqualTo("name");
        assertThat(firstReason(place)).contains("NUL");
        Response answer = api.post(
                path + "/surveys/" + survey + "/responses",
                world.icsAdmin(),
                ApiClient.json("answers", Map.of("Q1", "Agree", "Q4", "more\u0000time")));
        assertThat(firstField(answer)).isEqualTo("answers.Q4");
        Response nested = api.post(
                path + "/surveys",
                world.icsAdmin(),
                surveyDefinition("nul-survey").replace("I am heard", "I am\\u0000 heard"));
        assertThat(firstField(nested)).isEqualTo("questions[0].text");
        Response half = api.post(path + "/places", world.icsAdmin(), "{\"name\": \"\\ud800\"}");
        assertThat(firstField(half)).isEqualTo("name");
        assertThat(firstReason(half)).contains("surrogate");
        // an emoji is a pair of surrogates, and welcome
        assertThat(api.post(path + "/places", world.icsAdmin(), "{\"name\": \"Coast \\ud83c\\udf0a\"}")
                        .status())
                .isEqualTo(201);

        Response query = api.get(path + "/surveys/" + survey + "/results?filter=%00", world.icsAdmin());
        assertThat(firstField(query)).isEqualTo("filter");
        Response undecodable = api.get(path + "/surveys/" + survey + "/results?filter=%C3%28", world.icsAdmin());
        assertThat(firstField(undecodable)).isEqualTo("filter");
        assertThat(firstReason(undecodable)).contains("UTF-8");
        String row = world.registerCsv().split("\n")[1].replace("Asha", "A\u0000sha");
        Response csv = api.post(
                path + "/register/import",
                world.icsAdmin(),
                "text/csv",
                (RegisterFixture.HEADER + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
        // a NUL in a register file marks a file that is not text at all, such as a workbook sent as CSV: named by its
        // row
        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(firstReason(csv)).contains("NUL");
        Response responses = api.post(
                path + "/surveys/" + survey + "/responses/import",
                world.icsAdmin(),
                "text/csv",
                "Q1,Q4\nAgree,more\u0000time\n".getBytes(StandardCharsets.UTF_8));
        assertThat(firstField(responses)).isEqualTo("Q4");

        PageClient pages = signIn(world.icsAdminEmail());
        pages.get("/ics/" + world.ods() + "/places/new");
        Page form = submit(
                pages,
                new Form("/ics/" + world.ods() + "/places/new", "", Map.of()),
                Map.of("name", "South\u0000vale"));
        assertThat(form.status()).isEqualTo(400);
        assertThat(api.get(path + "/places", world.icsAdmin()).json().size())
                .as("only the emoji place was added")
                .isEqualTo(places + 1);
    }

    @Test
    void datesOutside1900To2200AreRefusedInJsonQueriesFilesAndForms() throws Exception {
        World world = world();
        String path = "/api/v1/ics/" + world.ods();
        String person = world.variables().get("people");
        int appointments =
                api.get(path + "/appointments", world.icsAdmin()).json().size();
        for (String date : List.of("0000-01-01", "-2026-01-05", "+12026-01-01", "1899-12-31", "2201-01-01")) {
            Response r = api.post(
                    path + "/people/" + person + "/appointments",
                    world.icsAdmin(),
                    ApiClient.json("seat_id", 1, "start_date", date, "route", "election"));
            assertThat(firstField(r)).as(date).isEqualTo("start_date");
            assertThat(firstReason(r)).contains("1900").contains("2200");
            Response query = api.post(
                    path + "/surveys?opens_on=" + date,
                    world.icsAdmin(),
                    surveyDefinition("d" + date.replaceAll("[^0-9]", "")));
            assertThat(firstField(query)).as(date).isEqualTo("opens_on");
            assertThat(firstReason(query)).contains("1900");
        }
        String[] row = RegisterFixture.smallRegister().split("\n")[1].split(",", -1);
        row[RegisterFile_START_DATE] = "0000-01-01";
        Response file = api.post(
                path + "/register/import",
                world.icsAdmin(),
                "text/csv",
                (RegisterFixture.HEADER + "\n" + String.join(",", row) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(firstField(file)).isEqualTo("start_date");
        assertThat(file.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(api.get(path + "/appointments", world.icsAdmin()).json().size())
                .isEqualTo(appointments);

        List<Problem> problems = new ArrayList<>();
        assertThat(FormValues.date("due_on", "-2026-01-05", problems)).isNull();
        assertThat(FormValues.date("due_on", "2200-12-31", problems)).isNotNull();
        assertThat(problems).extracting(Problem::field).containsExactly("due_on");
    }

    private static final int RegisterFile_START_DATE =
            java.util.Arrays.asList(RegisterFixture.HEADER.split(",")).indexOf("start_date");

    @Test
    void unreadableFormsAndNumbersArePageProblemsNotServerErrors() throws Exception {
        World world = world();
        String path = "/api/v1/ics/" + world.ods();
        Response noBoundary = api.post(
                path + "/places", world.icsAdmin(), "multipart/form-data", "name=x".getBytes(StandardCharsets.UTF_8));
        assertThat(noBoundary.status()).isEqualTo(400);
        assertThat(noBoundary.json().get("detail").asString()).contains("boundary");

        PageClient pages = signIn(world.icsAdminEmail());
        String comments =
                "/ics/" + world.ods() + "/surveys/" + world.variables().get("surveys") + "/comments";
        pages.get(comments);
        assertThat(pages.postBody(comments, "multipart/form-data", "x=1".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        Form coding = new Form(comments, "", Map.of());
        assertThat(submit(pages, coding, Map.of("field", "Q1_comment", "shown", "one"))
                        .status())
                .as("a non-number where the page sends a number")
                .isEqualTo(400);
        Page crlf = submit(pages, coding, Map.of("field", "Q1_comment", "page", "2\r\nSet-Cookie: x=1"));
        assertThat(crlf.status()).as("CR/LF never reaches the redirect").isEqualTo(400);
        Page fine = submit(pages, coding, Map.of("field", "Q1_comment", "page", "2", "uncoded", "true"));
        assertThat(fine.location()).endsWith("/comments?field=Q1_comment&page=2&uncoded=true");
    }

    @Test
    void surveyAnswersTwiceOverLongTextAndFractionalLevelsAreRefused() throws Exception {
        World world = world();
        String path = "/api/v1/ics/" + world.ods();
        String survey = world.variables().get("surveys");

        Response twice = api.post(
                path + "/surveys/" + survey + "/responses",
                world.icsAdmin(),
                "{\"answers\": {\"Q1\": \"Agree\", \"q1\": \"Disagree\"}}");
        assertThat(firstField(twice)).isIn("answers.q1", "answers.Q1");
        assertThat(firstReason(twice)).contains("same question");

        String longIntroduction = surveyDefinition("long-intro").replace("Four short questions.", "x".repeat(2001));
        assertThat(firstField(api.post(path + "/surveys", world.icsAdmin(), longIntroduction)))
                .isEqualTo("introduction");
        assertThat(api.post(
                                path + "/surveys",
                                world.icsAdmin(),
                                surveyDefinition("full-intro").replace("Four short questions.", "x".repeat(2000)))
                        .status())
                .isEqualTo(201);
        String longHint = surveyDefinition("long-hint").replace("Think about the last six months", "x".repeat(501));
        Response hint = api.post(path + "/surveys", world.icsAdmin(), longHint);
        assertThat(firstField(hint)).isEqualTo("questions[0].hint");
        assertThat(firstReason(hint)).contains("500");

        String cycle = world.variables().get("assessments");
        Response fractional =
                api.put(path + "/assessments/" + cycle + "/ratings/P1.1", world.icsAdmin(), "{\"level\": 1.5}");
        assertThat(firstField(fractional)).isEqualTo("level");
        assertThat(firstReason(fractional)).contains("whole number");
        JsonNode framework =
                api.get(path + "/frameworks", world.icsAdmin()).json().get(0);
        ((ObjectNode) framework.get("scale").get(0)).put("level", 1.5);
        Response scale = api.post(path + "/frameworks", world.icsAdmin(), JSON.writeValueAsString(framework));
        assertThat(firstField(scale)).isEqualTo("scale[0].level");
    }

    @Test
    void aRegisterRowOfOnlyEmptyCellsIsRefusedNamingTheRow() throws Exception {
        World world = world();
        String[] lines = world.registerCsv().split("\n");
        String empty = ",".repeat(RegisterFixture.HEADER.split(",").length - 1);
        Response r = api.post(
                "/api/v1/ics/" + world.ods() + "/register/import",
                world.icsAdmin(),
                "text/csv",
                (lines[0] + "\n" + lines[1] + "\n" + empty + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(firstReason(r)).contains("only empty cells");
        assertThat(api.post(
                                "/api/v1/ics/" + world.ods() + "/register/import",
                                world.icsAdmin(),
                                "text/csv",
                                (lines[0] + "\n" + lines[1] + "\n\n").getBytes(StandardCharsets.UTF_8))
                        .status())
                .as("a blank line at the end is nothing")
                .isEqualTo(200);
    }

    @Test
    void aBadIdOnAFileDownloadIsAProblemNamingItWhicheverControllerServesThePath() {
        String ods = createIcs("Download ids");
        String email = createUser("ics_admin", ods);
        String token = tokenFor(email);
        String path = "/api/v1/ics/" + ods;
        // served by page controllers, at a page path and this API path alike
        List<String> downloads = List.of(
                "/surveys/{id}/responses.csv",
                "/surveys/{id}/responses.xlsx",
                "/surveys/{id}/report.pdf",
                "/surveys/{id}/reach.csv",
                "/surveys/{id}/invitations/links.csv",
                "/events/{id}/reach.csv",
                "/feedback/rounds/{id}/report.pdf");
        for (String id : List.of("abc", "1.5", "99999999999999999999")) {
            for (String download : downloads) {
                Response r = api.get(path + download.replace("{id}", id), token);
                assertThat(firstField(r)).as(download + " with id " + id).isEqualTo("id");
            }
            Response links = api.post(path + "/programmes/" + id + "/relationships/links.csv", token, null);
            assertThat(firstField(links)).as("links.csv with id " + id).isEqualTo("id");
        }
        Response missing = api.get(path + "/surveys/-1/responses.csv", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");

        // as a browser asks for it: the error page, naming the parameter
        Page page = signIn(email).get("/ics/" + ods + "/surveys/abc/responses.csv", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("id: Not a valid value").doesNotContain("Exception", "java.");
    }

    @Test
    void aNumberOrTrueWhereTextBelongsIsRefusedNotStoredAsText() {
        String ods = createIcs("Text is text");
        Response renamed = api.patch("/api/v1/admin/ics/" + ods, adminToken(), "{\"name\": false}");
        assertThat(firstField(renamed)).isEqualTo("name");
        assertThat(firstReason(renamed)).contains("text");
        assertThat(firstField(api.patch("/api/v1/admin/ics/" + ods, adminToken(), "{\"name\": 1.5}")))
                .isEqualTo("name");

        int icss = api.get("/api/v1/admin/ics", adminToken()).json().size();
        Response created = api.post(
                "/api/v1/admin/ics", adminToken(), "{\"ods_code\": true, \"name\": \"Truth\", \"region\": \"North\"}");
        assertThat(firstField(created)).isEqualTo("ods_code");
        assertThat(api.get("/api/v1/admin/ics", adminToken()).json().size()).isEqualTo(icss);

        String token = tokenFor(createUser("ics_admin", ods));
        Response person = api.post(
                "/api/v1/ics/" + ods + "/people",
                token,
                ApiClient.json(
                        "person_ref",
                        "P5",
                        "given_name",
                        5,
                        "family_name",
                        "Lee",
                        "email",
                        "ann@example.nhs.uk",
                        "profession",
                        "gp",
                        "registration_number",
                        "7654321",
                        "employer",
                        "Brook Surgery",
                        "employer_ods",
                        "A81001",
                        "sector",
                        "general_practice",
                        "career_stage",
                        "mid"));
        assertThat(firstField(person)).isEqualTo("given_name");
        assertThat(api.get("/api/v1/ics/" + ods + "/people", token).json()).isEmpty();
        // a field a page form sends as text but the API takes as a number still takes one
        Response group = api.post(
                "/api/v1/ics/" + ods + "/engagement-plan/groups",
                token,
                ApiClient.json("name", "Nurses", "kind", "staff_group", "estimated_size", 40));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        assertThat(group.json().get("estimated_size").asInt()).isEqualTo(40);
        assertThat(firstField(api.post(
                        "/api/v1/ics/" + ods + "/engagement-plan/groups",
                        token,
                        ApiClient.json("name", 40, "kind", "staff_group"))))
                .isEqualTo("name");
        // text is still text, and a number where the field holds a number is still a number
        assertThat(api.patch("/api/v1/admin/ics/" + ods, adminToken(), "{\"name\": \"5\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/admin/ics/" + ods + "/min-group-size",
                                adminToken(),
                                ApiClient.json("min_group_size", 10))
                        .status())
                .isBetween(200, 299);
    }

    @Test
    void aJsonFileOfTheWrongShapeIsDescribedInPlainWordsOnItsPage() {
        String ods = createIcs("JSON files");
        PageClient pages = signIn(createUser("ics_admin", ods));
        String ics = "/ics/" + ods;
        record Upload(String page, String action, String file, String expected) {}
        List<Upload> uploads = List.of(
                new Upload(
                        ics + "/surveys",
                        ics + "/surveys/upload",
                        "{\"code\": \"x\", \"title\": \"X\", \"questions\": \"x\"}",
                        "questions: should be a list"),
                new Upload(ics + "/surveys", ics + "/surveys/upload", "{\"code\": 123}", "code: should be text"),
                new Upload(
                        ics + "/frameworks",
                        ics + "/frameworks/upload",
                        "{\"questions\": 1}",
                        "questions: unknown field; allowed fields are code,"),
                new Upload(ics + "/frameworks", ics + "/frameworks/upload", "{\"code\": ", "not valid JSON at line 1"),
                new Upload(
                        ics + "/development/feedback/frameworks",
                        ics + "/development/feedback/frameworks/upload",
                        "{\"code\": {\"a\": 1}}",
                        "code: should be text"));
        for (Upload upload : uploads) {
            pages.get(upload.page());
            Page shown = pages.upload(upload.action(), "upload.json", "application/json", upload.file());
            assertThat(shown.status()).as(upload.file()).isLessThan(500);
            assertThat(shown.body())
                    .as(upload.file())
                    .contains(upload.expected())
                    .doesNotContain("java.", "org.goldenthread", "JsonToken", "Cannot deserialize", "Unrecognized");
        }
    }

    // ---- the world the cases refer to ----

    private World world() throws Exception {
        String ods = createIcs("Malformed input");
        String other = createIcs("Malformed neighbour");
        String icsAdminEmail = createUser("ics_admin", ods);
        String icsAdmin = tokenFor(icsAdminEmail);
        String platformAdminEmail = createUser("platform_admin", null);
        String platformAdmin = tokenFor(platformAdminEmail);
        String path = "/api/v1/ics/" + ods;

        RegisterFixture.addGeography(api, icsAdmin, ods);
        String registerCsv = RegisterFixture.smallRegister();
        expect(api.post(path + "/register/import", icsAdmin, "text/csv", registerCsv.getBytes(StandardCharsets.UTF_8)));
        long survey = expect(api.post(
                        path + "/surveys?opens_on=" + LocalDate.now().minusDays(1),
                        icsAdmin,
                        surveyDefinition("corpus")))
                .get("id")
                .asLong();
        String surveyCsv = "Q1,Q1_comment,Q2,Q2a,Q3,Q3_other,Q4\nAgree,fine,Yes,2,Acute;Other (please specify),council,"
                + "more time\nDisagree,,No,,Primary,,\n";
        expect(api.post(
                path + "/surveys/" + survey + "/responses/import",
                icsAdmin,
                "text/csv",
                surveyCsv.getBytes(StandardCharsets.UTF_8)));
        // an anonymous survey's comments are read and coded from its tenth response, so the corpus reaches them
        expect(api.post(
                path + "/surveys/" + survey + "/responses/import",
                icsAdmin,
                "text/csv",
                ("Q1,Q2\n" + "Disagree,No\n".repeat(8)).getBytes(StandardCharsets.UTF_8)));
        long theme = expect(api.post(
                        path + "/surveys/" + survey + "/themes",
                        icsAdmin,
                        ApiClient.json("name", "Time", "description", "Protected time")))
                .get("id")
                .asLong();
        long framework = expect(api.post(path + "/frameworks/adopt", icsAdmin, ApiClient.json("code", "national-2021")))
                .get("id")
                .asLong();
        long cycle = expect(api.post(
                        path + "/assessments",
                        icsAdmin,
                        ApiClient.json(
                                "framework_id",
                                framework,
                                "title",
                                "Corpus cycle",
                                "opened_on",
                                LocalDate.now().minusMonths(1).toString())))
                .get("id")
                .asLong();
        long action = expect(api.post(
                        path + "/assessments/" + cycle + "/actions",
                        icsAdmin,
                        ApiClient.json(
                                "indicator",
                                "P1.1",
                                "title",
                                "Protect time",
                                "owner",
                                "Chair",
                                "due_on",
                                LocalDate.now().plusMonths(2).toString())))
                .get("id")
                .asLong();
        JsonNode people = expect(api.get(path + "/people", icsAdmin));
        JsonNode appointments = expect(api.get(path + "/appointments", icsAdmin));
        JsonNode forums = expect(api.get(path + "/forums", icsAdmin));
        JsonNode users = expect(api.get(path + "/users", icsAdmin));
        long token =
                expect(api.get("/api/v1/tokens", icsAdmin)).get(0).get("id").asLong();
        String openLink = expect(api.post(path + "/surveys/" + survey + "/open-link", icsAdmin, null))
                .get("link")
                .asString();
        String link = openLink.substring(openLink.lastIndexOf('/') + 1);

        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("ods", ods);
        variables.put("target", other);
        variables.put("surveys", String.valueOf(survey));
        variables.put("assessments", String.valueOf(cycle));
        variables.put("frameworks", String.valueOf(framework));
        variables.put("people", people.get(0).get("id").asString());
        variables.put("appointments", appointments.get(0).get("id").asString());
        variables.put("forums", forums.get(0).get("id").asString());
        variables.put("users", users.get(0).get("id").asString());
        variables.put("tokens", String.valueOf(token));
        variables.put("action", String.valueOf(action));
        variables.put("actions", String.valueOf(action));
        variables.put("indicator", "P1.1");
        variables.put("code", "P1.1");
        variables.put("framework", "national-2021");
        variables.put("link", link);
        variables.put("theme", String.valueOf(theme));
        variables.put("page", "1");
        return new World(
                ods,
                other,
                icsAdmin,
                platformAdmin,
                platformAdminEmail,
                icsAdminEmail,
                variables,
                surveyCsv,
                registerCsv);
    }

    /** A survey with a question of each kind that takes input: choices, a comment, other, a number and text. */
    static String surveyDefinition(String code) {
        return """
                {"code": "%s", "title": "Corpus pulse", "anonymous": true, "introduction": "Four short questions.",
                 "questions": [
                  {"code": "Q1", "text": "I am heard", "type": "agreement4", "required": true, "comment": true,
                   "hint": "Think about the last six months", "section": "Involvement"},
                  {"code": "Q2", "text": "Is your time protected?", "type": "yes_no", "section": "Time"},
                  {"code": "Q2a", "text": "Hours a week", "type": "number",
                   "show_if": {"question": "Q2", "equals": "Yes"}, "section": "Time"},
                  {"code": "Q3", "text": "Sectors", "type": "multi", "options": ["Acute", "Primary"], "other": true},
                  {"code": "Q4", "text": "Anything else?", "type": "text"}]}""".formatted(code);
    }

    private static JsonNode expect(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        return r.json();
    }

    /**
     * The path with each variable filled in: by the collection it follows ({@code surveys/{id}}), or
     * by its name; one variable may be replaced by a mutation. Null when a variable cannot be filled.
     */
    private static String resolve(World world, String pattern, Map<String, String> replaced) {
        Matcher m = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String before = pattern.substring(0, m.start());
            String collection = before.endsWith("/")
                    ? before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1)
                    : "";
            String value = replaced.containsKey(name)
                    ? replaced.get(name)
                    : world.variables()
                            .getOrDefault(
                                    name.equals("id") ? collection : name,
                                    world.variables().get(collection));
            if (value == null) {
                // a record of a kind the world does not hold (an evidence row, an invitation): a made-up id
                value = name.equals("token") ? "AAAAAAAAAAAAAAAAAAAAAAAA" : "1";
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private boolean firstTime(String pattern, String variable, HandlerMethod handler) {
        String before = pattern.substring(0, pattern.indexOf("{" + variable));
        String collection = before.substring(before.lastIndexOf('/', Math.max(0, before.length() - 2)) + 1);
        String type = java.util.Arrays.stream(handler.getMethod().getParameters())
                .filter(p -> p.getAnnotation(PathVariable.class) != null
                        && (p.getName().equals(variable)
                                || p.getAnnotation(PathVariable.class).value().equals(variable)))
                .map(p -> p.getType().getSimpleName())
                .findFirst()
                .orElse("?");
        return variablesDone.add((pattern.startsWith("/api/") ? "api " : "page ") + collection + variable + ":" + type);
    }

    private static List<String> pathVariables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // ---- mutations ----

    /** Query values, already percent-encoded: NUL, a number too big for any field, a BC date, bytes that are not UTF-8. */
    private static final List<String> URL_VALUES = List.of("%00", "99999999999999999999", "-2026-01-05", "%C3%28");

    /** For path variables, which mostly name records: the same check serves every call with that variable. */
    private static final List<String> PATH_VALUES = List.of("%00", "a%0D%0Ab", "-1", "99999999999999999999", "%C3%28");

    /** For page query parameters, which pages read like the API's: text, a number or a date. */
    private static final List<String> PAGE_QUERY_VALUES = List.of("%00", "99999999999999999999", "-2026-01-05");

    private static final Pattern BEFORE_THE_APPLICATION = Pattern.compile("%00|%0D%0A|%C3%28");

    private static final List<String> FORM_VALUES = List.of("a\u0000b", "x".repeat(20_000), "abc", "a\r\nLocation: x");

    /** Path variables already given every mutation, by the collection they follow, their name and type. */
    private final Set<String> variablesDone = new java.util.HashSet<>();

    /** JSON texts replacing one value, chosen by the kind of value it replaces. */
    private static List<String> jsonValues(JsonNode original) {
        if (original.isNumber() || original.isString() && original.asString().matches("-?[0-9.]+")) {
            return List.of("-1", "1.5", "99999999999999999999", "\"abc\"");
        } else if (original.isString() && original.asString().matches("\\d{4}-\\d\\d-\\d\\d")) {
            return List.of("\"0000-01-01\"", "\"-2026-01-05\"", "\"+12026-01-01\"", "\"2026-02-30\"");
        } else if (original.isBoolean()) {
            return List.of("\"yes\"", "\"a\\u0000b\"");
        } else if (original.isArray()) {
            return List.of("{}", "\"x\"", "[null]");
        }
        return List.of("\"a\\u0000b\"", "\"" + "x".repeat(5_000) + "\"", "\"\\ud800\"", "{}");
    }

    private void apiCases(World world, String pattern, RequestMethod method, HandlerMethod handler) {
        String token = pattern.startsWith("/api/v1/admin") ? world.platformAdmin() : world.icsAdmin();
        String body = null;
        List<String> params = new ArrayList<>();
        for (Parameter p : handler.getMethod().getParameters()) {
            RequestParam param = p.getAnnotation(RequestParam.class);
            if (param != null && !Map.class.isAssignableFrom(p.getType())) {
                params.add(
                        !param.name().isEmpty()
                                ? param.name()
                                : !param.value().isEmpty() ? param.value() : p.getName());
            }
            if (p.getAnnotation(RequestBody.class) != null && p.getType() != byte[].class) {
                body = baseBody(world, pattern, p.getParameterizedType());
            }
        }
        boolean imports = pattern.endsWith("/import");
        String contentType = imports ? "text/csv" : "application/json";
        String validBody = imports
                ? ""
                : body == null ? (method == RequestMethod.GET || method == RequestMethod.DELETE ? null : "{}") : body;

        for (String variable : pathVariables(pattern)) {
            if (firstTime(pattern, variable, handler)) {
                for (String value : PATH_VALUES) {
                    send(token, method, resolve(world, pattern, Map.of(variable, value)), contentType, validBody);
                }
            }
        }
        for (String param : params) {
            for (String value : URL_VALUES) {
                send(
                        token,
                        method,
                        resolve(world, pattern, Map.of()) + "?" + param + "=" + value,
                        contentType,
                        validBody);
            }
        }
        if (body != null) {
            String path = resolve(world, pattern, Map.of());
            JsonNode base = JSON.readTree(body);
            for (String leaf : leaves(base, "")) {
                for (String value : jsonValues(base.at(leaf))) {
                    send(token, method, path, "application/json", replace(base, leaf, value));
                }
            }
            for (String whole : List.of("{\"a\":", "", "[]", "[".repeat(5000), "{\"\\u0000\": 1}")) {
                send(token, method, path, "application/json", whole);
            }
            for (String wrongType : List.of("multipart/form-data", "application/x-www-form-urlencoded")) {
                send(token, method, path, wrongType, body);
            }
        }
    }

    /** The pointer of every value that is not itself an object or array, and of every array (first element only). */
    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                found.addAll(leaves(
                        field.getValue(),
                        pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1")));
            }
        } else if (node.isArray()) {
            found.add(pointer);
            if (!node.isEmpty()) {
                found.addAll(leaves(node.get(0), pointer + "/0"));
            }
        } else {
            found.add(pointer);
        }
        return found;
    }

    /** The document as JSON text with the value at the pointer replaced by the given JSON text. */
    private static String replace(JsonNode base, String pointer, String valueText) {
        JsonNode copy = base.deepCopy();
        String marker = "\"@@MUTATION@@\"";
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.put(last, "@@MUTATION@@");
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), array.stringNode("@@MUTATION@@"));
        }
        return JSON.writeValueAsString(copy).replace(marker, valueText);
    }

    /** A body the call accepts, so a mutation of one field is all that is wrong with it. */
    private String baseBody(World world, String pattern, Type type) {
        Map<String, String> known = new LinkedHashMap<>();
        String unique = String.valueOf(cases);
        known.put(
                "/api/v1/admin/ics",
                ApiClient.json("ods_code", uniqueOds(), "name", "Corpus " + unique, "region", "North"));
        known.put("/api/v1/admin/ics/{ods}", ApiClient.json("name", "Renamed"));
        known.put("/api/v1/admin/ics/{ods}/min-group-size", ApiClient.json("min_group_size", 10));
        known.put(
                "/api/v1/admin/users",
                ApiClient.json(
                        "email",
                        uniqueEmail("corpus"),
                        "display_name",
                        "Corpus",
                        "role",
                        "member",
                        "ics",
                        world.ods(),
                        "places",
                        List.of("Northfield")));
        known.put("/api/v1/ics/{ods}/users", known.get("/api/v1/admin/users"));
        known.put("/api/v1/tokens", ApiClient.json("name", "corpus"));
        known.put(
                "/api/v1/ics/{ods}/places",
                ApiClient.json("name", "Place " + unique, "local_authority", "Council", "population", 1000));
        known.put(
                "/api/v1/ics/{ods}/neighbourhoods",
                ApiClient.json(
                        "name", "PCN " + unique, "place", "Northfield", "ods_code", "U12345", "population", 1000));
        known.put(
                "/api/v1/ics/{ods}/organisations",
                ApiClient.json("name", "Org " + unique, "ods_code", "RX1", "sector", "acute", "place", "Northfield"));
        known.put(
                "/api/v1/ics/{ods}/forums",
                ApiClient.json(
                        "name",
                        "Forum " + unique,
                        "level",
                        "place",
                        "kind",
                        "board",
                        "decision_rights",
                        "decides",
                        "place",
                        "Northfield",
                        "reports_to",
                        "ICS Board"));
        known.put(
                "/api/v1/ics/{ods}/forums/{id}/seats",
                ApiClient.json(
                        "title",
                        "Seat",
                        "seat_type",
                        "professional_lead",
                        "professionally_agnostic",
                        false,
                        "expected_hours_per_week",
                        2.5));
        String person = ApiClient.json(
                "person_ref",
                "PX" + unique,
                "given_name",
                "Ann",
                "family_name",
                "Lee",
                "email",
                "ann@example.nhs.uk",
                "profession",
                "gp",
                "registration_number",
                "7654321",
                "employer",
                "Brook Surgery",
                "employer_ods",
                "A81001",
                "sector",
                "general_practice",
                "career_stage",
                "mid");
        known.put("/api/v1/ics/{ods}/people", person);
        known.put("/api/v1/ics/{ods}/people/{id}", person);
        String appointment = ApiClient.json(
                "seat_id",
                1,
                "start_date",
                LocalDate.now().minusDays(10).toString(),
                "end_date",
                LocalDate.now().plusYears(1).toString(),
                "route",
                "election",
                "protected_hours_per_week",
                2,
                "used_hours_per_week",
                1);
        known.put("/api/v1/ics/{ods}/people/{id}/appointments", appointment);
        known.put("/api/v1/ics/{ods}/appointments/{id}", appointment);
        known.put("/api/v1/ics/{ods}/frameworks/adopt", ApiClient.json("code", "draft-principles-2021"));
        known.put(
                "/api/v1/ics/{ods}/assessments",
                ApiClient.json(
                        "framework_id",
                        Long.parseLong(world.variables().get("frameworks")),
                        "title",
                        "Cycle",
                        "place",
                        "Northfield",
                        "opened_on",
                        LocalDate.now().toString()));
        known.put(
                "/api/v1/ics/{ods}/assessments/{id}/ratings/{indicator}",
                ApiClient.json("level", 2, "narrative", "ok"));
        known.put(
                "/api/v1/ics/{ods}/assessments/{id}/agreed/{indicator}", ApiClient.json("level", 2, "rationale", "ok"));
        known.put(
                "/api/v1/ics/{ods}/assessments/{id}/evidence",
                ApiClient.json(
                        "indicator",
                        "P1.1",
                        "metric",
                        "survey_agreement",
                        "survey_id",
                        Long.parseLong(world.variables().get("surveys")),
                        "question",
                        "Q1"));
        known.put(
                "/api/v1/ics/{ods}/assessments/{id}/actions",
                ApiClient.json(
                        "indicator",
                        "P1.1",
                        "title",
                        "Act",
                        "owner",
                        "Chair",
                        "due_on",
                        LocalDate.now().plusMonths(1).toString()));
        known.put("/api/v1/ics/{ods}/assessments/{id}/actions/{action}", ApiClient.json("status", "in_progress"));
        known.put(
                "/api/v1/ics/{ods}/assessments/{id}/close",
                ApiClient.json("closed_on", LocalDate.now().toString()));
        known.put(
                "/api/v1/ics/{ods}/surveys/{id}/responses",
                ApiClient.json(
                        "idempotency_key",
                        "k" + unique,
                        "answers",
                        Map.of("Q1", "Agree", "Q2", "Yes", "Q2a", 2, "Q3", List.of("Acute"), "Q4", "More time")));
        known.put(
                "/api/v1/ics/{ods}/surveys/{id}/themes", ApiClient.json("name", "Theme " + unique, "description", "d"));
        known.put(
                "/api/v1/ics/{ods}/surveys/{id}/responses/{response}/coding",
                ApiClient.json(
                        "field",
                        "Q1_comment",
                        "themes",
                        List.of(Long.parseLong(world.variables().get("theme")))));
        known.put(
                "/api/v1/ics/{ods}/surveys/{id}/invitations",
                ApiClient.json("emails", List.of(uniqueEmail("invitee"))));
        known.put("/api/v1/ics/{ods}/surveys", surveyDefinition("corpus" + unique));
        known.put(
                "/api/v1/ics/{ods}/frameworks",
                JSON.writeValueAsString(api.get("/api/v1/ics/" + world.ods() + "/frameworks", world.icsAdmin())
                        .json()
                        .get(0)));
        return known.containsKey(pattern) ? known.get(pattern) : JSON.writeValueAsString(sample(type));
    }

    /** For a call the list above does not know yet: a value of each field's type, so new calls are covered too. */
    private static Object sample(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return "text";
        } else if (Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class) {
            return raw == BigDecimal.class || raw == double.class || raw == Double.class ? 1.5 : 1;
        } else if (raw == Boolean.class || raw == boolean.class) {
            return true;
        } else if (raw == LocalDate.class) {
            return LocalDate.now().toString();
        } else if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            return List.of(sample(p.getActualTypeArguments()[0]));
        } else if (raw.isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                var name = c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (c.getAnnotation(com.fasterxml.jackson.annotation.JsonIgnore.class) == null) {
                    fields.put(name != null ? name.value() : c.getName(), sample(c.getGenericType()));
                }
            }
            return fields;
        }
        return Map.of("value", "text");
    }

    private void pageCases(
            World world, PageClient session, String pattern, RequestMethod method, HandlerMethod handler) {
        if (method != RequestMethod.GET) {
            // page forms are sent from the forms the pages show, with their CSRF token (below)
            return;
        }
        List<String> params = new ArrayList<>();
        for (Parameter p : handler.getMethod().getParameters()) {
            RequestParam param = p.getAnnotation(RequestParam.class);
            if (param != null && !Map.class.isAssignableFrom(p.getType())) {
                params.add(
                        !param.name().isEmpty()
                                ? param.name()
                                : !param.value().isEmpty() ? param.value() : p.getName());
            } else if (p.getType().isRecord() && p.getAnnotation(PathVariable.class) == null) {
                for (RecordComponent c : p.getType().getRecordComponents()) {
                    params.add(c.getName());
                }
            }
        }
        for (String variable : pathVariables(pattern)) {
            if (firstTime(pattern, variable, handler)) {
                for (String value : PATH_VALUES) {
                    record(
                            () -> session.get(resolve(world, pattern, Map.of(variable, value))),
                            "GET " + pattern,
                            variable + "=" + value);
                }
            }
        }
        for (String param : params) {
            for (String value : PAGE_QUERY_VALUES) {
                record(
                        () -> session.get(resolve(world, pattern, Map.of()) + "?" + param + "=" + value),
                        "GET " + pattern,
                        param + "=" + value);
            }
        }
    }

    private void formCases(PageClient session, String page, Form form) {
        for (String field : form.fields().keySet()) {
            if (field.equals("_csrf")) {
                continue;
            }
            for (String value : FORM_VALUES) {
                Map<String, String> sent = new LinkedHashMap<>(form.fields());
                sent.put(field, value);
                record(() -> submit(session, form, sent), "POST " + form.action(), field + "=" + shorten(value));
            }
        }
        session.get(page);
        record(
                () -> session.postBody(form.action(), "multipart/form-data", "x=1".getBytes(StandardCharsets.UTF_8)),
                "POST " + form.action(),
                "multipart without a boundary");
        session.get(page);
        record(
                () -> session.postBody(form.action(), "application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8)),
                "POST " + form.action(),
                "JSON instead of a form");
    }

    private void importCases(World world) {
        String path = "/api/v1/ics/" + world.ods();
        String survey = world.variables().get("surveys");
        for (String target : List.of(path + "/register/import", path + "/surveys/" + survey + "/responses/import")) {
            String csv = target.endsWith("register/import") ? world.registerCsv() : world.surveyCsv();
            String[] lines = csv.split("\n");
            String[] header = lines[0].split(",", -1);
            String[] row = lines[1].split(",", -1);
            for (int column = 0; column < header.length; column++) {
                for (String value : List.of("a\u0000b", "x".repeat(5000), "\"a\r\nb\"", "-2026-01-05", "abc")) {
                    String[] cells = row.clone();
                    cells[column] = value;
                    String mutated = lines[0] + "\n" + String.join(",", cells) + "\n";
                    sendImport(
                            world,
                            target,
                            "text/csv",
                            mutated.getBytes(StandardCharsets.UTF_8),
                            header[column] + "=" + shorten(value));
                }
            }
            String empty = ",".repeat(header.length - 1);
            byte[] invalidUtf8 = (lines[0] + "\n").getBytes(StandardCharsets.UTF_8);
            invalidUtf8 = java.util.Arrays.copyOf(invalidUtf8, invalidUtf8.length + 3);
            invalidUtf8[invalidUtf8.length - 3] = (byte) 0xC3;
            invalidUtf8[invalidUtf8.length - 2] = (byte) 0x28;
            invalidUtf8[invalidUtf8.length - 1] = '\n';
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("a row of empty cells", (lines[0] + "\n" + empty + "\n").getBytes(StandardCharsets.UTF_8));
            files.put(
                    "an empty row between rows",
                    (lines[0] + "\n" + lines[1] + "\n" + empty + "\n" + lines[1] + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            files.put("the header only", (lines[0] + "\n").getBytes(StandardCharsets.UTF_8));
            files.put("nothing", new byte[0]);
            files.put("a NUL byte in the header", ("\u0000" + csv).getBytes(StandardCharsets.UTF_8));
            files.put("invalid UTF-8", invalidUtf8);
            files.put("a byte order mark", ("\ufeff" + csv).getBytes(StandardCharsets.UTF_8));
            files.put("extra cells", (lines[0] + "\n" + lines[1] + ",extra,more\n").getBytes(StandardCharsets.UTF_8));
            files.put("too few cells", (lines[0] + "\nonly\n").getBytes(StandardCharsets.UTF_8));
            files.put("binary", new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G'});
            files.put("an unclosed quote", (lines[0] + "\n\"" + lines[1] + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                sendImport(world, target, "text/csv", file.getValue(), file.getKey());
            }
            for (String wrongType : List.of("multipart/form-data", "application/json", "text/csv; charset=klingon")) {
                sendImport(world, target, wrongType, csv.getBytes(StandardCharsets.UTF_8), wrongType);
            }
        }
    }

    private void sendImport(World world, String path, String contentType, byte[] body, String what) {
        Response r = api.post(
                path + (path.endsWith("register/import") ? "?mode=all_or_nothing" : ""),
                world.icsAdmin(),
                contentType,
                body);
        record(r.status(), "POST " + path, what + " → " + shorten(r.body()));
    }

    private void send(String token, RequestMethod method, String path, String contentType, String body) {
        Response r;
        try {
            r = switch (method) {
                case GET -> api.get(path, token);
                case DELETE -> api.delete(path, token);
                case POST ->
                    body == null
                            ? api.post(path, token, null)
                            : api.post(path, token, contentType, body.getBytes(StandardCharsets.UTF_8));
                case PUT -> api.put(path, token, body == null ? "" : body);
                case PATCH -> api.patch(path, token, body == null ? "" : body);
                default -> null;
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the HTTP client refuses to send some of these at all (a space in a path): nothing to learn
            return;
        }
        if (r != null) {
            // a path holding NUL, CR/LF or bytes that are not UTF-8 is refused by Tomcat or Spring Security's
            // firewall before the application sees it: Tomcat's refusal is our page (MalformedRequestPage), not a
            // problem document
            boolean refusedBeforeTheApplication =
                    BEFORE_THE_APPLICATION.matcher(path.split("\\?")[0]).find();
            if (r.status() >= 400
                    && !refusedBeforeTheApplication
                    && !r.contentType().startsWith("application/problem+json")) {
                notProblems.add(r.status() + " " + method + " " + shorten(path) + " " + r.contentType());
            }
            record(
                    r.status(),
                    method + " " + shorten(path),
                    (body == null ? "" : shorten(body)) + " → " + shorten(r.body()));
        }
    }

    /** Records a page case; one the HTTP client refuses to send at all reached nothing and is not a case. */
    private void record(Supplier<Page> page, String call, String what) {
        Page answered;
        try {
            answered = page.get();
        } catch (IllegalArgumentException e) {
            return;
        }
        record(answered.status(), call, what);
    }

    private void record(int status, String call, String what) {
        cases++;
        if (status >= 500) {
            serverErrors.add(status + " " + call + " " + what);
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }

    // ---- pages as a browser without JavaScript sends them ----

    record Form(String action, String enctype, Map<String, String> fields) {}

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"");

    private PageClient signIn(String email) {
        return new PageClient(port).signIn(email, PASSWORD);
    }

    /** Every form on the page that posts, with each field's value as shown (a select's first option). */
    private static List<Form> forms(PageClient session, String path) {
        Page page = session.get(path);
        List<Form> forms = new ArrayList<>();
        Matcher m = FORM.matcher(page.body());
        while (m.find()) {
            Map<String, String> attributes = attributes(m.group(1));
            if (!"post".equalsIgnoreCase(attributes.getOrDefault("method", "get"))) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher f = FIELD.matcher(m.group(2));
            while (f.find()) {
                Map<String, String> field = attributes(f.group(2));
                String name = field.get("name");
                if (name == null || fields.containsKey(name)) {
                    continue;
                }
                String value = field.getOrDefault("value", "");
                if (f.group(1).equals("select")) {
                    Matcher option = OPTION.matcher(m.group(2).substring(f.end()));
                    value = option.find() ? option.group(1) : "";
                }
                fields.put(name, htmlDecode(value));
            }
            String action = htmlDecode(attributes.getOrDefault("action", path));
            forms.add(new Form(action.isEmpty() ? path : action, attributes.getOrDefault("enctype", ""), fields));
        }
        return forms;
    }

    /** Sends a form's fields as its page would, multipart or not, with the session's CSRF token. */
    private static Page submit(PageClient session, Form form, Map<String, String> fields) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        sent.put("_csrf", session.csrfToken());
        if (form.enctype().equals("multipart/form-data")) {
            String boundary = "corpus" + System.nanoTime();
            StringBuilder body = new StringBuilder();
            sent.forEach((name, value) -> body.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(name)
                    .append("\"")
                    .append(name.equals("file") ? "; filename=\"upload.csv\"\r\nContent-Type: text/csv" : "")
                    .append("\r\n\r\n")
                    .append(value)
                    .append("\r\n"));
            body.append("--").append(boundary).append("--\r\n");
            return session.postBody(
                    form.action(),
                    "multipart/form-data; boundary=" + boundary,
                    body.toString().getBytes(StandardCharsets.UTF_8));
        }
        String body = sent.entrySet().stream()
                .map(e -> PageClient.encode(e.getKey()) + "=" + PageClient.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return session.postBody(
                form.action(), "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            attributes.put(m.group(1).toLowerCase(), m.group(2));
        }
        return attributes;
    }

    private static String htmlDecode(String s) {
        return s.replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
