package org.goldenthread.engagement.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.engagement.audiences.Member;
import org.junit.jupiter.api.Test;

/** Reach tables against cases worked by hand, with k = 3. */
class ReachTableTest {

    private static final String MEDICAL = "Medical";
    private static final String NURSING = "Nursing and midwifery";
    private static final String AHP = "Allied health professions";

    /** The register: 10 medical (50%), 6 nursing (30%), 4 allied health (20%). */
    private static Map<String, Long> register() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(MEDICAL, 10L);
        counts.put(NURSING, 6L);
        counts.put(AHP, 4L);
        return counts;
    }

    private static Member member(String group, Set<String> places) {
        return new Member("", "", null, group, null, null, places, Set.of(), Set.of(), Set.of(), true);
    }

    private static void add(List<ReachTable.Participant> people, int times, String group, Stage... stages) {
        for (int i = 0; i < times; i++) {
            people.add(new ReachTable.Participant(member(group, Set.of()), EnumSet.of(Stage.INVITED, stages)));
        }
    }

    private static ReachTable.Row row(ReachTable t, String group) {
        return t.rows().stream()
                .filter(r -> r.group().equals(group))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void smallCountsAreHiddenAndSoIsTheCellThatWouldGiveThemAwayFromTheTotal() {
        List<ReachTable.Participant> people = new ArrayList<>();
        add(people, 3, MEDICAL, Stage.RESPONDED);
        add(people, 5, MEDICAL);
        add(people, 4, NURSING, Stage.RESPONDED);
        add(people, 2, AHP);
        ReachTable t = ReachTable.of(
                Dimension.PROFESSION_GROUP,
                List.of(Stage.INVITED, Stage.RESPONDED),
                people,
                register(),
                "the register",
                3);

        // invited: 8, 4, 2 of 14. The 2 is under k; with the total shown it would be 14 − 8 − 4, so the
        // smallest other count, nursing's 4, is hidden as well
        assertThat(row(t, MEDICAL).cells().get(0).count()).isEqualTo(8);
        assertThat(row(t, MEDICAL).cells().get(0).percent()).isEqualByComparingTo("57.1");
        assertThat(row(t, AHP).cells().get(0).suppressed()).isTrue();
        assertThat(row(t, AHP).cells().get(0).percent()).isNull();
        assertThat(row(t, NURSING).cells().get(0).suppressed()).isTrue();
        assertThat(t.total().cells().get(0).count()).isEqualTo(14);

        // responded: 3, 4, 0 of 7, all shown; allied health's 0% is under half its 20% of the register
        assertThat(row(t, MEDICAL).cells().get(1).percent()).isEqualByComparingTo("42.9");
        assertThat(row(t, NURSING).cells().get(1).percent()).isEqualByComparingTo("57.1");
        assertThat(row(t, AHP).cells().get(1).count()).isZero();
        assertThat(row(t, AHP).expectedPercent()).isEqualByComparingTo("20.0");
        assertThat(row(t, AHP).cells().get(1).underRepresented()).isTrue();
        assertThat(row(t, AHP).flags())
                .containsExactly("Under-represented: 0% of those who responded against 20% of the register");
        // 42.9% against 50% is short, but not under half
        assertThat(row(t, MEDICAL).underRepresented()).isFalse();
        assertThat(t.gaps()).isOne();
        assertThat(t.findings())
                .containsExactly(AHP + ": under-represented: 0% of those who responded against 20% of the register");
    }

    @Test
    void aStageOfFewerThanKInAllHidesItsZerosToo() {
        List<ReachTable.Participant> people = new ArrayList<>();
        // 2 responded, both medical: with nursing's and allied health's 0 shown beside a hidden medical
        // count and a hidden total, anyone could read that every respondent is medical
        add(people, 2, MEDICAL, Stage.RESPONDED);
        add(people, 6, MEDICAL);
        add(people, 4, NURSING);
        add(people, 4, AHP);
        ReachTable t = ReachTable.of(
                Dimension.PROFESSION_GROUP,
                List.of(Stage.INVITED, Stage.RESPONDED),
                people,
                register(),
                "the register",
                3);
        assertThat(t.total().cells().get(1).suppressed()).isTrue();
        for (String group : List.of(MEDICAL, NURSING, AHP)) {
            assertThat(row(t, group).cells().get(1).suppressed()).as(group).isTrue();
            assertThat(row(t, group).cells().get(1).count()).as(group).isNull();
            assertThat(row(t, group).flags()).as(group).isEmpty();
        }
        // the invited, 16 in all, are shown as before
        assertThat(row(t, NURSING).cells().get(0).count()).isEqualTo(4);
        assertThat(t.total().cells().get(0).count()).isEqualTo(16);
    }

    @Test
    void underHalfTheExpectedShareIsFlaggedAndJustOverIsNot() {
        List<ReachTable.Participant> people = new ArrayList<>();
        add(people, 17, MEDICAL);
        add(people, 3, NURSING);
        add(people, 4, AHP);
        ReachTable t = ReachTable.of(
                Dimension.PROFESSION_GROUP, List.of(Stage.INVITED), people, register(), "the workforce baseline", 3);
        // nursing 3 of 24 = 12.5%, under half of 30%; allied health 4 of 24 = 16.7%, not under half of 20%
        assertThat(row(t, NURSING).cells().get(0).percent()).isEqualByComparingTo("12.5");
        assertThat(row(t, NURSING).flags())
                .containsExactly("Under-represented: 13% of those invited against 30% of the workforce baseline");
        assertThat(row(t, AHP).cells().get(0).percent()).isEqualByComparingTo("16.7");
        assertThat(row(t, AHP).underRepresented()).isFalse();
        assertThat(t.gaps()).isOne();
    }

    @Test
    void nobodyIsFlaggedOnHiddenFiguresOrForBeingUnknown() {
        List<ReachTable.Participant> people = new ArrayList<>();
        // one allied health professional of 12: 8% against 20%, but a count of 1 is never shown or judged
        add(people, 8, MEDICAL);
        add(people, 3, NURSING);
        add(people, 1, AHP);
        people.add(new ReachTable.Participant(
                new Member("", "", null, null, null, null, Set.of(), Set.of(), Set.of(), Set.of(), false),
                EnumSet.of(Stage.INVITED)));
        ReachTable t = ReachTable.of(
                Dimension.PROFESSION_GROUP, List.of(Stage.INVITED), people, register(), "the register", 3);
        assertThat(row(t, AHP).cells().get(0).suppressed()).isTrue();
        assertThat(row(t, AHP).underRepresented()).isFalse();
        ReachTable.Row unknown = row(t, Dimension.NOT_KNOWN);
        assertThat(unknown.label()).isEqualTo("Not known or not on the register");
        assertThat(unknown.underRepresented()).isFalse();
        assertThat(t.rows().get(t.rows().size() - 1))
                .as("the unknown come last")
                .isEqualTo(unknown);
    }

    @Test
    void someoneWithSeatsInTwoPlacesCountsInBoth() {
        List<ReachTable.Participant> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(
                    new ReachTable.Participant(member(MEDICAL, Set.of("North", "South")), EnumSet.of(Stage.INVITED)));
        }
        for (int i = 0; i < 3; i++) {
            people.add(new ReachTable.Participant(member(MEDICAL, Set.of("North")), EnumSet.of(Stage.INVITED)));
        }
        ReachTable t = ReachTable.of(
                Dimension.PLACE, List.of(Stage.INVITED), people, Map.of("North", 50L, "South", 50L), "the register", 3);
        assertThat(row(t, "North").cells().get(0).percent()).isEqualByComparingTo("100.0");
        assertThat(row(t, "South").cells().get(0).percent()).isEqualByComparingTo("50.0");
        assertThat(t.total().cells().get(0).count()).isEqualTo(6);
    }
}
