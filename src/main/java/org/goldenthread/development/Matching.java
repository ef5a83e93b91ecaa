package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * One matching round of a programme that pairs people: who takes part, what they ranked and the
 * administrator's rules, in; the optimal proposal, with the reason for every pair and for every
 * mentee left unmatched, out. Works on what it is given, so that it can be checked and timed apart
 * from the database. The optimisation itself is {@link Pairing}'s.
 */
public final class Matching {

    /** Someone taking part, as matching needs them; {@code capacity} only for mentors. */
    record Member(
            String ref,
            String name,
            @Nullable String employer,
            @Nullable String employerOds,
            int capacity,
            List<String> preferences) {}

    /** An administrator's rule on a pair, by person reference. */
    record Rule(String mentor, String mentee, boolean locked) {}

    /** What a round starts from. Mentors and mentees in file order. */
    record Round(boolean crossOrganisation, List<Member> mentors, List<Member> mentees, List<Rule> rules) {}

    public record Pair(
            String mentor, String mentee, @Nullable Integer rank, String why) {}

    public record Unmatched(String mentee, String why) {}

    /**
     * The proposal as the API answers it. {@code acrossSectors}, only for an exchange, is how many
     * pairs are of two people in different sectors (nobody ranks in an exchange, so its rank sum is 0).
     */
    public record Proposal(
            int matched,
            @JsonProperty("rank_sum") int rankSum,
            List<Pair> pairs,
            List<Unmatched> unmatched,

            @JsonProperty("across_sectors") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Integer acrossSectors) {

        Proposal(int matched, int rankSum, List<Pair> pairs, List<Unmatched> unmatched) {
            this(matched, rankSum, pairs, unmatched, null);
        }
    }

    private Matching() {}

    static Proposal propose(Round round) {
        Map<String, Member> mentors = new LinkedHashMap<>();
        round.mentors().forEach(m -> mentors.put(m.ref(), m));
        Map<String, Member> mentees = new LinkedHashMap<>();
        round.mentees().forEach(m -> mentees.put(m.ref(), m));
        Set<String> forbidden = new java.util.HashSet<>();
        Map<String, String> locks = new LinkedHashMap<>();
        for (Rule rule : round.rules()) {
            if (rule.locked()) {
                locks.put(rule.mentee(), rule.mentor());
            } else {
                forbidden.add(key(rule.mentor(), rule.mentee()));
            }
        }
        List<Problem> contradictions = contradictions(round);
        if (!contradictions.isEmpty()) {
            throw new InvalidInput(contradictions);
        }

        Map<String, Integer> places = new LinkedHashMap<>();
        mentors.values().forEach(m -> places.put(m.ref(), m.capacity()));
        Map<String, List<String>> choices = new LinkedHashMap<>();
        mentees.values().forEach(m -> choices.put(m.ref(), m.preferences()));
        Pairing.Outcome<String, String> outcome = new Pairing<String, String>(
                        places,
                        choices,
                        (mentor, mentee) -> !forbidden.contains(key(mentor, mentee))
                                && !(round.crossOrganisation()
                                        && sameEmployer(member(mentors, mentor), member(mentees, mentee))),
                        locks)
                .optimum();

        List<Pair> pairs = outcome.pairs().stream()
                .map(p -> new Pair(
                        p.giver(),
                        p.receiver(),
                        p.rank(),
                        whyPaired(round, p, member(mentors, p.giver()), member(mentees, p.receiver()))))
                .toList();
        List<Unmatched> unmatched = outcome.unpaired().stream()
                .map(ref -> new Unmatched(ref, whyNot(round, member(mentees, ref), mentors, forbidden)))
                .toList();
        return new Proposal(outcome.paired(), outcome.rankSum(), pairs, unmatched);
    }

