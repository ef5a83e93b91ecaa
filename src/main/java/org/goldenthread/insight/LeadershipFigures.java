package org.goldenthread.insight;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.pipeline.PipelineFigures;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The insight figures other modules may quote, such as a self-assessment citing them as evidence.
 * They are computed exactly as the insight page and API compute them, for the aggregate audience:
 * what an analyst may see, with small groups hidden, so a quoted figure is safe to publish.
 */
@Service
public class LeadershipFigures {

    /** The levels whose professions, dominance and career stages are quoted. */
    public static final List<Level> QUOTED_LEVELS = List.of(Level.SYSTEM, Level.PLACE, Level.NEIGHBOURHOOD);

    /** How recently a leader was appointed to count as new, for new-leader support (see {@link DevelopmentReach}). */
    public static final int NEW_LEADER_DAYS = 180;

    private final Insight insight;
    private final PipelineFigures pipeline;
    private final SmallNumbers small;
    private final Clock clock;

    LeadershipFigures(Insight insight, PipelineFigures pipeline, SmallNumbers small, Clock clock) {
        this.insight = insight;
        this.pipeline = pipeline;
        this.small = small;
        this.clock = clock;
    }

    /**
     * One figure. {@code value} is a count, a fraction (4 decimal places) or a number of days, and is
     * null when it is hidden or there is nothing to compute it from; {@code shown} is how to print it,
     * a top-two share with the names of its professions. Professions are named as the reference list
     * names them, separated by semicolons because some names have commas of their own.
     */
    public record Figure(
            String code,
            @Nullable BigDecimal value,
            String shown,
            @Nullable String detail) {}

    /**
     * Today's figures for the ICS in scope, or for one place of it, keyed by code:
     * {@code professions_missing.<level>}, {@code top_two_share.<level>}, {@code early_mid_share.<level>}
     * for the system, place and neighbourhood levels, and {@code protected_time_used}, {@code vacant_seats},
     * {@code longest_vacancy_days}, {@code forums_without_line_of_sight} and {@code
     * neighbourhoods_without_line_of_sight}; and {@code development_reach},
     * {@code development_reach.<level>} for the same three levels, {@code new_leader_support} and
     * {@code mentees_matched} (see {@link DevelopmentReach}); and from the pipeline, {@code
     * open_recruitment_share.<level>} for the same three levels, {@code bench_strength}, {@code turnover},
     * {@code relative_likelihood.ethnic_group} and {@code relative_likelihood.disability} (see {@link
     * PipelineFigures}); and {@code exchanges_completed}, {@code exchanges_completed.<level>}
     * for the same three levels and {@code ideas_adopted} (see {@link ExchangeReach}).
     */
    public Map<String, Figure> today(@Nullable String place) {
        return onDay(place, LocalDate.now(clock));
    }

