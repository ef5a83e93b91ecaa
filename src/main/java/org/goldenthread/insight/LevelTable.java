package org.goldenthread.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.CareerStage;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Level;

/**
 * Each level at a glance: who leads there, which clinical and care professions are missing, how far
 * the largest two dominate, how many leaders are early or mid career, the protected time agreed and
 * used, and the seats standing empty.
 */
final class LevelTable {

    private final Snapshot snapshot;

    LevelTable(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * The five levels in order. For an aggregate audience, a share is hidden when either side of it is
     * a small group, and the hours when they sum fewer than k appointments; the other figures count
     * seats or list professions and are shown as they are.
     */
    List<LevelFigures> levels(Audience audience, SmallNumbers small) {
        List<LevelFigures> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            levels.add(level(level, audience, small));
        }
        return levels;
    }

    private LevelFigures level(Level level, Audience audience, SmallNumbers small) {
        List<Appointment> here = snapshot.current.stream()
                .filter(a -> level.code().equals(snapshot.levelOf(a)))
                .toList();
        Map<Long, Appointment> byLeader = new LinkedHashMap<>();
        here.forEach(a -> byLeader.putIfAbsent(a.personId(), a));
        List<String> present = byLeader.values().stream()
                .map(Appointment::profession)
                .distinct()
                .sorted()
                .toList();
        List<String> missing = snapshot.clinicalAndCare.stream()
                .filter(c -> !present.contains(c))
                .toList();

        List<Appointment> clinical = here.stream()
                .filter(a -> snapshot.isClinicalOrCare(a.profession()))
                .toList();
        Map<String, Long> seatsByProfession =
                clinical.stream().collect(Collectors.groupingBy(Appointment::profession, Collectors.counting()));
        int topTwo = seatsByProfession.values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(2)
                .mapToInt(Long::intValue)
                .sum();
        Landscape.TopTwo topTwoNames = topTwo(seatsByProfession);
        List<Appointment> clinicalLeaders = byLeader.values().stream()
                .filter(a -> snapshot.isClinicalOrCare(a.profession()))
                .toList();
        int earlyMid = (int) clinicalLeaders.stream()
                .filter(a -> isEarlyOrMid(a.careerStage()))
                .count();

        BigDecimal agreed = Snapshot.hours(here, Appointment::protectedHoursPerWeek);
        BigDecimal used = Snapshot.hours(here, Appointment::hoursUsedPerWeek);
        int vacant = vacantSeats(level, here);

        Double topTwoShare = clinical.isEmpty() ? null : Landscape.share(topTwo, clinical.size());
        Double earlyMidShare = clinicalLeaders.isEmpty() ? null : Landscape.share(earlyMid, clinicalLeaders.size());
        List<String> suppressed = new ArrayList<>();
        if (!audience.seesPeople()) {
            if (small.hidesShare(topTwo, clinical.size())) {
                topTwoShare = null;
                topTwoNames = null;
                suppressed.add("top_two_share");
            }
            if (small.hidesShare(earlyMid, clinicalLeaders.size())) {
                earlyMidShare = null;
                suppressed.add("early_mid_share");
            }
            if (small.hides(here.size())) {
                agreed = null;
                used = null;
                suppressed.add("protected_hours_agreed");
                suppressed.add("protected_hours_used");
            }
        }
        return new LevelFigures(
                level.code(),
                byLeader.size(),
                present,
                missing,
                topTwoShare,
                topTwoNames == null ? null : topTwoNames.professions(),
                topTwoNames == null ? null : topTwoNames.named(),
                earlyMidShare,
                agreed,
                used,
                vacant,
                List.copyOf(suppressed));
    }

    private int vacantSeats(Level level, List<Appointment> here) {
        Set<Long> held = here.stream().map(Appointment::seatId).collect(Collectors.toSet());
        return (int) snapshot.seats.stream()
                .filter(s -> level.code().equals(snapshot.forumOf(s).level()))
                .filter(s -> !held.contains(s.id()))
                .count();
    }

    /** The professions holding most clinical and care seats, named as {@link Landscape.TopTwo} says. */
    private Landscape.TopTwo topTwo(Map<String, Long> seatsByProfession) {
        record Held(String name, long seats) {}
        List<Held> ranked = seatsByProfession.entrySet().stream()
                .map(e -> new Held(snapshot.professionName(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(Held::seats).reversed().thenComparing(Held::name))
                .toList();
        if (ranked.size() <= 2) {
            List<String> names = ranked.stream().map(Held::name).toList();
            return new Landscape.TopTwo(names, names.isEmpty() ? null : String.join(" and ", names));
        }
        long second = ranked.get(1).seats();
        List<String> ahead =
                ranked.stream().filter(h -> h.seats() > second).map(Held::name).toList();
        List<String> level =
                ranked.stream().filter(h -> h.seats() == second).map(Held::name).toList();
        List<String> named = new ArrayList<>(ahead);
        named.addAll(level);
        if (ahead.size() + level.size() == 2) {
            return new Landscape.TopTwo(named, String.join(" and ", named));
        }
        String tied = String.join(" / ", level);
        return new Landscape.TopTwo(
                named, ahead.isEmpty() ? "tied for first: " + tied : ahead.get(0) + " and, tied for second, " + tied);
    }

    private static boolean isEarlyOrMid(String stage) {
        return CareerStage.EARLY.code().equals(stage) || CareerStage.MID.code().equals(stage);
    }
}
