package org.goldenthread.development.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A leader's 360° report, built from a closed round's anonymous answers. Which figures may show:
 * <ul>
 *   <li>a group shows when at least {@code minRaters} of its raters answered; the line manager
 *       shows alone only when the round said so in advance;
 *   <li>groups under the threshold are pooled as "others", which shows only when the pool reaches
 *       the threshold; while it does not, the smallest shown groups join it, so that no hidden
 *       pool can be worked out by taking shown groups away from "all others";
 *   <li>"all others" shows only when it reaches the threshold and nothing hidden sits inside it;
 *   <li>a single behaviour's figure in a group shows only when enough raters rated it (some say
 *       they cannot), and "all others" is hidden for that behaviour when any group's figure is.
 * </ul>
 * Comments come only from groups that show, without any group or name, in an order that depends
 * on their words alone.
 */
record FeedbackReport(
        Round round,
        @JsonProperty("min_raters") int minRaters,
        List<Column> columns,
        @JsonProperty("all_others") Column allOthers,
        List<String> scale,
        List<DimensionBlock> dimensions,
        @JsonProperty("blind_spots") List<Gap> blindSpots,
        @JsonProperty("hidden_strengths") List<Gap> hiddenStrengths,
        List<CommentGroup> comments,
        @JsonProperty("leader_type") @Nullable LeaderTypeView leaderType,
        @JsonProperty("self_rated") boolean selfRated) {

    /** The fewest raters any group may show with; an ICS may ask for more, never fewer. */
    static final int LOWEST_THRESHOLD = 3;

    /** Gaps smaller than this are not called out: half a step on the scale. */
    static final double NOTABLE_GAP = 0.5;

    /** One column of figures: a group, the pooled others, or all others; {@code shown} false hides it all. */
    record Column(
            String key,
            String label,
            int raters,
            boolean shown,
            @JsonProperty("by_exception") boolean byException) {}

    /** Figures of one column for a behaviour or a dimension; hidden cells carry no figures at all. */
    record Cell(
            int ratings,
            boolean hidden,
            @Nullable Double mean,
            @Nullable Double spread,
            List<Integer> distribution) {

        static Cell hiddenCell() {
            return new Cell(0, true, null, null, List.of());
        }

        /** The cell in words, as pages and the PDF show it. */
        public String display() {
            if (hidden) {
                return "Too few to show";
            }
            return mean == null ? "No ratings" : mean + " (" + spread + ")";
        }
    }

    record BehaviourRow(
            String code,
            String text,
            @Nullable Integer self,
            List<Cell> cells,
            @JsonProperty("all_others") Cell allOthers) {}

    record DimensionBlock(
            String code,
            String title,
            @Nullable Double self,
            List<Cell> cells,
            @JsonProperty("all_others") Cell allOthers,
            List<BehaviourRow> behaviours) {}

    record Gap(String behaviour, String dimension, int self, double others, double gap) {}

    record CommentGroup(String question, List<String> comments) {}

    record Axis(
            String label, @Nullable Double self, @Nullable Double others) {}

    record LeaderTypeView(
            List<Axis> axes,
            @JsonProperty("self_type") @Nullable LeaderType selfType,
            @JsonProperty("others_type") @Nullable LeaderType othersType,
            @JsonProperty("others_raters") int othersRaters) {}

    /** One rater's ratings, in their group. */
    record Answer(RaterGroup group, Map<String, Integer> ratings) {}

    record Comment(RaterGroup group, String question, String text) {}

    static FeedbackReport build(
            Round round, int minRaters, Map<String, Integer> self, List<Answer> answers, List<Comment> comments) {
        int k = Math.max(minRaters, LOWEST_THRESHOLD);
        Map<RaterGroup, List<Answer>> byGroup = new EnumMap<>(RaterGroup.class);
        answers.forEach(
                a -> byGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a));

        List<RaterGroup> shown = new ArrayList<>();
        List<RaterGroup> pooled = new ArrayList<>();
        for (Map.Entry<RaterGroup, List<Answer>> e : byGroup.entrySet()) {
            if (exception(round, e.getKey()) || e.getValue().size() >= k) {
                shown.add(e.getKey());
            } else {
                pooled.add(e.getKey());
            }
        }
        while (!pooled.isEmpty() && count(byGroup, pooled) < k) {
            RaterGroup smallest = shown.stream()
                    .filter(g -> !exception(round, g))
                    .min(Comparator.comparingInt(
                            (RaterGroup g) -> of(byGroup, g).size()))
                    .orElse(null);
            if (smallest == null) {
                break;
            }
            shown.remove(smallest);
            pooled.add(smallest);
        }
        int poolCount = count(byGroup, pooled);
        boolean poolShown = !pooled.isEmpty() && poolCount >= k;
        boolean allShown = answers.size() >= k && (pooled.isEmpty() || poolShown);

        List<Column> columns = new ArrayList<>();
        List<List<Answer>> columnAnswers = new ArrayList<>();
        for (RaterGroup g : RaterGroup.values()) {
            if (shown.contains(g)) {
                columns.add(new Column(
                        g.code(),
                        g.plural(),
                        of(byGroup, g).size(),
                        true,
                        exception(round, g) && of(byGroup, g).size() < k));
                columnAnswers.add(of(byGroup, g));
            }
        }
        if (!pooled.isEmpty()) {
            columns.add(new Column(
                    "others", "Others (groups too small to show on their own)", poolCount, poolShown, false));
            columnAnswers.add(
                    poolShown
                            ? pooled.stream()
                                    .flatMap(g -> of(byGroup, g).stream())
                                    .toList()
                            : List.of());
        }
        Column all = new Column("all", "All raters", answers.size(), allShown, false);

        BehaviourFramework framework = round.framework();
        int levels = framework.levels().size();
        List<DimensionBlock> dimensions = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (BehaviourFramework.Dimension d : framework.dimensionList()) {
            List<String> codes = d.behaviourList().stream()
                    .map(BehaviourFramework.Behaviour::code)
                    .toList();
            List<BehaviourRow> rows = new ArrayList<>();
            for (BehaviourFramework.Behaviour b : d.behaviourList()) {
                List<Cell> cells = new ArrayList<>();
                boolean anyHidden = false;
                for (int c = 0; c < columns.size(); c++) {
                    Column column = columns.get(c);
                    List<Double> values = values(columnAnswers.get(c), List.of(b.code()));
                    Cell cell = cell(values, column.shown() && (column.byException() || values.size() >= k), levels);
                    anyHidden |= cell.hidden() && column.shown() && !values.isEmpty();
                    cells.add(cell);
                }
                List<Double> everyone = values(answers, List.of(b.code()));
                Cell allCell = cell(everyone, allShown && !anyHidden && everyone.size() >= k, levels);
                Integer own = self.get(b.code());
                rows.add(new BehaviourRow(b.code(), b.text(), own, cells, allCell));
                if (own != null && !allCell.hidden() && allCell.mean() != null) {
                    gaps.add(new Gap(b.text(), d.title(), own, allCell.mean(), round1(own - allCell.mean())));
                }
            }
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                List<Double> means = values(columnAnswers.get(c), codes);
                cells.add(cell(means, column.shown() && (column.byException() || means.size() >= k), 0));
            }
            List<Double> everyone = values(answers, codes);
            Cell allCell = cell(everyone, allShown && everyone.size() >= k, 0);
            Double ownMean = codes.stream().filter(self::containsKey).mapToInt(self::get).average().stream()
                    .boxed()
                    .findFirst()
                    .map(FeedbackReport::roundOrNull)
                    .orElse(null);
            dimensions.add(new DimensionBlock(d.code(), d.title(), ownMean, cells, allCell, rows));
        }
        List<Gap> blind = gaps.stream()
                .filter(g -> g.gap() >= NOTABLE_GAP)
                .sorted(Comparator.comparingDouble(Gap::gap).reversed())
                .limit(3)
                .toList();
        List<Gap> hidden = gaps.stream()
                .filter(g -> g.gap() <= -NOTABLE_GAP)
                .sorted(Comparator.comparingDouble(Gap::gap))
                .limit(3)
                .toList();

        List<RaterGroup> speaking = new ArrayList<>(shown);
        if (poolShown) {
            speaking.addAll(pooled);
        }
        List<CommentGroup> said = new ArrayList<>();
        for (String question : Questionnaire.COMMENTS) {
            List<String> texts = comments.stream()
                    .filter(c -> c.question().equals(question) && speaking.contains(c.group()))
                    .map(Comment::text)
                    .sorted(Comparator.comparing(FeedbackReport::scrambled))
                    .toList();
            said.add(new CommentGroup(Questionnaire.commentLabel(question), texts));
        }

        List<String> scale = framework.levels().stream()
                .map(l -> l.value() + " " + l.label())
                .toList();
        return new FeedbackReport(
                round,
                k,
                columns,
                all,
                scale,
                dimensions,
                blind,
                hidden,
                said,
                round.leaderType() ? leaderType(self, answers, allShown, k) : null,
                !self.isEmpty());
    }

    private static boolean exception(Round round, RaterGroup group) {
        return group == RaterGroup.LINE_MANAGER && round.managerShown();
    }

    private static int count(Map<RaterGroup, List<Answer>> byGroup, List<RaterGroup> groups) {
        return groups.stream().mapToInt(g -> of(byGroup, g).size()).sum();
    }

    private static List<Answer> of(Map<RaterGroup, List<Answer>> byGroup, RaterGroup group) {
        return byGroup.getOrDefault(group, List.of());
    }

    /** For each rater who rated any of the codes, the mean of their ratings of them. */
    private static List<Double> values(List<Answer> answers, List<String> codes) {
        List<Double> values = new ArrayList<>();
        for (Answer a : answers) {
            codes.stream()
                    .filter(a.ratings()::containsKey)
                    .mapToInt(a.ratings()::get)
                    .average()
                    .ifPresent(values::add);
        }
        return values;
    }

    /** Mean, spread (standard deviation) and, when {@code levels} > 0, how many gave each level. */
    private static Cell cell(List<Double> values, boolean show, int levels) {
        if (!show || values.isEmpty()) {
            return show ? new Cell(0, false, null, null, List.of()) : Cell.hiddenCell();
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
        List<Integer> distribution = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            int l = level;
            distribution.add(
                    (int) values.stream().filter(v -> Math.round(v) == l).count());
        }
        return new Cell(values.size(), false, round1(mean), round1(Math.sqrt(variance)), distribution);
    }

    private static @Nullable LeaderTypeView leaderType(
            Map<String, Integer> self, List<Answer> answers, boolean allShown, int k) {
        Double selfAmbition = LeaderTypeItems.score(self, "ambition");
        Double selfPolitics = LeaderTypeItems.score(self, "politics");
        List<double[]> others = new ArrayList<>();
        for (Answer a : answers) {
            Double ambition = LeaderTypeItems.score(a.ratings(), "ambition");
            Double politics = LeaderTypeItems.score(a.ratings(), "politics");
            if (ambition != null && politics != null) {
                others.add(new double[] {ambition, politics});
            }
        }
        boolean othersShown = allShown && others.size() >= k;
        Double othersAmbition = othersShown
                ? round1(others.stream().mapToDouble(o -> o[0]).average().orElse(0))
                : null;
        Double othersPolitics = othersShown
                ? round1(others.stream().mapToDouble(o -> o[1]).average().orElse(0))
                : null;
        return new LeaderTypeView(
                List.of(
                        new Axis("Ambition for change", roundOrNull(selfAmbition), othersAmbition),
                        new Axis("Working the politics of the system", roundOrNull(selfPolitics), othersPolitics)),
                selfAmbition == null || selfPolitics == null ? null : LeaderType.of(selfAmbition, selfPolitics),
                othersAmbition == null || othersPolitics == null ? null : LeaderType.of(othersAmbition, othersPolitics),
                othersShown ? others.size() : 0);
    }

    private static @Nullable Double roundOrNull(@Nullable Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** An order that depends on a comment's words alone: who wrote it, and when, plays no part. */
    private static String scrambled(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Column headings as a map by key, for pages. */
    Map<String, String> columnLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        columns.forEach(c -> labels.put(c.key(), c.label()));
        return labels;
    }
}
