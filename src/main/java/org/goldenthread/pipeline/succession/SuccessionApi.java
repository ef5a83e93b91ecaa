package org.goldenthread.pipeline.succession;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Succession through the API, for ICS admins and for place leads on their places' seats: critical
 * seats, their successors, bench strength and the terms coming to an end.
 */
@RestController
class SuccessionApi {

    private final Succession succession;
    private final Clock clock;

    SuccessionApi(Succession succession, Clock clock) {
        this.succession = succession;
        this.clock = clock;
    }

    private static Footprint footprint() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
    }

    record Plan(
            @JsonProperty("bench_strength") BenchStrength benchStrength,
            @JsonProperty("critical_seats") List<CriticalSeat> criticalSeats) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Critical seats with their successors, and bench strength")
    @GetMapping("/api/v1/ics/{ods}/succession")
    Plan plan(@PathVariable String ods) {
        List<CriticalSeat> seats = succession.criticalSeats(footprint(), LocalDate.now(clock));
        return new Plan(BenchStrength.of(seats), seats);
    }

    record Marking(
            @JsonProperty("seat_id") @Nullable Long seatId,
            @Nullable String reason) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Mark a seat as critical")
    @PostMapping("/api/v1/ics/{ods}/succession/critical-seats")
    @ResponseStatus(HttpStatus.CREATED)
    CriticalSeat mark(@PathVariable String ods, @RequestBody Marking body) {
        return succession.mark(body.seatId(), body.reason(), footprint(), LocalDate.now(clock));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "One critical seat with its successors")
    @GetMapping("/api/v1/ics/{ods}/succession/critical-seats/{id}")
    CriticalSeat criticalSeat(@PathVariable String ods, @PathVariable long id) {
        return succession.criticalSeat(id, footprint(), LocalDate.now(clock));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Stop treating a seat as critical, forgetting its successors")
    @DeleteMapping("/api/v1/ics/{ods}/succession/critical-seats/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unmark(@PathVariable String ods, @PathVariable long id) {
        succession.unmark(id, footprint(), LocalDate.now(clock));
    }

    record Naming(
            @JsonProperty("person_id") @Nullable Long personId,
            @Nullable String readiness) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Name a successor for a critical seat, or change their readiness")
    @PostMapping("/api/v1/ics/{ods}/succession/critical-seats/{id}/successors")
    CriticalSeat name(@PathVariable String ods, @PathVariable long id, @RequestBody Naming body) {
        return succession.nameSuccessor(id, body.personId(), body.readiness(), footprint(), LocalDate.now(clock));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Remove a successor from a critical seat")
    @DeleteMapping("/api/v1/ics/{ods}/succession/critical-seats/{id}/successors/{successor}")
    CriticalSeat removeSuccessor(@PathVariable String ods, @PathVariable long id, @PathVariable long successor) {
        return succession.removeSuccessor(id, successor, footprint(), LocalDate.now(clock));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Appointments whose term ends within a horizon (days, 180 unless given)")
    @GetMapping("/api/v1/ics/{ods}/succession/ending")
    List<Ending> ending(@PathVariable String ods, @RequestParam(required = false) @Nullable String horizon) {
        return succession.ending(footprint(), Succession.horizon(horizon), LocalDate.now(clock));
    }
}
