package org.goldenthread.development;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jspecify.annotations.Nullable;

/**
 * The optimal pairing of receivers (mentees, visitors) with givers (mentors, hosts) that have a
 * number of places: as many receivers paired as possible and, among all pairings that reach that
 * number, the smallest sum of the ranks receivers gave their givers. Receivers are paired only
 * with givers they ranked and that the predicate allows, never beyond a giver's places; fixed pairs
 * (an administrator's locks) are made first, ranked or not.
 *
 * <p>Solved as a minimum-cost flow with JGraphT's capacity scaling, from the scarcer side to a
 * sink. When places are fewer than receivers, each giver supplies its free places: giver → each
 * receiver that ranked it and may have it (1, cost = rank) → sink (1), and giver → sink directly
 * (its places, cost {@code U}) for a place left empty. Otherwise each receiver supplies one unit:
 * receiver → giver (1, cost = rank) → sink (the giver's places), and receiver → sink (1, cost
 * {@code U}) for a receiver left unpaired. {@code U} is larger than the rank sum of any pairing
 * (the largest rank, or cost, times the most pairs there can be), so a flow that pairs one fewer always
 * costs more than every saving in ranks: the flow of least cost is lexicographically optimal.
 *
 * <p>Why the scarcer side: the algorithm routes one unit at a time by a shortest-path search from
 * a node with supply, which stops at the first path it finds to the sink. A unit that can only go
 * unpaired makes its search visit everything it can reach before taking the {@code U} arc; routing
 * from the side with fewer units keeps such searches to the few that are truly left over (43
 * places rather than 2,029 mentees in the benchmark round). A single source holding the whole
 * supply would also make the scaling phases push it through JGraphT's artificial arcs first;
 * supplies of a few units each avoid that.
 *
 * @param <G> how a giver is known
 * @param <R> how a receiver is known
 */
final class Pairing<G, R> {

    /** One pair made; {@code rank} is null for a fixed pair the receiver did not rank. */
    record Pair<G, R>(G giver, R receiver, @Nullable Integer rank, boolean fixed) {}

    /** The pairs made and the receivers left unpaired, in the order they were given. */
    record Outcome<G, R>(List<Pair<G, R>> pairs, List<R> unpaired) {

        int paired() {
            return pairs.size();
        }

        /** The sum of ranks over the ranked pairs (a fixed pair the receiver did not rank adds nothing). */
        int rankSum() {
            return pairs.stream().mapToInt(p -> p.rank() == null ? 0 : p.rank()).sum();
        }
    }

    private final Map<G, Integer> places;
    private final Map<R, List<G>> choices;
    private final BiPredicate<G, R> allowed;
    private final Map<R, G> fixed;
    private final Cost<G, R> cost;

    /**
     * What one pair costs the objective, 1 or more: by default the receiver's rank for the giver. A
     * programme may weigh pairs by something else (an exchange: whether the two work in different
     * sectors); the guarantee is the same, most pairs first and then the smallest total cost.
     */
    @FunctionalInterface
    interface Cost<G, R> {
        int of(G giver, R receiver, int rank);
    }

    /**
     * @param places   each giver and how many receivers they may take (1 or more)
     * @param choices  each receiver and the givers they ranked, best first (rank = position + 1)
     * @param allowed  whether a giver and a receiver may be paired at all (employer rules, forbidden pairs)
     * @param fixed    pairs to make whatever else happens; the caller has checked they are consistent
     */
    Pairing(Map<G, Integer> places, Map<R, List<G>> choices, BiPredicate<G, R> allowed, Map<R, G> fixed) {
        this(places, choices, allowed, fixed, (giver, receiver, rank) -> rank);
    }

    /** As above, with the cost of each pair given rather than its rank; every cost must be 1 or more. */
    Pairing(
            Map<G, Integer> places,
            Map<R, List<G>> choices,
            BiPredicate<G, R> allowed,
            Map<R, G> fixed,
            Cost<G, R> cost) {
        this.places = places;
        this.choices = choices;
        this.allowed = allowed;
        this.fixed = fixed;
        this.cost = cost;
    }

    /** The network: arcs weighted by their cost, and each arc's capacity. */
    private static final class Network {
        final Graph<Integer, DefaultWeightedEdge> graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        final Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();

        DefaultWeightedEdge arc(int from, int to, int capacity, double cost) {
            graph.addVertex(from);
            graph.addVertex(to);
            DefaultWeightedEdge arc = graph.addEdge(from, to);
            // CapacityScalingMinimumCostFlow reads costs from the edge weights
            graph.setEdgeWeight(arc, cost);
            this.capacity.put(arc, capacity);
            return arc;
        }
    }

