package org.goldenthread.engagement.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The engagement plan: groups and activities added, changed and removed; bad input refused by field
 * with nothing changed; what is overdue on the ICS overview; and the plan exported as CSV and Excel.
 */
class PlanTest extends IntegrationTest {

    private String ods;
    private String admin;
    private String adminEmail;
    private String base;

    @BeforeEach
    void anIcs() {
        ods = createIcs("Plan ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        base = "/api/v1/ics/" + ods + "/engagement-plan";
    }

    private static String day(int fromToday) {
        return LocalDate.now().plusDays(fromToday).toString();
    }

    private long group(String name, String kind, Object size) {
        Response r = api.post(
                base + "/groups",
                admin,
                ApiClient.json("name", name, "kind", kind, "estimated_size", size, "owner", "Engagement lead"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Response activity(Object... overrides) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "roundtable");
        body.put("title", "Nursing roundtable");
        body.put("starts_on", day(10));
        body.put("ends_on", day(10));
        body.put("status", "planned");
        body.put("owner", "Chief nurse's office");
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        List<Object> pairs = new ArrayList<>();
        body.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return api.post(base + "/activities", admin, ApiClient.json(pairs.toArray()));
    }

    private int activities() {
        return api.get(base + "/activities", admin).json().size();
    }

    @Test
    void groupsAndActivitiesAreAddedChangedAndRemoved() {
        long nurses = group("Nursing and midwifery council", "professional_network", "1,200");
        long union = group("Staff side", "trade_union", null);
        Response added = activity("group_id", nurses);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        assertThat(added.json().get("group_name").asString()).isEqualTo("Nursing and midwifery council");
        assertThat(api.get(base + "/groups/" + nurses, admin)
                        .json()
                        .get("estimated_size")
                        .asInt())
                .isEqualTo(1200);

        Response changed = api.put(
                base + "/activities/" + id,
                admin,
                ApiClient.json(
                        "kind",
                        "webinar",
                        "title",
                        "Nursing webinar",
                        "starts_on",
                        day(12),
                        "ends_on",
                        day(13),
                        "group_id",
                        union,
                        "status",
                        "under_way"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("title").asString()).isEqualTo("Nursing webinar");
        assertThat(changed.json().get("status").asString()).isEqualTo("under_way");
        assertThat(changed.json().get("group_name").asString()).isEqualTo("Staff side");

        Response stillUsed = api.delete(base + "/groups/" + union, admin);
        assertThat(stillUsed.status()).isEqualTo(400);
        assertThat(stillUsed.body()).contains("Staff side is the audience of 1 activity");
        assertThat(api.get(base + "/groups", admin).json().size()).isEqualTo(2);

        assertThat(api.delete(base + "/activities/" + id, admin).status()).isEqualTo(204);
        assertThat(api.delete(base + "/groups/" + union, admin).status()).isEqualTo(204);
        assertThat(activities()).isZero();
        assertThat(api.get(base + "/groups", admin).json().size()).isEqualTo(1);
        assertThat(api.get(base + "/activities/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedByFieldAndChangesNothing() {
        long nurses = group("Nurses", "professional_network", 300);
        String otherOds = createIcs("Other plan ICS");
        String otherAdmin = tokenFor(createUser("ics_admin", otherOds));
        long foreignGroup = api.post(
                        "/api/v1/ics/" + otherOds + "/engagement-plan/groups",
                        otherAdmin,
                        ApiClient.json("name", "Theirs", "kind", "staff_group"))
                .json()
                .get("id")
                .asLong();
        long foreignSurvey = api.post(
                        "/api/v1/ics/" + otherOds + "/surveys",
                        otherAdmin,
                        "{\"code\": \"theirs\", \"title\": \"Theirs\", \"questions\": ["
                                + "{\"code\": \"Q1\", \"text\": \"Anything?\", \"type\": \"text\"}]}")
                .json()
                .get("id")
                .asLong();

        Response endsFirst = activity("starts_on", day(10), "ends_on", day(9));
        assertThat(endsFirst.status()).isEqualTo(400);
        assertThat(endsFirst.body()).contains("\"field\":\"ends_on\"").contains("End date");

        Response unknown =
                activity("group_id", foreignGroup, "segment_id", 987654, "survey_id", foreignSurvey, "event_id", "12x");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("\"field\":\"group_id\"")
                .contains("Stakeholder group: there is no such stakeholder group in this ICS")
                .contains("\"field\":\"segment_id\"")
                .contains("\"field\":\"survey_id\"")
                .contains("\"field\":\"event_id\"");

        Response badKind = activity("kind", "podcast", "status", "maybe", "title", " ");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body())
                .contains("\"field\":\"kind\"")
                .contains("\"field\":\"status\"")
                .contains("\"field\":\"title\"");
        assertThat(activities()).isZero();

        Response negative = api.post(
                base + "/groups",
                admin,
                ApiClient.json("name", "Students", "kind", "education_partner", "estimated_size", -5));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"estimated_size\"").contains("Estimated size");
        Response twice = api.post(base + "/groups", admin, ApiClient.json("name", "NURSES", "kind", "staff_group"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("\"field\":\"name\"");
        Response badChange = api.put(
                base + "/groups/" + nurses,
                admin,
                ApiClient.json("name", "Nurses", "kind", "club", "estimated_size", 5));
        assertThat(badChange.status()).isEqualTo(400);
        assertThat(badChange.body()).contains("\"field\":\"kind\"");
        JsonNode groups = api.get(base + "/groups", admin).json();
        assertThat(groups.size()).isEqualTo(1);
        assertThat(groups.get(0).get("kind").asString()).isEqualTo("professional_network");
        assertThat(groups.get(0).get("estimated_size").asInt()).isEqualTo(300);
        assertThat(api.get("/api/v1/ics/" + otherOds + "/engagement-plan/groups/" + foreignGroup, admin)
                        .status())
                .isIn(403, 404);
    }

    @Test
    void analystsReadThePlanButDoNotChangeIt() {
        group("Nurses", "professional_network", 300);
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(api.get(base, analyst).status()).isEqualTo(200);
        assertThat(api.get(base + "/groups", analyst).json().size()).isEqualTo(1);
        Response refused = api.post(base + "/groups", analyst, ApiClient.json("name", "Mine", "kind", "staff_group"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get(base + "/groups", admin).json().size()).isEqualTo(1);
    }

    @Test
    void overdueActivitiesShowOnTheIcsOverview() {
        assertThat(activity(
                                "title",
                                "Pharmacy focus group",
                                "kind",
                                "focus_group",
                                "starts_on",
                                day(-20),
                                "ends_on",
                                day(-3),
                                "status",
                                "under_way")
                        .status())
                .isEqualTo(201);
        assertThat(activity(
                                "title",
                                "Finished newsletter",
                                "kind",
                                "newsletter",
                                "starts_on",
                                day(-30),
                                "ends_on",
                                day(-30),
                                "status",
                                "done")
                        .status())
                .isEqualTo(201);
        assertThat(activity("title", "Ends today", "starts_on", day(-2), "ends_on", day(0))
                        .status())
                .isEqualTo(201);
        assertThat(activity("title", "Next month's survey", "kind", "survey", "starts_on", day(30), "ends_on", day(50))
                        .status())
                .isEqualTo(201);

        JsonNode plan = api.get(base, admin).json();
        assertThat(plan.get("overdue_ids").size()).isEqualTo(1);

        PageClient browser = new PageClient(port).signIn(adminEmail, PASSWORD);
        String overview = browser.get("/ics/" + ods).body();
        assertThat(overview).contains("Overdue engagement activities");
        assertThat(overview).contains("the longest overdue is Pharmacy focus group");
        String page = browser.get("/ics/" + ods + "/engagement-plan").body();
        assertThat(page).contains("1 activity is overdue");
        String timeline =
                browser.get("/ics/" + ods + "/engagement-plan/timeline").body();
        assertThat(timeline)
                .contains("Next month&#39;s survey")
                .contains("Overdue")
                .contains("Past");
    }

    @Test
    void thePlanExportsAsCsvAndExcelWithLabelsAndEveryGroup() throws Exception {
        long nurses = group("Nurses", "professional_network", 300);
        group("=Unreached students", "education_partner", 40);
        assertThat(activity(
                                "title",
                                "Nursing roundtable",
                                "group_id",
                                nurses,
                                "starts_on",
                                "2026-03-02",
                                "ends_on",
                                "2026-03-02",
                                "status",
                                "done")
                        .status())
                .isEqualTo(201);

        List<CSVRecord> csv = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(
                        api.getBytes(base + "/export?format=csv", admin), java.nio.charset.StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0).get("Activity")).isEqualTo("Nursing roundtable");
        assertThat(csv.get(0).get("Kind")).isEqualTo("Roundtable");
        assertThat(csv.get(0).get("Starts")).isEqualTo("2026-03-02");
        assertThat(csv.get(0).get("Status")).isEqualTo("Done");
        assertThat(csv.get(0).get("Stakeholder group")).isEqualTo("Nurses");
        assertThat(csv.get(0).get("Group kind")).isEqualTo("Professional network");
        assertThat(csv.get(0).get("Estimated size")).isEqualTo("300");
        assertThat(csv.get(1).get("Activity")).isEmpty();
        assertThat(csv.get(1).get("Stakeholder group"))
                .as("a name a spreadsheet would run as a formula is written as text")
                .isEqualTo("'=Unreached students");

        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(api.getBytes(base + "/export?format=xlsx", admin)))) {
            try (var rows = workbook.getFirstSheet().openStream()) {
                rows.forEach(row -> sheet.add(cells(row, PlanExport.COLUMNS.size())));
            }
        }
        assertThat(sheet).hasSize(3);
        assertThat(sheet.get(0)).isEqualTo(PlanExport.COLUMNS);
        for (int r = 1; r < 3; r++) {
            assertThat(sheet.get(r)).isEqualTo(new ArrayList<>(csv.get(r - 1).toList()));
        }
        assertThat(api.get(base + "/export?format=pdf", admin).status()).isEqualTo(400);
    }

    private static List<String> cells(Row row, int width) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            cells.add(row.getCellAsString(c).orElse(""));
        }
        return cells;
    }
}
