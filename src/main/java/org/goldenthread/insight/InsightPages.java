package org.goldenthread.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.goldenthread.people.Profession;
import org.goldenthread.people.Professions;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.SeatType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The insight page, its CSV download and the forum map. */
@Controller
class InsightPages {

    private final Insight insight;
    private final SmallNumbers small;
    private final Professions professions;

    InsightPages(Insight insight, SmallNumbers small, Professions professions) {
        this.insight = insight;
        this.small = small;
        this.professions = professions;
    }

    // ------------------------------------------------------------------ the insight page

    /**
     * Insight comes in four pages, so that each stays a few hundred elements on a phone; all four
     * share the choice of place and profession, and each links to the others.
     */
    enum Part {
        GLANCE("", "At a glance"),
        TIME_AND_SEATS("/time-and-seats", "Time, seats and vacancies"),
        PROFESSIONS("/professions", "Professions and forums"),
        DEVELOPMENT("/development", "Development");

        private final String path;
        private final String title;

        Part(String path, String title) {
            this.path = path;
            this.title = title;
        }

        public String path() {
            return path;
        }

        public String title() {
            return title;
        }

        /** The part at {@code /insight/<segment>}, or at {@code /insight} itself. */
        static Part at(@Nullable String segment) {
            return java.util.Arrays.stream(values())
                    .filter(p -> p.path.equals(segment == null ? "" : "/" + segment))
                    .findFirst()
                    .orElseThrow(() -> new NotFound("Insight has no part called " + segment));
        }
    }

