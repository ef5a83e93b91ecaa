package org.goldenthread.development;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Forms action learning sets of 5 to 8 people that mix professions and organisations as much as
 * possible. The objective, which the page states: as few pairs of members of one set as possible who
 * share a profession or an employer, each pair counted once for each thing they share. Sets are as
 * equal in size as the numbers allow, as near the size asked for as 5 to 8 lets them be.
 *
 * <p>Found by local search: from several starting deals, members are swapped between sets while a
 * swap lowers the count. Exact methods would need an integer programming solver for what is, at the
 * sizes an ICS runs (tens of people), a search that reaches the optimum on every case small enough to
 * check exhaustively (see the tests).
 */
final class MixedSets {

    static final int SMALLEST = 5;
    static final int LARGEST = 8;
    private static final int STARTS = 12;

    /** Someone to place in a set; an unknown employer ({@code null}) clashes with nobody. */
    record Member(
            long personId, String profession, @Nullable String employer) {}

    /** The sets formed, the shared pairs that remain, and who could not be placed (only when too few). */
    record Formed(List<List<Member>> sets, int sharedPairs, List<Member> left) {}

    private MixedSets() {}

    /**
     * How many sets {@code people} members make when sets should be near {@code wanted} in size; zero
     * when no split into sets of 5 to 8 exists (fewer than 5 people, or exactly 9).
     */
    static int setCount(int people, int wanted) {
        int fewest = (people + LARGEST - 1) / LARGEST;
        int most = people / SMALLEST;
        if (fewest > most) {
            return 0;
        }
        int near = Math.round((float) people / wanted);
        return Math.max(fewest, Math.min(most, Math.max(near, 1)));
    }

    static Formed form(List<Member> members, int wanted) {
        if (wanted < SMALLEST || wanted > LARGEST) {
            throw new IllegalArgumentException("set size " + wanted + " is outside 5 to 8");
        }
        List<Member> placed = new ArrayList<>(members);
        List<Member> left = new ArrayList<>();
        // nine people make no sets of 5 to 8: the last to join waits for the next round
        while (!placed.isEmpty() && setCount(placed.size(), wanted) == 0) {
            left.add(0, placed.remove(placed.size() - 1));
        }
        if (placed.isEmpty()) {
            return new Formed(List.of(), 0, left);
        }
        int sets = setCount(placed.size(), wanted);
        Search best = new Search(placed, sets, null);
        best.improve();
        Random random = new Random(20211);
        for (int start = 1; start < STARTS; start++) {
            Search search = new Search(placed, sets, random);
            search.improve();
            if (search.cost() < best.cost()) {
                best = search;
            }
        }
        return new Formed(best.sets(), best.cost(), left);
    }

    /** Shared pairs in one group of members. */
    static int sharedPairs(List<Member> set) {
        int shared = 0;
        for (int i = 0; i < set.size(); i++) {
            for (int j = i + 1; j < set.size(); j++) {
                shared += shared(set.get(i), set.get(j));
            }
        }
        return shared;
    }

    private static int shared(Member a, Member b) {
        int n = a.profession().equals(b.profession()) ? 1 : 0;
        if (a.employer() != null && b.employer() != null && employer(a).equals(employer(b))) {
            n++;
        }
        return n;
    }

    private static String employer(Member m) {
        return m.employer() == null ? "" : m.employer().trim().toLowerCase(Locale.ROOT);
    }

    /** One local search: a deal of members into sets, then swaps while any swap helps. */
    private static final class Search {

        private final List<List<Member>> sets = new ArrayList<>();

        Search(List<Member> members, int count, @Nullable Random shuffle) {
            List<Member> order = new ArrayList<>(members);
            if (shuffle == null) {
                // the first deal spreads the commonest professions first, which is already a good start
                Map<String, Integer> frequency = new HashMap<>();
                order.forEach(m -> frequency.merge(m.profession(), 1, Integer::sum));
                order.sort(Comparator.comparing((Member m) -> -frequency.getOrDefault(m.profession(), 0))
                        .thenComparing(Member::profession)
                        .thenComparing(MixedSets::employer));
            } else {
                java.util.Collections.shuffle(order, shuffle);
            }
            for (int i = 0; i < count; i++) {
                sets.add(new ArrayList<>());
            }
            for (int i = 0; i < order.size(); i++) {
                sets.get(i % count).add(order.get(i));
            }
        }

        void improve() {
            boolean better = true;
            while (better) {
                better = false;
                for (int a = 0; a < sets.size(); a++) {
                    for (int b = a + 1; b < sets.size(); b++) {
                        better |= swapWithin(sets.get(a), sets.get(b));
                    }
                }
            }
        }

        private boolean swapWithin(List<Member> a, List<Member> b) {
            boolean better = false;
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < b.size(); j++) {
                    Member x = a.get(i);
                    Member y = b.get(j);
                    int change = sharesWithOthers(y, a, i)
                            - sharesWithOthers(x, a, i)
                            + sharesWithOthers(x, b, j)
                            - sharesWithOthers(y, b, j);
                    if (change < 0) {
                        a.set(i, y);
                        b.set(j, x);
                        better = true;
                    }
                }
            }
            return better;
        }

        /** What {@code m} shares with the members of {@code set} other than the one at {@code skip}. */
        private static int sharesWithOthers(Member m, List<Member> set, int skip) {
            int n = 0;
            for (int k = 0; k < set.size(); k++) {
                if (k != skip) {
                    n += shared(m, set.get(k));
                }
            }
            return n;
        }

        int cost() {
            return sets.stream().mapToInt(MixedSets::sharedPairs).sum();
        }

        List<List<Member>> sets() {
            return sets.stream().map(List::copyOf).toList();
        }
    }
}
