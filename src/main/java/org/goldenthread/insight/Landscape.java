package org.goldenthread.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.development.DevelopmentActivity;
import org.goldenthread.development.ExchangeActivity;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Neighbourhood;
import org.goldenthread.structure.Organisation;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;

/**
 * The leadership of one ICS as it stands on one day, optionally narrowed to the forums of one place,
 * and the figures computed from it. It holds plain values read in one {@link Snapshot}, so every
 * figure on a page agrees with every other; each family of figures is worked out by a class of its
 * own over that snapshot ({@link LevelTable}, {@link ProfessionsByLevel}, {@link ProtectedTime},
 * {@link StretchedLeaders}, {@link LinesOfSight}, {@link NeighbourhoodSight}, {@link Vacancies}, {@link PlaceSummaries}, {@link DevelopmentReach}, {@link ExchangeReach}), and
 * the values they return are named here, where the pages, the API and the figures other modules
 * quote find them.
 *
 * <p>A leader is someone with a current appointment (started by today and not ended before today).
 * Clinical and care professions are the reference professions other than managers and experts by
 * experience.
 */
final class Landscape {

    /** The career stages in a drill-down, in order, with people whose stage is not recorded last. */
    static final List<String> STAGES = ProfessionsByLevel.STAGES;

    private final Snapshot snapshot;
    private final LevelTable levels;
    private final ProfessionsByLevel professions;
    private final ProtectedTime time;
    private final StretchedLeaders stretched;
    private final LinesOfSight linesOfSight;
    private final Vacancies vacancies;
    private final PlaceSummaries places;
    private final NeighbourhoodSight neighbourhoodSight;
    private final DevelopmentReach development;
    private final ExchangeReach exchanges;

    /**
     * @param place the name of the place to narrow to, exactly as the ICS map spells it, or null for the whole ICS
     */
    Landscape(
            LocalDate today,
            @Nullable String place,
            List<Forum> forums,
            List<Seat> seats,
            List<Appointment> appointments,
            List<Person> people,
            List<Organisation> organisations,
            List<Profession> professions,
            List<String> places,
            List<Neighbourhood> neighbourhoods) {
        this(
                today,
                place,
                forums,
                seats,
                appointments,
                people,
                organisations,
                professions,
                places,
                neighbourhoods,
                NO_DEVELOPMENT,
                List.of());
    }

    private static final DevelopmentActivity.Facts NO_DEVELOPMENT =
            new DevelopmentActivity.Facts(Set.of(), Set.of(), List.of());

    /**
     * As above, with the development module's facts and exchanges for the same day, for the development
     * figures.
     */
    Landscape(
            LocalDate today,
            @Nullable String place,
            List<Forum> forums,
            List<Seat> seats,
            List<Appointment> appointments,
            List<Person> people,
            List<Organisation> organisations,
            List<Profession> professions,
            List<String> places,
            List<Neighbourhood> neighbourhoods,
            DevelopmentActivity.Facts development,
            List<ExchangeActivity.Exchange> exchanges) {
        this.snapshot = new Snapshot(
                today, place, forums, seats, appointments, people, organisations, professions, places, neighbourhoods);
        this.levels = new LevelTable(snapshot);
        this.professions = new ProfessionsByLevel(snapshot);
        this.time = new ProtectedTime(snapshot);
        this.stretched = new StretchedLeaders(snapshot);
        this.linesOfSight = new LinesOfSight(snapshot);
        this.vacancies = new Vacancies(snapshot);
        this.neighbourhoodSight = new NeighbourhoodSight(snapshot, linesOfSight);
        this.places = new PlaceSummaries(snapshot, vacancies, linesOfSight, this::byNeighbourhood);
        this.development = new DevelopmentReach(snapshot, development);
        this.exchanges = new ExchangeReach(snapshot, exchanges);
    }

    LocalDate today() {
        return snapshot.today;
    }

    @Nullable
    String place() {
        return snapshot.place;
    }

    List<Forum> forums() {
        return snapshot.forums;
    }

    List<String> clinicalAndCareCodes() {
        return snapshot.clinicalAndCare;
    }

    /** A profession's name from the reference list; its code if the list no longer has it. */
    String professionName(String code) {
        return snapshot.professionName(code);
    }

    @Nullable
    Forum forum(@Nullable Long id) {
        return snapshot.forum(id);
    }

