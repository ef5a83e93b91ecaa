package org.goldenthread.structure;

import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class StructurePages implements Navigation, Dashboard {

    private final IcsMap map;

    StructurePages(IcsMap map) {
        this.map = map;
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, Tenant tenant) {
        return tenant == null
                ? List.of()
                : List.of(new NavigationItem(10, "ICS map", "/ics/" + tenant.odsCode() + "/map"));
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        IcsMap.Counts counts = map.counts();
        String href = "/ics/" + tenant.odsCode() + "/map";
        return List.of(
                new DashboardCard(
                        10, "Places", String.valueOf(counts.places()), "Local authority footprints in this ICS", href),
                new DashboardCard(
                        11,
                        "Neighbourhoods",
                        String.valueOf(counts.neighbourhoods()),
                        "Neighbourhoods and primary care networks",
                        href + "#neighbourhoods"),
                new DashboardCard(
                        12,
                        "Organisations",
                        String.valueOf(counts.organisations()),
                        "Providers, councils and partners",
                        href + "#organisations"));
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

    record PlaceForm(String name, String localAuthority, String population) {}

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

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/neighbourhoods/new")
    String newNeighbourhood(@PathVariable String ods, Model model) {
        return neighbourhoodForm(model, java.util.Map.of());
    }

    private String neighbourhoodForm(Model model, java.util.Map<String, String> form) {
        model.addAttribute("form", form);
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        return "structure/neighbourhood-new";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/neighbourhoods/new")
    String addNeighbourhood(
            @PathVariable String ods,
            @RequestParam java.util.Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Neighbourhood added = map.addNeighbourhood(
                    form.get("name"), form.get("place"), form.get("ods_code"), population(form.get("population")));
            redirect.addFlashAttribute("success", added.name() + " was added.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/map#neighbourhoods";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return neighbourhoodForm(model, form);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/organisations/new")
    String newOrganisation(@PathVariable String ods, Model model) {
        return organisationForm(model, java.util.Map.of());
    }

    private String organisationForm(Model model, java.util.Map<String, String> form) {
        model.addAttribute("form", form);
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        model.addAttribute("sectors", Choice.of(Sector.class));
        return "structure/organisation-new";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/organisations/new")
    String addOrganisation(
            @PathVariable String ods,
            @RequestParam java.util.Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Organisation added =
                    map.addOrganisation(form.get("name"), form.get("ods_code"), form.get("sector"), form.get("place"));
            redirect.addFlashAttribute("success", added.name() + " was added.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/map#organisations";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return organisationForm(model, form);
        }
    }

    private static Integer population(String raw) {
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
