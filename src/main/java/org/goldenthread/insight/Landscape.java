package org.goldenthread.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Organisation;
import org.goldenthread.structure.Seat;
import org.goldenthread.structure.SeatType;

/**
 * The leadership of one ICS as it stands on one day, optionally narrowed to the forums of one place,
 * and the figures computed from it. It holds plain values read in one snapshot, so every figure on a
 * page agrees with every other.
 *
 * <p>A leader is someone with a current appointment (started by today and not ended before today).
 * Clinical and care professions are the reference professions other than managers and experts by
 * experience.
 */
final class Landscape {

    /** Used hours under this share of agreed hours mark time that is agreed but not being used. */
    static final BigDecimal UNDER_USED_BELOW = new BigDecimal("0.75");
    /** A leader holding this many current seats or more is stretched across too many tables. */
    static final int MANY_SEATS = 3;

    private final LocalDate today;
    private final String place;
    private final List<Forum> allForums;
    private final Map<Long, Forum> forumById = new HashMap<>();
    private final List<Forum> forums;
    private final List<Seat> seats;
    private final List<Seat> allSeats;
    private final List<Appointment> allAppointments;
    private final List<Appointment> allCurrent;
    private final List<Appointment> current;
    private final Map<Long, Seat> seatById = new HashMap<>();
    private final Map<Long, Person> personById = new HashMap<>();
    private final List<Organisation> organisations;
    private final List<Profession> professions;
    private final List<String> clinicalAndCare;
    private final List<String> places;

    /**
     * @param place the name of the place to narrow to, exactly as the ICS map spells it, or null for the whole ICS
     */
    Landscape(
            LocalDate today,
            String place,
            List<Forum> forums,
            List<Seat> seats,
            List<Appointment> appointments,
            List<Person> people,
            List<Organisation> organisations,
            List<Profession> professions,
            List<String> places) {
        this.today = today;
        this.place = place;
        this.allForums = List.copyOf(forums);
        forums.forEach(f -> forumById.put(f.id(), f));
        this.forums = forums.stream().filter(this::inScope).toList();
        seats.forEach(s -> seatById.put(s.id(), s));
        this.allSeats = List.copyOf(seats);
        this.seats =
                seats.stream().filter(s -> inScope(forumById.get(s.forumId()))).toList();
        people.forEach(p -> personById.put(p.id(), p));
        this.allAppointments = List.copyOf(appointments);
        this.allCurrent =
                appointments.stream().filter(a -> a.isCurrentOn(today)).toList();
        this.current = allCurrent.stream().filter(a -> inScope(forumOf(a))).toList();
        this.organisations = List.copyOf(organisations);
        this.professions = List.copyOf(professions);
        this.clinicalAndCare = professions.stream()
                .filter(Profession::clinicalAndCare)
                .map(Profession::code)
                .sorted()
                .toList();
        this.places = List.copyOf(places);
    }

    // A place's forums are its place and neighbourhood forums and any other forum placed there
    // (a provider collaborative or network may name one); system forums belong to no place.
    private boolean inScope(Forum forum) {
        return place == null || (forum != null && place.equalsIgnoreCase(forum.place()));
    }

    private Forum forumOf(Appointment a) {
        Seat seat = seatById.get(a.seatId());
        return seat == null ? null : forumById.get(seat.forumId());
    }

    private String levelOf(Appointment a) {
        Forum forum = forumOf(a);
        return forum == null ? null : forum.level();
    }

    private boolean isClinicalOrCare(String profession) {
        return clinicalAndCare.contains(profession);
    }

    LocalDate today() {
        return today;
    }

    String place() {
        return place;
    }

    List<Forum> forums() {
        return forums;
    }

    List<String> clinicalAndCareCodes() {
        return clinicalAndCare;
    }

    // ------------------------------------------------------------------ the level table

