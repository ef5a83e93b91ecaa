package org.goldenthread.engagement.reach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.events.Events;
import org.goldenthread.engagement.plan.Activities;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
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

/** The reach pages of a survey and of an event, their CSV, and the workforce baseline they are compared with. */
@Controller
class ReachPages {

    private final Reach reach;
    private final ReachBaseline baseline;
    private final Surveys surveys;
    private final Events events;
    private final Activities activities;

    ReachPages(Reach reach, ReachBaseline baseline, Surveys surveys, Events events, Activities activities) {
        this.activities = activities;
        this.reach = reach;
        this.baseline = baseline;
        this.surveys = surveys;
        this.events = events;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/reach/surveys/{id}")
    String survey(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(name = "by", required = false) @Nullable String by,
            Model model) {
        surveys.survey(id);
        model.addAttribute("back", "/ics/" + ods + "/surveys/" + id);
        model.addAttribute("backLabel", "Back to the survey");
        model.addAttribute("csv", "/ics/" + ods + "/reach/surveys/" + id + "/reach.csv");
        model.addAttribute("isSurvey", true);
        return page(reach.survey(id), by, model);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/reach/events/{id}")
    String event(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(name = "by", required = false) @Nullable String by,
            Model model) {
        events.event(id);
        model.addAttribute("back", "/ics/" + ods + "/events/" + id);
        model.addAttribute("backLabel", "Back to the event");
        model.addAttribute("csv", "/ics/" + ods + "/reach/events/" + id + "/reach.csv");
        model.addAttribute("isSurvey", false);
        return page(reach.event(id), by, model);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/reach/plan")
    String plan(
            @PathVariable String ods, @RequestParam(name = "by", required = false) @Nullable String by, Model model) {
        model.addAttribute("back", "/ics/" + ods + "/engagement-plan");
        model.addAttribute("backLabel", "Back to the engagement plan");
        model.addAttribute("csv", null);
        model.addAttribute("isSurvey", false);
        return page(reach.plan(activities.activities()), by, model);
    }

    /**
     * One dimension's table at a time, chosen by {@code by} (profession group first): an ICS with a
     * dozen places would otherwise make a page of every table several hundred elements long. The
     * findings above the table cover every dimension.
     */
    private String page(Reach.Report report, @Nullable String by, Model model) {
        Dimension shown = by == null || by.isBlank()
                ? Dimension.PROFESSION_GROUP
                : Coded.parse(Dimension.class, by)
                        .orElseThrow(() -> new InvalidInput(
                                "by", "Reach is shown by " + Coded.choices(Dimension.class) + ", not \"" + by + "\""));
        model.addAttribute("report", report);
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("shown", shown);
        model.addAttribute(
                "table",
                report.tables().stream()
                        .filter(t -> t.dimension().equals(shown.code()))
                        .findFirst()
                        .orElseThrow());
        model.addAttribute("stageLabels", Coded.labels(Stage.class));
        model.addAttribute("canEdit", canEdit());
        return "engagement/reach/reach";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @io.swagger.v3.oas.annotations.Operation(summary = "A survey's reach as CSV")
    @GetMapping({"/ics/{ods}/reach/surveys/{id}/reach.csv", "/api/v1/ics/{ods}/surveys/{id}/reach.csv"})
    ResponseEntity<byte[]> surveyCsv(@PathVariable String ods, @PathVariable long id) {
        return csv(surveys.survey(id).definition().code() + "-reach.csv", reach.survey(id));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @io.swagger.v3.oas.annotations.Operation(summary = "An event's reach as CSV")
    @GetMapping({"/ics/{ods}/reach/events/{id}/reach.csv", "/api/v1/ics/{ods}/events/{id}/reach.csv"})
    ResponseEntity<byte[]> eventCsv(@PathVariable String ods, @PathVariable long id) {
        return csv("event-" + id + "-reach.csv", reach.event(id));
    }

    private static ResponseEntity<byte[]> csv(String name, Reach.Report report) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(ReachCsv.of(report).getBytes(StandardCharsets.UTF_8));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/reach/baseline")
    String baselinePage(@PathVariable String ods, Model model) {
        model.addAttribute("columns", BaselineFile.COLUMNS);
        model.addAttribute("dimensions", Coded.labels(Dimension.class));
        model.addAttribute("headcounts", baseline.headcounts());
        model.addAttribute("baselineOn", baseline.importedOn().orElse(null));
        model.addAttribute("canEdit", canEdit());
        return "engagement/reach/baseline";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/reach/baseline")
    String importBaseline(
            @PathVariable String ods, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        FormPage.importFile(model, file, baseline::importFile);
        return baselinePage(ods, model);
    }

    private static boolean canEdit() {
        long ics = Scope.currentTenant().id();
        return Scope.currentCaller().has(Role.ICS_ADMIN, ics)
                || Scope.currentCaller().has(Role.PLACE_LEAD, ics);
    }
}
