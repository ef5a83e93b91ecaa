package org.goldenthread.insight;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InsightApi {

    private final Insight insight;
    private final SmallNumbers small;

    InsightApi(Insight insight, SmallNumbers small) {
        this.insight = insight;
        this.small = small;
    }

    /** The insight figures for one ICS, or one place in it, as one caller may see them. */
    record Figures(
            @JsonProperty("as_of") LocalDate asOf,
            @Nullable String place,
            @JsonProperty("min_group_size") int minGroupSize,
            List<LevelFigures> levels,
            @JsonProperty("people_with_3plus_seats") List<String> peopleWithManySeats,
            @JsonProperty("people_with_3plus_seats_count") int peopleWithManySeatsCount,
            @JsonProperty("forums_without_line_of_sight") List<String> forumsWithoutLineOfSight,
            List<Landscape.NeighbourhoodSummary> neighbourhoods,

            @JsonProperty("neighbourhoods_without_line_of_sight")
            List<String> neighbourhoodsWithoutLineOfSight,

            List<DevelopmentFigures> development,
            List<ExchangeFigures> exchanges) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/insight")
    @Operation(summary = "Leadership insight by level", description = """
            For ICS admins, place leads and analysts. For each level (system, place, neighbourhood, \
            provider_collaborative, clinical_network, in that order): `leaders` (distinct people with a current \
            appointment there), `professions_present` (their professions' codes, sorted), `professions_missing` \
            (clinical and care professions — every reference profession but manager and expert_by_experience — \
            not present), `top_two_share` (of current appointments there held by clinical and care \
            professionals, the share the two most common professions hold), `top_two_professions` (those             professions' names, most seats first, then by name; all of those tied for second place when some             tie) and `top_two_named` (the same in words, saying any tie; both null when the share is null),             `early_mid_share` (of clinical and \
            care leaders there, the share whose career stage is early or mid; an unrecorded stage is neither), \
            `protected_hours_agreed` and `protected_hours_used` (weekly sums over current appointments; unrecorded \
            hours count as none), `vacant_seats` (seats with no current appointment). Shares are fractions rounded \
            half-up to 4 decimal places, null when there is no one to share among. An appointment is current \
            when it has started and has not ended before today. `people_with_3plus_seats` lists the references \
            of people holding 3 or more current seats anywhere in the ICS (narrowed to a place: those of them \
            with a seat there); `forums_without_line_of_sight` names forums with no chain of reports-to lines \
            up to a system-level board. `neighbourhoods` gives each neighbourhood of the places in view, by place \
            and then name: `name`, `place`, `forums` (forums sitting in it), `leaders` (distinct people with a \
            current appointment on them) and `line_of_sight` (true when at least one of its forums has a chain of reports-to \
            lines up to a system-level board; false for a neighbourhood with no forum); \
            `neighbourhoods_without_line_of_sight` names those with `line_of_sight` false. \
            Analysts see aggregates only: `people_with_3plus_seats` is always empty for them (the count is in \
            `people_with_3plus_seats_count`), and any figure resting on a group of 1 to k−1 people \
            (k = `min_group_size`) is null and named in that level's `suppressed` list. \
            `development` gives, for everything in view (`group` `all`), each level (`level`, `name` its code) and             each place in view (`place`, `name` its name): `leaders` and `developing` (those of them with development             activity in the 12 months to today: an enrolment accepted, or completed in the window, a mentoring,             coaching, buddying, exchange or other pairing running as giver or receiver, or an action learning set             that met) with `development_reach` = developing ÷ leaders; `new_leaders` (leaders with a current             appointment there that started in the last 180 days) and `new_leaders_supported` (those with a             mentoring or buddying relationship running today as receiver) with `new_leader_support`; `mentees`             (programme mentees: for the whole ICS every one, else those who lead there; one per programme) and             `mentees_matched` (with a pair on that programme) with `mentees_matched_share`. For analysts a share             and its count are null and named in `suppressed` when either side of the share is a group of 1 to             k−1. `exchanges` gives, for the same groups as `development`, workplace exchange `pairs` (a pair is in a group             when either of its two people has a current appointment there; for the whole ICS every pair),             `visits_done` (their day has come), `completed` (both visits done and both people reflected on both),             each null for analysts when 1 to k−1 and named in its row's `suppressed`; and those pairs' improvement             ideas by status, `ideas_proposed`, `ideas_tried` and `ideas_adopted`.             Place leads see only the places they lead: without `place` the figures are for the first of them \
            (`place` in the answer says which), and another place is a 403.""")
    Figures insight(
            @PathVariable String ods,
            @Parameter(
                            description = "Narrow to the forums of this place (its place and neighbourhood "
                                    + "forums and any other forum placed there); case does not matter. An unknown place is a "
                                    + "400 naming `place`.")
                    @RequestParam(required = false)
                    String place) {
        Audience.Sight sight = Audience.sight(Scope.currentCaller(), Scope.currentTenant(), place);
        Audience audience = sight.audience();
        Landscape landscape = insight.landscape(sight.place());
        List<String> many = landscape.peopleWithManySeats();
        return new Figures(
                landscape.today(),
                landscape.place(),
                small.minGroupSize(),
                landscape.levels(audience, small),
                audience.seesPeople() ? many : List.of(),
                many.size(),
                landscape.forumsWithoutLineOfSight().stream().map(Forum::name).toList(),
                landscape.byNeighbourhood(),
                landscape.neighbourhoodsWithoutLineOfSight().stream()
                        .map(Landscape.NeighbourhoodSummary::name)
                        .toList(),
                landscape.development(audience, small),
                landscape.exchanges(audience, small));
    }
}
