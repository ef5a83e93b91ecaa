package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldenthread.development.MixedSets.Formed;
import org.goldenthread.development.MixedSets.Member;
import org.junit.jupiter.api.Test;

class MixedSetsTest {

    @Test
    void everyoneIsPlacedInSetsOfFiveToEightNearTheSizeAskedFor() {
        for (int people : java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.rangeClosed(5, 30).filter(n -> n != 9),
                        java.util.stream.IntStream.of(47, 60))
                .toArray()) {
            for (int wanted = 5; wanted <= 8; wanted++) {
                Formed formed = MixedSets.form(members(people, 4, 3, new Random(people)), wanted);
                assertThat(formed.left()).as("%d people", people).isEmpty();
                assertThat(formed.sets().stream().mapToInt(List::size).sum()).isEqualTo(people);
                assertThat(formed.sets())
                        .allSatisfy(set -> assertThat(set.size()).isBetween(5, 8));
                int smallest = formed.sets().stream().mapToInt(List::size).min().orElseThrow();
                int largest = formed.sets().stream().mapToInt(List::size).max().orElseThrow();
                assertThat(largest - smallest)
                        .as("sets as equal as the numbers allow")
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void tooFewPeopleOrExactlyNineLeaveSomeoneForTheNextRound() {
        assertThat(MixedSets.form(members(4, 2, 2, new Random(1)), 6).sets()).isEmpty();
        assertThat(MixedSets.form(members(4, 2, 2, new Random(1)), 6).left()).hasSize(4);
        Formed nine = MixedSets.form(members(9, 3, 3, new Random(2)), 6);
        assertThat(nine.sets()).hasSize(1);
        assertThat(nine.sets().get(0)).hasSize(8);
        assertThat(nine.left()).hasSize(1);
    }

    @Test
    void reachesTheFewestSharedPairsThatExhaustiveSearchFinds() {
        Random random = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int people = 10 + random.nextInt(7); // 10 to 16: two sets
            List<Member> members = members(people, 2 + random.nextInt(4), 2 + random.nextInt(4), random);
            Formed formed = MixedSets.form(members, 8);
            List<Integer> sizes = formed.sets().stream().map(List::size).toList();
            assertThat(formed.sharedPairs())
                    .as("trial %d: %s in sets of %s", trial, members, sizes)
                    .isEqualTo(fewestSharedPairs(members, sizes));
        }
    }

    @Test
    void mixesProfessionsAndEmployersWhereTheyCanBeMixed() {
        // six nurses from two trusts and six pharmacists from two others: two sets can each have
        // three of each profession, yet some sharing cannot be avoided
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(new Member(i, "nurse", i % 2 == 0 ? "North Trust" : "South Trust"));
            members.add(new Member(100 + i, "pharmacist", i % 2 == 0 ? "Boots" : "Well"));
        }
        Formed formed = MixedSets.form(members, 6);
        assertThat(formed.sets()).hasSize(2);
        for (List<Member> set : formed.sets()) {
            assertThat(set.stream().filter(m -> m.profession().equals("nurse"))).hasSize(3);
        }
        assertThat(formed.sharedPairs()).isEqualTo(fewestSharedPairs(members, List.of(6, 6)));
    }

    @Test
    void anUnknownEmployerSharesWithNobody() {
        List<Member> five = List.of(
                new Member(1, "nurse", null),
                new Member(2, "gp", null),
                new Member(3, "pharmacist", " "),
                new Member(4, "paramedic", null),
                new Member(5, "dentist", "Smile Ltd"));
        assertThat(MixedSets.sharedPairs(five)).isZero();
        assertThat(MixedSets.sharedPairs(
                        List.of(new Member(1, "nurse", "A Trust"), new Member(2, "nurse", " a trust"))))
                .isEqualTo(2);
    }

    private static List<Member> members(int people, int professions, int employers, Random random) {
        String[] jobs = {"nurse", "gp", "pharmacist", "paramedic", "social_worker", "dietitian"};
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String employer = random.nextInt(5) == 0 ? null : "Employer " + random.nextInt(employers);
            members.add(new Member(i + 1, jobs[random.nextInt(professions)], employer));
        }
        return members;
    }

    /** Tries every way of putting the members into sets of the given sizes. */
    private static int fewestSharedPairs(List<Member> members, List<Integer> sizes) {
        List<List<Member>> sets = new ArrayList<>();
        sizes.forEach(s -> sets.add(new ArrayList<>()));
        return place(members, 0, sets, sizes);
    }

    private static int place(List<Member> members, int next, List<List<Member>> sets, List<Integer> sizes) {
        if (next == members.size()) {
            return sets.stream().mapToInt(MixedSets::sharedPairs).sum();
        }
        int best = Integer.MAX_VALUE;
        for (int s = 0; s < sets.size(); s++) {
            if (sets.get(s).size() < sizes.get(s)) {
                sets.get(s).add(members.get(next));
                best = Math.min(best, place(members, next + 1, sets, sizes));
                sets.get(s).remove(sets.get(s).size() - 1);
            }
        }
        return best;
    }
}
