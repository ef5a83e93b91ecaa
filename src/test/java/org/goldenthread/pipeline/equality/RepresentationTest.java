package org.goldenthread.pipeline.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Leaders at each level against the workforce baseline, with k = 3. The small register's current
 * leaders: at system level Asha, Ben, Cara and Dev; at place level Asha and Eve; in neighbourhoods Fay
 * and Gus. All but Gus answered: Fay Asian, everyone else White. The baseline (both profession groups
 * together) is White 130, Asian 30, Black 30, Mixed 10 of 200 who stated an ethnic group.
 */
class RepresentationTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EqualityAnswers answers;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void leadersAgainstTheWorkforceWithSmallGroupsHidden() {
        String ods = createIcs("Representation");
        String adminEmail = createUser("ics_admin", ods);
        String admin = tokenFor(adminEmail);
        smallRegisterWithK3(ods, admin);
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/workforce-baseline/import",
                                admin,
                                "text/csv",
                                BaselineCorpusTest.GOOD_FILE.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        Map<String, EthnicGroup> given = Map.of(
                "P1", EthnicGroup.WHITE,
                "P2", EthnicGroup.WHITE,
                "P3", EthnicGroup.WHITE,
                "P4", EthnicGroup.WHITE,
                "P5", EthnicGroup.WHITE,
                "P6", EthnicGroup.ASIAN);
        given.forEach((ref, group) -> give(ods, ref, group));

        JsonNode ethnic = api.get("/api/v1/ics/" + ods + "/representation", tokenFor(createUser("analyst", ods)))
                .json()
                .get(0);
        assertThat(ethnic.get("characteristic").asString()).isEqualTo("ethnic_group");

        // system: 4 of 4 who stated are White: share 1.0 against 130/200 = 0.65, ratio 1.54;
        // Asian 0 of 4 against 0.15: ratio 0.00, called out
        JsonNode system = row(ethnic, "system");
        assertThat(system.get("leaders").asInt()).isEqualTo(4);
        assertThat(cell(system, "white").get("leaders").asInt()).isEqualTo(4);
        assertThat(cell(system, "white").get("ratio").decimalValue()).isEqualByComparingTo("1.54");
        assertThat(cell(system, "asian").get("ratio").decimalValue()).isEqualByComparingTo("0.00");
        // nobody in the workforce stated Other: nothing to compare with
        assertThat(cell(system, "other").get("ratio").isNull()).isTrue();

        // all levels: 7 leaders, 6 stated: White 5; Asian 1 and not stated 1 hidden. White's share would be
        // 5/6 (and its ratio 5/6 ÷ 0.65 = 1.28), saying that 6 stated, so that 1 did not: neither is shown
        JsonNode all = row(ethnic, "all");
        assertThat(all.get("leaders").asInt()).isEqualTo(7);
        assertThat(cell(all, "white").get("leaders").asInt()).isEqualTo(5);
        assertThat(cell(all, "white").get("leader_share").isNull()).isTrue();
        assertThat(cell(all, "white").get("ratio").isNull()).isTrue();
        assertThat(cell(all, "asian").get("suppressed").asBoolean()).isTrue();
        assertThat(cell(all, "asian").get("leaders").isNull()).isTrue();
        assertThat(cell(all, "asian").get("ratio").isNull()).isTrue();
        assertThat(all.get("not_stated").isNull()).isTrue();

        // place: 2 stated, fewer than k: nothing shown
        JsonNode place = row(ethnic, "place");
        assertThat(cell(place, "white").get("suppressed").asBoolean()).isTrue();
        assertThat(cell(place, "white").get("leader_share").isNull()).isTrue();

        assertThat(ethnic.get("findings").toString())
                .contains("At system level, the group ‘Asian, Asian British or Asian Welsh’ has no leaders")
                .contains("Fewer than 3 leaders stated an answer at place, neighbourhood levels")
                .contains("Shares and ratios are not shown for all levels together, where the number of leaders who"
                        + " did not state an answer is hidden");
        // and so in every table: no share beside a hidden "not stated"
        for (JsonNode table :
                api.get("/api/v1/ics/" + ods + "/representation", admin).json()) {
            for (JsonNode level : table.get("rows")) {
                if (level.get("not_stated").isNull()) {
                    for (JsonNode answer : level.get("answers")) {
                        assertThat(answer.get("leader_share").isNull())
                                .as(table.get("characteristic") + " " + level.get("level") + " " + answer.get("value"))
                                .isTrue();
                        assertThat(answer.get("ratio").isNull()).isTrue();
                    }
                }
            }
        }

