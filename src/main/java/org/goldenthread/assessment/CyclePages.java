package org.goldenthread.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.IcsMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for the self-assessment cycles: the list, opening one, one cycle's ratings, closing and sharing it. */
@Controller
class CyclePages {

    private static final FormPage CYCLES = new FormPage("assessment/assessments");

    private final Cycles cycles;
    private final Ratings ratings;
    private final Closings closings;
    private final Actions actions;
    private final Frameworks frameworks;
    private final IcsMap map;
    private final Clock clock;
    private final Jobs jobs;

    CyclePages(
            Cycles cycles,
            Ratings ratings,
            Closings closings,
            Actions actions,
            Frameworks frameworks,
            IcsMap map,
            Clock clock,
            Jobs jobs) {
        this.jobs = jobs;
        this.cycles = cycles;
        this.ratings = ratings;
        this.closings = closings;
        this.actions = actions;
        this.frameworks = frameworks;
        this.map = map;
        this.clock = clock;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/assessments")
    String list(@PathVariable String ods, Model model) {
        return CYCLES.show(
                listed(model), CycleForm.openingOn(LocalDate.now(clock).toString()));
    }

    private Model listed(Model model) {
        Footprint footprint = Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST);
        model.addAttribute("readsCycles", AssessmentAccess.contributes());
        model.addAttribute("cycles", cycles.cycles(footprint));
        model.addAttribute(
                "frameworks",
                frameworks.frameworks().stream()
                        .map(f ->
                                // a stored framework has its title: FrameworkRules require one
                                new Choice(
                                        String.valueOf(f.id()),
                                        Objects.requireNonNull(f.framework().title())))
                        .toList());
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        model.addAttribute("canLead", AssessmentAccess.leads());
        model.addAttribute(
                "overdue", actions.overdue(LocalDate.now(clock), footprint).size());
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments")
    String open(@PathVariable String ods, CycleForm form, Model model, RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            LocalDate opened = FormValues.date("opened_on", "Opens on", form.openedOn(), problems);
            Long framework = FormValues.id(form.framework());
            if (framework == null) {
                problems.add(Problem.of("framework", "Choose the framework to assess against"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            // a missing framework was refused above
            long id = cycles.open(Objects.requireNonNull(framework), form.title(), form.place(), opened);
            redirect.addFlashAttribute("success", "The cycle is open. Contributors can now rate each indicator.");
            return "redirect:" + AssessmentAccess.base() + "/" + id;
        } catch (InvalidInput e) {
            return CYCLES.showAgain(listed(model), form, e);
        }
    }

    record Row(
            Framework.Indicator indicator,
            @Nullable Integer mine,
            @Nullable Integer agreed,
            @Nullable String agreedName,
            Spread spread) {}

    record PrincipleRows(Framework.Principle principle, List<Row> rows) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}")
    String cycle(@PathVariable String ods, @PathVariable long id, Model model) {
        Cycle cycle = cycles.cycle(id, AssessmentAccess.readers());
        boolean lead = AssessmentAccess.leads();
        List<Cycle.Rating> all = lead ? ratings.ratings(id) : List.of();
        List<Cycle.Rating> mine = ratings.myRatings(id);
        List<Cycle.Agreed> agreed = ratings.agreed(id);
        model.addAttribute("cycle", cycle);
        model.addAttribute(
                "principles",
                cycle.framework().principles().stream()
                        .map(p -> new PrincipleRows(
                                p,
                                p.indicators().stream()
                                        .map(i -> row(cycle, i, all, mine, agreed))
                                        .toList()))
                        .toList());
        model.addAttribute("agreedCount", agreed.size());
        model.addAttribute("indicatorCount", cycle.framework().indicators().count());
        model.addAttribute("lead", lead);
        model.addAttribute("contributes", AssessmentAccess.contributes());
        return "assessment/cycle";
    }

    private static Row row(
            Cycle cycle,
            Framework.Indicator i,
            List<Cycle.Rating> all,
            List<Cycle.Rating> mine,
            List<Cycle.Agreed> agreed) {
        Integer my = mine.stream()
                .filter(r -> r.indicator().equals(i.code()))
                .map(Cycle.Rating::level)
                .findFirst()
                .orElse(null);
        Optional<Cycle.Agreed> a =
                agreed.stream().filter(x -> x.indicator().equals(i.code())).findFirst();
        return new Row(
                i,
                my,
                a.map(Cycle.Agreed::level).orElse(null),
                a.map(x -> x.level() + " " + cycle.framework().levelName(x.level()))
                        .orElse(null),
                Spread.of(
                        all.stream().filter(r -> r.indicator().equals(i.code())).toList()));
    }

    /**
     * Closing freezes every cited figure, which for a large ICS takes a while: it runs as a job, whose
     * page shows its progress unless it ends within a few seconds. What would refuse it is checked
     * first, so a refusal shows on the cycle's page as before.
     */
    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/close")
    String close(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        LocalDate today = LocalDate.now(clock);
        try {
            closings.check(id, today);
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return cycle(ods, id, model);
        }
        Cycle cycle = cycles.cycle(id, AssessmentAccess.readers());
        Job job = jobs.start(
                "cycle_close",
                "Closing " + cycle.title(),
                AssessmentAccess.base() + "/" + id + "/closing/{id}",
                Job.Measure.FIGURES,
                progress -> {
                    closings.close(id, today, progress);
                    return Map.of("cycle_id", id, "closed_on", today.toString());
                });
        if (jobs.await(job.id(), CLOSING_PATIENCE)
                .map(j -> j.state() == Job.State.DONE)
                .orElse(false)) {
            redirect.addFlashAttribute("success", CLOSED);
            return "redirect:" + AssessmentAccess.base() + "/" + id;
        }
        return "redirect:" + job.link();
    }

    private static final Duration CLOSING_PATIENCE = Duration.ofSeconds(3);
    private static final String CLOSED = "The cycle is closed. Its figures are frozen as they stand today.";

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/assessments/{id}/closing/{jobId}")
    String closing(@PathVariable String ods, @PathVariable long id, @PathVariable long jobId, Model model) {
        Job job = jobs.visible(jobId);
        if (!job.shownAt(AssessmentAccess.base() + "/" + id + "/closing/{id}")) {
            throw new NotFound("No such job");
        }
        model.addAttribute("cycle", cycles.cycle(id, AssessmentAccess.readers()));
        model.addAttribute("job", job);
        model.addAttribute("closed", CLOSED);
        if (job.finished() && !job.problems().isEmpty()) {
            model.addAttribute("problems", job.problems());
        }
        return "assessment/closing";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/share")
    String share(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        closings.share(id);
        redirect.addFlashAttribute(
                "success", "The agreed ratings were added, without this ICS's name, to the " + "benchmarking pool.");
        return "redirect:" + AssessmentAccess.base() + "/" + id;
    }
}
