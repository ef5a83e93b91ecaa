package org.goldenthread.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Dashboard;
import org.goldenthread.platform.DashboardCard;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.structure.IcsMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for running a self-assessment: the cycles, rating an indicator, weighing the ratings and
 * agreeing one, evidence, actions, the trend, benchmarking and the board report.
 */
@Controller
class AssessmentPages implements Navigation, Dashboard {

    private final Cycles cycles;
    private final Ratings ratings;
    private final Citations citations;
    private final Attachments attachments;
    private final Actions actions;
    private final Closings closings;
    private final Frameworks frameworks;
    private final Progress progress;
    private final BoardReport report;
    private final Benchmark benchmark;
    private final IcsMap map;
    private final Surveys surveys;

    AssessmentPages(
            Cycles cycles,
            Ratings ratings,
            Citations citations,
            Attachments attachments,
            Actions actions,
            Closings closings,
            Frameworks frameworks,
            Progress progress,
            BoardReport report,
            Benchmark benchmark,
            IcsMap map,
            Surveys surveys) {
        this.cycles = cycles;
        this.ratings = ratings;
        this.citations = citations;
        this.attachments = attachments;
        this.actions = actions;
        this.closings = closings;
        this.frameworks = frameworks;
        this.progress = progress;
        this.report = report;
        this.benchmark = benchmark;
        this.map = map;
        this.surveys = surveys;
    }

    private static boolean reads(Caller caller, Tenant tenant) {
        return tenant != null && !caller.rolesIn(tenant.id()).isEmpty();
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, Tenant tenant) {
        return reads(caller, tenant)
                ? List.of(new NavigationItem(60, "Self-assessment", "/ics/" + tenant.odsCode() + "/assessments"))
                : List.of();
    }

    @Override
    public List<DashboardCard> cardsFor(Caller caller, Tenant tenant) {
        Footprint footprint = tenant == null
                ? null
                : Scope.reach(caller, tenant.id(), Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER)
                        .orElse(null);
        if (footprint == null) {
            return List.of();
        }
        List<Cycle.Action> overdue = actions.overdue(LocalDate.now(), footprint);
        return List.of(new DashboardCard(
                60,
                "Overdue actions",
                String.valueOf(overdue.size()),
                overdue.isEmpty()
                        ? "No self-assessment action is past its due date"
                        : "Self-assessment actions past their due date and not done",
                "/ics/" + tenant.odsCode() + "/assessments/actions"));
    }