    /** part ÷ whole as a fraction rounded half-up to 4 decimal places (0.66666… is 0.6667). */
    static double share(long part, long whole) {
        return share(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    static double share(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
    }

    /** A share as a percentage to at most one decimal place ("75%", "66.7%"); "–" for none. */
    static String percent(@Nullable Double share) {
        if (share == null) {
            return "–";
        }
        return BigDecimal.valueOf(share)
                        .movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }

    // ------------------------------------------------------------------ the level table

    /** See {@link LevelTable#levels}. */
    List<LevelFigures> levels(Audience audience, SmallNumbers small) {
        return remembered("levels", audience, small, () -> List.copyOf(levels.levels(audience, small)));
    }

    /*
     * A landscape is kept with the copy of the register it was worked out from (see RegisterCopies), so
     * the figures every call asks for are worked out once for each audience and k, then remembered.
     */
    private final Map<List<Object>, Object> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    private <T> T remembered(
            String figures, Audience audience, SmallNumbers small, java.util.function.Supplier<T> work) {
        return remembered(List.of(figures, audience, small.minGroupSize()), work);
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(List<Object> key, java.util.function.Supplier<T> work) {
        return (T) remembered.computeIfAbsent(key, k -> work.get());
    }

    /**
     * The two professions holding most clinical and care seats, by display name, in a stable order:
     * most seats first, then by name. When professions tie for second place (or more than two tie for
     * first) the figure's share is the same whichever of them is counted, so all of them are named and
     * the tie is said: "General practitioner and, tied for second, Paramedic / Pharmacist", or
     * "tied for first: Paramedic / Pharmacist / Physiotherapist".
     *
     * @param professions every profession named, in the order above, tied ones included
     * @param named       the same in words, as pages and reports print it; null when no one holds a seat
     */
    record TopTwo(List<String> professions, @Nullable String named) {}

    // ------------------------------------------------------------------ leaders with many seats

    /** A leader holding {@value StretchedLeaders#MANY_SEATS} or more current seats, with the seats. */
    record ManySeats(String personRef, String person, String profession, List<String> seats) {}

    /** See {@link StretchedLeaders#leadersWithManySeats}. */
    List<ManySeats> leadersWithManySeats() {
        return remembered(List.of("leaders_with_many_seats"), stretched::leadersWithManySeats);
    }

    /** The references of {@link #leadersWithManySeats}. */
    List<String> peopleWithManySeats() {
        return leadersWithManySeats().stream().map(ManySeats::personRef).toList();
    }

    // ------------------------------------------------------------------ lines of sight

    /** See {@link LinesOfSight#lineOfSight}. */
    List<Forum> lineOfSight(Forum forum) {
        return linesOfSight.lineOfSight(forum);
    }

    boolean hasLineOfSight(Forum forum) {
        return linesOfSight.hasLineOfSight(forum);
    }

    List<Forum> forumsWithoutLineOfSight() {
        return remembered(List.of("forums_without_line_of_sight"), linesOfSight::forumsWithoutLineOfSight);
    }

    /** See {@link LinesOfSight#seatsFilledByForum}. */
    Map<Long, int[]> seatsFilledByForum() {
        return linesOfSight.seatsFilledByForum();
    }

    /** See {@link LinesOfSight#withChainsUp}. */
    List<Forum> withChainsUp(List<Forum> chosen) {
        return linesOfSight.withChainsUp(chosen);
    }

    // ------------------------------------------------------------------ protected time

    /** A leader whose used hours, over their current seats in view, fall below 75% of the hours agreed. */
    record UnderUsedTime(
            String personRef,
            String person,
            String profession,
            int seats,
            BigDecimal agreed,
            BigDecimal used,
            double usedShare) {

        public String usedPercent() {
            return percent(usedShare);
        }
    }

    /** See {@link ProtectedTime#underUsedTime}. */
    List<UnderUsedTime> underUsedTime() {
        return time.underUsedTime();
    }

    /** Agreed and used hours over every current appointment in view, and how many appointments they sum. */
    record TimeTotals(BigDecimal agreed, BigDecimal used, int appointments) {}

    TimeTotals timeTotals() {
        return time.timeTotals();
    }

    // ------------------------------------------------------------------ vacancies

    /**
     * A seat nobody holds today, and since when: the day after its last holder's appointment ended,
     * or the day the seat was created when nobody has held it.
     */
    record Vacancy(
            long seatId,
            String seat,
            String seatType,
            String forum,
            long forumId,
            String level,
            @Nullable String place,
            LocalDate vacantSince,
            long days,
            boolean everHeld) {

        /** How long, in words: "1 year, 2 months", "3 months", "12 days". */
        @SuppressWarnings("JavaPeriodGetDays") // days are shown only when there are no months or years
        public String howLong(LocalDate today) {
            Period p = Period.between(vacantSince, today);
            List<String> parts = new ArrayList<>();
            if (p.getYears() > 0) {
                parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
            }
            if (p.getMonths() > 0) {
                parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
            }
            if (parts.isEmpty()) {
                parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
            }
            return String.join(", ", parts);
        }
    }

    /** Vacant seats in view, longest vacant first. */
    List<Vacancy> vacancies() {
        return vacancies.vacancies();
    }

    /** A leader of a place who now sits on a system-level forum. */
    record DrawnLeader(
            String personRef,
            String person,
            String profession,
            List<String> systemSeats,
            boolean stillHoldsPlaceSeat) {}

    /** A place with vacant seats whose own leaders hold system seats. */
    record DrawnPlace(String place, int vacantSeats, List<DrawnLeader> leaders) {}

    /** See {@link Vacancies#placesDrawnOn}. */
    List<DrawnPlace> placesDrawnOn() {
        return vacancies.placesDrawnOn();
    }

    record ExpertSeats(String level, int defined, int filled) {}

    /** Expert-by-experience seats defined and held at each level that has any. */
    List<ExpertSeats> expertSeats() {
        return vacancies.expertSeats();
    }

    // ------------------------------------------------------------------ breakdowns (always suppressed)

    /** One row of a breakdown; a null count is hidden because it, or one that would reveal it, is small. */
    record Row(
            String code,
            String label,
            List<Integer> counts,
            @Nullable Integer total) {}

    /** See {@link ProfessionsByLevel#professionsByLevel}. */
    List<Row> professionsByLevel(SmallNumbers small) {
        return professions.professionsByLevel(small);
    }

    /** Hides counts of 1 to k−1, then whatever else must be hidden too; see {@link SmallNumbers#hideSmallCells}. */
    static Integer[][] hideSmallCells(int[][] raw, SmallNumbers small) {
        return small.hideSmallCells(raw);
    }

    /** One level of a profession's drill-down. */
    record ProfessionAtLevel(
            String level,
            Integer leaders,
            List<Integer> stages,
            @Nullable BigDecimal agreed,
            @Nullable BigDecimal used) {}

    /** See {@link ProfessionsByLevel#profession}. */
    List<ProfessionAtLevel> profession(String code, SmallNumbers small) {
        return professions.profession(code, small);
    }

    /** Professions present among today's leaders in view, for the drill-down choice. */
    List<Profession> professionsPresent() {
        return professions.professionsPresent();
    }

    // ------------------------------------------------------------------ places

    /**
     * One place at a glance; counts of forums, seats, leaders and neighbourhoods, which are not a
     * characteristic of anyone.
     */
    record PlaceSummary(
            String place,
            int forums,
            int leaders,
            int vacantSeats,
            int withoutLineOfSight,
            int neighbourhoods,
            int neighbourhoodsWithoutLineOfSight) {}

    List<PlaceSummary> byPlace() {
        return places.byPlace();
    }

    // ------------------------------------------------------------------ neighbourhoods

    /**
     * One neighbourhood: its forums, the people holding a seat on them today, and whether any of its
     * forums has a line of sight to the board. Counts of forums and of leaders are not a characteristic of
     * anyone, so they are not hidden; a split of those leaders by profession would be, and is not given.
     */
    record NeighbourhoodSummary(
            String name,
            String place,
            int forums,
            int leaders,

            @com.fasterxml.jackson.annotation.JsonProperty("line_of_sight")
            boolean lineOfSight) {}

    /** See {@link NeighbourhoodSight#byNeighbourhood}. */
    List<NeighbourhoodSummary> byNeighbourhood() {
        return remembered(List.of("neighbourhoods"), neighbourhoodSight::byNeighbourhood);
    }

    /** The neighbourhoods in view with no forum whose reporting lines reach the board, a forum-less one included. */
    List<NeighbourhoodSummary> neighbourhoodsWithoutLineOfSight() {
        return byNeighbourhood().stream().filter(n -> !n.lineOfSight()).toList();
    }

    // ------------------------------------------------------------------ development

    /** See {@link DevelopmentReach#figures}: everything in view first, then each level, then each place. */
    List<DevelopmentFigures> development(Audience audience, SmallNumbers small) {
        return remembered("development", audience, small, () -> List.copyOf(development.figures(audience, small)));
    }

    /** See {@link ExchangeReach#figures}: everything in view first, then each level, then each place. */
    List<ExchangeFigures> exchanges(Audience audience, SmallNumbers small) {
        return remembered("exchanges", audience, small, () -> List.copyOf(exchanges.figures(audience, small)));
    }
}