    /**
     * The five levels in order. For an aggregate audience, a share is hidden when either side of it is
     * a small group, and the hours when they sum fewer than k appointments; the other figures count
     * seats or list professions and are shown as they are.
     */
    List<LevelFigures> levels(Audience audience, SmallNumbers small) {
        List<LevelFigures> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Appointment> here = current.stream()
                    .filter(a -> level.code().equals(levelOf(a)))
                    .toList();
            Map<Long, Appointment> byLeader = new LinkedHashMap<>();
            here.forEach(a -> byLeader.putIfAbsent(a.personId(), a));
            List<String> present = byLeader.values().stream()
                    .map(Appointment::profession)
                    .distinct()
                    .sorted()
                    .toList();
            List<String> missing =
                    clinicalAndCare.stream().filter(c -> !present.contains(c)).toList();

            List<Appointment> clinical =
                    here.stream().filter(a -> isClinicalOrCare(a.profession())).toList();
            Map<String, Long> seatsByProfession =
                    clinical.stream().collect(Collectors.groupingBy(Appointment::profession, Collectors.counting()));
            int topTwo = seatsByProfession.values().stream()
                    .sorted(Comparator.reverseOrder())
                    .limit(2)
                    .mapToInt(Long::intValue)
                    .sum();
            TopTwo topTwoNames = topTwo(seatsByProfession);
            List<Appointment> clinicalLeaders = byLeader.values().stream()
                    .filter(a -> isClinicalOrCare(a.profession()))
                    .toList();
            int earlyMid = (int) clinicalLeaders.stream()
                    .filter(a -> isEarlyOrMid(a.careerStage()))
                    .count();

            BigDecimal agreed = hours(here, Appointment::protectedHoursPerWeek);
            BigDecimal used = hours(here, Appointment::hoursUsedPerWeek);
            Set<Long> held = here.stream().map(Appointment::seatId).collect(Collectors.toSet());
            int vacant = (int) seats.stream()
                    .filter(s -> level.code().equals(forumById.get(s.forumId()).level()))
                    .filter(s -> !held.contains(s.id()))
                    .count();

            Double topTwoShare = clinical.isEmpty() ? null : share(topTwo, clinical.size());
            Double earlyMidShare = clinicalLeaders.isEmpty() ? null : share(earlyMid, clinicalLeaders.size());
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
            levels.add(new LevelFigures(
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
                    List.copyOf(suppressed)));
        }
        return levels;
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
    record TopTwo(List<String> professions, String named) {}