    /** Each part's page; the forum map and the long lists have literal paths of their own, which Spring prefers. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping({"/ics/{ods}/insight", "/ics/{ods}/insight/{part}"})
    String insight(
            @PathVariable String ods,
            @PathVariable(required = false) @Nullable String part,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String profession,
            Model model) {
        return insight(Part.at(part), place, profession, model);
    }

    private String insight(Part part, @Nullable String place, @Nullable String profession, Model model) {
        Audience.Sight sight = Audience.sight(Scope.currentCaller(), Scope.currentTenant(), place);
        Audience audience = sight.audience();
        List<Problem> problems = new ArrayList<>();
        Landscape landscape = landscapeOrWhole(insight, sight, problems);
        Profession chosen = null;
        if (profession != null && !profession.isBlank()) {
            chosen = professions.find(profession).orElse(null);
            if (chosen == null) {
                problems.add(Problem.of("profession", "'" + profession.trim() + "' is not a profession code"));
            }
        }
        List<LevelFigures> levels = landscape.levels(audience, small);
        model.addAttribute("problems", problems);
        model.addAttribute("audience", audience.name());
        model.addAttribute("seesPeople", audience.seesPeople());
        model.addAttribute("k", small.minGroupSize());
        model.addAttribute("today", landscape.today());
        model.addAttribute("place", landscape.place());
        model.addAttribute("places", placeChoices(sight));
        model.addAttribute("wholeIcsInSight", !sight.confined());
        model.addAttribute("professionChoices", landscape.professionsPresent());
        model.addAttribute("levels", levels);
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute(
                "clinicalAndCareCount", landscape.clinicalAndCareCodes().size());
        model.addAttribute("professionNames", professions.names());
        model.addAttribute("charts", charts(levels, landscape));
        List<Landscape.ManySeats> many = landscape.leadersWithManySeats();
        model.addAttribute("manySeats", audience.seesPeople() ? many : List.of());
        model.addAttribute("manySeatsCount", many.size());
        model.addAttribute("withoutLineOfSight", landscape.forumsWithoutLineOfSight());
        model.addAttribute("neighbourhoodsWithoutSight", landscape.neighbourhoodsWithoutLineOfSight());
        model.addAttribute("neighbourhoodCount", landscape.byNeighbourhood().size());
        List<Landscape.UnderUsedTime> under = landscape.underUsedTime();
        model.addAttribute("underUsed", audience.seesPeople() ? InsightLists.firstRows(under) : List.of());
        model.addAttribute(
                "underUsedCount", audience.seesPeople() ? Integer.valueOf(under.size()) : small.shown(under.size()));
        List<Landscape.Vacancy> vacancies = landscape.vacancies();
        model.addAttribute("vacancies", InsightLists.firstRows(vacancies));
        model.addAttribute("vacancyCount", vacancies.size());
        model.addAttribute("drawnOn", landscape.placesDrawnOn());
        model.addAttribute("expertSeats", landscape.expertSeats());
        model.addAttribute("crossTab", landscape.professionsByLevel(small));
        model.addAttribute("byPlace", landscape.byPlace());
        model.addAttribute("development", landscape.development(audience, small));
        model.addAttribute("exchanges", landscape.exchanges(audience, small));
        model.addAttribute("newLeaderDays", LeadershipFigures.NEW_LEADER_DAYS);
        model.addAttribute("seatTypes", Coded.labels(SeatType.class));
        if (chosen != null) {
            model.addAttribute("profession", chosen);
            model.addAttribute("drillDown", landscape.profession(chosen.code(), small));
            model.addAttribute("stages", Landscape.STAGES);
        }
        String query = landscape.place() == null
                ? ""
                : "?place=" + java.net.URLEncoder.encode(landscape.place(), StandardCharsets.UTF_8);
        model.addAttribute("part", part);
        model.addAttribute("parts", Part.values());
        // each part keeps the choice of place and profession
        String chosenQuery = query
                + (chosen == null
                        ? ""
                        : (query.isEmpty() ? "?" : "&") + "profession="
                                + java.net.URLEncoder.encode(chosen.code(), StandardCharsets.UTF_8));
        model.addAttribute("partQuery", chosenQuery);
        model.addAttribute("csvHref", "/ics/" + Scope.currentTenant().odsCode() + "/insight.csv" + query);
        model.addAttribute("mapHref", "/ics/" + Scope.currentTenant().odsCode() + "/insight/forums" + query);
        model.addAttribute(
                "underUsedHref", "/ics/" + Scope.currentTenant().odsCode() + InsightLists.PROTECTED_TIME + query);
        model.addAttribute("vacanciesHref", "/ics/" + Scope.currentTenant().odsCode() + InsightLists.VACANCIES + query);
        return "insight/insight";
    }

    /**
     * The landscape for the place in sight; an unknown place is listed as a problem and the whole ICS
     * shown instead, except to a place lead, who may not see the whole ICS.
     */
    static Landscape landscapeOrWhole(Insight insight, Audience.Sight sight, List<Problem> problems) {
        try {
            return insight.landscape(sight.place());
        } catch (InvalidInput e) {
            if (sight.confined()) {
                throw e;
            }
            problems.addAll(e.problems());
            return insight.landscape(null);
        }
    }

    /** The places a caller may narrow insight to: all of the ICS's, or the ones a place lead leads. */
    private List<String> placeChoices(Audience.Sight sight) {
        return insight.placeNames().stream()
                .filter(p -> sight.places() == null || sight.places().stream().anyMatch(p::equalsIgnoreCase))
                .toList();
    }

    /** "75%" or "66.7%"; a dash for no one to share among; "hidden" when suppressed. */
    static String percent(Double share, boolean hidden) {
        return hidden ? "hidden" : Landscape.percent(share);
    }

    private static String hours(BigDecimal h) {
        return h == null ? "Hidden" : h.stripTrailingZeros().toPlainString();
    }

