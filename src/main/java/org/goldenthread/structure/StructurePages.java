package org.goldenthread.structure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Search;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class StructurePages {

    private final IcsMap map;

    StructurePages(IcsMap map) {
        this.map = map;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/map")
    String map(@PathVariable String ods, Model model) {
        model.addAttribute("places", map.places());
        model.addAttribute("neighbourhoods", map.neighbourhoods());
        List<Organisation> organisations = map.organisations();
        model.addAttribute("organisationCount", organisations.size());
        model.addAttribute("sectorCounts", sectorCounts(organisations));
        model.addAttribute(
                "canEdit",
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return "structure/map";
    }

    /** The map file, for anyone who can see the map. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/map.csv")
    org.springframework.http.ResponseEntity<byte[]> mapFile(@PathVariable String ods) {
        return map.download();
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/map/import")
    String importPage(@PathVariable String ods, Model model) {
        model.addAttribute("columns", MapFile.COLUMNS);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("mostRows", MapFile.MOST_ROWS);
        return "structure/map-import";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/map/import")
    String importMap(
            @PathVariable String ods, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws java.io.IOException {
        FormPage.importFile(model, file, map::importFile);
        return importPage(ods, model);
    }

    /** How many organisations of each sector, in the sectors' own order, leaving out those with none. */
    private static List<Map.Entry<String, Long>> sectorCounts(List<Organisation> organisations) {
        Map<String, Long> bySector =
                organisations.stream().collect(Collectors.groupingBy(Organisation::sector, Collectors.counting()));
        return Arrays.stream(Sector.values())
                .filter(sector -> bySector.containsKey(sector.code()))
                .map(sector -> Map.entry(sector.label(), bySector.get(sector.code())))
                .toList();
    }

    static final int ORGANISATIONS_PER_PAGE = 50;

    /** The ICS's organisations, a page at a time, found by name or ODS code, place and sector. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/organisations")
    String organisations(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @Nullable String sector,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Search search = Search.of(q);
        List<Organisation> found = map.organisations().stream()
                .filter(o -> search.finds(o.name(), o.odsCode()))
                .filter(o -> place == null || place.isBlank() || place.equals(o.place()))
                .filter(o -> sector == null || sector.isBlank() || sector.equals(o.sector()))
                .toList();
        Map<String, @Nullable String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("place", place);
        filters.put("sector", sector);
        model.addAttribute(
                "organisations",
                ListPage.of(
                        found,
                        page,
                        ORGANISATIONS_PER_PAGE,
                        "/ics/" + Scope.currentTenant().odsCode() + "/organisations",
                        filters));
        model.addAttribute("q", q);
        model.addAttribute("place", place);
        model.addAttribute("sector", sector);
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        model.addAttribute(
                "sectors",
                Arrays.stream(Sector.values())
                        .map(s -> new Choice(s.code(), s.label()))
                        .toList());
        model.addAttribute("sectorLabels", Coded.labels(Sector.class));
        model.addAttribute(
                "canEdit",
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return "structure/organisations";
    }

    record PlaceForm(
            @Nullable String name,
            @Nullable String localAuthority,
            @Nullable String population) {}

    private static final FormPage NEW_PLACE = new FormPage("structure/place-new");

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/places/new")
    String newPlace(@PathVariable String ods, Model model) {
        return NEW_PLACE.show(model, new PlaceForm("", "", ""));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/places/new")
    String addPlace(@PathVariable String ods, PlaceForm form, Model model, RedirectAttributes redirect) {
        try {
            Place place = map.addPlace(form.name(), form.localAuthority(), population(form.population()));
            redirect.addFlashAttribute("success", place.name() + " was added.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/map";
        } catch (InvalidInput e) {
            return NEW_PLACE.showAgain(model, form, e);
        }
    }

    record NeighbourhoodForm(
            @Nullable String name,
            @Nullable String place,
            @BindParam("ods_code") @Nullable String odsCode,
            @Nullable String population) {}

    private static final FormPage NEW_NEIGHBOURHOOD = new FormPage("structure/neighbourhood-new");

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/neighbourhoods/new")
    String newNeighbourhood(@PathVariable String ods, Model model) {
        return NEW_NEIGHBOURHOOD.show(withPlaces(model), new NeighbourhoodForm(null, null, null, null));
    }

    private Model withPlaces(Model model) {
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/neighbourhoods/new")
    String addNeighbourhood(
            @PathVariable String ods, NeighbourhoodForm form, Model model, RedirectAttributes redirect) {
        try {
            Neighbourhood added =
                    map.addNeighbourhood(form.name(), form.place(), form.odsCode(), population(form.population()));
            redirect.addFlashAttribute("success", added.name() + " was added.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/map#neighbourhoods";
        } catch (InvalidInput e) {
            return NEW_NEIGHBOURHOOD.showAgain(withPlaces(model), form, e);
        }
    }

    record OrganisationForm(
            @Nullable String name,
            @BindParam("ods_code") @Nullable String odsCode,
            @Nullable String sector,
            @Nullable String place) {}

    private static final FormPage NEW_ORGANISATION = new FormPage("structure/organisation-new");

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/organisations/new")
    String newOrganisation(@PathVariable String ods, Model model) {
        return NEW_ORGANISATION.show(withSectors(model), new OrganisationForm(null, null, null, null));
    }

    private Model withSectors(Model model) {
        model.addAttribute("sectors", Choice.of(Sector.class));
        return withPlaces(model);
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/organisations/new")
    String addOrganisation(@PathVariable String ods, OrganisationForm form, Model model, RedirectAttributes redirect) {
        try {
            Organisation added = map.addOrganisation(form.name(), form.odsCode(), form.sector(), form.place());
            redirect.addFlashAttribute("success", added.name() + " was added.");
            // the list of organisations, found by the new one's name, shows it among them
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/organisations?q="
                    + URLEncoder.encode(added.name(), StandardCharsets.UTF_8);
        } catch (InvalidInput e) {
            return NEW_ORGANISATION.showAgain(withSectors(model), form, e);
        }
    }

    private static @Nullable Integer population(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInput("population", "Enter the population as a whole number, like 350000");
        }
    }
}