    Outcome<G, R> optimum() {
        Map<G, Integer> free = new LinkedHashMap<>(places);
        List<Pair<G, R>> pairs = new ArrayList<>();
        for (Map.Entry<R, G> lock : fixed.entrySet()) {
            int left = free.getOrDefault(lock.getValue(), 0);
            if (left < 1) {
                throw new IllegalArgumentException("Fixed pairs give a giver more receivers than places");
            }
            free.put(lock.getValue(), left - 1);
            int position = choices.getOrDefault(lock.getKey(), List.of()).indexOf(lock.getValue());
            pairs.add(new Pair<>(lock.getValue(), lock.getKey(), position < 0 ? null : position + 1, true));
        }
        List<R> open =
                choices.keySet().stream().filter(r -> !fixed.containsKey(r)).toList();
        if (open.isEmpty()) {
            return new Outcome<>(inReceiverOrder(pairs), List.of());
        }
        int places = free.values().stream().mapToInt(Integer::intValue).sum();
        // flow starts on the scarcer side (see the class comment)
        boolean giversSupply = places < open.size();
        int sink = 0;
        Network network = new Network();
        network.graph.addVertex(sink);
        Map<Integer, Integer> supply = new HashMap<>();
        Map<R, List<Integer>> costs = new HashMap<>();
        int maxCost = choices.values().stream().mapToInt(List::size).max().orElse(0);
        for (R receiver : open) {
            List<Integer> of = new ArrayList<>();
            List<G> ranked = ranked(receiver);
            for (int i = 0; i < ranked.size(); i++) {
                int c = cost.of(ranked.get(i), receiver, i + 1);
                if (c < 1) {
                    throw new IllegalArgumentException("A pair's cost must be 1 or more");
                }
                of.add(c);
                maxCost = Math.max(maxCost, c);
            }
            costs.put(receiver, of);
        }
        double unpairedCost = (double) maxCost * Math.min(places, open.size()) + 1;
        Map<G, Integer> giverVertex = new HashMap<>();
        int next = 1;
        for (Map.Entry<G, Integer> g : free.entrySet()) {
            if (g.getValue() > 0) {
                int vertex = next++;
                giverVertex.put(g.getKey(), vertex);
                network.arc(vertex, sink, g.getValue(), giversSupply ? unpairedCost : 0);
                if (giversSupply) {
                    supply.put(vertex, g.getValue());
                }
            }
        }
        Map<DefaultWeightedEdge, Pair<G, R>> offers = new HashMap<>();
        for (R receiver : open) {
            int vertex = next++;
            network.arc(vertex, sink, 1, giversSupply ? 0 : unpairedCost);
            if (!giversSupply) {
                supply.put(vertex, 1);
            }
            List<G> ranked = ranked(receiver);
            Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < ranked.size(); i++) {
                G giver = ranked.get(i);
                Integer to = giverVertex.get(giver);
                if (to != null && seen.add(to) && allowed.test(giver, receiver)) {
                    int c = Objects.requireNonNull(costs.get(receiver)).get(i);
                    DefaultWeightedEdge offer =
                            giversSupply ? network.arc(to, vertex, 1, c) : network.arc(vertex, to, 1, c);
                    offers.put(offer, new Pair<>(giver, receiver, i + 1, false));
                }
            }
        }
        int units = giversSupply ? places : open.size();
        supply.put(sink, -units);
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                        network.graph, v -> supply.getOrDefault(v, 0), network.capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem);
        Set<R> paired = new java.util.HashSet<>();
        flow.getFlowMap().forEach((arc, amount) -> {
            Pair<G, R> pair = offers.get(arc);
            if (pair != null && amount > 0.5) {
                pairs.add(pair);
                paired.add(pair.receiver());
            }
        });
        List<R> unpaired = open.stream().filter(r -> !paired.contains(r)).toList();
        return new Outcome<>(inReceiverOrder(pairs), unpaired);
    }

    /** The givers a receiver ranked; receivers here are always keys of {@code choices}. */
    private List<G> ranked(R receiver) {
        return Objects.requireNonNull(choices.get(receiver));
    }

    private List<Pair<G, R>> inReceiverOrder(List<Pair<G, R>> pairs) {
        Map<R, Integer> order = new HashMap<>();
        int i = 0;
        for (R r : choices.keySet()) {
            order.put(r, i++);
        }
        List<Pair<G, R>> sorted = new ArrayList<>(pairs);
        sorted.sort(java.util.Comparator.comparingInt(p -> order.getOrDefault(p.receiver(), Integer.MAX_VALUE)));
        return sorted;
    }
}
