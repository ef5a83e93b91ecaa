package org.goldenthread.insight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.platform.Tenant;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Insight's headline cards on an ICS's overview, at the level the caller sees. */
@Component
class InsightDashboard implements Dashboard {

    private final Insight insight;
    private final SmallNumbers small;

    InsightDashboard(Insight insight, SmallNumbers small) {
        this.insight = insight;
        this.small = small;
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        if (Audience.of(caller, tenant).isEmpty()) {
            return List.of();
        }
        // A place lead's overview shows their place at place level; the system level belongs to no place.
        Audience.Sight sight = Audience.sight(caller, tenant, null);
        Landscape landscape;
        try {
            landscape = insight.landscape(sight.place());
        } catch (InvalidInput e) {
            // a place lead's role names a place the map no longer has: the Insight page says so
            return List.of();
        }
        String insightPage = "/ics/" + tenant.odsCode() + "/insight";
        List<DashboardCard> cards = new ArrayList<>(levelCards(sight, landscape, insightPage + placeQuery(sight)));
        cards.addAll(seatAndTimeCards(
                sight,
                landscape,
                insightPage + InsightPages.Part.TIME_AND_SEATS.path() + placeQuery(sight),
                insightPage + "/forums"));
        return cards;
    }

    private static String placeQuery(Audience.Sight sight) {
        return sight.place() == null
                ? ""
                : "?place=" + java.net.URLEncoder.encode(sight.place(), StandardCharsets.UTF_8);
    }

    /** Who is missing and who dominates, at the level the caller sees. */
    private List<DashboardCard> levelCards(Audience.Sight sight, Landscape landscape, String href) {
        Audience audience = sight.audience();
        Level shown = sight.place() == null ? Level.SYSTEM : Level.PLACE;
        String at = sight.place() == null ? "system level" : "place level in " + sight.place();
        String seats = sight.place() == null ? "system-level seats" : "place-level seats in " + sight.place();
        LevelFigures figures = landscape.levels(audience, small).get(shown.ordinal());
        return List.of(
                new DashboardCard(
                        30,
                        "Professions missing at " + at,
                        figures.professionsMissing().size() + " of "
                                + landscape.clinicalAndCareCodes().size(),
                        "Clinical and care professions with no one in " + seats,
                        href + "#levels"),
                new DashboardCard(
                        31,
                        "Top two professions' share at " + at,
                        percent(figures.topTwoShare(), figures.isSuppressed("top_two_share")),
                        "Of " + seats + " held by clinical and care professionals, the share the two largest hold"
                                + (figures.topTwoNamed() == null ? "" : ": " + figures.topTwoNamed()),
                        href + "#dominance"),
                new DashboardCard(
                        32,
                        "Early or mid career at " + at,
                        percent(figures.earlyMidShare(), figures.isSuppressed("early_mid_share")),
                        "Of clinical and care leaders in " + seats + ", the share early or mid career",
                        href + "#pipeline"));
    }

    /** Protected time, vacancies and lines of sight, over the whole ICS or the caller's place. */
    private List<DashboardCard> seatAndTimeCards(
            Audience.Sight sight, Landscape landscape, String href, String forumsHref) {
        Landscape.TimeTotals time = landscape.timeTotals();
        boolean timeHidden = !sight.audience().seesPeople() && small.hides(time.appointments());
        return List.of(
                new DashboardCard(
                        33,
                        "Protected time used",
                        timeHidden || time.agreed().signum() == 0
                                ? (timeHidden ? "hidden" : "none agreed")
                                : percent(Landscape.share(time.used(), time.agreed()), false),
                        "Hours used of the protected hours agreed each week, over all current appointments",
                        href + "#time"),
                new DashboardCard(
                        34,
                        "Vacant seats",
                        String.valueOf(landscape.vacancies().size()),
                        "Seats on forums that nobody holds today",
                        href + "#vacancies"),
                new DashboardCard(
                        35,
                        "Forums without line of sight",
                        String.valueOf(landscape.forumsWithoutLineOfSight().size()),
                        "Forums with no reporting line up to the ICB board",
                        forumsHref + placeQuery(sight)));
    }

    /** "75%" or "66.7%"; a dash for no one to share among; "hidden" when suppressed. */
    private static String percent(@Nullable Double share, boolean hidden) {
        return hidden ? "hidden" : Landscape.percent(share);
    }
}
