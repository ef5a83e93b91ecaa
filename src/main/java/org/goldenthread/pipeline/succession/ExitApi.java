package org.goldenthread.pipeline.succession;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exits through the API: ICS admins and place leads (for their places' seats) record exit
 * conversations; ICS admins and analysts read turnover and reasons for leaving in aggregate.
 */
@RestController
class ExitApi {

    private final Exits exits;
    private final Clock clock;

    ExitApi(Exits exits, Clock clock) {
        this.exits = exits;
        this.clock = clock;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Appointments that have ended, each with its exit conversation once held")
    @GetMapping("/api/v1/ics/{ods}/exits")
    List<Ended> ended(@PathVariable String ods) {
        return exits.ended(Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD), LocalDate.now(clock));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Record the exit conversation for an ended appointment")
    @PutMapping("/api/v1/ics/{ods}/exits/{appointment}")
    Ended record(@PathVariable String ods, @PathVariable long appointment, @RequestBody ExitDetails body) {
        return exits.record(appointment, body, Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD), LocalDate.now(clock));
    }

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @Operation(summary = "Turnover by level and reasons for leaving over 12 months, small groups hidden")
    @GetMapping("/api/v1/ics/{ods}/exits/figures")
    ExitFigures figures(@PathVariable String ods, @RequestParam(required = false) @Nullable String place) {
        String asked = place == null || place.isBlank() ? null : place.trim();
        if (asked != null && !exits.knowsPlace(asked)) {
            // zeros for a misspelt place would read as a place where nobody left
            throw new InvalidInput("place", "No forum in this ICS is in a place called " + asked);
        }
        return exits.figures(asked, LocalDate.now(clock));
    }
}
