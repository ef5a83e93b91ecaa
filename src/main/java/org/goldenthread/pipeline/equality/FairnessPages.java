package org.goldenthread.pipeline.equality;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fairness page: the relative likelihood of appointment from shortlisting for ethnic group and
 * for disability, over the rounds chosen, and leaders' representation against the workforce
 * baseline. Only figures: nothing on it is about one person.
 */
@Controller
class FairnessPages {

    private final Fairness fairness;
    private final Representation representation;
    private final WorkforceBaseline baseline;
    private final SmallNumbers small;

    FairnessPages(Fairness fairness, Representation representation, WorkforceBaseline baseline, SmallNumbers small) {
        this.fairness = fairness;
        this.representation = representation;
        this.baseline = baseline;
        this.small = small;
    }

    /** The filters as the page's form sends them back. */
    record Filters(
            @Nullable String year,
            @Nullable String level,
            @Nullable String place,
            @Nullable String group) {}

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @GetMapping("/ics/{ods}/pipeline/fairness")
    String page(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @Nullable String group,
            Model model) {
        Filters filters = new Filters(year, level, place, group);
        model.addAttribute("filters", filters);
        List<Fairness.Figure> figures = new ArrayList<>();
        try {
            for (Comparison by : Comparison.values()) {
                figures.add(fairness.figure(fairness.ask(by.code(), year, level, place, Map.of())));
            }
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
        }
        String professionGroup = null;
        if (group != null && !group.isBlank()) {
            professionGroup = baseline.groups().stream()
                    .filter(g -> g.equalsIgnoreCase(group.trim()))
                    .findFirst()
                    .orElse(null);
            if (professionGroup == null) {
                model.addAttribute("problems", List.of(Problem.of("group", "Choose a profession group from the list")));
            }
        }
        model.addAttribute("figures", figures);
        Representation.Released released = representation.released(professionGroup);
        model.addAttribute("tables", released.tables());
        model.addAttribute("releasedOn", released.on());
        model.addAttribute("professionGroup", professionGroup);
        model.addAttribute(
                "groups", baseline.groups().stream().map(g -> new Choice(g, g)).toList());
        model.addAttribute("levels", Choice.of(Level.class));
        model.addAttribute(
                "years",
                fairness.years().stream()
                        .map(y -> new Choice(
                                y.code(),
                                y.code() + " (April " + y.startYear() + " to March " + (y.startYear() + 1) + ")"))
                        .toList());
        model.addAttribute(
                "places", fairness.places().stream().map(p -> new Choice(p, p)).toList());
        model.addAttribute(
                "shownYear", figures.isEmpty() ? null : figures.get(0).asked().year());
        model.addAttribute("fixedOn", figures.isEmpty() ? null : figures.get(0).fixedOn());
        model.addAttribute("baselineOn", baseline.importedOn());
        model.addAttribute("k", small.minGroupSize());
        model.addAttribute(
                "isAdmin",
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return "pipeline/fairness";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/pipeline/fairness/fix")
    String fix(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String year,
            Model model,
            RedirectAttributes redirect) {
        try {
            LocalDate fixed = fairness.fix(year);
            redirect.addFlashAttribute(
                    "success",
                    "The figures for " + Objects.requireNonNull(year).trim() + " were finalised on " + Dates.day(fixed)
                            + ".");
            return "redirect:/ics/" + ods + "/pipeline/fairness?year="
                    + Objects.requireNonNull(year).trim();
        } catch (InvalidInput e) {
            String shown = page(ods, year, null, null, null, model);
            model.addAttribute("problems", e.problems());
            return shown;
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/pipeline/fairness/baseline")
    String baselinePage(@PathVariable String ods, Model model) {
        model.addAttribute("columns", BaselineFile.COLUMNS);
        model.addAttribute("groups", baseline.groups());
        model.addAttribute("baselineTables", baselineTables(baseline.counts()));
        model.addAttribute("baselineOn", baseline.importedOn());
        return "pipeline/baseline";
    }

    /** The baseline as a person reads it: for each characteristic, a row per profession group and a column per answer. */
    record BaselineTable(Characteristic characteristic, List<BaselineRow> rows) {}

    /** One profession group's counts, in the order of the characteristic's answers; null where the file gave none. */
    record BaselineRow(String professionGroup, List<@Nullable Integer> counts) {}

    static List<BaselineTable> baselineTables(List<WorkforceBaseline.Count> counts) {
        List<BaselineTable> tables = new ArrayList<>();
        for (Characteristic characteristic : Characteristic.values()) {
            Map<String, Map<String, Integer>> byGroup = new TreeMap<>();
            counts.stream()
                    .filter(c -> c.characteristic().equals(characteristic.code()))
                    .forEach(c -> byGroup.computeIfAbsent(c.professionGroup(), g -> new HashMap<>())
                            .put(c.value(), c.count()));
            if (byGroup.isEmpty()) {
                continue;
            }
            List<BaselineRow> rows = new ArrayList<>();
            byGroup.forEach((group, values) -> rows.add(new BaselineRow(
                    group,
                    characteristic.answers().stream()
                            .map(answer -> values.get(answer.code()))
                            .toList())));
            tables.add(new BaselineTable(characteristic, rows));
        }
        return tables;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/pipeline/fairness/baseline")
    String importBaseline(
            @PathVariable String ods, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        FormPage.importFile(model, file, baseline::importFile);
        return baselinePage(ods, model);
    }
}
