package org.goldenthread.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StructureApi {

    private final IcsMap map;

    StructureApi(IcsMap map) {
        this.map = map;
    }

    record NewPlace(String name, @JsonProperty("local_authority") String localAuthority, Integer population) {
    }

    @GetMapping("/api/v1/ics/{ods}/places")
    List<Place> places(@PathVariable String ods) {
        return map.places();
    }

    @GetMapping("/api/v1/ics/{ods}/places/{id}")
    Place place(@PathVariable String ods, @PathVariable long id) {
        return map.place(id);
    }

    @PostMapping("/api/v1/ics/{ods}/places")
    @ResponseStatus(HttpStatus.CREATED)
    Place addPlace(@PathVariable String ods, @RequestBody NewPlace body) {
        Scope.require(Role.ICS_ADMIN);
        return map.addPlace(body.name(), body.localAuthority(), body.population());
    }

    @GetMapping("/api/v1/ics/{ods}/neighbourhoods")
    List<Neighbourhood> neighbourhoods(@PathVariable String ods) {
        return map.neighbourhoods();
    }

    @GetMapping("/api/v1/ics/{ods}/organisations")
    List<Organisation> organisations(@PathVariable String ods) {
        return map.organisations();
    }
}