    TopTwo topTwo(Map<String, Long> seatsByProfession) {
        record Held(String name, long seats) {}
        List<Held> ranked = seatsByProfession.entrySet().stream()
                .map(e -> new Held(professionName(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(Held::seats).reversed().thenComparing(Held::name))
                .toList();
        if (ranked.size() <= 2) {
            List<String> names = ranked.stream().map(Held::name).toList();
            return new TopTwo(names, names.isEmpty() ? null : String.join(" and ", names));
        }
        long second = ranked.get(1).seats();
        List<String> ahead =
                ranked.stream().filter(h -> h.seats() > second).map(Held::name).toList();
        List<String> level =
                ranked.stream().filter(h -> h.seats() == second).map(Held::name).toList();
        List<String> named = new ArrayList<>(ahead);
        named.addAll(level);
        if (ahead.size() + level.size() == 2) {
            return new TopTwo(named, String.join(" and ", named));
        }
        String tied = String.join(" / ", level);
        return new TopTwo(
                named, ahead.isEmpty() ? "tied for first: " + tied : ahead.get(0) + " and, tied for second, " + tied);
    }

    /** A profession's name from the reference list; its code if the list no longer has it. */
    String professionName(String code) {
        return professions.stream()
                .filter(p -> p.code().equals(code))
                .map(Profession::name)
                .findFirst()
                .orElse(code);
    }

    private static boolean isEarlyOrMid(String stage) {
        return CareerStage.EARLY.code().equals(stage) || CareerStage.MID.code().equals(stage);
    }

    /** A sum of hours a week; hours not recorded count as none. Hours are kept to one decimal place. */
    private static BigDecimal hours(
            List<Appointment> appointments, java.util.function.Function<Appointment, BigDecimal> field) {
        return appointments.stream()
                .map(field)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(1, RoundingMode.HALF_UP);
    }

    /** part ÷ whole as a fraction rounded half-up to 4 decimal places (0.66666… is 0.6667). */
    static double share(long part, long whole) {
        return share(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    static double share(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
    }

    /** A share as a percentage to at most one decimal place ("75%", "66.7%"); "–" for none. */
    static String percent(Double share) {
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

    /**
     * People holding {@value #MANY_SEATS} or more current seats anywhere in the ICS, by reference. Narrowed
     * to a place, it lists those of them with a seat there: the load is on the person, wherever it falls.
     */
    List<String> peopleWithManySeats() {
        return leadersWithManySeats().stream().map(ManySeats::personRef).toList();
    }

    /** A leader holding {@value #MANY_SEATS} or more current seats, with the seats. */
    record ManySeats(String personRef, String person, String profession, List<String> seats) {}

    List<ManySeats> leadersWithManySeats() {
        Set<Long> here = current.stream().map(Appointment::personId).collect(Collectors.toSet());
        return allCurrent.stream()
                .collect(Collectors.groupingBy(Appointment::personId, LinkedHashMap::new, Collectors.toList()))
                .values()
                .stream()
                .filter(list ->
                        list.size() >= MANY_SEATS && here.contains(list.get(0).personId()))
                .map(list -> new ManySeats(
                        list.get(0).personRef(),
                        list.get(0).person(),
                        list.get(0).profession(),
                        list.stream()
                                .map(a -> a.forum() + " – " + a.seat())
                                .sorted()
                                .toList()))
                .sorted(Comparator.comparing(ManySeats::personRef))
                .toList();
    }

    // ------------------------------------------------------------------ lines of sight

    /**
     * The chain of reports-to lines from a forum up to a system-level board, both included; empty
     * when the chain stops short of one. A system board is its own line of sight.
     */
    List<Forum> lineOfSight(Forum forum) {
        List<Forum> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Forum at = forum;
                at != null && seen.add(at.id());
                at = at.reportsToId() == null ? null : forumById.get(at.reportsToId())) {
            chain.add(at);
            if (at.isSystemBoard()) {
                return chain;
            }
        }
        return List.of();
    }

    boolean hasLineOfSight(Forum forum) {
        return !lineOfSight(forum).isEmpty();
    }

    List<Forum> forumsWithoutLineOfSight() {
        return forums.stream().filter(f -> !hasLineOfSight(f)).toList();
    }

    Forum forum(Long id) {
        return id == null ? null : forumById.get(id);
    }

    /**
     * Seats on each forum, and how many are held today, by forum id: for every forum, since the map
     * also draws forums outside the place chosen when a chosen forum reports through them.
     */
    Map<Long, int[]> seatsFilledByForum() {
        Set<Long> held = allCurrent.stream().map(Appointment::seatId).collect(Collectors.toSet());
        Map<Long, int[]> counts = new HashMap<>();
        for (Seat s : allSeats) {
            int[] c = counts.computeIfAbsent(s.forumId(), id -> new int[2]);
            c[0]++;
            if (held.contains(s.id())) {
                c[1]++;
            }
        }
        return counts;
    }

    /** The forums in view plus every forum their lines of sight pass through, for drawing them in context. */
    List<Forum> withChainsUp(List<Forum> chosen) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Forum f : chosen) {
            Set<Long> seen = new HashSet<>();
            for (Forum at = f; at != null && seen.add(at.id()); at = forum(at.reportsToId())) {
                ids.add(at.id());
            }
        }
        return allForums.stream().filter(f -> ids.contains(f.id())).toList();
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

    /**
     * Leaders not using the protected time agreed for them. Only appointments with hours agreed and
     * hours used both recorded count: an unrecorded figure is unknown, not zero.
     */
    List<UnderUsedTime> underUsedTime() {
        Map<Long, List<Appointment>> byPerson = current.stream()
                .filter(a -> a.protectedHoursPerWeek() != null
                        && a.protectedHoursPerWeek().signum() > 0)
                .filter(a -> a.hoursUsedPerWeek() != null)
                .collect(Collectors.groupingBy(Appointment::personId, LinkedHashMap::new, Collectors.toList()));
        List<UnderUsedTime> under = new ArrayList<>();
        byPerson.forEach((id, list) -> {
            BigDecimal agreed = hours(list, Appointment::protectedHoursPerWeek);
            BigDecimal used = hours(list, Appointment::hoursUsedPerWeek);
            if (used.compareTo(agreed.multiply(UNDER_USED_BELOW)) < 0) {
                Appointment a = list.get(0);
                under.add(new UnderUsedTime(
                        a.personRef(), a.person(), a.profession(), list.size(), agreed, used, share(used, agreed)));
            }
        });
        under.sort(Comparator.comparingDouble(UnderUsedTime::usedShare).thenComparing(UnderUsedTime::personRef));
        return under;
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
            String place,
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
        Set<Long> held = current.stream().map(Appointment::seatId).collect(Collectors.toSet());
        Map<Long, LocalDate> lastEnded = new HashMap<>();
        for (Appointment a : allAppointments) {
            if (a.endDate() != null && a.endDate().isBefore(today)) {
                lastEnded.merge(a.seatId(), a.endDate(), (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        List<Vacancy> vacancies = new ArrayList<>();
        for (Seat s : seats) {
            if (held.contains(s.id())) {
                continue;
            }
            LocalDate ended = lastEnded.get(s.id());
            LocalDate since = ended == null ? s.createdOn() : ended.plusDays(1);
            Forum f = forumById.get(s.forumId());
            vacancies.add(new Vacancy(
                    s.id(),
                    s.title(),
                    s.seatType(),
                    f.name(),
                    f.id(),
                    f.level(),
                    f.place(),
                    since,
                    Math.max(0, ChronoUnit.DAYS.between(since, today)),
                    ended != null));
        }
        vacancies.sort(Comparator.comparingLong(Vacancy::days)
                .reversed()
                .thenComparing(Vacancy::forum)
                .thenComparing(Vacancy::seat));
        return vacancies;
    }

    // ------------------------------------------------------------------ places drawn on by the system

    /** A leader of a place who now sits on a system-level forum. */
    record DrawnLeader(
            String personRef,
            String person,
            String profession,
            List<String> systemSeats,
            boolean stillHoldsPlaceSeat) {}

    /** A place with vacant seats whose own leaders hold system seats. */
    record DrawnPlace(String place, int vacantSeats, List<DrawnLeader> leaders) {}

    /**
     * Places whose leaders were drawn up to system seats while seats at the place stand vacant. A
     * person belongs to a place when they hold or have held a seat on one of its forums, or when
     * their employer (by ODS code) is an organisation there.
     */
    List<DrawnPlace> placesDrawnOn() {
        Map<String, Integer> vacantByPlace = new HashMap<>();
        vacancies().stream()
                .filter(v -> v.place() != null)
                .forEach(v -> vacantByPlace.merge(v.place().toLowerCase(Locale.ROOT), 1, Integer::sum));
        Map<Long, List<Appointment>> systemSeats = allCurrent.stream()
                .filter(a -> Level.SYSTEM.code().equals(levelOf(a)))
                .collect(Collectors.groupingBy(Appointment::personId, LinkedHashMap::new, Collectors.toList()));
        List<DrawnPlace> drawn = new ArrayList<>();
        for (String p : places) {
            if (place != null && !place.equalsIgnoreCase(p)) {
                continue;
            }
            int vacant = vacantByPlace.getOrDefault(p.toLowerCase(Locale.ROOT), 0);
            if (vacant == 0) {
                continue;
            }
            Set<String> employers = organisations.stream()
                    .filter(o -> p.equalsIgnoreCase(o.place()) && o.odsCode() != null)
                    .map(Organisation::odsCode)
                    .collect(Collectors.toSet());
            Set<Long> everAtPlace = new HashSet<>();
            Set<Long> nowAtPlace = new HashSet<>();
            for (Appointment a : allAppointments) {
                Forum f = forumOf(a);
                if (f != null && p.equalsIgnoreCase(f.place())) {
                    everAtPlace.add(a.personId());
                    if (a.isCurrentOn(today)) {
                        nowAtPlace.add(a.personId());
                    }
                }
            }
            List<DrawnLeader> leaders = new ArrayList<>();
            systemSeats.forEach((personId, list) -> {
                Person person = personById.get(personId);
                boolean employedThere =
                        person != null && person.employerOds() != null && employers.contains(person.employerOds());
                if (everAtPlace.contains(personId) || employedThere) {
                    Appointment a = list.get(0);
                    leaders.add(new DrawnLeader(
                            a.personRef(),
                            a.person(),
                            a.profession(),
                            list.stream()
                                    .map(s -> s.forum() + " – " + s.seat())
                                    .sorted()
                                    .toList(),
                            nowAtPlace.contains(personId)));
                }
            });
            if (!leaders.isEmpty()) {
                leaders.sort(Comparator.comparing(DrawnLeader::personRef));
                drawn.add(new DrawnPlace(p, vacant, leaders));
            }
        }
        return drawn;
    }

    // ------------------------------------------------------------------ experts by experience

    record ExpertSeats(String level, int defined, int filled) {}

    /** Expert-by-experience seats defined and held at each level that has any. */
    List<ExpertSeats> expertSeats() {
        Set<Long> held = current.stream().map(Appointment::seatId).collect(Collectors.toSet());
        List<ExpertSeats> result = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Seat> ebe = seats.stream()
                    .filter(s -> SeatType.EXPERT_BY_EXPERIENCE.code().equals(s.seatType()))
                    .filter(s -> level.code().equals(forumById.get(s.forumId()).level()))
                    .toList();
            if (!ebe.isEmpty()) {
                result.add(new ExpertSeats(level.code(), ebe.size(), (int)
                        ebe.stream().filter(s -> held.contains(s.id())).count()));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ breakdowns (always suppressed)

    /** One row of a breakdown; a null count is hidden because it, or one that would reveal it, is small. */
    record Row(String code, String label, List<Integer> counts, Integer total) {}

    /**
     * Leaders by profession (rows) and level (columns), counting people, with each profession's total
     * at any level. A breakdown of people by a characteristic, so small groups are hidden for everyone,
     * and more besides wherever the level totals or a row total would let a hidden count be worked out.
     */
    List<Row> professionsByLevel(SmallNumbers small) {
        Map<String, Profession> byCode = professions.stream()
                .collect(Collectors.toMap(Profession::code, p -> p, (a, b) -> a, LinkedHashMap::new));
        int levels = Level.values().length;
        Map<String, List<Set<Long>>> people = new LinkedHashMap<>();
        for (Appointment a : current) {
            int column = Coded.parse(Level.class, levelOf(a)).orElseThrow().ordinal();
            List<Set<Long>> cells = people.computeIfAbsent(a.profession(), p -> {
                List<Set<Long>> c = new ArrayList<>();
                for (int i = 0; i < levels; i++) {
                    c.add(new HashSet<>());
                }
                return c;
            });
            cells.get(column).add(a.personId());
        }
        List<String> codes =
                byCode.keySet().stream().filter(people::containsKey).collect(Collectors.toList());
        people.keySet().stream().filter(c -> !byCode.containsKey(c)).sorted().forEach(codes::add);
        int[][] raw = new int[codes.size()][levels + 1];
        for (int r = 0; r < codes.size(); r++) {
            List<Set<Long>> cells = people.get(codes.get(r));
            for (int c = 0; c < levels; c++) {
                raw[r][c] = cells.get(c).size();
            }
            raw[r][levels] =
                    (int) cells.stream().flatMap(Set::stream).distinct().count();
        }
        Integer[][] shown = hideSmallCells(raw, small);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < codes.size(); r++) {
            Profession p = byCode.get(codes.get(r));
            rows.add(new Row(
                    codes.get(r),
                    p == null ? codes.get(r) : p.name(),
                    Arrays.asList(shown[r]).subList(0, levels),
                    shown[r][levels]));
        }
        return rows;
    }

    /** Hides counts of 1 to k−1, then whatever else must be hidden too; see {@link SmallNumbers#hideSmallCells}. */
    static Integer[][] hideSmallCells(int[][] raw, SmallNumbers small) {
        return small.hideSmallCells(raw);
    }

    /** Secondary suppression, shared with survey cross-tabs: see {@link SmallNumbers#hideBeside}. */
    static void hideBeside(Integer[][] shown, int[][] raw) {
        SmallNumbers.hideBeside(shown, raw);
    }

    /** The career stages in a drill-down, in order, with people whose stage is not recorded last. */
    static final List<String> STAGES = List.of(
            CareerStage.STUDENT.code(),
            CareerStage.EARLY.code(),
            CareerStage.MID.code(),
            CareerStage.SENIOR.code(),
            "not_recorded");

    /** One level of a profession's drill-down. */
    record ProfessionAtLevel(String level, Integer leaders, List<Integer> stages, BigDecimal agreed, BigDecimal used) {}

    /**
     * The leaders of one profession, level by level: how many (as in the profession-by-level
     * breakdown), by career stage, and their protected time. Career stage is a personal
     * characteristic, so its groups are suppressed for everyone, with a second cell hidden in any
     * level where only one would be; hours summed over fewer than k appointments are hidden too.
     */
    List<ProfessionAtLevel> profession(String code, SmallNumbers small) {
        Row row = professionsByLevel(small).stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElse(null);
        List<ProfessionAtLevel> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Appointment> here = current.stream()
                    .filter(a -> code.equals(a.profession()))
                    .filter(a -> level.code().equals(levelOf(a)))
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
            hideBeside(shown, stages);
            boolean hoursHidden = small.hides(here.size());
            levels.add(new ProfessionAtLevel(
                    level.code(),
                    shown[0][STAGES.size()],
                    Arrays.asList(shown[0]).subList(0, STAGES.size()),
                    hoursHidden ? null : hours(here, Appointment::protectedHoursPerWeek),
                    hoursHidden ? null : hours(here, Appointment::hoursUsedPerWeek)));
        }
        return levels;
    }

    // ------------------------------------------------------------------ places

    /** One place at a glance; counts of forums, seats and leaders, which are not a characteristic of anyone. */
    record PlaceSummary(String place, int forums, int leaders, int vacantSeats, int withoutLineOfSight) {}

    List<PlaceSummary> byPlace() {
        Map<String, PlaceSummary> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Vacancy> vacancies = vacancies();
        for (String p : places) {
            if (place != null && !place.equalsIgnoreCase(p)) {
                continue;
            }
            List<Forum> there =
                    forums.stream().filter(f -> p.equalsIgnoreCase(f.place())).toList();
            Set<Long> ids = there.stream().map(Forum::id).collect(Collectors.toSet());
            int leaders = (int) current.stream()
                    .filter(a -> ids.contains(forumOf(a).id()))
                    .map(Appointment::personId)
                    .distinct()
                    .count();
            int vacant = (int)
                    vacancies.stream().filter(v -> ids.contains(v.forumId())).count();
            int blind = (int) there.stream().filter(f -> !hasLineOfSight(f)).count();
            result.put(p, new PlaceSummary(p, there.size(), leaders, vacant, blind));
        }
        return List.copyOf(result.values());
    }

    /** Professions present among today's leaders in view, for the drill-down choice. */
    List<Profession> professionsPresent() {
        Set<String> codes =
                current.stream().map(Appointment::profession).collect(Collectors.toCollection(TreeSet::new));
        return professions.stream().filter(p -> codes.contains(p.code())).toList();
    }

    /** Agreed and used hours over every current appointment in view, and how many appointments they sum. */
    record TimeTotals(BigDecimal agreed, BigDecimal used, int appointments) {}

    TimeTotals timeTotals() {
        return new TimeTotals(
                hours(current, Appointment::protectedHoursPerWeek),
                hours(current, Appointment::hoursUsedPerWeek),
                current.size());
    }
}
