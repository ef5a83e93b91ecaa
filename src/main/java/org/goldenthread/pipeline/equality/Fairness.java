package org.goldenthread.pipeline.equality;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * shortlisting for a comparison, over the rounds of a period (rounds that opened and closed within
 * it), of the seats at one level, or of one round. One round is held to more than the rest (see
 * {@link RelativeLikelihood#ofOneRound}), since its one appointee is known.
 */
@Component
public class Fairness {

    /** What was asked for, read from a request's text and checked. */
    public record Asked(
            Comparison by,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Level level,
            @Nullable Long round) {}

    /** The figure for what was asked, with k as it was applied. */
    public record Figure(Asked asked, RelativeLikelihood likelihood, int k) {

        /** What the figure says, in plain words, or why it cannot say anything. */
        public String finding() {
            Comparison by = asked.by();
            RelativeLikelihood rl = likelihood;
            if (rl.outcome() == RelativeLikelihood.Outcome.SUPPRESSED) {
                return switch (java.util.Objects.requireNonNull(rl.hiddenBecause())) {
                    case FEW_SHORTLISTED -> String.format(HIDDEN, k);
                    case FEW_APPOINTED -> String.format(FEW_APPOINTED, k);
                    case ONE_ROUND -> String.format(ONE_ROUND, k);
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

        private static final String HIDDEN = "Fewer than %d applicants were shortlisted in at least one of the two"
                + " groups, so the figure is hidden: it could point to people. A longer period or every level may"
                + " give enough to show.";
        private static final String FEW_APPOINTED = "Fewer than %d applicants were appointed, or shortlisted but"
                + " not appointed, in at least one of the two groups, so the figure is hidden: who is appointed is"
                + " public, so it would say which group they are in. A longer period or every level may give enough"
                + " to show.";
        private static final String ONE_ROUND = "A single round's figures are shown only when each group has at"
                + " least %d appointed and as many shortlisted but not appointed. A round fills one seat and who is"
                + " appointed is public, so its figures would say which group they are in. Choose a period or a"
                + " level instead.";
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

    Fairness(EqualityFigures figures, Forums forums, SmallNumbers small, JdbcClient jdbc) {
        this.figures = figures;
        this.forums = forums;
        this.small = small;
        this.jdbc = jdbc;
    }

    /** Checks a request's parameters, naming each that is wrong and why. */
    public Asked ask(
            @Nullable String by,
            @Nullable String from,
            @Nullable String to,
            @Nullable String level,
            @Nullable String round) {
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
        LocalDate fromDay = day("from", from, problems);
        LocalDate toDay = day("to", to, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add(Problem.of("to", "The end of the period must not be before its start"));
        }
        Level atLevel = null;
        if (level != null && !level.isBlank()) {
            atLevel = Coded.parse(Level.class, level).orElse(null);
            if (atLevel == null) {
                problems.add(Problem.of("level", "Choose a level: " + Coded.choices(Level.class)));
            }
        }
        Long roundId = null;
        if (round != null && !round.isBlank()) {
            roundId = roundId(round.trim(), problems);
        }
        if (!problems.isEmpty() || comparison == null) {
            throw new InvalidInput(problems);
        }
        return new Asked(comparison, fromDay, toDay, atLevel, roundId);
    }

    public Figure figure(Asked asked) {
        return figure(asked, seatsAt(asked.level()));
    }

    private Figure figure(Asked asked, @Nullable Set<Long> seats) {
        Comparison by = asked.by();
        EqualityFigures.Shortlisting counts = figures.shortlisting(
                by.characteristic(), new EqualityFigures.Rounds(asked.from(), asked.to(), asked.round(), seats));
        int k = small.minGroupSize();
        int refShortlisted = counts.shortlisted(by.referenceAnswers());
        int refAppointed = counts.appointed(by.referenceAnswers());
        int cmpShortlisted = counts.shortlisted(by.comparisonAnswers());
        int cmpAppointed = counts.appointed(by.comparisonAnswers());
        return new Figure(
                asked,
                asked.round() == null
                        ? RelativeLikelihood.of(refShortlisted, refAppointed, cmpShortlisted, cmpAppointed, k)
                        : RelativeLikelihood.ofOneRound(refShortlisted, refAppointed, cmpShortlisted, cmpAppointed, k),
                k);
    }

    /**
     * The figure for the rounds that opened and closed in the twelve months to a day (the day a year
     * before excluded), of every seat or of the seats on one place's forums, as the self-assessment
     * quotes it.
     */
    public Figure overYear(Comparison by, @Nullable String place, LocalDate day) {
        Set<Long> seats = null;
        if (place != null) {
            Set<Long> forumsThere = forums.forums().stream()
                    .filter(f -> place.equalsIgnoreCase(f.place()))
                    .map(Forum::id)
                    .collect(Collectors.toSet());
            seats = forums.seats().stream()
                    .filter(s -> forumsThere.contains(s.forumId()))
                    .map(Seat::id)
                    .collect(Collectors.toSet());
        }
        return figure(new Asked(by, day.minusYears(1).plusDays(1), day, null, null), seats);
    }

    private @Nullable Set<Long> seatsAt(@Nullable Level level) {
        if (level == null) {
            return null;
        }
        Set<Long> forumsThere = forums.forums().stream()
                .filter(f -> level.code().equals(f.level()))
                .map(Forum::id)
                .collect(Collectors.toSet());
        return forums.seats().stream()
                .filter(s -> forumsThere.contains(s.forumId()))
                .map(Seat::id)
                .collect(Collectors.toSet());
    }

    private @Nullable Long roundId(String text, List<Problem> problems) {
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(Problem.of("round", "Give the round by its number, like 12"));
            return null;
        }
        boolean known = jdbc.sql("select count(*) from recruitment_round where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            problems.add(Problem.of("round", "There is no recruitment round " + id + " in this ICS"));
            return null;
        }
        return id;
    }

    private static @Nullable LocalDate day(String field, @Nullable String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(Problem.of(field, Dates.RULE));
            return null;
        }
    }
}
