package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StructureApi {

    private final IcsMap map;
    private final Forums forums;

    StructureApi(IcsMap map, Forums forums) {
        this.map = map;
        this.forums = forums;
    }

    record NewPlace(
            String name, @JsonProperty("local_authority") String localAuthority, Integer population) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "The ICS's places")
    @GetMapping("/api/v1/ics/{ods}/places")
    List<Place> places(@PathVariable String ods) {
        return map.places();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "One place")
    @GetMapping("/api/v1/ics/{ods}/places/{id}")
    Place place(@PathVariable String ods, @PathVariable long id) {
        return map.place(id);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Add a place")
    @PostMapping("/api/v1/ics/{ods}/places")
    @ResponseStatus(HttpStatus.CREATED)
    Place addPlace(@PathVariable String ods, @RequestBody NewPlace body) {
        return map.addPlace(body.name(), body.localAuthority(), body.population());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "The ICS's neighbourhoods")
    @GetMapping("/api/v1/ics/{ods}/neighbourhoods")
    List<Neighbourhood> neighbourhoods(@PathVariable String ods) {
        return map.neighbourhoods();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "The ICS's organisations")
    @GetMapping("/api/v1/ics/{ods}/organisations")
    List<Organisation> organisations(@PathVariable String ods) {
        return map.organisations();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "The ICS's forums and their reporting lines")
    @GetMapping("/api/v1/ics/{ods}/forums")
    List<Forum> forums(@PathVariable String ods) {
        return forums.forums();
    }

    record ForumWithSeats(Forum forum, List<Seat> seats) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "One forum with its seats")
    @GetMapping("/api/v1/ics/{ods}/forums/{id}")
    ForumWithSeats forum(@PathVariable String ods, @PathVariable long id) {
        return new ForumWithSeats(forums.forum(id), forums.seatsOf(id));
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Add a forum")
    @PostMapping("/api/v1/ics/{ods}/forums")
    @ResponseStatus(HttpStatus.CREATED)
    Forum addForum(@PathVariable String ods, @RequestBody ForumDetails body) {
        return forums.addForum(body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "Every seat on the ICS's forums")
    @GetMapping("/api/v1/ics/{ods}/seats")
    List<Seat> seats(@PathVariable String ods) {
        return forums.seats();
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Add a seat to a forum")
    @PostMapping("/api/v1/ics/{ods}/forums/{id}/seats")
    @ResponseStatus(HttpStatus.CREATED)
    Seat addSeat(@PathVariable String ods, @PathVariable long id, @RequestBody SeatDetails body) {
        return forums.addSeat(id, body);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(
            summary = "Change a seat",
            description = "Its type, whether anyone may hold it, the professions it is open to (codes from"
                    + " GET /api/v1/professions) or its expected hours; what the body leaves out stays as it is.")
    @PatchMapping("/api/v1/ics/{ods}/seats/{id}")
    Seat changeSeat(@PathVariable String ods, @PathVariable long id, @RequestBody SeatDetails body) {
        return forums.changeSeat(id, body);
    }

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Add a neighbourhood to a place")
    @PostMapping("/api/v1/ics/{ods}/neighbourhoods")
    @ResponseStatus(HttpStatus.CREATED)
    Neighbourhood addNeighbourhood(@PathVariable String ods, @RequestBody NewNeighbourhood body) {
        return map.addNeighbourhood(body.name(), body.place(), body.odsCode(), body.population());
    }

    record NewNeighbourhood(
            String name,
            String place,
            @JsonProperty("ods_code") String odsCode,
            Integer population) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Add an organisation")
    @PostMapping("/api/v1/ics/{ods}/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    Organisation addOrganisation(@PathVariable String ods, @RequestBody NewOrganisation body) {
        return map.addOrganisation(body.name(), body.odsCode(), body.sector(), body.place());
    }

    record NewOrganisation(
            String name, @JsonProperty("ods_code") String odsCode, String sector, String place) {}

    @Allowed(Role.ICS_ADMIN)
    @Operation(summary = "Import the ICS map file (CSV)", description = """
            Adds the places, neighbourhoods and organisations the map does not have and changes those it has \
            (found by name, whatever the case) where a row gives a different value; a blank value leaves the \
            map's as it is and nothing is removed. CSV (UTF-8), header \
            `kind,name,place,local_authority,ods_code,sector,population` in any order, one row for each: \
            `kind` `place`, `neighbourhood` or `organisation`; a place may give `local_authority` and \
            `population`; a neighbourhood must give its `place` and may give `ods_code` and `population`; an \
            organisation must give its `sector` (a code, as in `POST …/organisations`) and may give `place` and \
            `ods_code`. A column that does not apply to a row's kind must be blank. A place named on another \
            row must exist already or be a row of the file; a neighbourhood cannot move to another place. \
            At most 20,000 rows. A file with any problem changes nothing and answers 400 naming each row, \
            column and reason. `GET …/map/export` gives the map in the same form.""")
    @PostMapping(
            value = "/api/v1/ics/{ods}/map/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    IcsMap.Imported importMap(@PathVariable String ods, @RequestBody(required = false) byte @Nullable [] body) {
        return map.importFile(body == null ? new byte[0] : body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @Operation(summary = "Export the ICS map file (CSV)", description = """
            The places (by name), neighbourhoods (by place and name) and organisations (by name) in the \
            columns of the map file, so that importing it changes nothing.""")
    @GetMapping("/api/v1/ics/{ods}/map/export")
    org.springframework.http.ResponseEntity<byte[]> exportMap(@PathVariable String ods) {
        return map.download();
    }
}