    private static List<BarChart> charts(List<LevelFigures> levels, Landscape landscape) {
        List<BarChart> charts = new ArrayList<>();
        int ccp = landscape.clinicalAndCareCodes().size();
        Set<String> clinical = new HashSet<>(landscape.clinicalAndCareCodes());
        List<BarChart.Values> present = levels.stream()
                .map(l -> {
                    long n = l.professionsPresent().stream()
                            .filter(clinical::contains)
                            .count();
                    return new BarChart.Values(
                            Coded.parse(Level.class, l.level()).orElseThrow().label(),
                            List.of((double) n),
                            List.of(n + " of " + ccp));
                })
                .toList();
        charts.add(BarChart.of(
                "chart-professions",
                "Clinical and care professions present, by level",
                "Bar chart: how many of the " + ccp + " clinical and care professions have at least one leader at "
                        + "each level. " + summary(present),
                List.of("Professions present"),
                present,
                ccp,
                ticks(ccp),
                v -> String.valueOf(v.intValue())));

        List<BarChart.Values> dominance = levels.stream()
                .map(l -> shareValues(l, l.topTwoShare(), "top_two_share"))
                .toList();
        charts.add(BarChart.of(
                "chart-dominance",
                "Share of clinical and care seats held by the top two professions",
                "Bar chart, 0 to 100 per cent, by level. " + summary(dominance),
                List.of("Top two share"),
                dominance,
                100,
                List.of(0d, 25d, 50d, 75d, 100d),
                v -> v.intValue() + "%"));

        List<BarChart.Values> pipeline = levels.stream()
                .map(l -> shareValues(l, l.earlyMidShare(), "early_mid_share"))
                .toList();
        charts.add(BarChart.of(
                "chart-early-mid",
                "Early and mid-career share of clinical and care leaders",
                "Bar chart, 0 to 100 per cent, by level. " + summary(pipeline),
                List.of("Early or mid career"),
                pipeline,
                100,
                List.of(0d, 25d, 50d, 75d, 100d),
                v -> v.intValue() + "%"));

        double most = levels.stream()
                .filter(l -> l.protectedHoursAgreed() != null)
                .mapToDouble(l -> Math.max(
                        l.protectedHoursAgreed().doubleValue(),
                        // hidden together with the hours agreed
                        Objects.requireNonNull(l.protectedHoursUsed()).doubleValue()))
                .max()
                .orElse(0);
        double top = niceCeiling(most);
        List<BarChart.Values> time = levels.stream()
                .map(l -> {
                    String label =
                            Coded.parse(Level.class, l.level()).orElseThrow().label();
                    if (l.protectedHoursAgreed() == null) {
                        return new BarChart.Values(
                                label, java.util.Arrays.asList(null, null), List.of("hidden", "hidden"));
                    }
                    // hidden together with the hours agreed
                    BigDecimal used = Objects.requireNonNull(l.protectedHoursUsed());
                    return new BarChart.Values(
                            label,
                            List.of(l.protectedHoursAgreed().doubleValue(), used.doubleValue()),
                            List.of(hours(l.protectedHoursAgreed()) + " h", hours(used) + " h"));
                })
                .toList();
        charts.add(BarChart.of(
                "chart-time",
                "Protected time agreed and used, hours a week",
                "Bar chart with two bars per level, hours agreed and hours used. " + summary(time),
                List.of("Agreed", "Used"),
                time,
                top,
                List.of(0d, top / 4, top / 2, 3 * top / 4, top),
                v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()));

        List<Landscape.ExpertSeats> experts = landscape.expertSeats();
        if (!experts.isEmpty()) {
            int max = experts.stream()
                    .mapToInt(Landscape.ExpertSeats::defined)
                    .max()
                    .orElse(1);
            List<BarChart.Values> ebe = experts.stream()
                    .map(e -> new BarChart.Values(
                            Coded.parse(Level.class, e.level()).orElseThrow().label(),
                            List.of((double) e.defined(), (double) e.filled()),
                            List.of(String.valueOf(e.defined()), String.valueOf(e.filled()))))
                    .toList();
            charts.add(BarChart.of(
                    "chart-experts",
                    "Expert-by-experience seats defined and filled",
                    "Bar chart with two bars per level, seats defined and seats filled today. " + summary(ebe),
                    List.of("Defined", "Filled"),
                    ebe,
                    max,
                    ticks(max),
                    v -> String.valueOf(v.intValue())));
        }
        return charts;
    }

    private static BarChart.Values shareValues(LevelFigures l, @Nullable Double share, String field) {
        String label = Coded.parse(Level.class, l.level()).orElseThrow().label();
        boolean hidden = l.isSuppressed(field);
        String text = hidden ? "hidden (small numbers)" : share == null ? "no one" : percent(share, false);
        return new BarChart.Values(label, java.util.Arrays.asList(share == null ? null : share * 100), List.of(text));
    }

