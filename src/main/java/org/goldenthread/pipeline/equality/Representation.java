package org.goldenthread.pipeline.equality;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.ProfessionDirectory;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Leaders at each level by ethnic group, sex and disability, against the ICS's workforce baseline.
 * Leaders are the people holding a current appointment to a seat there; their answers are those they
 * gave about themselves. For each stated answer the ratio is the leaders' share (among leaders who
 * stated one) ÷ the workforce's share (among staff who stated one): 1 is proportionate, below 1 fewer
 * leaders than the workforce suggests. Counts of 1 to k−1 are hidden, with whatever else would give
 * them away, and so are their ratios; a level where fewer than k leaders stated an answer shows none.
 * A share counts those who stated an answer, so a level whose "not stated" is hidden shows no shares
 * or ratios: one share would say how many stated, and the leaders less them how many did not.
 */
@Component
class Representation {

    /** Below four-fifths of the workforce's share, the page says a group may be under-represented. */
    static final BigDecimal UNDER = new BigDecimal("0.80");

    static final String ALL_LEVELS = "all";

    /** One answer at one level. Null figures are hidden or have nothing to compare with. */
    record Cell(
            String value,
            String label,
            @Nullable Integer leaders,
            @JsonProperty("leader_share") @Nullable BigDecimal leaderShare,
            @JsonProperty("baseline_share") @Nullable BigDecimal baselineShare,
            @Nullable BigDecimal ratio,
            boolean suppressed) {

        boolean under() {
            return ratio != null && ratio.compareTo(UNDER) < 0;
        }
    }

    /** One level (or all levels together). */
    record Row(
            String level,
            String label,
            int leaders,
            @JsonProperty("not_stated") @Nullable Integer notStated,
            List<Cell> answers) {}

    /** One characteristic's table, with what it suggests in words. */
    record Table(
            String characteristic,
            String label,
            @JsonProperty("has_baseline") boolean hasBaseline,
            List<Row> rows,
            List<String> findings) {}

    private final Register register;
    private final Forums forums;
    private final ProfessionDirectory professions;
    private final EqualityFigures figures;
    private final WorkforceBaseline baseline;
    private final SmallNumbers small;
    private final Clock clock;

    Representation(
            Register register,
            Forums forums,
            ProfessionDirectory professions,
            EqualityFigures figures,
            WorkforceBaseline baseline,
            SmallNumbers small,
            Clock clock) {
        this.register = register;
        this.forums = forums;
        this.professions = professions;
        this.figures = figures;
        this.baseline = baseline;
        this.small = small;
        this.clock = clock;
    }

    /**
     * The three tables, for every leader or (group given) for leaders of one profession group, as last
     * released (see {@link #current}). What each may show is worked out for everyone's table and every
     * group's together (see {@link #hideTogether}): a group's table beside everyone's would otherwise give
     * away the rest's.
     */
    List<Table> tables(@Nullable String group) {
        return released(group).tables();
    }

    /** The tables with the day their figures were released. */
    record Released(LocalDate on, List<Table> tables) {}

    Released released(@Nullable String group) {
        EqualityFigures.Release release = current();
        return new Released(release.releasedOn(), tables(group, release));
    }

