package org.goldenthread.structure;

import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
        model.addAttribute("organisations", map.organisations());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute(
                "canEdit",
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return "structure/map";
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
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/map#organisations";
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
