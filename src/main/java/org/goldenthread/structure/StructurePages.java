package org.goldenthread.structure;

import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class StructurePages implements Navigation, Dashboard {

    private final IcsMap map;

    StructurePages(IcsMap map) {
        this.map = map;
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, Tenant tenant) {
        return tenant == null ? List.of() : List.of(new NavigationItem(10, "ICS map", "/ics/" + tenant.odsCode() + "/map"));
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        IcsMap.Counts counts = map.counts();
        String href = "/ics/" + tenant.odsCode() + "/map";
        return List.of(
                new DashboardCard(10, "Places", String.valueOf(counts.places()), "Local authority footprints in this ICS", href),
                new DashboardCard(11, "Neighbourhoods", String.valueOf(counts.neighbourhoods()), "Neighbourhoods and primary care networks", href + "#neighbourhoods"),
                new DashboardCard(12, "Organisations", String.valueOf(counts.organisations()), "Providers, councils and partners", href + "#organisations"));
    }

    @GetMapping("/ics/{ods}/map")
    String map(@PathVariable String ods, Model model) {
        model.addAttribute("places", map.places());
        model.addAttribute("neighbourhoods", map.neighbourhoods());
        model.addAttribute("organisations", map.organisations());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("canEdit", Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return "structure/map";
    }

    record PlaceForm(String name, String localAuthority, String population) {
    }

    @GetMapping("/ics/{ods}/places/new")
    String newPlace(@PathVariable String ods, Model model) {
        Scope.require(Role.ICS_ADMIN);
        model.addAttribute("form", new PlaceForm("", "", ""));
        return "structure/place-new";
    }

    @PostMapping("/ics/{ods}/places/new")
    String addPlace(@PathVariable String ods, PlaceForm form, Model model, RedirectAttributes redirect) {
        Scope.require(Role.ICS_ADMIN);
        try {
            Integer population = null;
            if (form.population() != null && !form.population().isBlank()) {
                try {
                    population = Integer.valueOf(form.population().trim().replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new InvalidInput("population", "Enter the population as a whole number, like 350000");
                }
            }
            Place place = map.addPlace(form.name(), form.localAuthority(), population);
            redirect.addFlashAttribute("success", place.name() + " was added.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/map";
        } catch (InvalidInput e) {
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return "structure/place-new";
        }
    }
}