        String page = new PageClient(port)
                .signIn(adminEmail, PASSWORD)
                .get("/ics/" + ods + "/pipeline/fairness")
                .body();
        assertThat(page)
                .contains("has no leaders although the workforce has people in it: it may be under-represented")
                .contains("4 (ratio 1.54)")
                .contains("Hidden: too few");

        Response medical = api.get("/api/v1/ics/" + ods + "/representation?group=medical", admin);
        assertThat(medical.status()).as(medical.body()).isEqualTo(200);
        // Medical leaders are the two GPs, Asha (system and place) and Fay (neighbourhood): 2 in all
        assertThat(row(medical.json().get(0), "all").get("leaders").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/ics/" + ods + "/representation?group=Surgeons", admin)
                        .status())
                .isEqualTo(400);
    }

    /**
     * Four levels by two answers and not stated, then everyone (nobody leads at two levels), k = 3.
     * Each level's number of leaders is public, and so is the last row here. Line by line, the first
     * level's 2 and the fourth's 1 leave two cells hidden in every row and column (the fourth hides its
     * answers, as fewer than k stated one), but counts cannot be negative: the fourth's 1 leader who
     * stated is one of the first column's 9 − 3 − 4 = 2 left over, or not, so the first level's count
     * there is 1 or 2, a small group known to be there.
     */
    @Test
    void aCountThatTheLevelsAndEveryoneWouldPinDownIsHiddenWithMore() {
        SmallNumbers k3 = new SmallNumbers(3);
        int[][] raw = {{2, 5, 4}, {3, 6, 6}, {4, 0, 6}, {0, 1, 0}, {9, 12, 16}};
        Integer[][] lineByLine = new Integer[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            boolean tooFew = raw[r][0] + raw[r][1] < 3;
            lineByLine[r] = new Integer[] {
                tooFew ? null : k3.shown(raw[r][0]), tooFew ? null : k3.shown(raw[r][1]), k3.shown(raw[r][2])
            };
        }
        SmallNumbers.hideBeside(lineByLine, raw);
        assertThat(lineByLine[1]).containsExactly(3, 6, 6);

        Integer[][] shown = Representation.hide(raw, k3);
        assertThat(shown[0]).containsExactly(null, null, 4);
        // the second level's answers go too: the first level's 2 could now be anything from 1 to 5
        assertThat(shown[1]).containsExactly(null, null, 6);
        assertThat(shown[2]).containsExactly(4, 0, 6);
        assertThat(shown[3]).containsExactly(null, null, 0);
        assertThat(shown[4]).containsExactly(9, 12, 16);
    }

    /** With someone at two levels the levels do not add up to everyone, and only the line rule applies. */
    @Test
    void levelsThatShareALeaderAreHiddenLineByLine() {
        SmallNumbers k3 = new SmallNumbers(3);
        // as above, with one of the second level's leaders in the first level too
        int[][] raw = {{2, 5, 4}, {3, 6, 6}, {4, 0, 6}, {0, 1, 0}, {8, 12, 16}};
        Integer[][] shown = Representation.hide(raw, k3);
        assertThat(shown[1]).containsExactly(3, 6, 6);
        assertThat(shown[0]).containsExactly(null, null, 4);
    }

    /**
     * A profession group's table beside everyone's: with one other group, everyone's count less the
     * group's is the other's. At the first level 11 nurses and 1 doctor gave one answer, everyone 12:
     * the doctor's 1 is hidden, and so the nurses' 11, which would give it away, goes too.
     */
    @Test
    void aGroupsTableBesideEveryonesGivesNoOtherGroupsCountAway() {
        SmallNumbers k3 = new SmallNumbers(3);
        // two levels, then everyone; White, Asian, not stated
        int[][] nurses = {{11, 6, 4}, {5, 7, 3}, {16, 13, 7}};
        int[][] doctors = {{1, 5, 4}, {6, 4, 5}, {7, 9, 9}};
        int[][] everyone = {{12, 11, 8}, {11, 11, 8}, {23, 22, 16}};
        Integer[][] alone = Representation.hide(nurses, k3);
        assertThat(alone[0][0]).as("on its own, the nurses' table shows 11").isEqualTo(11);

        Map<String, Integer[][]> shown =
                Representation.hideTogether(everyone, Map.of("Nursing", nurses, "Medical", doctors), k3);
        assertThat(shown.get("Medical")[0][0]).isNull();
        assertThat(shown.get("Nursing")[0][0])
                .as("12 − 11 would be the doctors' 1")
                .isNull();
        assertLinesAcrossTablesHoldTwoHiddenOrNone(everyone, List.of(nurses, doctors), shown);
    }

    /** Random tables of three groups: no line across the tables, nor within one, leaves one count hidden alone. */
    @Test
    void noCountOfOneGroupCanBeWorkedOutFromTheOthersAndEveryones() {
        SmallNumbers k3 = new SmallNumbers(3);
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            int levels = 1 + random.nextInt(3);
            int columns = 2 + random.nextInt(3);
            List<int[][]> groups = new java.util.ArrayList<>();
            Map<String, int[][]> byName = new java.util.LinkedHashMap<>();
            int[][] everyone = new int[levels + 1][columns];
            for (int g = 0; g < 3; g++) {
                int[][] raw = new int[levels + 1][columns];
                for (int r = 0; r < levels; r++) {
                    for (int c = 0; c < columns; c++) {
                        raw[r][c] = random.nextInt(4) == 0 ? 0 : random.nextInt(8);
                        raw[levels][c] += raw[r][c];
                    }
                }
                for (int r = 0; r <= levels; r++) {
                    for (int c = 0; c < columns; c++) {
                        everyone[r][c] += raw[r][c];
                    }
                }
                groups.add(raw);
                byName.put("G" + g, raw);
            }
            Map<String, Integer[][]> shown = Representation.hideTogether(everyone, byName, k3);
            assertLinesAcrossTablesHoldTwoHiddenOrNone(everyone, groups, shown);
            for (Map.Entry<String, int[][]> t : byName.entrySet()) {
                Integer[][] s = shown.get(t.getKey());
                for (int r = 0; r <= levels; r++) {
                    for (int c = 0; c < columns; c++) {
                        int v = t.getValue()[r][c];
                        assertThat(s[r][c] == null || v == 0 || v >= 3)
                                .as("a small count shown")
                                .isTrue();
                    }
                }
            }
        }
    }

    /**
     * Leaders' figures are released and then stand until k people have changed since: one person's
     * new answers (or one new leader) read before and after would say which group they are in.
     */
    @Test
    void theFiguresStandUntilKLeadersHaveChanged() {
        String ods = createIcs("Representation release");
        smallRegisterWithK3(ods, tokenFor(createUser("ics_admin", ods)));
        for (String ref : List.of("P1", "P2", "P3", "P4")) {
            give(ods, ref, EthnicGroup.WHITE);
        }
        String analyst = tokenFor(createUser("analyst", ods));
        assertThat(systemCount(ods, analyst, "white")).isEqualTo(4);

        // two leaders change their answers, one of them twice, and one gives the same again: 2 people, fewer than k
        give(ods, "P2", EthnicGroup.BLACK);
        assertThat(systemCount(ods, analyst, "white")).isEqualTo(4);
        give(ods, "P3", EthnicGroup.BLACK);
        give(ods, "P3", EthnicGroup.MIXED);
        give(ods, "P3", EthnicGroup.BLACK);
        give(ods, "P1", EthnicGroup.WHITE);
        assertThat(systemCount(ods, analyst, "white")).isEqualTo(4);
        assertThat(systemCount(ods, analyst, "black")).isZero();

        // a third: now k have changed, and the figures move by all three at once: 1 White is hidden, and
        // the 3 Black beside it too, since the system level's 4 leaders less 3 would give the 1 away
        give(ods, "P4", EthnicGroup.BLACK);
        assertThat(systemCount(ods, analyst, "white")).isNull();
        assertThat(systemCount(ods, analyst, "black")).isNull();
    }

    @Test
    void changedPeopleCountsEachPersonOnceWhereverTheyMoved() {
        EqualityFigures.Membership a1 = new EqualityFigures.Membership(1, "", "system");
        EqualityFigures.Membership a1all = new EqualityFigures.Membership(1, "", "all");
        EqualityFigures.Membership b2 = new EqualityFigures.Membership(2, "", "place");
        EqualityFigures.Membership b2moved = new EqualityFigures.Membership(2, "", "neighbourhood");
        EqualityFigures.Membership c3 = new EqualityFigures.Membership(3, "", "system");
        EqualityFigures.Release last = new EqualityFigures.Release(
                java.time.LocalDate.now(), java.util.Set.of(a1, a1all, b2), java.util.Set.of(), Map.of());
        // nobody changed
        assertThat(Representation.changedPeople(last, java.util.Set.of(a1, a1all, b2)))
                .isZero();
        // 1 left (both places they counted), 2 moved, 3 arrived
        assertThat(Representation.changedPeople(last, java.util.Set.of(b2moved, c3)))
                .isEqualTo(3);
        // someone counted whose answers changed, and who also moved, is one person
        EqualityFigures.Release answered = new EqualityFigures.Release(
                java.time.LocalDate.now(), java.util.Set.of(a1, a1all, b2), java.util.Set.of(2L), Map.of());
        assertThat(Representation.changedPeople(answered, java.util.Set.of(a1, a1all, b2moved)))
                .isEqualTo(1);
    }

    /** The small register, with the ICS's k set to 3 so that its few leaders can show anything. */
    private void smallRegisterWithK3(String ods, String admin) {
        RegisterFixture.loadSmallRegister(api, admin, ods);
        setMinGroupSize(ods, 3);
    }

    private void give(String ods, String ref, EthnicGroup group) {
        inIcs(
                ods,
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    answers.recordForPerson(
                            jdbc.sql("select id from person where person_ref = :ref")
                                    .param("ref", ref)
                                    .query(Long.class)
                                    .single(),
                            new Answers(group, Sex.NOT_STATED, Disability.NOT_STATED));
                    return null;
                }));
    }

    private @org.jspecify.annotations.Nullable Integer systemCount(String ods, String token, String answer) {
        JsonNode leaders = cell(
                        row(
                                api.get("/api/v1/ics/" + ods + "/representation", token)
                                        .json()
                                        .get(0),
                                "system"),
                        answer)
                .get("leaders");
        return leaders == null || leaders.isNull() ? null : leaders.asInt();
    }

    private static void assertLinesAcrossTablesHoldTwoHiddenOrNone(
            int[][] everyone, List<int[][]> groups, Map<String, Integer[][]> shown) {
        assertThat(shown).hasSize(groups.size() + 1);
        Integer[][] total = shown.get(Representation.EVERYONE);
        List<Integer[][]> groupShown = shown.entrySet().stream()
                .filter(e -> !e.getKey().equals(Representation.EVERYONE))
                .map(Map.Entry::getValue)
                .toList();
        for (int r = 0; r < everyone.length; r++) {
            for (int c = 0; c < everyone[r].length; c++) {
                int hidden = total[r][c] == null ? 1 : 0;
                for (int g = 0; g < groupShown.size(); g++) {
                    hidden += groupShown.get(g)[r][c] == null ? 1 : 0;
                }
                // everyone's count hidden alone is the groups' sum: harmless only when that is 0
                if (hidden == 1 && !(total[r][c] == null && everyone[r][c] == 0)) {
                    throw new AssertionError("level " + r + ", answer " + c + ": one count hidden alone");
                }
            }
        }
    }

    private static JsonNode row(JsonNode table, String level) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("level").asString().equals(level)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + level + " in " + table);
    }

    private static JsonNode cell(JsonNode row, String value) {
        for (JsonNode cell : row.get("answers")) {
            if (cell.get("value").asString().equals(value)) {
                return cell;
            }
        }
        throw new AssertionError("No " + value + " in " + row);
    }
}