    /** The figures in words for the chart's description: "System: 75%; Place: 100%". */
    private static String summary(List<BarChart.Values> values) {
        return values.stream()
                        .map(v -> v.label() + ": " + String.join(" and ", v.texts()))
                        .collect(Collectors.joining("; "))
                + ".";
    }

    /** Whole-number axis marks, about four of them, up to {@code max}. */
    private static List<Double> ticks(int max) {
        int step = Math.max(1, (int) Math.ceil(max / 4.0));
        List<Double> ticks = new ArrayList<>();
        for (int t = 0; t <= max; t += step) {
            ticks.add((double) t);
        }
        if (ticks.get(ticks.size() - 1) < max && max - ticks.get(ticks.size() - 1) >= step / 2.0) {
            ticks.add((double) max);
        }
        return ticks;
    }

    /** A round number at or above {@code v} that divides into quarters neatly: 4, 8, 20, 40, 80, 200… */
    private static double niceCeiling(double v) {
        if (v <= 4) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 4, 8}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    // ------------------------------------------------------------------ CSV of the level table

    /**
     * The level table as CSV, as the caller sees it on the page: hidden cells say "suppressed". Cells a
     * spreadsheet would read as a formula get a leading apostrophe, though codes and numbers never should.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/insight.csv")
    ResponseEntity<byte[]> csv(@PathVariable String ods, @RequestParam(required = false) String place) {
        Audience.Sight sight = Audience.sight(Scope.currentCaller(), Scope.currentTenant(), place);
        Audience audience = sight.audience();
        Landscape landscape = insight.landscape(sight.place());
        StringBuilder out = new StringBuilder();
        try (var printer =
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(out)) {
            printer.printRecord(
                    "level",
                    "leaders",
                    "professions_present",
                    "professions_missing",
                    "top_two_share",
                    "top_two_professions",
                    "early_mid_share",
                    "protected_hours_agreed",
                    "protected_hours_used",
                    "vacant_seats");
            for (LevelFigures l : landscape.levels(audience, small)) {
                printer.printRecord(
                        CsvText.guarded(l.level()),
                        l.leaders(),
                        CsvText.guarded(String.join(";", l.professionsPresent())),
                        CsvText.guarded(String.join(";", l.professionsMissing())),
                        cell(l, "top_two_share", l.topTwoShare()),
                        l.isSuppressed("top_two_share")
                                ? "suppressed"
                                : CsvText.guarded(l.topTwoNamed() == null ? "" : l.topTwoNamed()),
                        cell(l, "early_mid_share", l.earlyMidShare()),
                        cell(l, "protected_hours_agreed", l.protectedHoursAgreed()),
                        cell(l, "protected_hours_used", l.protectedHoursUsed()),
                        l.vacantSeats());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = landscape.place() == null
                ? ""
                : "-"
                        + landscape
                                .place()
                                .toLowerCase(Locale.ROOT)
                                .replaceAll("[^a-z0-9]+", "-")
                                .replaceAll("(^-|-$)", "");
        String name = "insight-" + Scope.currentTenant().odsCode() + where + "-" + landscape.today() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(LevelFigures l, String field, @Nullable Object value) {
        if (l.isSuppressed(field)) {
            return "suppressed";
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    // ------------------------------------------------------------------ the forum map

    /**
     * More forums than this, with no place chosen, make a map too large for a phone (a dozen elements
     * each, drawn and listed). The map then draws the system and place levels, when no level is
     * chosen, or the chosen level's forums that belong to no place; and it says how many forums each
     * other level, or each place, has, each a link to that map.
     */
    static final int MOST_FORUMS_DRAWN = 30;

    /** Forums left off a large map: how many, and the map that draws them. */
    record NotDrawn(String label, long count, String href) {}

    private static boolean drawnFirst(Forum forum) {
        return Level.SYSTEM.code().equals(forum.level()) || Level.PLACE.code().equals(forum.level());
    }

