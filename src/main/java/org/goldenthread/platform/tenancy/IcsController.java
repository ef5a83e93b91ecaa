package org.goldenthread.platform.tenancy;

import java.util.Comparator;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ICS overview page, and the platform administrator's pages for managing ICSs. */
@Controller
class IcsController {

    private static final FormPage NEW_ICS = new FormPage("platform/admin-ics-new");
    private static final FormPage EDIT_ICS = new FormPage("platform/admin-ics-edit");
    private static final FormPage MERGE_ICS = new FormPage("platform/admin-ics-merge");

    private final Tenants tenants;
    private final List<Dashboard> dashboards;
    private final SmallNumbers small;

    private final Jobs jobs;

    IcsController(Tenants tenants, List<Dashboard> dashboards, SmallNumbers small, Jobs jobs) {
        this.jobs = jobs;
        this.tenants = tenants;
        this.dashboards = dashboards;
        this.small = small;
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
        // while the demo loads, its administrators watch it here; the card reloads the page when it ends
        model.addAttribute(
                "loading",
                caller.has(Role.ICS_ADMIN, tenant.id())
                        ? jobs.recent(null, 5).stream()
                                .filter(j -> j.kind().equals("demo_load") && !j.finished())
                                .findFirst()
                                .orElse(null)
                        : null);
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

    record IcsForm(@BindParam("ods_code") String odsCode, String name, String region) {}

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/ics/new")
    String createForm(Model model) {
        return NEW_ICS.show(model, new IcsForm("", "", ""));
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/new")
    String create(IcsForm form, Model model, RedirectAttributes redirect) {
        try {
            Ics created = tenants.create(form.odsCode(), form.name(), form.region());
            redirect.addFlashAttribute("success", created.name() + " (" + created.odsCode() + ") was created.");
            return "redirect:/admin/ics";
        } catch (InvalidInput e) {
            return NEW_ICS.showAgain(model, form, e);
        }
    }

    /** The edit page's fields as shown: each as stored, or as typed into a form that was refused. */
    record IcsSettings(String name, String minGroupSize) {

        static IcsSettings of(Ics ics) {
            return new IcsSettings(
                    ics.name(),
                    ics.minGroupSize() == null ? "" : ics.minGroupSize().toString());
        }
    }

    record Rename(String name) {}

    /** Empty for the platform's threshold. */
    record GroupSize(@BindParam("min_group_size") String minGroupSize) {}

    /** The ICS chosen to merge into, and the source's ODS code typed to confirm (empty until then). */
    record MergeInto(String target, String confirm) {}

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/ics/{ods}")
    String edit(@PathVariable String ods, Model model) {
        return EDIT_ICS.show(model, IcsSettings.of(editPage(ods, model)));
    }

    /** Everything the edit page shows but its fields. */
    private Ics editPage(String ods, Model model) {
        Ics ics = tenants.get(ods);
        model.addAttribute("ics", ics);
        model.addAttribute("platformMinGroupSize", small.platformMinGroupSize());
        model.addAttribute(
                "targets",
                tenants.all().stream()
                        .filter(i -> !i.isMerged() && i.id() != ics.id())
                        .toList());
        return ics;
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/{ods}/rename")
    String rename(@PathVariable String ods, Rename form, Model model, RedirectAttributes redirect) {
        try {
            tenants.rename(ods, form.name());
            redirect.addFlashAttribute(
                    "success", "The ICS was renamed to " + form.name().trim() + ".");
            return "redirect:/admin/ics";
        } catch (InvalidInput e) {
            IcsSettings stored = IcsSettings.of(editPage(ods, model));
            return EDIT_ICS.showAgain(model, new IcsSettings(form.name(), stored.minGroupSize()), e);
        }
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/{ods}/min-group-size")
    String setMinGroupSize(@PathVariable String ods, GroupSize form, Model model, RedirectAttributes redirect) {
        String k = form.minGroupSize();
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
            IcsSettings stored = IcsSettings.of(editPage(ods, model));
            return EDIT_ICS.showAgain(model, new IcsSettings(stored.name(), k), e);
        }
    }

    /** The first step of a merge: what it would do, and the box in which to confirm it. Changes nothing. */
    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/ics/{ods}/merge")
    String previewMerge(@PathVariable String ods, MergeInto form, Model model) {
        try {
            if (form.target() == null || form.target().isBlank()) {
                throw new InvalidInput("target", "Choose the ICS to merge into");
            }
            model.addAttribute("preview", tenants.previewMerge(ods, form.target()));
            return MERGE_ICS.show(model, new MergeInto(form.target(), ""));
        } catch (InvalidInput e) {
            return refusedOnEditPage(ods, model, e);
        }
    }

    /** The merge itself, once the source's ODS code is typed to confirm it; a wrong one changes nothing. */
    @Allowed(Role.PLATFORM_ADMIN)
    @PostMapping("/admin/ics/{ods}/merge")
    String merge(@PathVariable String ods, MergeInto form, Model model, RedirectAttributes redirect) {
        try {
            if (form.target() == null || form.target().isBlank()) {
                throw new InvalidInput("target", "Choose the ICS to merge into");
            }
            Ics merged = tenants.merge(ods, form.target(), form.confirm());
            redirect.addFlashAttribute("success", merged.name() + " was merged into " + merged.mergedInto() + ".");
            return "redirect:/admin/ics";
        } catch (InvalidInput e) {
            if (e.problems().stream().allMatch(p -> "confirm".equals(p.field()))) {
                // the merge could go ahead: show what it would do again, with the confirmation's problem
                model.addAttribute("preview", tenants.previewMerge(ods, form.target()));
                InvalidInput refusal = new InvalidInput(e.problems().stream()
                        .map(p -> Problem.of(
                                "confirm",
                                form.confirm() == null || form.confirm().isBlank()
                                        ? "Enter the ODS code of the ICS being merged to confirm"
                                        : "Enter the ODS code of the ICS being merged, exactly as shown"))
                        .toList());
                return MERGE_ICS.showAgain(model, new MergeInto(form.target(), form.confirm()), refusal);
            }
            return refusedOnEditPage(ods, model, e);
        }
    }

    /** The edit page again with a merge's refusal beside its one field, whichever field it was about. */
    private String refusedOnEditPage(String ods, Model model, InvalidInput e) {
        InvalidInput refusal = new InvalidInput(
                e.problems().stream().map(p -> Problem.of("target", p.reason())).toList());
        return EDIT_ICS.showAgain(model, IcsSettings.of(editPage(ods, model)), refusal);
    }
}