    /**
     * Cycles name who rated, agreed and attached what; analysts, who see only aggregates, get the list
     * of cycles and the benchmarking, not the cycles themselves.
     */
    private static Footprint requireReader() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER);
    }

    /**
     * Refuses anyone who may not read or contribute to this cycle: 403 without a contributing role, 404
     * for a place lead when the cycle is another place's.
     */
    private Cycle requireReader(long id) {
        return cycles.cycle(id, requireReader());
    }

    private static boolean contributes() {
        var roles = Scope.currentCaller().rolesIn(Scope.currentTenant().id());
        return roles.contains(Role.ICS_ADMIN) || roles.contains(Role.PLACE_LEAD) || roles.contains(Role.MEMBER);
    }

    private static String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/assessments";
    }

    // ------------------------------------------------------------------ cycles

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/assessments")
    String list(@PathVariable String ods, Model model) {
        Footprint footprint = Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST);
        model.addAttribute("readsCycles", contributes());
        model.addAttribute("cycles", cycles.cycles(footprint));
        model.addAttribute(
                "frameworks",
                frameworks.frameworks().stream()
                        .map(f ->
                                new Choice(String.valueOf(f.id()), f.framework().title()))
                        .toList());
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        model.addAttribute("canLead", FrameworkPages.isLead());
        model.addAttribute(
                "overdue", actions.overdue(LocalDate.now(), footprint).size());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("opened_on", LocalDate.now().toString()));
        }
        return "assessment/assessments";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments")
    String open(
            @PathVariable String ods,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            LocalDate opened = FormValues.date(form, "opened_on", problems);
            Long framework = id(form, "framework");
            if (framework == null) {
                problems.add(Problem.of("framework", "Choose the framework to assess against"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            long id = cycles.open(framework, form.get("title"), form.get("place"), opened);
            redirect.addFlashAttribute("success", "The cycle is open. Contributors can now rate each indicator.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form);
            return list(ods, model);
        }
    }

    /** An id chosen from a list; anything else is no choice. */
    private static Long id(Map<String, String> form, String field) {
        String value = FormValues.text(form.get(field));
        return value == null || !value.matches("\\d{1,18}") ? null : Long.valueOf(value);
    }

    /** How far the contributors' ratings of one indicator agree. */
    record Spread(int ratings, Integer lowest, Integer highest) {

        static Spread of(List<Cycle.Rating> ratings) {
            return new Spread(
                    ratings.size(),
                    ratings.stream()
                            .map(Cycle.Rating::level)
                            .min(Integer::compare)
                            .orElse(null),
                    ratings.stream()
                            .map(Cycle.Rating::level)
                            .max(Integer::compare)
                            .orElse(null));
        }

        public boolean viewsDiffer() {
            return lowest != null && !lowest.equals(highest);
        }

        public String text() {
            if (ratings == 0) {
                return "No ratings yet";
            }
            return (viewsDiffer() ? lowest + " to " + highest : String.valueOf(lowest)) + " from " + ratings
                    + (ratings == 1 ? " rating" : " ratings");
        }
    }

    record Row(Framework.Indicator indicator, Integer mine, Integer agreed, String agreedName, Spread spread) {}

    record PrincipleRows(Framework.Principle principle, List<Row> rows) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}")
    String cycle(@PathVariable String ods, @PathVariable long id, Model model) {
        Cycle cycle = requireReader(id);
        boolean lead = FrameworkPages.isLead();
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
                                        .map(i -> {
                                            Integer my = mine.stream()
                                                    .filter(r -> r.indicator().equals(i.code()))
                                                    .map(Cycle.Rating::level)
                                                    .findFirst()
                                                    .orElse(null);
                                            Optional<Cycle.Agreed> a = agreed.stream()
                                                    .filter(x -> x.indicator().equals(i.code()))
                                                    .findFirst();
                                            return new Row(
                                                    i,
                                                    my,
                                                    a.map(Cycle.Agreed::level).orElse(null),
                                                    a.map(x -> x.level() + " "
                                                                    + cycle.framework()
                                                                            .levelName(x.level()))
                                                            .orElse(null),
                                                    Spread.of(all.stream()
                                                            .filter(r -> r.indicator()
                                                                    .equals(i.code()))
                                                            .toList()));
                                        })
                                        .toList()))
                        .toList());
        model.addAttribute("agreedCount", agreed.size());
        model.addAttribute("indicatorCount", cycle.framework().indicators().count());
        model.addAttribute("lead", lead);
        model.addAttribute("contributes", contributes());
        return "assessment/cycle";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/close")
    String close(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            closings.close(id, LocalDate.now());
            redirect.addFlashAttribute("success", "The cycle is closed. Its figures are frozen as they stand today.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return cycle(ods, id, model);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/share")
    String share(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        closings.share(id);
        redirect.addFlashAttribute(
                "success", "The agreed ratings were added, without this ICS's name, to the " + "benchmarking pool.");
        return "redirect:" + base() + "/" + id;
    }

    // ------------------------------------------------------------------ one indicator

    record Descriptor(int level, String name, String text) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}/indicators/{code}")
    String indicator(@PathVariable String ods, @PathVariable long id, @PathVariable String code, Model model) {
        Cycle cycle = requireReader(id);
        Framework f = cycle.framework();
        Framework.Indicator indicator =
                f.indicator(code).orElseThrow(() -> new NotFound("No indicator " + code + " in this cycle"));
        boolean lead = FrameworkPages.isLead();
        model.addAttribute("cycle", cycle);
        model.addAttribute("principle", f.principleOf(code).orElseThrow());
        model.addAttribute("indicator", indicator);
        model.addAttribute(
                "descriptors",
                IntStream.range(0, f.scale().size())
                        .mapToObj(i -> new Descriptor(
                                i + 1,
                                f.scale().get(i).name(),
                                indicator.descriptors().get(i)))
                        .toList());
        model.addAttribute(
                "evidence",
                citations.evidence(id).stream()
                        .filter(e -> e.indicator().equals(code))
                        .toList());
        model.addAttribute(
                "items",
                attachments.items(id).stream()
                        .filter(e -> e.indicator().equals(code))
                        .toList());
        model.addAttribute(
                "mine",
                ratings.myRatings(id).stream()
                        .filter(r -> r.indicator().equals(code))
                        .findFirst()
                        .orElse(null));
        List<Cycle.Rating> ratings = lead
                ? this.ratings.ratings(id).stream()
                        .filter(r -> r.indicator().equals(code))
                        .toList()
                : List.of();
        model.addAttribute("ratings", ratings);
        model.addAttribute("spread", Spread.of(ratings));
        model.addAttribute(
                "agreed",
                this.ratings.agreed(id).stream()
                        .filter(a -> a.indicator().equals(code))
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "actions",
                actions.actions(id).stream()
                        .filter(a -> a.indicator().equals(code))
                        .toList());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("lead", lead);
        model.addAttribute("contributes", contributes());
        model.addAttribute("me", Scope.currentCaller().userId());
        model.addAttribute("metrics", Choice.of(Metric.class));
        model.addAttribute(
                "surveys",
                surveys.surveys().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.title()))
                        .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "assessment/indicator";
    }

    private String back(long id, String code, String anchor) {
        return "redirect:" + base() + "/" + id + "/indicators/" + code + anchor;
    }

    private String again(String ods, long id, String code, InvalidInput e, Map<String, String> form, Model model) {
        model.addAttribute("problems", e.problems());
        model.addAttribute("form", form);
        return indicator(ods, id, code, model);
    }

    private static Integer level(Map<String, String> form, String field) {
        String value = FormValues.text(form.get(field));
        if (value == null) {
            throw new InvalidInput(field, "Choose a level");
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "Choose a level");
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/rating")
    String rate(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireReader(id);
        try {
            ratings.rate(id, code, level(form, "level"), form.get("narrative"));
            redirect.addFlashAttribute("success", "Your rating of " + code + " was saved.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return again(ods, id, code, e, form, model);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/agreed")
    String agree(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            ratings.agree(id, code, level(form, "agreed_level"), form.get("rationale"));
            redirect.addFlashAttribute("success", "The agreed rating of " + code + " was recorded.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return again(ods, id, code, renamedLevel(e), form, model);
        }
    }

    private static InvalidInput renamedLevel(InvalidInput e) {
        return new InvalidInput(e.problems().stream()
                .map(p -> "level".equals(p.field()) ? new Problem(p.row(), "agreed_level", p.reason()) : p)
                .toList());
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/evidence")
    String cite(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            citations.cite(id, code, form.get("metric"), id(form, "survey"), form.get("question"));
            redirect.addFlashAttribute("success", "The figure is cited as evidence.");
            return back(id, code, "#evidence");
        } catch (InvalidInput e) {
            return again(ods, id, code, e, form, model);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/evidence/{evidence}/remove")
    String uncite(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @PathVariable long evidence,
            RedirectAttributes redirect) {
        citations.uncite(id, evidence);
        redirect.addFlashAttribute("success", "The figure is no longer cited.");
        return back(id, code, "#evidence");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/links")
    String link(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireReader(id);
        try {
            attachments.attachLink(id, code, form.get("title"), form.get("url"));
            redirect.addFlashAttribute("success", "The link was added as evidence.");
            return back(id, code, "#evidence");
        } catch (InvalidInput e) {
            return again(ods, id, code, e, form, model);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/files")
    String file(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam(name = "file_title", required = false) String title,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        requireReader(id);
        try {
            attachments.attachFile(
                    id,
                    code,
                    title,
                    file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getBytes());
            redirect.addFlashAttribute("success", "The file was attached as evidence.");
            return back(id, code, "#evidence");
        } catch (InvalidInput e) {
            return again(
                    ods,
                    id,
                    code,
                    new InvalidInput(e.problems().stream()
                            .map(p -> "title".equals(p.field()) ? new Problem(p.row(), "file_title", p.reason()) : p)
                            .toList()),
                    Map.of("file_title", title == null ? "" : title),
                    model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/items/{item}/remove")
    String removeItem(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @PathVariable long item,
            RedirectAttributes redirect) {
        requireReader(id);
        attachments.removeItem(id, item, FrameworkPages.isLead());
        redirect.addFlashAttribute("success", "The evidence was removed.");
        return back(id, code, "#evidence");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}/files/{item}")
    ResponseEntity<byte[]> download(@PathVariable String ods, @PathVariable long id, @PathVariable long item) {
        requireReader(id);
        Attachments.File f = attachments.file(id, item);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/actions")
    String addAction(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            LocalDate due = FormValues.date(form, "due_on", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            actions.addAction(id, code, form.get("action_title"), form.get("owner"), due);
            redirect.addFlashAttribute("success", "The action was added to the plan.");
            return back(id, code, "#actions");
        } catch (InvalidInput e) {
            return again(
                    ods,
                    id,
                    code,
                    new InvalidInput(e.problems().stream()
                            .map(p -> "title".equals(p.field()) ? new Problem(p.row(), "action_title", p.reason()) : p)
                            .toList()),
                    form,
                    model);
        }
    }

    // ------------------------------------------------------------------ actions, report, trend, benchmarking

    record ActionRow(Cycle.Action action, String cycle, boolean overdue) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/actions")
    String actions(@PathVariable String ods, Model model) {
        Footprint footprint = requireReader();
        LocalDate today = LocalDate.now();
        Map<Long, String> titles = new HashMap<>();
        cycles.cycles(footprint).forEach(c -> titles.put(c.id(), c.title()));
        List<ActionRow> rows = actions.allActions(footprint).stream()
                .map(a -> new ActionRow(a, titles.get(a.cycleId()), a.isOverdueOn(today)))
                .sorted(Comparator.comparing((ActionRow r) -> !r.overdue()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", Choice.of(ActionStatus.class));
        model.addAttribute("lead", FrameworkPages.isLead());
        return "assessment/actions";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/actions/{action}")
    String status(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long action,
            @RequestParam(required = false) String status,
            RedirectAttributes redirect) {
        actions.setStatus(id, action, status);
        redirect.addFlashAttribute("success", "The action's status was changed.");
        return "redirect:" + base() + "/actions";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}/report")
    String report(@PathVariable String ods, @PathVariable long id, Model model) {
        requireReader(id);
        Progress.Review review = report.review(id);
        model.addAttribute("review", review);
        model.addAttribute("summary", BoardReport.summary(review));
        model.addAttribute("scale", review.cycle().framework().scale());
        return "assessment/report";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping(value = "/ics/{ods}/assessments/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String ods, @PathVariable long id) {
        requireReader(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + ".pdf\"")
                .body(report.pdf(id));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}/trend")
    String trend(@PathVariable String ods, @PathVariable long id, Model model) {
        requireReader(id);
        model.addAttribute("trend", progress.trend(id));
        model.addAttribute("review", progress.review(id, LocalDate.now()));
        return "assessment/trend";
    }

    record Compared(Benchmark.Pool pool, Framework framework, Map<String, Integer> ours, String oursFrom) {}

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @GetMapping("/ics/{ods}/assessments/benchmark")
    String benchmark(@PathVariable String ods, Model model) {
        List<Compared> pools = new ArrayList<>();
        List<Cycle> all = cycles.cycles();
        for (Frameworks.Stored s : frameworks.frameworks()) {
            Framework f = s.framework();
            Optional<Cycle> latest = all.stream()
                    .filter(c -> !c.isOpen() && c.frameworkCode().equals(f.code()))
                    .reduce((a, b) -> b);
            Map<String, Integer> ours = new HashMap<>();
            latest.ifPresent(c -> ratings.agreed(c.id()).forEach(a -> ours.put(a.indicator(), a.level())));
            pools.add(new Compared(
                    benchmark.pool(f.code(), f.scale().size()),
                    f,
                    ours,
                    latest.map(Cycle::title).orElse(null)));
        }
        model.addAttribute("pools", pools);
        model.addAttribute("minimum", Benchmark.MIN_CONTRIBUTORS);
        return "assessment/benchmark";
    }
}
