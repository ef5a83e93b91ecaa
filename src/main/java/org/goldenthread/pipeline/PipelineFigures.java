package org.goldenthread.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.people.Route;
import org.goldenthread.pipeline.equality.Comparison;
import org.goldenthread.pipeline.equality.Fairness;
import org.goldenthread.pipeline.equality.RelativeLikelihood;
import org.goldenthread.pipeline.succession.BenchStrength;
import org.goldenthread.pipeline.succession.ExitFigures;
import org.goldenthread.pipeline.succession.Exits;
import org.goldenthread.pipeline.succession.Succession;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The pipeline's figures other modules may quote, such as insight for the self-assessment's
 * evidence, as an analyst may see them: small groups hidden.
 *
 * <ul>
 *   <li>Open-recruitment share at a level: of the appointments to that level's seats that started in
 *       the 12 months to the day (the same day a year before included), the share whose route was
 *       open recruitment; an appointment with no route recorded counts as not open. Hidden when either
 *       side is 1 to k−1 appointments.
 *   <li>Bench strength: critical seats with a successor ready now ÷ critical seats, as the plan stands
 *       today (successors are not kept by date). It counts seats, so it is not hidden.
 *   <li>Turnover: leavers ÷ average headcount over the 12 months, every level together (see the
 *       exits figures); hidden when leavers are 1 to k−1.
 *   <li>Relative likelihood of appointment from shortlisting, by ethnic group and by disability, over
 *       the rounds that closed in the latest financial year whose figures were fixable on the day (see
 *       the fairness figures): hidden when either group had fewer than k shortlisted, or 1 to k−1
 *       appointed or not appointed, and a place's also when any other level or place of the year is.
 * </ul>
 */
@Service
public class PipelineFigures {

    /** A figure as a count of a whole; {@code value} is null when hidden or when there is nothing to count. */
    public record Share(int part, double whole, @Nullable Double value, boolean hidden) {}

    private final Register register;
    private final Forums forums;
    private final Succession succession;
    private final Exits exits;
    private final SmallNumbers small;
    private final Fairness fairness;

    PipelineFigures(
            Register register,
            Forums forums,
            Succession succession,
            Exits exits,
            SmallNumbers small,
            Fairness fairness) {
        this.fairness = fairness;
        this.register = register;
        this.forums = forums;
        this.succession = succession;
        this.exits = exits;
        this.small = small;
    }

    /** Open-recruitment share for each level (by code) with seats, for the ICS or one place. */
    public Map<String, Share> openRecruitmentShare(@Nullable String place, LocalDate day) {
        Map<Long, Forum> forumById = new LinkedHashMap<>();
        forums.forums().forEach(f -> forumById.put(f.id(), f));
        Map<Long, Forum> forumOfSeat = new LinkedHashMap<>();
        for (Seat s : forums.seats()) {
            Forum f = forumById.get(s.forumId());
            if (f != null && (place == null || place.equalsIgnoreCase(f.place()))) {
                forumOfSeat.put(s.id(), f);
            }
        }
        LocalDate first = day.minusYears(1);
        List<Appointment> started = register.appointments().stream()
                .filter(a -> forumOfSeat.containsKey(a.seatId()))
                .filter(a -> !a.startDate().isBefore(first) && !a.startDate().isAfter(day))
                .toList();
        Map<String, Share> shares = new LinkedHashMap<>();
        for (org.goldenthread.structure.Level level : org.goldenthread.structure.Level.values()) {
            List<Appointment> at = started.stream()
                    .filter(a -> level.code()
                            .equals(Objects.requireNonNull(forumOfSeat.get(a.seatId()))
                                    .level()))
                    .toList();
            int open = (int) at.stream()
                    .filter(a -> Route.OPEN_RECRUITMENT.code().equals(a.route()))
                    .count();
            boolean hidden = small.hidesShare(open, at.size());
            shares.put(
                    level.code(),
                    new Share(
                            hidden ? 0 : open,
                            at.size(),
                            hidden || at.isEmpty() ? null : rounded((double) open / at.size()),
                            hidden));
        }
        return shares;
    }

    /** Bench strength for the ICS or the critical seats of one place. */
    public Share benchStrength(@Nullable String place, LocalDate day) {
        Footprint where = place == null ? Footprint.wholeIcs() : Footprint.places(List.of(place));
        BenchStrength b = BenchStrength.of(succession.criticalSeats(where, day));
        return new Share(b.withReadyNowSuccessor(), b.criticalSeats(), rounded(b.share()), false);
    }

    /** Turnover over the 12 months to the day, every level together, for the ICS or one place. */
    public Share turnover(@Nullable String place, LocalDate day) {
        ExitFigures.TurnoverRow all = exits.turnover(place, day).get(0);
        return new Share(
                all.leavers() == null ? 0 : all.leavers(),
                all.averageHeadcount(),
                rounded(all.turnover()),
                all.suppressed());
    }

    /**
     * A relative likelihood as quoted: the ratio and its 95% interval (2 decimal places) when they can
     * be shown, {@code hidden} when either group had fewer than k shortlisted or 1 to k−1 appointed or not
     * appointed, and what it says in words.
     */
    public record Likelihood(
            @Nullable BigDecimal ratio,
            @Nullable BigDecimal ciLow,
            @Nullable BigDecimal ciHigh,
            boolean hidden,
            String finding) {}

    /** Each comparison's relative likelihood (keyed by its code: ethnic_group, disability), for the ICS or one place. */
    public Map<String, Likelihood> relativeLikelihoods(@Nullable String place, LocalDate day) {
        Map<String, Likelihood> likelihoods = new LinkedHashMap<>();
        for (Comparison by : Comparison.values()) {
            Fairness.Figure f = fairness.quoted(by, place, day);
            RelativeLikelihood rl = f.likelihood();
            likelihoods.put(
                    by.code(),
                    new Likelihood(
                            rl.ratio(),
                            rl.ciLow(),
                            rl.ciHigh(),
                            rl.suppressed(),
                            "Financial year " + f.asked().year().code() + ": " + f.finding()));
        }
        return likelihoods;
    }

    /** A fraction to 4 decimal places, as other quoted figures are. */
    private static @Nullable Double rounded(@Nullable Double value) {
        return value == null ? null : Math.round(value * 10000) / 10000.0;
    }
}
