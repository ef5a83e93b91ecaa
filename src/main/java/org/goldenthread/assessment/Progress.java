package org.goldenthread.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The learning system: where a cycle stands against the one before it, and how each principle has
 * moved across all the cycles run against the same framework (for the same place).
 */
@Service
class Progress {

    private final Cycles cycles;
    private final Ratings ratings;
    private final Citations citations;
    private final Attachments attachments;
    private final Actions actions;

    Progress(Cycles cycles, Ratings ratings, Citations citations, Attachments attachments, Actions actions) {
        this.cycles = cycles;
        this.ratings = ratings;
        this.citations = citations;
        this.attachments = attachments;
        this.actions = actions;
    }

    record IndicatorView(
            Framework.Indicator indicator,
            @Nullable Integer level,
            String levelName,
            @Nullable Integer previous,
            @Nullable String rationale,
            List<Cycle.Evidence> evidence,
            List<Cycle.Item> items,
            List<Cycle.Action> actions,
            boolean gap) {

        /** How the rating moved since the previous cycle, in words. */
        public String movement() {
            return Progress.movement(
                    level == null ? null : level.doubleValue(), previous == null ? null : previous.doubleValue());
        }
    }

    record PrincipleView(
            Framework.Principle principle,
            @Nullable BigDecimal level,
            @Nullable BigDecimal previous,
            List<IndicatorView> indicators) {

        public String movement() {
            return Progress.movement(
                    level == null ? null : level.doubleValue(), previous == null ? null : previous.doubleValue());
        }
    }

    /** Something that differs from the previous cycle: a rating or a cited figure. */
    record Change(String indicator, String what, String from, String to) {}

    record Review(
            Cycle cycle,
            @Nullable Cycle previous,
            List<PrincipleView> principles,
            List<Change> changes,
            List<Cycle.Action> actions,
            LocalDate today) {

        public List<IndicatorView> gaps() {
            return principles.stream()
                    .flatMap(p -> p.indicators().stream())
                    .filter(IndicatorView::gap)
                    .toList();
        }

        public long overdueActions() {
            return actions.stream().filter(a -> a.isOverdueOn(today)).count();
        }

        public int ratedIndicators() {
            return (int) principles.stream()
                    .flatMap(p -> p.indicators().stream())
                    .filter(i -> i.level() != null)
                    .count();
        }

        public int indicatorCount() {
            return (int)
                    principles.stream().mapToLong(p -> p.indicators().size()).sum();
        }
    }

    static String movement(@Nullable Double now, @Nullable Double before) {
        if (now == null) {
            return "not yet agreed";
        }
        if (before == null) {
            return "first rating";
        }
        int compared = Double.compare(now, before);
        return compared > 0 ? "up from " + format(before) : compared < 0 ? "down from " + format(before) : "no change";
    }