    /** The same figures as they stood on a past day, from the appointments current then. */
    public Map<String, Figure> onDay(@Nullable String place, LocalDate day) {
        Landscape landscape = insight.landscape(place, day);
        Map<String, Figure> figures = new LinkedHashMap<>();
        List<LevelFigures> levels = landscape.levels(Audience.AGGREGATE, small);
        int clinicalAndCare = landscape.clinicalAndCareCodes().size();
        int vacant = 0;
        for (LevelFigures level : levels) {
            vacant += level.vacantSeats();
            if (QUOTED_LEVELS.stream().noneMatch(l -> l.code().equals(level.level()))) {
                continue;
            }
            int missing = level.professionsMissing().size();
            figures.put(
                    "professions_missing." + level.level(),
                    new Figure(
                            "professions_missing." + level.level(),
                            BigDecimal.valueOf(missing),
                            missing + " of " + clinicalAndCare,
                            level.professionsMissing().stream()
                                    .map(landscape::professionName)
                                    .collect(java.util.stream.Collectors.joining("; "))));
            Figure topTwo =
                    share("top_two_share." + level.level(), level.topTwoShare(), level.isSuppressed("top_two_share"));
            // the professions go into the printed figure, not a detail, so a closed cycle's report keeps them
            figures.put(
                    topTwo.code(),
                    level.topTwoNamed() == null
                            ? topTwo
                            : new Figure(
                                    topTwo.code(),
                                    topTwo.value(),
                                    topTwo.shown() + " (" + level.topTwoNamed() + ")",
                                    null));
            figures.put(
                    "early_mid_share." + level.level(),
                    share(
                            "early_mid_share." + level.level(),
                            level.earlyMidShare(),
                            level.isSuppressed("early_mid_share")));
        }
        Landscape.TimeTotals time = landscape.timeTotals();
        boolean timeHidden = small.hides(time.appointments());
        Double used = time.agreed().signum() == 0 ? null : Landscape.share(time.used(), time.agreed());
        Figure timeFigure = share("protected_time_used", used, timeHidden);
        figures.put(
                "protected_time_used",
                timeHidden
                        ? timeFigure
                        : new Figure(
                                timeFigure.code(),
                                timeFigure.value(),
                                timeFigure.shown(),
                                time.used().stripTrailingZeros().toPlainString() + " of "
                                        + time.agreed().stripTrailingZeros().toPlainString()
                                        + " agreed hours a week used"));
        figures.put(
                "vacant_seats", new Figure("vacant_seats", BigDecimal.valueOf(vacant), String.valueOf(vacant), null));
        long longest = landscape.vacancies().stream()
                .mapToLong(Landscape.Vacancy::days)
                .max()
                .orElse(0);
        figures.put(
                "longest_vacancy_days",
                new Figure(
                        "longest_vacancy_days",
                        BigDecimal.valueOf(longest),
                        longest + (longest == 1 ? " day" : " days"),
                        null));
        List<String> unconnected =
                landscape.forumsWithoutLineOfSight().stream().map(Forum::name).toList();
        figures.put(
                "forums_without_line_of_sight",
                new Figure(
                        "forums_without_line_of_sight",
                        BigDecimal.valueOf(unconnected.size()),
                        String.valueOf(unconnected.size()),
                        String.join(", ", unconnected)));
        List<String> unheard = landscape.neighbourhoodsWithoutLineOfSight().stream()
                .map(Landscape.NeighbourhoodSummary::name)
                .toList();
        figures.put(
                "neighbourhoods_without_line_of_sight",
                new Figure(
                        "neighbourhoods_without_line_of_sight",
                        BigDecimal.valueOf(unheard.size()),
                        unheard.size() + " of " + landscape.byNeighbourhood().size(),
                        String.join(", ", unheard)));
        putDevelopment(figures, landscape.development(Audience.AGGREGATE, small));
        putPipeline(figures, place, day);
        putExchanges(figures, landscape.exchanges(Audience.AGGREGATE, small));
        return figures;
    }

    /**
     * Workplace exchanges completed (both visits made and reflected on by both people) of those under
     * way, for everything in view and each quoted level, and improvement ideas adopted of those raised.
     * Exchanges are pairs of people, hidden as any small group is; ideas are not about people and always
     * show.
     */
    private static void putExchanges(Map<String, Figure> figures, List<ExchangeFigures> exchanges) {
        for (ExchangeFigures x : exchanges) {
            boolean all = x.group().equals("all");
            if (!all
                    && !(x.group().equals("level")
                            && QUOTED_LEVELS.stream().anyMatch(l -> l.code().equals(x.name())))) {
                continue;
            }
            String code = all ? "exchanges_completed" : "exchanges_completed." + x.name();
            Integer pairs = x.pairs();
            Integer completed = x.completed();
            if (pairs == null || completed == null) {
                figures.put(code, share(code, null, true));
            } else {
                Double share = pairs == 0 ? null : Landscape.share(completed, pairs);
                figures.put(code, withCount(share(code, share, false), completed, pairs, "exchanges"));
            }
            if (all) {
                int ideas = x.ideasProposed() + x.ideasTried() + x.ideasAdopted();
                Double adopted = ideas == 0 ? null : Landscape.share(x.ideasAdopted(), ideas);
                figures.put(
                        "ideas_adopted",
                        withCount(
                                share("ideas_adopted", adopted, false), x.ideasAdopted(), ideas, "improvement ideas"));
            }
        }
    }

