package org.goldenthread.insight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.Professions;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.SeatType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The insight page's long lists in full, a page at a time. The insight page shows the first rows of
 * each, most pressing first, so that it stays small enough for a phone, and links here for the rest.
 * Who may see what is the insight page's own rule: a place lead sees their places only, an analyst
 * counts without names.
 */
@Controller
class InsightLists {

    /** Rows of a long list shown on the insight page itself. */
    static final int FIRST_ROWS = 10;

    /** Rows to a page here, as in the register. */
    static final int ROWS_PER_PAGE = 50;

    static final String PROTECTED_TIME = "/insight/protected-time";
    static final String VACANCIES = "/insight/vacancies";

    private final Insight insight;
    private final SmallNumbers small;
    private final Professions professions;

    InsightLists(Insight insight, SmallNumbers small, Professions professions) {
        this.insight = insight;
        this.small = small;
        this.professions = professions;
    }

    /** The first rows of a list, for the insight page. */
    static <T> List<T> firstRows(List<T> all) {
        return List.copyOf(all.subList(0, Math.min(FIRST_ROWS, all.size())));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}" + PROTECTED_TIME)
    String protectedTime(
            @PathVariable String ods,
            @RequestParam(required = false) String place,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Audience.Sight sight = Audience.sight(Scope.currentCaller(), Scope.currentTenant(), place);
        Landscape landscape = landscape(sight, model);
        List<Landscape.UnderUsedTime> under = landscape.underUsedTime();
        boolean seesPeople = sight.audience().seesPeople();
        model.addAttribute("seesPeople", seesPeople);
        model.addAttribute("k", small.minGroupSize());
        model.addAttribute("underUsedCount", seesPeople ? Integer.valueOf(under.size()) : small.shown(under.size()));
        ListPage<Landscape.UnderUsedTime> rows =
                listPage(seesPeople ? under : List.of(), page, PROTECTED_TIME, landscape.place());
        model.addAttribute("underUsed", rows);
        model.addAttribute("caption", caption(rows, "leader"));
        model.addAttribute("professionNames", professions.names());
        return "insight/protected-time";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}" + VACANCIES)
    String vacancies(
            @PathVariable String ods,
            @RequestParam(required = false) String place,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Audience.Sight sight = Audience.sight(Scope.currentCaller(), Scope.currentTenant(), place);
        Landscape landscape = landscape(sight, model);
        ListPage<Landscape.Vacancy> rows = listPage(landscape.vacancies(), page, VACANCIES, landscape.place());
        model.addAttribute("vacancies", rows);
        model.addAttribute("caption", caption(rows, "vacant seat"));
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute("seatTypes", Coded.labels(SeatType.class));
        return "insight/vacancies";
    }

    /**
     * The landscape in sight, with what every list page shows around its list: the day, the place, the
     * way back to the insight page and any problem with the place asked for.
     */
    private Landscape landscape(Audience.Sight sight, Model model) {
        List<Problem> problems = new ArrayList<>();
        Landscape landscape = InsightPages.landscapeOrWhole(insight, sight, problems);
        String back = "/ics/" + Scope.currentTenant().odsCode() + "/insight" + InsightPages.Part.TIME_AND_SEATS.path();
        model.addAttribute("problems", problems);
        model.addAttribute("today", landscape.today());
        model.addAttribute("place", landscape.place());
        model.addAttribute(
                "insightHref",
                landscape.place() == null
                        ? back
                        : back + "?place=" + URLEncoder.encode(landscape.place(), StandardCharsets.UTF_8));
        return landscape;
    }

    private static <T> ListPage<T> listPage(List<T> all, int page, String path, @Nullable String place) {
        return ListPage.of(
                all, page, ROWS_PER_PAGE, "/ics/" + Scope.currentTenant().odsCode() + path, placeFilter(place));
    }

    /** "57 leaders, 1 to 50 shown", or "12 vacant seats" when they fit on one page. */
    private static String caption(ListPage<?> rows, String one) {
        return Plurals.of(rows.total(), one)
                + (rows.pages() > 1 ? ", " + rows.first() + " to " + rows.last() + " shown" : "");
    }

    private static Map<String, @Nullable String> placeFilter(@Nullable String place) {
        Map<String, @Nullable String> filters = new LinkedHashMap<>();
        filters.put("place", place);
        return filters;
    }
}
