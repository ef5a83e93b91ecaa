package org.goldenthread.pipeline.equality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fairness of recruitment in the ICS in scope: the relative likelihood of appointment from
 * shortlisting for a comparison, over the rounds that closed in one financial year, all of them or
 * those at one level or in one place. Figures are fixed once per year, when an ICS admin says every
 * round of it is in (see {@link #fix}), so no two readings differ by one person. A year's levels and places
 * are shown together or not at all: with the whole year's figure beside them, one hidden part would
 * be the whole less the parts shown.
 */
@Component
public class Fairness {

    /** What was asked for, read from a request's text and checked; no level or place means every round. */
    public record Asked(
            Comparison by,
            FinancialYear year,
            @Nullable Level level,
            @Nullable String place) {

        EqualityFigures.Part part() {
            if (level != null) {
                return EqualityFigures.Part.level(level.code());
            }
            return place == null ? EqualityFigures.Part.ICS : EqualityFigures.Part.place(place);
        }
    }

    /** The figure for what was asked, with k as it was applied. */
    public record Figure(Asked asked, @Nullable LocalDate fixedOn, RelativeLikelihood likelihood, int k) {

        /** What the figure says, in plain words, or why it cannot say anything. */
        public String finding() {
            Comparison by = asked.by();
            RelativeLikelihood rl = likelihood;
            if (rl.outcome() == RelativeLikelihood.Outcome.SUPPRESSED) {
                return switch (java.util.Objects.requireNonNull(rl.hiddenBecause())) {
                    case FEW_SHORTLISTED -> String.format(HIDDEN, k) + wider();
                    case FEW_APPOINTED -> String.format(FEW_APPOINTED, k) + wider();
                    case WITH_OTHERS -> WITH_OTHERS;
                    case NOT_FIXED -> String.format(NOT_FIXED, asked.year().code());
                };
            }
            if (rl.outcome() == RelativeLikelihood.Outcome.CANNOT_BE_CALCULATED) {
                boolean referenceNone = rl.referenceAppointed() != null && rl.referenceAppointed() == 0;
                String group =
                        referenceNone ? by.referenceLabel().toLowerCase(java.util.Locale.UK) : by.comparisonLabel();
                return String.format(NONE_APPOINTED, group);
            }
            String ratio = String.format(
                    RATIO, by.referenceLabel(), rl.ratio(), by.comparisonLabel(), rl.ciLow(), rl.ciHigh());
            if (rl.favoursReference()) {
                return ratio + String.format(ABOVE, by.comparisonLabel());
            }
            if (rl.favoursComparison()) {
                return ratio + String.format(BELOW, by.comparisonLabel());
            }
            return ratio + INCLUDES_ONE;
        }

        /** Where else to look: every level and place together, unless that is what was asked. */
        private String wider() {
            return asked.part().isIcs() ? "" : WIDER;
        }

        private static final String HIDDEN = "Fewer than %d applicants were shortlisted in at least one of the two"
                + " groups, so the figure is hidden: it could point to people.";
        private static final String FEW_APPOINTED = "Fewer than %d applicants were appointed, or shortlisted but"
                + " not appointed, in at least one of the two groups, so the figure is hidden: who is appointed is"
                + " public, so it would say which group they are in.";
        private static final String WIDER = " Every level and place together may give enough to show.";
        private static final String WITH_OTHERS = "Another level or place of this year has too few to show,"
                + " so every level and place is hidden with it: beside the whole year's figure, the one hidden would"
                + " be the whole less the others.";
        private static final String NOT_FIXED = "The figures for %s have not been finalised yet. An ICS administrator"
                + " finalises them once every round of the year is in; from then on they never change, so that no two"
                + " readings differ by one person.";
        private static final String NONE_APPOINTED = "Nobody among the %s shortlisted was appointed, so the relative"
                + " likelihood cannot be calculated: with none appointed in a group, the ratio and its interval"
                + " have no meaningful value.";
        private static final String RATIO = "%s who were shortlisted were %s times as likely to be appointed as %s"
                + " (95%% confidence interval %s to %s). ";
        private static final String ABOVE = "The whole interval is above 1, so the difference is unlikely to be"
                + " chance: %s were less likely to be appointed, and how shortlisted candidates are chosen between"
                + " deserves a closer look.";
        private static final String BELOW = "The whole interval is below 1, so %s were more likely to be appointed,"
                + " and the difference is unlikely to be chance.";
        private static final String INCLUDES_ONE =
                "The interval includes 1, so these figures do not show a difference beyond chance.";
    }

    private final EqualityFigures figures;
    private final Forums forums;
    private final SmallNumbers small;
    private final JdbcClient jdbc;
    private final Clock clock;

    Fairness(EqualityFigures figures, Forums forums, SmallNumbers small, JdbcClient jdbc, Clock clock) {
        this.figures = figures;
        this.forums = forums;
        this.small = small;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Checks a request's parameters, naming each that is wrong and why. Periods of one's own choosing
     * ({@code from}, {@code to}) and single rounds ({@code round}) were offered once and are refused
     * with the reason, so that a caller who still sends them is not answered for a different period.
     */
    public Asked ask(
            @Nullable String by,
            @Nullable String year,
            @Nullable String level,
            @Nullable String place,
            Map<String, String> withdrawn) {
        List<Problem> problems = new java.util.ArrayList<>();
        Comparison comparison = null;
        if (by == null || by.isBlank()) {
            problems.add(Problem.of("by", "Say what to compare by: ethnic_group or disability"));
        } else {
            comparison = Coded.parse(Comparison.class, by).orElse(null);
            if (comparison == null) {
                problems.add(Problem.of("by", "Compare by ethnic_group or disability, not " + by.trim()));
            }
        }
        for (String field : List.of("from", "to")) {
            if (withdrawn.containsKey(field)) {
                problems.add(Problem.of(
                        field,
                        "Figures are for whole financial years, so that no two periods differ by one round:"
                                + " give year, like " + latest().code()));
            }
        }
        if (withdrawn.containsKey("round")) {
            problems.add(Problem.of(
                    "round", "One round's figures are never shown: its appointee is public. Give year instead"));
        }
        FinancialYear asYear = latest();
        if (year != null && !year.isBlank()) {
            asYear = year(year, problems);
        }
        Level atLevel = null;
        if (level != null && !level.isBlank()) {
            atLevel = Coded.parse(Level.class, level).orElse(null);
            if (atLevel == null) {
                problems.add(Problem.of("level", "Choose a level: " + Coded.choices(Level.class)));
            }
        }
        String inPlace = null;
        if (place != null && !place.isBlank()) {
            inPlace = places().stream()
                    .filter(p -> p.equalsIgnoreCase(place.trim()))
                    .findFirst()
                    .orElse(null);
            if (inPlace == null) {
                problems.add(Problem.of("place", "There is no place called " + place.trim() + " in this ICS"));
            } else if (level != null && !level.isBlank()) {
                problems.add(Problem.of("place", "Choose a level or a place, not both"));
            }
        }
        if (!problems.isEmpty() || comparison == null || asYear == null) {
            throw new InvalidInput(problems);
        }
        return new Asked(comparison, asYear, atLevel, inPlace);
    }

    /** The latest year whose figures may be fixed today. */
    public FinancialYear latest() {
        return FinancialYear.lastFixableBy(LocalDate.now(clock));
    }

    /** The years to offer, latest first: from the one the earliest round closed in, or just the latest. */
    public List<FinancialYear> years() {
        FinancialYear latest = latest();
        LocalDate earliest = jdbc.sql("select min(closes_on) from recruitment_round")
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        FinancialYear first = earliest == null ? latest : FinancialYear.containing(earliest);
        List<FinancialYear> years = new java.util.ArrayList<>();
        for (FinancialYear y = latest; y.compareTo(first) >= 0 && years.size() < 30; y = y.previous()) {
            years.add(y);
        }
        return years.isEmpty() ? List.of(latest) : years;
    }

    /** The places of the ICS's forums, in name order. */
    public List<String> places() {
        return forums.forums().stream()
                .map(Forum::place)
                .filter(p -> p != null && !p.isBlank())
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    public Figure figure(Asked asked) {
        Characteristic characteristic = asked.by().characteristic();
        EqualityFigures.FixedYear year = figures.fixedYear(asked.year(), List.of(characteristic));
        int k = small.minGroupSize();
        if (year.fixedOn() == null) {
            return new Figure(asked, null, RelativeLikelihood.hidden(RelativeLikelihood.Hidden.NOT_FIXED), k);
        }
        EqualityFigures.Part part = asked.part();
        RelativeLikelihood likelihood = likelihood(asked.by(), year.counts(characteristic, part), k);
        if (!part.isIcs()
                && !likelihood.suppressed()
                && year.breakdown(characteristic).stream()
                        .anyMatch(counts -> compares(asked.by(), counts)
                                && likelihood(asked.by(), counts, k).suppressed())) {
            likelihood = RelativeLikelihood.hidden(RelativeLikelihood.Hidden.WITH_OTHERS);
        }
        return new Figure(asked, year.fixedOn(), likelihood, k);
    }

    /**
     * Whether a part has anyone in the two groups compared. One whose shortlisted all stated no answer (or
     * one outside both groups) says nothing of anyone's group, worked out from the rest or not, so it
     * hides no other part.
     */
    private static boolean compares(Comparison by, EqualityFigures.Shortlisting counts) {
        return counts.shortlisted(by.referenceAnswers()) + counts.shortlisted(by.comparisonAnswers()) > 0;
    }

    private static RelativeLikelihood likelihood(Comparison by, EqualityFigures.Shortlisting counts, int k) {
        return RelativeLikelihood.of(
                counts.shortlisted(by.referenceAnswers()),
                counts.appointed(by.referenceAnswers()),
                counts.shortlisted(by.comparisonAnswers()),
                counts.appointed(by.comparisonAnswers()),
                k);
    }

    /**
     * The figure the self-assessment quotes on a day: the latest financial year fixed among those fixable
     * by then (or, with none fixed, the latest fixable, which says it is not fixed yet), for every round or
     * for one place's.
     */
    public Figure quoted(Comparison by, @Nullable String place, LocalDate day) {
        FinancialYear fixable = FinancialYear.lastFixableBy(day);
        return figure(new Asked(by, figures.latestFixed(fixable).orElse(fixable), null, place));
    }

    /**
     * Fixes a year's figures, as an ICS administrator decides once every round of it is in: from 1 July
     * after it ends (so that late appointments are in), and only a year someone was shortlisted in.
     * Fixing a year already fixed changes nothing. Returns the day it was fixed.
     */
    public LocalDate fix(@Nullable String year) {
        if (year == null || year.isBlank()) {
            throw new InvalidInput("year", "Say which financial year to finalise, like " + latest().code());
        }
        List<Problem> problems = new java.util.ArrayList<>();
        FinancialYear asYear = year(year, problems);
        if (asYear == null) {
            throw new InvalidInput(problems);
        }
        LocalDate fixed = figures.fix(asYear, placings(), LocalDate.now(clock));
        if (fixed == null) {
            throw new InvalidInput(
                    "year",
                    "Nobody was shortlisted in a round that closed in " + asYear.code()
                            + ", so there is nothing to finalise: import the year's rounds first");
        }
        return fixed;
    }

    private List<EqualityFigures.SeatPlacing> placings() {
        Map<Long, Forum> forumById = new java.util.HashMap<>();
        forums.forums().forEach(f -> forumById.put(f.id(), f));
        List<EqualityFigures.SeatPlacing> placings = new java.util.ArrayList<>();
        for (Seat seat : forums.seats()) {
            Forum forum = forumById.get(seat.forumId());
            if (forum != null) {
                String place = forum.place() == null || forum.place().isBlank() ? null : forum.place();
                placings.add(new EqualityFigures.SeatPlacing(seat.id(), forum.level(), place));
            }
        }
        return placings;
    }

    private @Nullable FinancialYear year(String text, List<Problem> problems) {
        FinancialYear year = FinancialYear.parse(text).orElse(null);
        if (year == null || year.startYear() < FinancialYear.EARLIEST) {
            problems.add(Problem.of("year", "Give a financial year from 2000-01 on, like " + latest().code()));
            return null;
        }
        if (year.compareTo(latest()) > 0) {
            problems.add(Problem.of(
                    "year",
                    "The figures for " + year.code() + " can be finalised from " + Dates.day(year.fixableFrom())
                            + ", three months after the year ends, so that late appointments are in them"));
            return null;
        }
        return year;
    }
}
