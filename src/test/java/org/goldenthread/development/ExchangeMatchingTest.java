package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exchange pairing: never two colleagues, pairs across sectors preferred, and the optimum on both
 * counts (most pairs, then most pairs across sectors) checked against exhaustive search.
 */
class ExchangeMatchingTest {

    private static Matching.Member person(String ref, String employer) {
        return new Matching.Member(ref, "Person " + ref, employer, null, 1, List.of());
    }

    @Test
    void aGpIsPairedWithAHospitalConsultantRatherThanAnotherGp() {
        // in file order the same-sector pairs come first; only the cost term moves them apart
        List<Matching.Member> hosts = List.of(person("GP1", "Northgate Surgery"), person("CON1", "City Hospital"));
        List<Matching.Member> visitors = List.of(person("GP2", "Southgate Surgery"), person("CON2", "County Hospital"));
        Map<String, String> sectors =
                Map.of("GP1", "general_practice", "GP2", "general_practice", "CON1", "acute", "CON2", "acute");

        Matching.Proposal p = ExchangeMatching.propose(new Matching.Round(true, hosts, visitors, List.of()), sectors);

        assertThat(p.matched()).isEqualTo(2);
        assertThat(p.acrossSectors()).isEqualTo(2);
        assertThat(p.pairs())
                .extracting(Matching.Pair::mentor, Matching.Pair::mentee)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CON1", "GP2"),
                        org.assertj.core.groups.Tuple.tuple("GP1", "CON2"));
        assertThat(p.pairs())
                .allSatisfy(pair ->
                        assertThat(pair.why()).contains("Different sectors").doesNotContain("rank"));
        assertThat(p.pairs().get(0).why()).contains("General practice").contains("Acute hospital");
    }

    @Test
    void colleaguesAreNeverPairedEvenWhenTheProgrammeFlagSaysTheyMayBe() {
        List<Matching.Member> hosts = List.of(person("H1", "Elm Care Home"));
        List<Matching.Member> visitors = List.of(person("V1", "elm care home "), person("V2", "Ash Practice"));
        Matching.Proposal p = ExchangeMatching.propose(
                new Matching.Round(false, hosts, visitors, List.of()),
                Map.of("H1", "adult_social_care", "V1", "community", "V2", "adult_social_care"));

        assertThat(p.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.mentee()).isEqualTo("V2");
            assertThat(pair.why()).contains("The same sector (Adult social care)");
        });
        assertThat(p.acrossSectors()).isZero();
        assertThat(p.unmatched())
                .singleElement()
                .satisfies(u -> assertThat(u.why()).contains("1 host with the same employer"));
    }

    @Test
    void theProposalIsOptimalOnBothCountsOnSmallRandomCohorts() {
        Random random = new Random(13);
        String[] employers = {"A", "B", "C", "D"};
        String[] sectorCodes = {"acute", "general_practice", "community"};
        for (int round = 0; round < 400; round++) {
            int h = 1 + random.nextInt(5);
            int v = 1 + random.nextInt(5);
            List<Matching.Member> hosts = new ArrayList<>();
            List<Matching.Member> visitors = new ArrayList<>();
            Map<String, String> sectors = new HashMap<>();
            for (int i = 0; i < h + v; i++) {
                String ref = (i < h ? "H" : "V") + i;
                Matching.Member m = person(ref, employers[random.nextInt(employers.length)]);
                (i < h ? hosts : visitors).add(m);
                if (random.nextInt(6) > 0) {
                    sectors.put(ref, sectorCodes[random.nextInt(sectorCodes.length)]);
                }
            }
            Matching.Proposal p =
                    ExchangeMatching.propose(new Matching.Round(true, hosts, visitors, List.of()), sectors);
            int[] best = best(hosts, visitors, sectors, 0, new HashSet<>());
            assertThat(new int[] {p.matched(), p.acrossSectors()})
                    .as("round %d", round)
                    .containsExactly(best);
            for (Matching.Pair pair : p.pairs()) {
                Matching.Member host = hosts.stream()
                        .filter(m -> m.ref().equals(pair.mentor()))
                        .findFirst()
                        .orElseThrow();
                Matching.Member visitor = visitors.stream()
                        .filter(m -> m.ref().equals(pair.mentee()))
                        .findFirst()
                        .orElseThrow();
                assertThat(Matching.sameEmployer(host, visitor)).isFalse();
            }
            assertThat(p.pairs().stream().map(Matching.Pair::mentor).distinct().count())
                    .isEqualTo(p.pairs().size());
        }
    }

    /** Exhaustive search: the best (pairs, pairs across sectors) from visitor i on, lexicographically. */
    private static int[] best(
            List<Matching.Member> hosts,
            List<Matching.Member> visitors,
            Map<String, String> sectors,
            int i,
            Set<String> taken) {
        if (i == visitors.size()) {
            return new int[] {0, 0};
        }
        int[] best = best(hosts, visitors, sectors, i + 1, taken);
        Matching.Member visitor = visitors.get(i);
        for (Matching.Member host : hosts) {
            if (taken.contains(host.ref()) || Matching.sameEmployer(host, visitor)) {
                continue;
            }
            taken.add(host.ref());
            int[] rest = best(hosts, visitors, sectors, i + 1, taken);
            taken.remove(host.ref());
            int across = ExchangeMatching.acrossSectors(sectors.get(host.ref()), sectors.get(visitor.ref())) ? 1 : 0;
            int[] with = {rest[0] + 1, rest[1] + across};
            if (with[0] > best[0] || (with[0] == best[0] && with[1] > best[1])) {
                best = with;
            }
        }
        return best;
    }
}
