package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A large matching round: 5,000 mentees ranking five of 1,500 mentors (capacity 1 to 3) with a
 * strong skew towards popular mentors and some colleagues among the choices, on a
 * cross-organisation programme. Times the optimal proposal, reasons included, and compares it with
 * first come, first served. Not part of the test suite; run it with
 * {@code ./mvnw -B test -Dtest=MatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It
 * prints its figures; the README keeps the latest.
 */
class MatchingBenchmark {

    private static final int MENTEES = 5_000;
    private static final int MENTORS = 1_500;
    private static final int EMPLOYERS = 60;

    @Test
    void fiveThousandMentees() {
        Matching.Round round = round(new Random(42));
        Matching.propose(round); // warm up the JIT once, as a running application would be
        long start = System.nanoTime();
        Matching.Proposal optimum = Matching.propose(round);
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] greedy = firstComeFirstServed(round);
        int places =
                round.mentors().stream().mapToInt(Matching.Member::capacity).sum();
        long colleagues = round.mentees().stream()
                .mapToLong(e -> e.preferences().stream()
                        .filter(ref -> Matching.sameEmployer(mentor(round, ref), e))
                        .count())
                .sum();
        System.out.printf(
                "MatchingBenchmark: %d mentees, %d mentors, %d places, %d of %d choices name a colleague%n",
                MENTEES, MENTORS, places, colleagues, MENTEES * 5);
        System.out.printf(
                "MatchingBenchmark: optimum %d matched, rank sum %d (mean rank %.2f) in %.2f s%n",
                optimum.matched(), optimum.rankSum(), (double) optimum.rankSum() / optimum.matched(), seconds);
        System.out.printf(
                "MatchingBenchmark: first come first served %d matched, rank sum %d (mean rank %.2f)%n",
                greedy[0], greedy[1], (double) greedy[1] / greedy[0]);
        System.out.printf(
                "MatchingBenchmark: the optimum matches %d more mentees; on the %d the greedy baseline matched, the optimum's"
                        + " rank sum is %d%n",
                optimum.matched() - greedy[0], greedy[0], optimum.rankSum());
        assertThat(seconds).isLessThan(5);
        assertThat(optimum.matched()).isGreaterThanOrEqualTo(greedy[0]);
    }

    private static Map<String, Matching.Member> byRef;

    private static Matching.Member mentor(Matching.Round round, String ref) {
        if (byRef == null) {
            byRef = new HashMap<>();
            round.mentors().forEach(m -> byRef.put(m.ref(), m));
        }
        return byRef.get(ref);
    }

    /** Popularity falls off as a power law: a few mentors are asked for by hundreds. */
    static Matching.Round round(Random random) {
        List<Matching.Member> mentors = new ArrayList<>();
        double[] weight = new double[MENTORS];
        double total = 0;
        for (int i = 0; i < MENTORS; i++) {
            int capacity = 1 + random.nextInt(3);
            mentors.add(new Matching.Member(
                    "M" + i, "Mentor " + i, "Employer " + random.nextInt(EMPLOYERS), null, capacity, List.of()));
            weight[i] = 1 / Math.pow(i + 1, 0.8);
            total += weight[i];
        }
        double[] cumulative = new double[MENTORS];
        double running = 0;
        for (int i = 0; i < MENTORS; i++) {
            running += weight[i] / total;
            cumulative[i] = running;
        }
        List<Matching.Member> mentees = new ArrayList<>();
        for (int e = 0; e < MENTEES; e++) {
            Set<String> choices = new LinkedHashSet<>();
            while (choices.size() < 5) {
                int k = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
                choices.add("M" + Math.min(MENTORS - 1, k < 0 ? -k - 1 : k));
            }
            mentees.add(new Matching.Member(
                    "E" + e, "Mentee " + e, "employer " + random.nextInt(EMPLOYERS), null, 0, List.copyOf(choices)));
        }
        return new Matching.Round(true, mentors, mentees, List.of());
    }

    /** Mentees in file order each take their best listed mentor who still has a place and is allowed. */
    static int[] firstComeFirstServed(Matching.Round round) {
        Map<String, Integer> left = new HashMap<>();
        round.mentors().forEach(m -> left.put(m.ref(), m.capacity()));
        int matched = 0;
        int ranks = 0;
        for (Matching.Member mentee : round.mentees()) {
            for (int i = 0; i < mentee.preferences().size(); i++) {
                String ref = mentee.preferences().get(i);
                if (left.get(ref) > 0 && !Matching.sameEmployer(mentor(round, ref), mentee)) {
                    left.merge(ref, -1, Integer::sum);
                    matched++;
                    ranks += i + 1;
                    break;
                }
            }
        }
        return new int[] {matched, ranks};
    }
}
