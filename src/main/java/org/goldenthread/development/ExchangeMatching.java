package org.goldenthread.development;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;

/**
 * The pairing of a workplace exchange. Participants are on two sides: hosts, whose workplace the
 * pair visits first, and visitors, whose workplace it visits second; each pair is one of each, and
 * each hosts the other. Nobody ranks anyone: every host is a candidate for every visitor, except a
 * colleague (same employer, always refused) or a pair an administrator forbade.
 *
 * <p>The same optimiser as mentoring ({@link Pairing}) finds, for the sides as given, the most pairs
 * and, among all ways of making that many, the most pairs whose two people work in different
 * sectors: a pair across sectors costs 1, a pair within one sector (or where a sector is not
 * recorded) costs 2, and the flow of least cost is optimal on both counts. Two sides keep the
 * problem a bipartite one, which is what makes that guarantee hold.
 */
final class ExchangeMatching {

    /** Costs of a pair to the optimiser. */
    static final int ACROSS_SECTORS = 1;

    static final int WITHIN_SECTOR = 2;

    private ExchangeMatching() {}

    /**
     * The optimal proposal for an exchange round; {@code sectors} gives each participant's sector
     * code by reference (absent when not recorded). Mentors of the round are the hosts, mentees the
     * visitors. The proposal's pairs carry no rank and its rank sum is 0.
     */
    static Matching.Proposal propose(Matching.Round round, Map<String, String> sectors) {
        // an exchange never pairs colleagues, whatever the programme's flag says
        Matching.Round exchange = new Matching.Round(true, round.mentors(), round.mentees(), round.rules());
        List<Problem> contradictions = Matching.contradictions(exchange);
        if (!contradictions.isEmpty()) {
            throw new InvalidInput(contradictions);
        }
        Map<String, Matching.Member> hosts = new LinkedHashMap<>();
        round.mentors().forEach(m -> hosts.put(m.ref(), m));
        Map<String, Matching.Member> visitors = new LinkedHashMap<>();
        round.mentees().forEach(m -> visitors.put(m.ref(), m));
        Set<String> forbidden = new HashSet<>();
        Map<String, String> locks = new LinkedHashMap<>();
        for (Matching.Rule rule : round.rules()) {
            if (rule.locked()) {
                locks.put(rule.mentee(), rule.mentor());
            } else {
                forbidden.add(rule.mentor() + "\u0000" + rule.mentee());
            }
        }
        Map<String, Integer> places = new LinkedHashMap<>();
        hosts.keySet().forEach(h -> places.put(h, 1));
        List<String> everyHost = List.copyOf(hosts.keySet());
        Map<String, List<String>> choices = new LinkedHashMap<>();
        visitors.keySet().forEach(v -> choices.put(v, everyHost));
        Pairing.Outcome<String, String> outcome = new Pairing<String, String>(
                        places,
                        choices,
                        (host, visitor) -> !forbidden.contains(host + "\u0000" + visitor)
                                && !Matching.sameEmployer(member(hosts, host), member(visitors, visitor)),
                        locks,
                        (host, visitor, rank) ->
                                acrossSectors(sectors.get(host), sectors.get(visitor)) ? ACROSS_SECTORS : WITHIN_SECTOR)
                .optimum();
        List<Matching.Pair> pairs = outcome.pairs().stream()
                .map(p -> new Matching.Pair(
                        p.giver(),
                        p.receiver(),
                        null,
                        whyPaired(p.fixed(), sectors.get(p.giver()), sectors.get(p.receiver()))))
                .toList();
        int across = (int) outcome.pairs().stream()
                .filter(p -> acrossSectors(sectors.get(p.giver()), sectors.get(p.receiver())))
                .count();
        List<Matching.Unmatched> unmatched = outcome.unpaired().stream()
                .map(ref -> new Matching.Unmatched(ref, whyNot(member(visitors, ref), hosts, forbidden)))
                .toList();
        return new Matching.Proposal(outcome.paired(), 0, pairs, unmatched, across);
    }

    /** Whether both sectors are recorded and differ. */
    static boolean acrossSectors(@Nullable String a, @Nullable String b) {
        return a != null && b != null && !a.isBlank() && !b.isBlank() && !a.equalsIgnoreCase(b);
    }

    private static Matching.Member member(Map<String, Matching.Member> members, String ref) {
        return Objects.requireNonNull(members.get(ref), ref);
    }

    static String label(@Nullable String sector) {
        return sector == null
                ? "not recorded"
                : Sector.fromCode(sector).map(Sector::label).orElse(sector);
    }

    private static String whyPaired(boolean fixed, @Nullable String host, @Nullable String visitor) {
        List<String> parts = new ArrayList<>();
        if (fixed) {
            parts.add("Locked in by an administrator");
        }
        if (acrossSectors(host, visitor)) {
            parts.add("different sectors (" + label(host) + " and " + label(visitor) + ")");
        } else if (host == null || visitor == null || host.isBlank() || visitor.isBlank()) {
            parts.add("a sector is not recorded for one of them, so they may work in the same sector");
        } else {
            parts.add("the same sector (" + label(host)
                    + "): no way of pairing as many people has more pairs across sectors");
        }
        parts.add("different employers (never colleagues in an exchange)");
        String why = String.join("; ", parts);
        return Character.toUpperCase(why.charAt(0)) + why.substring(1);
    }

    private static String whyNot(Matching.Member visitor, Map<String, Matching.Member> hosts, Set<String> forbidden) {
        if (hosts.isEmpty()) {
            return "There are no hosts in this exchange";
        }
        int colleagues = 0;
        int ruledOut = 0;
        for (Matching.Member host : hosts.values()) {
            if (forbidden.contains(host.ref() + "\u0000" + visitor.ref())) {
                ruledOut++;
            } else if (Matching.sameEmployer(host, visitor)) {
                colleagues++;
            }
        }
        int open = hosts.size() - colleagues - ruledOut;
        if (open == 0) {
            return "No host could take them: " + Plurals.of(colleagues, "host") + " with the same employer and "
                    + ruledOut + " forbidden by an administrator";
        }
        return "All " + Plurals.of(open, "host") + " who could take them "
                + Plurals.word(open, "was", "were")
                + " paired with other visitors, in the pairing that pairs the most people; add a host from"
                + " another employer, or move someone to the hosts' side";
    }
}