    private List<Table> tables(@Nullable String group, EqualityFigures.Release release) {
        // the groups of the release, not of today's directory: what is hidden is then the same on every
        // reading of one release (a group with no leaders in it adds nothing to hide)
        Set<String> groupNames = new java.util.TreeSet<>();
        release.members().stream()
                .map(EqualityFigures.Membership::group)
                .filter(g -> !g.equals(EVERYONE))
                .forEach(groupNames::add);
        if (group != null) {
            groupNames.add(group);
        }
        Map<String, Map<String, Integer>> sizes = new HashMap<>();
        release.members()
                .forEach(m ->
                        sizes.computeIfAbsent(m.group(), g -> new HashMap<>()).merge(m.level(), 1, Integer::sum));
        Map<String, Integer> everyoneSizes = sizes.getOrDefault(EVERYONE, Map.of());
        List<String> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            if (everyoneSizes.getOrDefault(level.code(), 0) > 0) {
                levels.add(level.code());
            }
        }
        levels.add(ALL_LEVELS);
        Map<String, Integer> everyone = aligned(everyoneSizes, levels);
        Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
        groupNames.forEach(g -> groups.put(g, aligned(sizes.getOrDefault(g, Map.of()), levels)));
        List<Table> tables = new ArrayList<>();
        for (Characteristic c : Characteristic.values()) {
            int[][] all = counts(c, EVERYONE, everyone, release);
            Map<String, int[][]> counted = new LinkedHashMap<>();
            groups.forEach((g, leaders) -> counted.put(g, counts(c, g, leaders, release)));
            Map<String, Integer[][]> shown = hideTogether(all, counted, small);
            Map<String, Integer> leaders = group == null ? everyone : Objects.requireNonNull(groups.get(group));
            int[][] raw = group == null ? all : Objects.requireNonNull(counted.get(group));
            Integer[][] view = Objects.requireNonNull(shown.get(group == null ? EVERYONE : group));
            tables.add(table(c, leaders, raw, view, baseline.totals(c, group)));
        }
        return tables;
    }

    /**
     * The figures as last released, released anew first when there are none yet or when at least k
     * people have changed since: appointed, left, moved level or profession group, or given new
     * answers. Fewer changes than that and the figures stand, so that no two readings differ by one
     * person (or by fewer than k).
     */
    private EqualityFigures.Release current() {
        Set<EqualityFigures.Membership> now = memberships();
        return figures.current(now, LocalDate.now(clock), last -> changedPeople(last, now));
    }

    static int changedPeople(EqualityFigures.Release last, Set<EqualityFigures.Membership> now) {
        Set<Long> changed = new HashSet<>(last.answersChanged());
        last.members().stream().filter(m -> !now.contains(m)).forEach(m -> changed.add(m.person()));
        now.stream().filter(m -> !last.members().contains(m)).forEach(m -> changed.add(m.person()));
        return changed.size();
    }

    /** Every leader today, where they count: everyone and their profession group, at each level and at all. */
    private Set<EqualityFigures.Membership> memberships() {
        Set<String> groups = new LinkedHashSet<>();
        professions.professions().forEach(p -> groups.add(p.group()));
        Set<EqualityFigures.Membership> members = new HashSet<>();
        leadersByLevel(groups)
                .forEach((group, byLevel) -> byLevel.forEach((level, people) ->
                        people.forEach(person -> members.add(new EqualityFigures.Membership(person, group, level)))));
        return members;
    }

    /** A group's leaders at each of everyone's levels, none where it has none. */
    private static Map<String, Integer> aligned(Map<String, Integer> leaders, List<String> levels) {
        Map<String, Integer> aligned = new LinkedHashMap<>();
        for (String level : levels) {
            aligned.put(level, leaders.getOrDefault(level, 0));
        }
        return aligned;
    }

    /**
     * Leaders by level (rows, everyone across levels last) and stated answer (columns, those who
     * stated none last).
     */
    private static int[][] counts(
            Characteristic c, String group, Map<String, Integer> leaders, EqualityFigures.Release release) {
        List<Choice> stated = c.statedAnswers();
        List<Map.Entry<String, Integer>> levels = List.copyOf(leaders.entrySet());
        int[][] raw = new int[levels.size()][stated.size() + 1];
        for (int r = 0; r < levels.size(); r++) {
            Map<String, Integer> counts =
                    release.answers(c, group, levels.get(r).getKey());
            int statedHere = 0;
            for (int i = 0; i < stated.size(); i++) {
                raw[r][i] = counts.getOrDefault(stated.get(i).code(), 0);
                statedHere += raw[r][i];
            }
            raw[r][stated.size()] = levels.get(r).getValue() - statedHere;
        }
        return raw;
    }

    private Table table(
            Characteristic c,
            Map<String, Integer> leaders,
            int[][] raw,
            Integer[][] shown,
            Map<String, Long> workforce) {
        List<Choice> stated = c.statedAnswers();
        long workforceStated = stated.stream()
                .mapToLong(a -> workforce.getOrDefault(a.code(), 0L))
                .sum();
        int k = small.minGroupSize();
        List<Row> rows = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        List<String> unshared = new ArrayList<>();
        List<Map.Entry<String, Integer>> levels = List.copyOf(leaders.entrySet());
        for (int r = 0; r < levels.size(); r++) {
            String level = levels.get(r).getKey();
            int people = levels.get(r).getValue();
            if (people == 0 && !ALL_LEVELS.equals(level)) {
                // a level where a profession group has no leaders is left out of its table
                continue;
            }
            int statedLeaders = people - raw[r][stated.size()];
            boolean enough = statedLeaders >= k;
            // a share (and so a ratio) is of those who stated an answer, so it gives their number away
            // and with it the row's hidden "not stated" (the leaders less them): none where that is hidden
            boolean sharesShown = shown[r][stated.size()] != null;
            String label = levelLabel(level);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < stated.size(); i++) {
                Choice answer = stated.get(i);
                boolean hidden = !enough || shown[r][i] == null;
                BigDecimal leaderShare = hidden || !sharesShown ? null : share(raw[r][i], statedLeaders);
                long inWorkforce = workforce.getOrDefault(answer.code(), 0L);
                BigDecimal workforceShare = workforceStated == 0 ? null : share(inWorkforce, workforceStated);
                BigDecimal ratio = hidden || !sharesShown || inWorkforce == 0 || workforceStated == 0
                        ? null
                        : BigDecimal.valueOf(
                                        ((double) raw[r][i] / statedLeaders) / ((double) inWorkforce / workforceStated))
                                .setScale(2, RoundingMode.HALF_UP);
                Cell cell = new Cell(
                        answer.code(),
                        answer.label(),
                        hidden ? null : raw[r][i],
                        leaderShare,
                        workforceShare,
                        ratio,
                        hidden);
                cells.add(cell);
                if (cell.under()) {
                    String where = ALL_LEVELS.equals(level)
                            ? "Across all levels"
                            : "At " + label.toLowerCase(java.util.Locale.UK) + " level";
                    findings.add(where + ", the group ‘" + answer.label() + "’ "
                            + (raw[r][i] == 0
                                    ? "has no leaders although the workforce has people in it"
                                    : "has " + ratio + " times its share of the workforce among leaders")
                            + ": it may be under-represented.");
                }
            }
            if (!enough && people > 0) {
                tooFew.add(label.toLowerCase(java.util.Locale.UK));
            } else if (!sharesShown && people > 0) {
                unshared.add(
                        ALL_LEVELS.equals(level)
                                ? "all levels together"
                                : label.toLowerCase(java.util.Locale.UK) + " level");
            }
            rows.add(new Row(level, label, people, shown[r][stated.size()], cells));
        }
        if (!tooFew.isEmpty()) {
            findings.add("Fewer than " + k + " leaders stated an answer at " + String.join(", ", tooFew)
                    + (tooFew.size() == 1 ? " level" : " levels")
                    + ", so nothing can be said there without risking that someone is recognised.");
        }
        if (!unshared.isEmpty()) {
            findings.add("Shares and ratios are not shown for " + String.join(", ", unshared)
                    + ", where the number of leaders who did not state an answer is hidden: a share of those who"
                    + " did would give that number away.");
        }
        if (workforceStated == 0) {
            findings.add("There is no workforce baseline for " + c.label().toLowerCase(java.util.Locale.UK)
                    + " to compare with: import one to see ratios.");
        }
        return new Table(c.code(), c.label(), workforceStated > 0, rows, findings);
    }

    /**
     * Which counts may be shown of a table with one row per level and, last, everyone across levels;
     * one column per stated answer and, last, those who stated none. The number of leaders in each
     * row is public (who holds a seat is), so every row's total is known; the last row gives each
     * column's. Counts of 1 to k−1 are hidden, and every answer in a row where fewer than k stated
     * one; then whatever else would give one of them away, line by line and, where nobody leads at
     * two levels (so that the levels' rows add up to the last), with every total known at once (see
     * {@link SmallNumbers#protect}). A reader can tell which case it is from the public totals.
     */
    static Integer[][] hide(int[][] raw, SmallNumbers small) {
        // the last row, everyone across levels, is always there
        int levels = raw.length - 1;
        int columns = raw.length == 0 ? 0 : raw[0].length;
        Integer[][] shown = new Integer[raw.length][columns];
        for (int r = 0; r < raw.length; r++) {
            int stated = 0;
            for (int c = 0; c < columns - 1; c++) {
                stated += raw[r][c];
            }
            // a row with nobody in it (a level where a profession group has no leaders) recognises no one
            boolean tooFew = stated < small.minGroupSize() && stated + raw[r][columns - 1] > 0;
            for (int c = 0; c < columns; c++) {
                shown[r][c] = small.hides(raw[r][c]) || tooFew && c < columns - 1 ? null : raw[r][c];
            }
        }
        small.protect(shown, raw, levels, columns, levelsAddUp(raw));
        return shown;
    }

    /** Whether nobody leads at two levels: the levels' rows then add up to the last. */
    private static boolean levelsAddUp(int[][] raw) {
        int levels = raw.length - 1;
        long acrossLevels = 0;
        long everyone = 0;
        for (int r = 0; r < raw.length; r++) {
            for (int c = 0; c < raw[r].length; c++) {
                if (r < levels) {
                    acrossLevels += raw[r][c];
                } else {
                    everyone += raw[r][c];
                }
            }
        }
        return acrossLevels == everyone;
    }

    /** The key of everyone's table among those {@link #hideTogether} works out. */
    static final String EVERYONE = "";

    /**
     * Which counts may be shown of everyone's table ({@link #EVERYONE}) and of each profession
     * group's, each group's with everyone's rows (zeros where it has no leaders). Each is hidden as
     * {@link #hide} would. Then, at each level where each leader is in exactly one group, the groups'
     * counts of one answer add up to everyone's: a line across the tables, in which one hidden count
     * would be everyone's less the others. So another is hidden there too, the smallest non-zero
     * group count shown (everyone's where there is none), each table is protected again, and so on
     * until nothing more is hidden. Everyone's table is worked out with the groups' whether or not a
     * group is asked for, so that both views hide the same counts.
     */
    static Map<String, Integer[][]> hideTogether(int[][] everyone, Map<String, int[][]> groups, SmallNumbers small) {
        Map<String, int[][]> raws = new LinkedHashMap<>();
        raws.put(EVERYONE, everyone);
        raws.putAll(groups);
        Map<String, Integer[][]> shown = new LinkedHashMap<>();
        raws.forEach((key, raw) -> shown.put(key, hide(raw, small)));
        int rows = everyone.length;
        int columns = rows == 0 ? 0 : everyone[0].length;
        boolean[] partitioned = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            partitioned[r] = !groups.isEmpty();
            for (int c = 0; c < columns; c++) {
                int sum = 0;
                for (int[][] raw : groups.values()) {
                    sum += raw[r][c];
                }
                partitioned[r] &= sum == everyone[r][c];
            }
        }
        List<Integer[][]> groupShown = groups.keySet().stream()
                .map(g -> Objects.requireNonNull(shown.get(g)))
                .toList();
        Integer[][] total = Objects.requireNonNull(shown.get(EVERYONE));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns && partitioned[r]; c++) {
                    int hidden = 0;
                    Integer[][] smallest = null;
                    for (Integer[][] g : groupShown) {
                        Integer v = g[r][c];
                        if (v == null) {
                            hidden++;
                        } else if (v > 0 && (smallest == null || v < smallest[r][c])) {
                            smallest = g;
                        }
                    }
                    boolean givesAway = total[r][c] != null ? hidden == 1 : hidden == 0 && smallest != null;
                    if (givesAway) {
                        (smallest != null ? smallest : total)[r][c] = null;
                        changed = true;
                    }
                }
            }
            if (changed) {
                raws.forEach((key, raw) -> small.protect(
                        Objects.requireNonNull(shown.get(key)), raw, rows - 1, columns, levelsAddUp(raw)));
            }
        }
        return shown;
    }

    /**
     * The leaders at each level, then everyone counted once across levels: of every profession
     * ({@link #EVERYONE}) and of each group named, in one pass over the appointments.
     */
    private Map<String, Map<String, Set<Long>>> leadersByLevel(Set<String> groups) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> forumLevel = new HashMap<>();
        for (Forum f : forums.forums()) {
            forumLevel.put(f.id(), f.level());
        }
        Map<Long, String> seatLevel = new HashMap<>();
        for (Seat s : forums.seats()) {
            seatLevel.put(s.id(), forumLevel.get(s.forumId()));
        }
        Map<String, String> groupOf = new HashMap<>();
        professions.professions().forEach(p -> groupOf.put(p.code(), p.group()));
        Map<String, Map<String, Set<Long>>> leaders = new LinkedHashMap<>();
        leaders.put(EVERYONE, new LinkedHashMap<>());
        groups.forEach(g -> leaders.put(g, new LinkedHashMap<>()));
        for (Map<String, Set<Long>> byLevel : leaders.values()) {
            for (Level level : Level.values()) {
                byLevel.put(level.code(), new LinkedHashSet<>());
            }
        }
        for (Appointment a : register.appointments()) {
            String level = seatLevel.get(a.seatId());
            if (level == null || !a.isCurrentOn(today)) {
                continue;
            }
            leaders.get(EVERYONE)
                    .computeIfAbsent(level, l -> new LinkedHashSet<>())
                    .add(a.personId());
            Map<String, Set<Long>> inGroup = leaders.get(groupOf.get(a.profession()));
            if (inGroup != null) {
                inGroup.computeIfAbsent(level, l -> new LinkedHashSet<>()).add(a.personId());
            }
        }
        for (Map<String, Set<Long>> byLevel : leaders.values()) {
            byLevel.values().removeIf(Set::isEmpty);
            Set<Long> everyone = new LinkedHashSet<>();
            byLevel.values().forEach(everyone::addAll);
            byLevel.put(ALL_LEVELS, everyone);
        }
        return leaders;
    }

    private static String levelLabel(String level) {
        return ALL_LEVELS.equals(level)
                ? "All"
                : org.goldenthread.platform.Coded.parse(Level.class, level)
                        .map(Level::label)
                        .orElse(level);
    }

    private static BigDecimal share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
