package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.goldenthread.platform.InvalidInput;
import org.junit.jupiter.api.Test;

/** Every rule of a matching round, and the reasons it gives for pairs and for mentees left out. */
class MatchingTest {

    private static Matching.Member mentor(String ref, String employer, String ods, int capacity) {
        return new Matching.Member(ref, "Mentor " + ref, employer, ods, capacity, List.of());
    }

    private static Matching.Member mentee(String ref, String employer, String ods, String... preferences) {
        return new Matching.Member(ref, "Mentee " + ref, employer, ods, 0, List.of(preferences));
    }

    private static Matching.Proposal propose(
            boolean cross, List<Matching.Member> mentors, List<Matching.Member> mentees, Matching.Rule... rules) {
        return Matching.propose(new Matching.Round(cross, mentors, mentees, List.of(rules)));
    }

    @Test
    void neverPairsColleaguesOnACrossOrganisationProgrammeByOdsCodeElseByName() {
        List<Matching.Member> mentors = List.of(mentor("M1", "Trust A", "RAA", 5), mentor("M2", " care co ", null, 5));
        List<Matching.Member> mentees = List.of(
                mentee("E1", "Somewhere else", "raa", "M1"), // same ODS code, whatever the names
                mentee("E2", "CARE CO", null, "M2"), // same name, ignoring case and spaces
                mentee("E3", "Trust A", "RBB", "M1"), // different ODS codes: the names do not count
                mentee("E4", null, null, "M2")); // employer unknown: not taken to be a colleague
        Matching.Proposal cross = propose(true, mentors, mentees);
        assertThat(cross.pairs()).extracting(Matching.Pair::mentee).containsExactly("E3", "E4");
        assertThat(cross.unmatched())
                .extracting(Matching.Unmatched::why)
                .containsOnly("Their only listed mentor works for the same employer (cross-organisation rule)");
        assertThat(cross.pairs().get(0).why()).contains("different employers (cross-organisation rule)");
        assertThat(cross.pairs().get(1).why()).contains("employer is not recorded");

        Matching.Proposal anyone = propose(false, mentors, mentees);
        assertThat(anyone.matched()).isEqualTo(4);
        assertThat(anyone.pairs().get(0).why()).isEqualTo("The mentee's 1st choice");
    }

    @Test
    void onlyListedMentorsWithinCapacityAndTheBestRanks() {
        List<Matching.Member> mentors = List.of(mentor("M1", null, null, 1), mentor("M2", null, null, 2));
        List<Matching.Member> mentees = List.of(
                mentee("E1", null, null, "M1", "M2"),
                mentee("E2", null, null, "M1"),
                mentee("E3", null, null, "M2"),
                mentee("E4", null, null));
        Matching.Proposal p = propose(true, mentors, mentees);
        // E2 can only have M1, so E1 takes its second choice: three matched, ranks 2 + 1 + 1
        assertThat(p.matched()).isEqualTo(3);
        assertThat(p.rankSum()).isEqualTo(4);
        assertThat(p.pairs())
                .extracting(Matching.Pair::mentee, Matching.Pair::mentor, Matching.Pair::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("E1", "M2", 2),
                        org.assertj.core.groups.Tuple.tuple("E2", "M1", 1),
                        org.assertj.core.groups.Tuple.tuple("E3", "M2", 1));
        assertThat(p.pairs().get(0).why()).startsWith("The mentee's 2nd choice");
        assertThat(p.unmatched()).containsExactly(new Matching.Unmatched("E4", "Listed no mentors"));
    }

    @Test
    void aMenteeWhoseMentorsAreFullIsToldSo() {
        List<Matching.Member> mentors = List.of(mentor("M1", null, null, 1), mentor("M2", null, null, 1));
        List<Matching.Member> mentees = List.of(
                mentee("E1", null, null, "M1", "M2"),
                mentee("E2", null, null, "M2", "M1"),
                mentee("E3", null, null, "M1", "M2"));
        Matching.Proposal p = propose(false, mentors, mentees);
        assertThat(p.matched()).isEqualTo(2);
        assertThat(p.rankSum()).isEqualTo(2);
        assertThat(p.unmatched()).hasSize(1);
        assertThat(p.unmatched().get(0).why()).startsWith("All 2 listed mentors were full");
    }

    @Test
    void forbiddenPairsAreNeverMadeAndLockedPairsAlwaysAre() {
        List<Matching.Member> mentors = List.of(mentor("M1", "A", null, 1), mentor("M2", "B", null, 1));
        List<Matching.Member> mentees =
                List.of(mentee("E1", "C", null, "M1", "M2"), mentee("E2", "C", null, "M1"), mentee("E3", "C", null));
        Matching.Proposal p = propose(
                true,
                mentors,
                mentees,
                new Matching.Rule("M1", "E2", false), // E2 may not have their only choice
                new Matching.Rule("M2", "E3", true)); // E3 listed nobody, but is locked to M2
        assertThat(p.pairs())
                .extracting(Matching.Pair::mentee, Matching.Pair::mentor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("E1", "M1"),
                        org.assertj.core.groups.Tuple.tuple("E3", "M2"));
        assertThat(p.pairs().get(1).rank()).isNull();
        assertThat(p.pairs().get(1).why()).startsWith("Locked in by an administrator (not on the mentee's list)");
        assertThat(p.unmatched())
                .containsExactly(new Matching.Unmatched(
                        "E2", "Their only listed mentor is forbidden for them by an administrator"));
    }

    @Test
    void locksThatCannotAllHoldAreRefusedWithTheReason() {
        List<Matching.Member> mentors = List.of(mentor("M1", "A", null, 1), mentor("M2", "B", null, 1));
        List<Matching.Member> mentees = List.of(mentee("E1", "A", null), mentee("E2", "C", null));
        assertThatThrownBy(() -> propose(
                        true,
                        mentors,
                        mentees,
                        new Matching.Rule("M1", "E2", true),
                        new Matching.Rule("M2", "E2", true)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("E2 is locked to M1 and M2, but a mentee has one mentor");
        assertThatThrownBy(() -> propose(
                        true,
                        mentors,
                        mentees,
                        new Matching.Rule("M2", "E1", true),
                        new Matching.Rule("M2", "E2", true)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("M2 is locked to 2 mentees (E1, E2) but has 1 place");
        assertThatThrownBy(() -> propose(true, mentors, mentees, new Matching.Rule("M1", "E1", true)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("work for the same employer");
        // without the cross-organisation rule, colleagues may be locked together
        assertThat(propose(false, mentors, mentees, new Matching.Rule("M1", "E1", true))
                        .matched())
                .isEqualTo(1);
    }
}