    /** Open recruitment at each quoted level, bench strength and turnover; the detail says of how many. */
    private void putPipeline(Map<String, Figure> figures, @Nullable String place, LocalDate day) {
        Map<String, PipelineFigures.Share> open = pipeline.openRecruitmentShare(place, day);
        for (Level level : QUOTED_LEVELS) {
            String code = "open_recruitment_share." + level.code();
            PipelineFigures.Share s = open.get(level.code());
            figures.put(code, pipelineFigure(code, s, "appointments made in the last 12 months"));
        }
        figures.put(
                "bench_strength",
                pipelineFigure("bench_strength", pipeline.benchStrength(place, day), "critical seats"));
        PipelineFigures.Share turnover = pipeline.turnover(place, day);
        Figure t = share("turnover", turnover.value(), turnover.hidden());
        figures.put(
                "turnover",
                t.value() == null
                        ? t
                        : new Figure(
                                t.code(),
                                t.value(),
                                t.shown(),
                                turnover.part() + " leavers over an average of "
                                        + BigDecimal.valueOf(turnover.whole())
                                                .stripTrailingZeros()
                                                .toPlainString()
                                        + " leaders"));
        pipeline.relativeLikelihoods(place, day).forEach((by, rl) -> {
            String code = "relative_likelihood." + by;
            BigDecimal ratio = rl.ratio();
            figures.put(
                    code,
                    rl.hidden()
                            ? new Figure(code, null, "hidden (small group)", rl.finding())
                            : ratio == null
                                    ? new Figure(code, null, "cannot be calculated", rl.finding())
                                    : new Figure(
                                            code,
                                            ratio,
                                            ratio.toPlainString() + " (95% CI " + rl.ciLow() + " to " + rl.ciHigh()
                                                    + ")",
                                            rl.finding()));
        });
    }

    private static Figure pipelineFigure(String code, PipelineFigures.@Nullable Share s, String of) {
        if (s == null) {
            return new Figure(code, null, "–", null);
        }
        return withCount(share(code, s.value(), s.hidden()), s.part(), (int) s.whole(), of);
    }

    /**
     * Development reach, new-leader support and mentees matched for all in view, and development reach at
     * each quoted level; the detail says how many of how many.
     */
    private static void putDevelopment(Map<String, Figure> figures, List<DevelopmentFigures> development) {
        for (DevelopmentFigures d : development) {
            if (d.group().equals("all")) {
                put(figures, "development_reach", d, d.developmentReach(), d.developing(), d.leaders(), "leaders");
                put(
                        figures,
                        "new_leader_support",
                        d,
                        d.newLeaderSupport(),
                        d.newLeadersSupported(),
                        d.newLeaders(),
                        "leaders appointed in the last " + NEW_LEADER_DAYS + " days");
                put(
                        figures,
                        "mentees_matched_share",
                        d,
                        d.menteesMatchedShare(),
                        d.menteesMatched(),
                        d.mentees(),
                        "mentees");
            } else if (d.group().equals("level")
                    && QUOTED_LEVELS.stream().anyMatch(l -> l.code().equals(d.name()))) {
                Figure f = share(
                        "development_reach." + d.name(), d.developmentReach(), d.isSuppressed("development_reach"));
                figures.put(f.code(), withCount(f, d.developing(), d.leaders(), "leaders"));
            }
        }
    }

    private static void put(
            Map<String, Figure> figures,
            String field,
            DevelopmentFigures d,
            @Nullable Double value,
            @Nullable Integer part,
            int whole,
            String of) {
        String code = field.equals("mentees_matched_share") ? "mentees_matched" : field;
        figures.put(code, withCount(share(code, value, d.isSuppressed(field)), part, whole, of));
    }

    private static Figure withCount(Figure f, @Nullable Integer part, int whole, String of) {
        return part == null || f.value() == null
                ? f
                : new Figure(f.code(), f.value(), f.shown(), part + " of " + whole + " " + of);
    }

    private static Figure share(String code, @Nullable Double share, boolean hidden) {
        if (hidden) {
            return new Figure(code, null, "hidden (small group)", null);
        }
        return share == null
                ? new Figure(code, null, "–", null)
                : new Figure(code, BigDecimal.valueOf(share), Landscape.percent(share), null);
    }
}
