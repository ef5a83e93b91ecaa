package org.goldenthread.pipeline.succession;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.people.Professions;
import org.goldenthread.people.Register;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.pipeline.TalentPool.Origin;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.ForumKind;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The talent pool pages: the pool, filterable by readiness, level and reviews due, for ICS admins
 * and place leads; nominating someone and changing an entry; the CSV download for ICS admins; and
 * the page where anyone with a role in the ICS says they are interested.
 */
@Controller
class TalentPages {

    private static final FormPage NOMINATE = new FormPage("pipeline/talent-new");
    private static final FormPage ENTRY = new FormPage("pipeline/talent-entry");
    private static final FormPage MINE = new FormPage("pipeline/talent-mine");

    private final TalentPoolEntries pool;
    private final TalentExport export;
    private final Register register;
    private final Professions professions;
    private final Clock clock;

    TalentPages(TalentPoolEntries pool, TalentExport export, Register register, Professions professions, Clock clock) {
        this.pool = pool;
        this.export = export;
        this.register = register;
        this.professions = professions;
        this.clock = clock;
    }

    private static Footprint footprint() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
    }

    private static String home() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/pipeline/talent";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/pipeline/talent")
    String pool(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String readiness,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(name = "review_due", required = false) @Nullable String reviewDue,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Caller caller = Scope.currentCaller();
        List<TalentEntry> all = pool.entries(footprint(), caller);
        TalentFilter filter;
        try {
            filter = new TalentFilter(readiness, level, "true".equals(reviewDue));
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            filter = new TalentFilter(null, null, false);
        }
        model.addAttribute("entries", filter.apply(all, today));
        model.addAttribute("total", all.size());
        model.addAttribute(
                "reviewsDue", all.stream().filter(e -> e.reviewDueOn(today)).count());
        model.addAttribute("filter", filter);
        model.addAttribute("today", today);
        model.addAttribute("readinesses", Choice.of(Readiness.class));
        model.addAttribute("levels", Choice.of(Level.class));
        model.addAttribute(
                "isAdmin", caller.has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        labels(model);
        return "pipeline/talent";
    }

    private Model labels(Model model) {
        model.addAttribute("readinessLabels", Coded.labels(Readiness.class));
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute("kindLabels", Coded.labels(ForumKind.class));
        model.addAttribute("originLabels", Coded.labels(Origin.class));
        model.addAttribute("professionNames", professions.names());
        return model;
    }

    private Model choices(Model model) {
        model.addAttribute("readinesses", Choice.of(Readiness.class));
        model.addAttribute("levels", Choice.of(Level.class));
        model.addAttribute("kinds", Choice.of(ForumKind.class));
        model.addAttribute("stages", Choice.of(CareerStage.class));
        model.addAttribute(
                "professions",
                professions.all().stream()
                        .sorted(Comparator.comparing(Profession::name))
                        .map(p -> new Choice(p.code(), p.name()))
                        .toList());
        return labels(model);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/pipeline/talent/new")
    String nominateForm(@PathVariable String ods, Model model) {
        return NOMINATE.show(nominees(choices(model)), TalentForm.empty());
    }

    private Model nominees(Model model) {
        model.addAttribute(
                "people",
                register.people(footprint()).stream()
                        .map(p -> new Choice(String.valueOf(p.id()), p.fullName() + " (" + p.personRef() + ")"))
                        .toList());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/pipeline/talent/new")
    String nominate(@PathVariable String ods, TalentForm form, Model model, RedirectAttributes redirect) {
        try {
            TalentEntry added = pool.add(form.nomination(), footprint(), Scope.currentCaller(), LocalDate.now(clock));
            redirect.addFlashAttribute("success", added.person() + " was added to the talent pool.");
            return "redirect:" + home();
        } catch (InvalidInput e) {
            return NOMINATE.showAgain(nominees(choices(model)), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/pipeline/talent/{id}")
    String entry(@PathVariable String ods, @PathVariable long id, Model model) {
        TalentEntry entry = pool.entry(id, footprint(), Scope.currentCaller());
        model.addAttribute("entry", entry);
        return ENTRY.show(choices(model), TalentForm.of(entry));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/pipeline/talent/{id}")
    String change(
            @PathVariable String ods,
            @PathVariable long id,
            TalentForm form,
            Model model,
            RedirectAttributes redirect) {
        TalentEntry entry = pool.entry(id, footprint(), Scope.currentCaller());
        try {
            pool.update(id, form.change(), footprint(), Scope.currentCaller());
            redirect.addFlashAttribute("success", entry.person() + "'s entry in the talent pool was saved.");
            return "redirect:" + home();
        } catch (InvalidInput e) {
            model.addAttribute("entry", entry);
            return ENTRY.showAgain(choices(model), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/pipeline/talent/export")
    ResponseEntity<byte[]> download(@PathVariable String ods) {
        return export.download(Scope.currentTenant().odsCode(), Scope.currentCaller());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/pipeline/talent/mine")
    String mineForm(@PathVariable String ods, Model model) {
        TalentEntry mine = mineModel(model);
        return MINE.show(choices(model), mine == null ? TalentForm.empty() : TalentForm.of(mine));
    }

    private @Nullable TalentEntry mineModel(Model model) {
        Person self = register.personByEmail(Scope.currentCaller().email()).orElse(null);
        TalentEntry mine = self == null ? null : pool.ofPerson(self.id()).orElse(null);
        model.addAttribute("self", self);
        model.addAttribute("mine", mine);
        return mine;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/pipeline/talent/mine")
    String expressInterest(@PathVariable String ods, TalentForm form, Model model, RedirectAttributes redirect) {
        try {
            pool.expressInterest(
                    new TalentPoolEntries.Interest(
                            Interested.self(form.givenName(), form.familyName(), form.profession(), form.careerStage()),
                            form.levels() == null ? List.of() : form.levels(),
                            form.forumKinds() == null ? List.of() : form.forumKinds(),
                            form.topics(),
                            form.readiness(),
                            "true".equals(form.consentToContact())),
                    Scope.currentCaller(),
                    LocalDate.now(clock));
            redirect.addFlashAttribute("success", "Thank you. Your interest in leadership is recorded.");
            return "redirect:" + home() + "/mine";
        } catch (InvalidInput e) {
            mineModel(model);
            return MINE.showAgain(choices(model), form, e);
        }
    }
}
