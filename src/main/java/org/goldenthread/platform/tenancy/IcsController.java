package org.goldenthread.platform.tenancy;

import java.util.Comparator;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ICS overview page, and the platform administrator's pages for managing ICSs. */
@Controller
class IcsController implements Navigation {

    private final Tenants tenants;
    private final List<Dashboard> dashboards;
    private final SmallNumbers small;

    IcsController(Tenants tenants, List<Dashboard> dashboards, SmallNumbers small) {
        this.tenants = tenants;
        this.dashboards = dashboards;
        this.small = small;
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, Tenant tenant) {
        if (tenant != null) {
            return List.of(new NavigationItem(0, "Overview", "/ics/" + tenant.odsCode()));
        }
        return caller.isPlatformAdmin() ? List.of(new NavigationItem(900, "ICSs", "/admin/ics")) : List.of();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}")
    String overview(@PathVariable String ods, Model model) {
        Tenant tenant = Scope.currentTenant();
        Caller caller = Scope.currentCaller();
        model.addAttribute(
                "roles",
                caller.rolesIn(tenant.id()).stream().sorted().map(Role::label).toList());
        model.addAttribute("places", caller.placesLedIn(tenant.id()));
        model.addAttribute(
                "mergedIn",
                Scope.systemPlatform().run(() -> tenants.all()).stream()
                        .filter(i -> tenant.odsCode().equals(i.mergedInto()))
                        .toList());
        model.addAttribute(
                "cards",
                dashboards.stream()
                        .flatMap(d -> d.cardsFor(caller, tenant).stream())
                        .sorted(Comparator.comparingInt(DashboardCard::order))
                        .toList());
        return "platform/ics-overview";
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/ics")
    String list(Model model) {
        model.addAttribute("icsList", tenants.all());
        return "platform/admin-ics";
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/load-reference")
    String loadReference(RedirectAttributes redirect) {
        int added = tenants.loadReferenceIcbs();
        redirect.addFlashAttribute(
                "success",
                added == 0 ? "All 42 ICBs were already here." : added + " ICBs were added from the reference list.");
        return "redirect:/admin/ics";
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/ics/new")
    String createForm(Model model) {
        model.addAttribute("form", new IcsForm("", "", ""));
        return "platform/admin-ics-new";
    }

    record IcsForm(String odsCode, String name, String region) {}

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/new")
    String create(
            @RequestParam(name = "ods_code", required = false) String odsCode,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String region,
            Model model,
            RedirectAttributes redirect) {
        IcsForm form = new IcsForm(odsCode, name, region);
        try {
            Ics created = tenants.create(form.odsCode(), form.name(), form.region());
            redirect.addFlashAttribute("success", created.name() + " (" + created.odsCode() + ") was created.");
            return "redirect:/admin/ics";
        } catch (InvalidInput e) {
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return "platform/admin-ics-new";
        }
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/ics/{ods}")
    String edit(@PathVariable String ods, Model model) {
        Ics ics = tenants.get(ods);
        model.addAttribute("ics", ics);
        model.addAttribute("name", ics.name());
        model.addAttribute(
                "minGroupSize",
                ics.minGroupSize() == null ? "" : ics.minGroupSize().toString());
        model.addAttribute("platformMinGroupSize", small.platformMinGroupSize());
        model.addAttribute(
                "targets",
                tenants.all().stream()
                        .filter(i -> !i.isMerged() && i.id() != ics.id())
                        .toList());
        return "platform/admin-ics-edit";
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/{ods}/rename")
    String rename(
            @PathVariable String ods,
            @RequestParam(required = false) String name,
            Model model,
            RedirectAttributes redirect) {
        try {
            tenants.rename(ods, name);
            redirect.addFlashAttribute("success", "The ICS was renamed to " + name.trim() + ".");
            return "redirect:/admin/ics";
        } catch (InvalidInput e) {
            edit(ods, model);
            model.addAttribute("name", name);
            model.addAttribute("problems", e.problems());
            return "platform/admin-ics-edit";
        }
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/{ods}/min-group-size")
    String setMinGroupSize(
            @PathVariable String ods,
            @RequestParam(name = "min_group_size", required = false) String k,
            Model model,
            RedirectAttributes redirect) {
        try {
            Integer value;
            try {
                value = k == null || k.isBlank() ? null : Integer.valueOf(k.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("min_group_size", "Enter a whole number, like 10, or leave it empty");
            }
            Ics changed = tenants.setMinGroupSize(ods, value);
            redirect.addFlashAttribute(
                    "success",
                    changed.minGroupSize() == null
                            ? changed.name() + " now hides groups of fewer than " + small.platformMinGroupSize()
                                    + ", the platform's threshold."
                            : changed.name() + " now hides groups of fewer than " + changed.minGroupSize() + ".");
            return "redirect:/admin/ics";
        } catch (InvalidInput e) {
            edit(ods, model);
            model.addAttribute("minGroupSize", k);
            model.addAttribute("problems", e.problems());
            return "platform/admin-ics-edit";
        }
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/{ods}/merge")
    String merge(
            @PathVariable String ods,
            @RequestParam(required = false) String target,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (target == null || target.isBlank()) {
                throw new InvalidInput("target", "Choose the ICS to merge into");
            }
            Ics merged = tenants.merge(ods, target);
            redirect.addFlashAttribute("success", merged.name() + " was merged into " + merged.mergedInto() + ".");
            return "redirect:/admin/ics";
        } catch (InvalidInput e) {
            edit(ods, model);
            model.addAttribute(
                    "problems",
                    e.problems().stream()
                            .map(p -> org.goldenthread.platform.Problem.of("target", p.reason()))
                            .toList());
            return "platform/admin-ics-edit";
        }
    }
}