    /**
     * Locks that cannot all hold: a mentee locked to two mentors, a mentor locked to more mentees
     * than their places, or a lock between two people with the same employer on a cross-organisation
     * programme. Refused rather than quietly broken.
     */
    static List<Problem> contradictions(Round round) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<String>> lockedTo = new LinkedHashMap<>();
        Map<String, List<String>> lockedWith = new LinkedHashMap<>();
        Map<String, Member> mentors = new HashMap<>();
        round.mentors().forEach(m -> mentors.put(m.ref(), m));
        Map<String, Member> mentees = new HashMap<>();
        round.mentees().forEach(m -> mentees.put(m.ref(), m));
        for (Rule rule : round.rules()) {
            if (!rule.locked()) {
                continue;
            }
            lockedTo.computeIfAbsent(rule.mentee(), k -> new ArrayList<>()).add(rule.mentor());
            lockedWith.computeIfAbsent(rule.mentor(), k -> new ArrayList<>()).add(rule.mentee());
            Member mentor = mentors.get(rule.mentor());
            Member mentee = mentees.get(rule.mentee());
            if (round.crossOrganisation() && mentor != null && mentee != null && sameEmployer(mentor, mentee)) {
                problems.add(Problem.of(
                        "rules",
                        rule.mentee() + " is locked to " + rule.mentor() + ", but they work for the same employer"
                                + " and the programme never pairs colleagues; remove the lock"));
            }
        }
        lockedTo.forEach((mentee, to) -> {
            if (to.size() > 1) {
                problems.add(Problem.of(
                        "rules",
                        mentee + " is locked to " + String.join(" and ", to)
                                + ", but a mentee has one mentor; remove all but one of these locks"));
            }
        });
        lockedWith.forEach((mentor, with) -> {
            Member m = mentors.get(mentor);
            int capacity = m == null ? 0 : m.capacity();
            if (with.size() > capacity) {
                problems.add(Problem.of(
                        "rules",
                        mentor + " is locked to " + Plurals.of(with.size(), "mentee") + " (" + String.join(", ", with)
                                + ") but has " + Plurals.of(capacity, "place")
                                + "; remove a lock or raise the capacity"));
            }
        });
        return problems;
    }

    /** Pairing only names the refs it was given, which were taken from these maps. */
    private static Member member(Map<String, Member> members, String ref) {
        return Objects.requireNonNull(members.get(ref), ref);
    }

    /**
     * Two people work for the same employer when both have an ODS code and the codes agree, or,
     * failing that, both have an employer's name and the names agree (ignoring case and spaces at
     * the ends). When either is not recorded they are not taken to be colleagues.
     */
    static boolean sameEmployer(Member a, Member b) {
        String odsA = blankToNull(a.employerOds());
        String odsB = blankToNull(b.employerOds());
        if (odsA != null && odsB != null) {
            return odsA.equalsIgnoreCase(odsB);
        }
        String nameA = blankToNull(a.employer());
        String nameB = blankToNull(b.employer());
        return nameA != null && nameB != null && nameA.equalsIgnoreCase(nameB);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String key(String mentor, String mentee) {
        return mentor + "\u0000" + mentee;
    }

    private static String whyPaired(Round round, Pairing.Pair<String, String> p, Member mentor, Member mentee) {
        List<String> parts = new ArrayList<>();
        if (p.fixed()) {
            parts.add(
                    p.rank() == null
                            ? "locked in by an administrator (not on the mentee's list)"
                            : "locked in by an administrator; the mentee's " + ordinal(p.rank()) + " choice");
        } else {
            parts.add("the mentee's " + ordinal(p.rank() == null ? 0 : p.rank()) + " choice");
        }
        if (round.crossOrganisation()) {
            boolean known = (blankToNull(mentor.employerOds()) != null && blankToNull(mentee.employerOds()) != null)
                    || (blankToNull(mentor.employer()) != null && blankToNull(mentee.employer()) != null);
            parts.add(
                    known
                            ? "different employers (cross-organisation rule)"
                            : "an employer is not recorded for one of them, so the cross-organisation rule could not"
                                    + " tell them apart");
        }
        String why = String.join("; ", parts);
        return Character.toUpperCase(why.charAt(0)) + why.substring(1);
    }

    private static String whyNot(Round round, Member mentee, Map<String, Member> mentors, Set<String> forbidden) {
        List<String> listed = mentee.preferences();
        if (listed.isEmpty()) {
            return "Listed no mentors";
        }
        int sameEmployer = 0;
        int ruledOut = 0;
        int full = 0;
        for (String ref : listed) {
            Member mentor = mentors.get(ref);
            if (mentor == null) {
                continue;
            }
            if (forbidden.contains(key(ref, mentee.ref()))) {
                ruledOut++;
            } else if (round.crossOrganisation() && sameEmployer(mentor, mentee)) {
                sameEmployer++;
            } else {
                full++;
            }
        }
        String all = listed.size() == 1 ? "Their only listed mentor" : "All " + listed.size() + " listed mentors";
        if (full == 0) {
            if (ruledOut == 0) {
                return all + Plurals.word(listed.size(), " works", " work")
                        + " for the same employer (cross-organisation rule)";
            }
            if (sameEmployer == 0) {
                return all + Plurals.word(listed.size(), " is", " are") + " forbidden for them by an administrator";
            }
            return "None of their " + listed.size() + " listed mentors could be paired with them: " + sameEmployer
                    + " work for the same employer (cross-organisation rule) and " + ruledOut
                    + " forbidden by an administrator";
        }
        String places = full == 1
                ? (listed.size() == 1 ? all : "The one listed mentor who could take them") + " was full"
                : (full == listed.size() ? all : "All " + full + " listed mentors who could take them") + " were full";
        String because = ", with mentees whose pairing matches more people or gives a lower total of ranks";
        String rest = full == listed.size()
                ? ""
                : "; the other " + (listed.size() - full) + " could not be paired with them ("
                        + (sameEmployer > 0 ? sameEmployer + " same employer" : "")
                        + (sameEmployer > 0 && ruledOut > 0 ? ", " : "")
                        + (ruledOut > 0 ? ruledOut + " forbidden" : "")
                        + ")";
        return places + because + rest;
    }

    static String ordinal(int n) {
        return switch (n) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> n + "th";
        };
    }
}
