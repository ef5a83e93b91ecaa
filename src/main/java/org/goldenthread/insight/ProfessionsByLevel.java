package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Profession;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Level;

/**
 * Leaders counted by profession and level, and one profession looked into level by level and career
 * stage by career stage. These break people down by a characteristic, so small groups are hidden for
 * every audience.
 */
final class ProfessionsByLevel {

    /** The career stages in a drill-down, in order, with people whose stage is not recorded last. */
    static final List<String> STAGES = List.of(
            CareerStage.STUDENT.code(),
            CareerStage.EARLY.code(),
            CareerStage.MID.code(),
            CareerStage.SENIOR.code(),
            "not_recorded");

    private final Snapshot snapshot;

    ProfessionsByLevel(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * Leaders by profession (rows) and level (columns), counting people, with each profession's total
     * at any level. A breakdown of people by a characteristic, so small groups are hidden for everyone,
     * and more besides wherever the level totals or a row total would let a hidden count be worked out:
     * line by line, and then with every line's total taken as known at once (counts cannot be
     * negative, so two hidden cells in a line are not always enough; see {@link SmallNumbers#protect}).
     * The level totals are on the same page (each level's leaders); each profession's total is in
     * the table. A profession's cells add up to its total only where nobody in it leads at two
     * levels; the check takes the cells' sum as known, which is the total itself in the usual case.
     */
    List<Landscape.Row> professionsByLevel(SmallNumbers small) {
        Map<String, Profession> byCode = snapshot.professions.stream()
                .collect(Collectors.toMap(Profession::code, p -> p, (a, b) -> a, LinkedHashMap::new));
        int levels = Level.values().length;
        Map<String, List<Set<Long>>> people = peopleByProfessionAndLevel(levels);
        List<String> codes =
                byCode.keySet().stream().filter(people::containsKey).collect(Collectors.toList());
        people.keySet().stream().filter(c -> !byCode.containsKey(c)).sorted().forEach(codes::add);
        int[][] raw = new int[codes.size()][levels + 1];
        for (int r = 0; r < codes.size(); r++) {
            // the codes are those of the people found
            List<Set<Long>> cells = Objects.requireNonNull(people.get(codes.get(r)));
            for (int c = 0; c < levels; c++) {
                raw[r][c] = cells.get(c).size();
            }
            raw[r][levels] =
                    (int) cells.stream().flatMap(Set::stream).distinct().count();
        }
        Integer[][] shown = small.hideSmallCells(raw, codes.size(), levels);
        List<Landscape.Row> rows = new ArrayList<>();
        for (int r = 0; r < codes.size(); r++) {
            Profession p = byCode.get(codes.get(r));
            rows.add(new Landscape.Row(
                    codes.get(r),
                    p == null ? codes.get(r) : p.name(),
                    Arrays.asList(shown[r]).subList(0, levels),
                    shown[r][levels]));
        }
        return rows;
    }

    /** The people in view leading at each level, by profession; the levels in order. */
    private Map<String, List<Set<Long>>> peopleByProfessionAndLevel(int levels) {
        Map<String, List<Set<Long>>> people = new LinkedHashMap<>();
        for (Appointment a : snapshot.current) {
            int column =
                    Coded.parse(Level.class, snapshot.levelOf(a)).orElseThrow().ordinal();
            List<Set<Long>> cells = people.computeIfAbsent(a.profession(), p -> {
                List<Set<Long>> c = new ArrayList<>();
                for (int i = 0; i < levels; i++) {
                    c.add(new HashSet<>());
                }
                return c;
            });
            cells.get(column).add(a.personId());
        }
        return people;
    }

    /**
     * The leaders of one profession, level by level: how many (as in the profession-by-level
     * breakdown), by career stage, and their protected time. Career stage is a personal
     * characteristic, so its groups are suppressed for everyone, with a second cell hidden in any
     * level where only one would be; hours summed over fewer than k appointments are hidden too.
     */
    List<Landscape.ProfessionAtLevel> profession(String code, SmallNumbers small) {
        Landscape.Row row = professionsByLevel(small).stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElse(null);
        List<Landscape.ProfessionAtLevel> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Appointment> here = snapshot.current.stream()
                    .filter(a -> code.equals(a.profession()))
                    .filter(a -> level.code().equals(snapshot.levelOf(a)))
                    .toList();
            Map<Long, Appointment> byLeader = new LinkedHashMap<>();
            here.forEach(a -> byLeader.putIfAbsent(a.personId(), a));
            // the stages and, last, the number of leaders they add up to, as the breakdown shows it
            int[][] stages = new int[1][STAGES.size() + 1];
            for (Appointment a : byLeader.values()) {
                int i = a.careerStage() == null ? -1 : STAGES.indexOf(a.careerStage());
                stages[0][i < 0 ? STAGES.size() - 1 : i]++;
            }
            stages[0][STAGES.size()] = byLeader.size();
            Integer[][] shown = new Integer[1][STAGES.size() + 1];
            for (int i = 0; i < STAGES.size(); i++) {
                shown[0][i] = small.shown(stages[0][i]);
            }
            shown[0][STAGES.size()] =
                    row == null ? Integer.valueOf(0) : row.counts().get(level.ordinal());
            SmallNumbers.hideBeside(shown, stages);
            boolean hoursHidden = small.hides(here.size());
            levels.add(new Landscape.ProfessionAtLevel(
                    level.code(),
                    shown[0][STAGES.size()],
                    Arrays.asList(shown[0]).subList(0, STAGES.size()),
                    hoursHidden ? null : Snapshot.hours(here, Appointment::protectedHoursPerWeek),
                    hoursHidden ? null : Snapshot.hours(here, Appointment::hoursUsedPerWeek)));
        }
        return levels;
    }

    /** Professions present among today's leaders in view, for the drill-down choice. */
    List<Profession> professionsPresent() {
        Set<String> codes =
                snapshot.current.stream().map(Appointment::profession).collect(Collectors.toCollection(TreeSet::new));
        return snapshot.professions.stream()
                .filter(p -> codes.contains(p.code()))
                .toList();
    }
}