    private static String format(double level) {
        return BigDecimal.valueOf(level)
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A rating in the lower half of the scale is a gap the action plan should address. */
    static boolean isGap(@Nullable Integer level, int scaleSize) {
        return level != null && level <= scaleSize / 2;
    }

    /**
     * The cycle to compare with: for a closed cycle, the one fixed when it closed; for an open one, the
     * latest closed cycle against the same framework, for the same place.
     */
    @Nullable
    Cycle previousOf(Cycle cycle) {
        if (!cycle.isOpen()) {
            return cycle.previousCycleId() == null ? null : cycles.cycle(cycle.previousCycleId());
        }
        return cycles.cycles().stream()
                .filter(c -> c.id() != cycle.id() && !c.isOpen() && sameSeries(c, cycle))
                .max(java.util.Comparator.comparing(Cycle::closedOn).thenComparing(Cycle::id))
                .orElse(null);
    }

    private static boolean sameSeries(Cycle a, Cycle b) {
        return a.frameworkCode().equals(b.frameworkCode()) && Objects.equals(a.place(), b.place());
    }

    Review review(long cycleId, LocalDate today) {
        Cycle cycle = cycles.cycle(cycleId);
        Cycle previous = previousOf(cycle);
        Map<String, Cycle.Agreed> agreed = byIndicator(ratings.agreed(cycleId), Cycle.Agreed::indicator);
        Map<String, Cycle.Agreed> before =
                previous == null ? Map.of() : byIndicator(ratings.agreed(previous.id()), Cycle.Agreed::indicator);
        List<Cycle.Evidence> evidence = citations.evidence(cycleId);
        List<Cycle.Item> items = attachments.items(cycleId);
        List<Cycle.Action> actions = this.actions.actions(cycleId);
        int scale = cycle.framework().scale().size();

        List<PrincipleView> principles = new ArrayList<>();
        for (Framework.Principle p : cycle.framework().principles()) {
            List<IndicatorView> indicators = new ArrayList<>();
            for (Framework.Indicator i : p.indicators()) {
                Cycle.Agreed a = agreed.get(i.code());
                Cycle.Agreed b = before.get(i.code());
                Integer level = a == null ? null : a.level();
                indicators.add(new IndicatorView(
                        i,
                        level,
                        level == null ? "Not yet agreed" : cycle.framework().levelName(level),
                        b == null ? null : b.level(),
                        a == null ? null : a.rationale(),
                        evidence.stream()
                                .filter(e -> e.indicator().equals(i.code()))
                                .toList(),
                        items.stream()
                                .filter(e -> e.indicator().equals(i.code()))
                                .toList(),
                        actions.stream()
                                .filter(x -> x.indicator().equals(i.code()))
                                .toList(),
                        isGap(level, scale)));
            }
            principles.add(
                    new PrincipleView(p, mean(p, agreed), previous == null ? null : mean(p, before), indicators));
        }

        List<Change> changes = new ArrayList<>();
        if (previous != null) {
            for (Framework.Indicator i : cycle.framework().indicators().toList()) {
                Cycle.Agreed a = agreed.get(i.code());
                Cycle.Agreed b = before.get(i.code());
                if (a != null && b != null && a.level() != b.level()) {
                    changes.add(new Change(
                            i.code(),
                            "Agreed rating",
                            b.level() + " " + previous.framework().levelName(b.level()),
                            a.level() + " " + cycle.framework().levelName(a.level())));
                }
            }
            Map<String, Cycle.Evidence> earlier = byIndicator(citations.evidence(previous.id()), Progress::evidenceKey);
            for (Cycle.Evidence e : evidence) {
                Cycle.Evidence was = earlier.get(evidenceKey(e));
                if (was != null && !Objects.equals(was.shown(), e.shown())) {
                    changes.add(new Change(e.indicator(), e.label(), was.shown(), e.shown()));
                }
            }
        }
        return new Review(cycle, previous, principles, changes, actions, today);
    }

    private static String evidenceKey(Cycle.Evidence e) {
        return e.indicator() + "|" + e.metric() + "|" + e.surveyId() + "|" + e.question();
    }

    private static <T> Map<String, T> byIndicator(List<T> values, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        values.forEach(v -> map.put(key.apply(v), v));
        return map;
    }

    /** The mean agreed level of a principle's indicators, to 1 decimal place; null until one is agreed. */
    private static @Nullable BigDecimal mean(Framework.Principle p, Map<String, Cycle.Agreed> agreed) {
        List<Integer> levels = p.indicators().stream()
                .map(i -> agreed.get(i.code()))
                .filter(Objects::nonNull)
                .map(Cycle.Agreed::level)
                .toList();
        if (levels.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(levels.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(levels.size()), 1, RoundingMode.HALF_UP);
    }

    /** One principle's mean agreed level in each cycle of a series, oldest first (null where none was agreed). */
    record TrendLine(String code, String title, List<BigDecimal> levels) {}

    record Trend(String framework, String place, List<Cycle> cycles, List<TrendLine> lines, int scaleSize) {}

    /** The trend for the series a cycle belongs to: its framework and place. */
    Trend trend(long cycleId) {
        Cycle anchor = cycles.cycle(cycleId);
        List<Cycle> series =
                cycles.cycles().stream().filter(c -> sameSeries(c, anchor)).toList();
        Map<Long, Map<String, Cycle.Agreed>> agreed = series.stream()
                .collect(
                        Collectors.toMap(Cycle::id, c -> byIndicator(ratings.agreed(c.id()), Cycle.Agreed::indicator)));
        List<TrendLine> lines = new ArrayList<>();
        for (Framework.Principle p : anchor.framework().principles()) {
            lines.add(new TrendLine(
                    p.code(),
                    p.title(),
                    series.stream()
                            .map(c -> c.framework().principles().stream()
                                    .filter(q -> q.code().equals(p.code()))
                                    .findFirst()
                                    // every cycle of the series has its entry, if an empty one
                                    .map(q -> mean(q, Objects.requireNonNull(agreed.get(c.id()))))
                                    .orElse(null))
                            .toList()));
        }
        return new Trend(
                anchor.frameworkCode(),
                anchor.place(),
                series,
                lines,
                anchor.framework().scale().size());
    }
}