    private static List<NotDrawn> notDrawn(List<Forum> chosen, @Nullable Level level, String base) {
        if (level == null) {
            Map<String, Long> byLevel = chosen.stream()
                    .filter(f -> !drawnFirst(f))
                    .collect(Collectors.groupingBy(Forum::level, Collectors.counting()));
            return java.util.Arrays.stream(Level.values())
                    .filter(l -> byLevel.containsKey(l.code()))
                    .map(l -> new NotDrawn(
                            "At " + l.label().toLowerCase(Locale.UK) + " level",
                            byLevel.getOrDefault(l.code(), 0L),
                            base + "?level=" + l.code()))
                    .toList();
        }
        Map<String, Long> byPlace = chosen.stream()
                .filter(f -> f.place() != null)
                .collect(Collectors.groupingBy(Forum::place, java.util.TreeMap::new, Collectors.counting()));
        return byPlace.entrySet().stream()
                .map(e -> new NotDrawn(
                        "In " + e.getKey(),
                        e.getValue(),
                        base + "?level=" + level.code() + "&place="
                                + java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)))
                .toList();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/insight/forums")
    String forums(
            @PathVariable String ods,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String place,
            Model model) {
        Audience.Sight sight = Audience.sight(Scope.currentCaller(), Scope.currentTenant(), place);
        List<Problem> problems = new ArrayList<>();
        Landscape landscape = landscapeOrWhole(insight, sight, problems);
        Level chosenLevel = null;
        if (level != null && !level.isBlank()) {
            chosenLevel = Coded.parse(Level.class, level).orElse(null);
            if (chosenLevel == null) {
                problems.add(Problem.of(
                        "level", "'" + level.trim() + "' is not a level; use " + Coded.choices(Level.class)));
            }
        }
        String levelCode = chosenLevel == null ? null : chosenLevel.code();
        List<Forum> chosen = landscape.forums().stream()
                .filter(f -> levelCode == null || levelCode.equals(f.level()))
                .toList();
        int forumCount = chosen.size();
        List<NotDrawn> notDrawn = List.of();
        if (landscape.place() == null && forumCount > MOST_FORUMS_DRAWN) {
            notDrawn = notDrawn(
                    chosen, chosenLevel, "/ics/" + Scope.currentTenant().odsCode() + "/insight/forums");
            chosen = chosen.stream()
                    .filter(f -> levelCode == null ? drawnFirst(f) : f.place() == null)
                    .toList();
        }
        Set<Long> inView = chosen.stream().map(Forum::id).collect(Collectors.toSet());
        Landscape view = landscape;
        ForumMap map =
                ForumMap.of(landscape.withChainsUp(chosen), inView, view::lineOfSight, landscape.seatsFilledByForum());
        Map<Long, int[]> seats = landscape.seatsFilledByForum();
        List<ForumEntry> entries = chosen.stream()
                .map(f -> {
                    int[] s = seats.getOrDefault(f.id(), new int[2]);
                    return new ForumEntry(
                            f,
                            view.lineOfSight(f).stream().map(Forum::name).toList(),
                            view.forum(f.reportsToId()),
                            f.reportsToId() != null && inView.contains(f.reportsToId()),
                            s[0],
                            s[1]);
                })
                .toList();
        model.addAttribute("problems", problems);
        model.addAttribute("forumCount", forumCount);
        model.addAttribute("notDrawn", notDrawn);
        model.addAttribute("map", map);
        model.addAttribute("entries", entries);
        model.addAttribute("levels", Level.values());
        model.addAttribute("level", levelCode);
        model.addAttribute("place", landscape.place());
        model.addAttribute("places", placeChoices(sight));
        model.addAttribute("wholeIcsInSight", !sight.confined());
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute(
                "blindCount", entries.stream().filter(e -> e.chain().isEmpty()).count());
        return "insight/forums";
    }

    /**
     * A forum in the text list beside the map, with its chain up to the board (empty when there is none)
     * and whether the forum it reports to is in the list too, so it can be linked.
     */
    record ForumEntry(
            Forum forum,
            List<String> chain,
            @Nullable Forum reportsTo,
            boolean reportsToListed,
            int seats,
            int seatsHeld) {}
}
