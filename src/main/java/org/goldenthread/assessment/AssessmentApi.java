package org.goldenthread.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Self-assessment through the API: frameworks as files, cycles with their ratings, evidence and actions, the board report. */
@RestController
class AssessmentApi {

    private final Frameworks frameworks;
    private final Cycles cycles;
    private final Ratings ratings;
    private final Citations citations;
    private final Attachments attachments;
    private final Actions actions;
    private final Closings closings;
    private final BoardReport report;
    private final Progress progress;
    private final Benchmark benchmark;
    private final Clock clock;

    AssessmentApi(
            Frameworks frameworks,
            Cycles cycles,
            Ratings ratings,
            Citations citations,
            Attachments attachments,
            Actions actions,
            Closings closings,
            BoardReport report,
            Progress progress,
            Benchmark benchmark,
            Clock clock) {
        this.frameworks = frameworks;
        this.clock = clock;
        this.benchmark = benchmark;
        this.cycles = cycles;
        this.ratings = ratings;
        this.citations = citations;
        this.attachments = attachments;
        this.actions = actions;
        this.closings = closings;
        this.report = report;
        this.progress = progress;
    }

    /** A cycle names who rated, agreed and attached what, so analysts (aggregates only) get the list, not the detail. */
    private void requireReader(long id) {
        cycles.cycle(id, Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER));
    }

    record Listed(
            long id,
            String title,
            String framework,
            String place,
            String status,
            @JsonProperty("opened_on") LocalDate openedOn,
            @JsonProperty("closed_on") LocalDate closedOn,
            boolean shared) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/assessments")
    @Operation(summary = "Assessment cycles with their status", description = """
            Oldest first. `status` is open or closed. A place lead sees the cycles for the whole ICS and for the \
            places they lead; another place's cycle is not found (404) on every path.""")
    List<Listed> list(@PathVariable String ods) {
        return cycles.cycles(Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST)).stream()
                .map(c -> new Listed(
                        c.id(),
                        c.title(),
                        c.frameworkCode(),
                        c.place(),
                        c.status(),
                        c.openedOn(),
                        c.closedOn(),
                        c.shared()))
                .toList();
    }

    record Indicator(
            String principle,
            String code,
            String text,
            @Nullable Integer level,
            @JsonProperty("level_name") @Nullable String levelName,
            @JsonProperty("previous_level") @Nullable Integer previousLevel,
            @Nullable String rationale,
            boolean gap) {}

    record Detail(
            long id,
            String title,
            String framework,
            String place,
            String status,
            @JsonProperty("opened_on") LocalDate openedOn,
            @JsonProperty("closed_on") LocalDate closedOn,
            @JsonProperty("previous_cycle") @Nullable Long previousCycle,
            List<Framework.ScaleLevel> scale,
            List<Indicator> indicators,
            List<Cycle.Rating> ratings,
            List<Cycle.Evidence> evidence,
            List<Cycle.Item> attachments,
            List<Cycle.Action> actions) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/api/v1/ics/{ods}/assessments/{id}")
    @Operation(summary = "One cycle: ratings, evidence values and actions", description = """
            `indicators` carry the agreed rating (null until agreed) and the previous closed cycle's for the same \
            framework and place. `ratings` are the contributors' own ratings: every contributor's for ICS admins, who \
            agree the ratings; only the caller's own for anyone else, so contributors rate independently. `evidence` \
            holds the cited live figures: computed now while the cycle is open, frozen at closing once it is closed \
            (`as_of` says which). Shares are fractions to 4 decimal places; net agreement is a percentage.""")
    Detail one(@PathVariable String ods, @PathVariable long id) {
        requireReader(id);
        Progress.Review r = progress.review(id, LocalDate.now(clock));
        Cycle c = r.cycle();
        List<Indicator> indicators = r.principles().stream()
                .flatMap(p -> p.indicators().stream()
                        .map(i -> new Indicator(
                                p.principle().code(),
                                i.indicator().code(),
                                i.indicator().text(),
                                i.level(),
                                i.level() == null ? null : i.levelName(),
                                i.previous(),
                                i.rationale(),
                                i.gap())))
                .toList();
        boolean lead =
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id());
        return new Detail(
                c.id(),
                c.title(),
                c.frameworkCode(),
                c.place(),
                c.status(),
                c.openedOn(),
                c.closedOn(),
                r.previous() == null ? null : r.previous().id(),
                c.framework().scale(),
                indicators,
                lead ? ratings.ratings(id) : ratings.myRatings(id),
                r.principles().stream()
                        .flatMap(p -> p.indicators().stream())
                        .flatMap(i -> i.evidence().stream())
                        .toList(),
                attachments.items(id),
                r.actions());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping(value = "/api/v1/ics/{ods}/assessments/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The board report as a PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String ods, @PathVariable long id) {
        requireReader(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + ".pdf\"")
                .body(report.pdf(id));
    }

    record Saved(long id) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/frameworks")
    @Operation(summary = "This ICS's frameworks", description = "Each as its file: principles, indicators and scale.")
    List<Framework> frameworks(@PathVariable String ods) {
        return frameworks.frameworks().stream()
                .map(Frameworks.Stored::framework)
                .toList();
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/frameworks")
    @Operation(summary = "Import a framework file", description = """
            Adds the framework, or replaces this ICS's framework with the same `code`; cycles already opened keep \
            the copy they were opened with. ICS admins only. Problems name their place in the file, such as \
            `principles[2].indicators[0].descriptors`.""")
    Saved importFramework(@PathVariable String ods, @RequestBody Framework framework) {
        return new Saved(frameworks.save(framework));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/frameworks/adopt")
    @Operation(summary = "Adopt a framework that ships with Golden Thread", description = """
            Body `{"code": "national-2021"}` or `{"code": "draft-principles-2021"}`. Copies it into this ICS to \
            use and adapt. ICS admins only; refused when the ICS already has a framework with that code.""")
    Saved adopt(@PathVariable String ods, @RequestBody Map<String, String> body) {
        return new Saved(frameworks.adopt(body.get("code")));
    }

    record Opening(
            @JsonProperty("framework_id") Long frameworkId,
            String title,
            String place,
            @JsonProperty("opened_on") LocalDate openedOn) {}

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/assessments")
    @Operation(summary = "Open a cycle", description = """
            Against a copy of one of this ICS's frameworks as it stands now, for the whole ICS or, with `place`, \
            one place. The live figures each indicator proposes are cited at once. ICS admins only.""")
    Saved open(@PathVariable String ods, @RequestBody Opening body) {
        if (body.frameworkId() == null) {
            throw new InvalidInput("framework_id", "Name the framework to assess against");
        }
        return new Saved(cycles.open(
                body.frameworkId(),
                body.title(),
                body.place(),
                body.openedOn() == null ? LocalDate.now(clock) : body.openedOn()));
    }

    record Rated(Integer level, String narrative) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PutMapping("/api/v1/ics/{ods}/assessments/{id}/ratings/{indicator}")
    @Operation(
            summary = "Give or change your own rating of an indicator",
            description = "ICS admins, place leads and members contribute. Only while the cycle is open.")
    ResponseEntity<Void> rate(
            @PathVariable String ods, @PathVariable long id, @PathVariable String indicator, @RequestBody Rated body) {
        requireReader(id);
        ratings.rate(id, indicator, body.level(), body.narrative());
        return ResponseEntity.noContent().build();
    }

    record Agreement(Integer level, String rationale) {}

    @Allowed(Role.ICS_ADMIN)
    @PutMapping("/api/v1/ics/{ods}/assessments/{id}/agreed/{indicator}")
    @Operation(
            summary = "Record the agreed rating of an indicator, with the rationale",
            description = "ICS admins only.")
    ResponseEntity<Void> agree(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String indicator,
            @RequestBody Agreement body) {
        ratings.agree(id, indicator, body.level(), body.rationale());
        return ResponseEntity.noContent().build();
    }

    record Citation(
            String indicator,
            String metric,
            @JsonProperty("survey_id") Long surveyId,
            String question) {}

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/assessments/{id}/evidence")
    @Operation(summary = "Cite a live figure for an indicator", description = """
            `metric` is one of professions_missing.system|place|neighbourhood, top_two_share.…, early_mid_share.…, \
            protected_time_used, vacant_seats, longest_vacancy_days, forums_without_line_of_sight, \
            neighbourhoods_without_line_of_sight, \
            development_reach, development_reach.system|place|neighbourhood, new_leader_support, mentees_matched, \
            exchanges_completed, exchanges_completed.system|place|neighbourhood, ideas_adopted, \
            open_recruitment_share.system|place|neighbourhood, bench_strength, turnover, \
            relative_likelihood.ethnic_group|disability, net_agreement \
            (with `survey_id` and an agreement `question`) or engagement_reach (with `survey_id`). ICS admins only.""")
    ResponseEntity<Void> cite(@PathVariable String ods, @PathVariable long id, @RequestBody Citation body) {
        citations.cite(id, body.indicator(), body.metric(), body.surveyId(), body.question());
        return ResponseEntity.noContent().build();
    }

    @Allowed(Role.ICS_ADMIN)
    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/ics/{ods}/assessments/{id}/evidence/{evidence}")
    @Operation(summary = "Stop citing a live figure", description = "ICS admins only, while the cycle is open.")
    ResponseEntity<Void> uncite(@PathVariable String ods, @PathVariable long id, @PathVariable long evidence) {
        citations.uncite(id, evidence);
        return ResponseEntity.noContent().build();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/ics/{ods}/assessments/{id}/attachments/{item}")
    @Operation(
            summary = "Remove an attached link or document",
            description = "The ICS admin, or whoever attached it, while the cycle is open.")
    ResponseEntity<Void> removeItem(@PathVariable String ods, @PathVariable long id, @PathVariable long item) {
        requireReader(id);
        attachments.removeItem(
                id,
                item,
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return ResponseEntity.noContent().build();
    }

    record NewAction(
            String indicator,
            String title,
            String owner,
            @JsonProperty("due_on") LocalDate dueOn) {}

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/assessments/{id}/actions")
    @Operation(summary = "Plan an action against an indicator", description = "ICS admins only.")
    Saved addAction(@PathVariable String ods, @PathVariable long id, @RequestBody NewAction body) {
        return new Saved(actions.addAction(id, body.indicator(), body.title(), body.owner(), body.dueOn()));
    }

    @Allowed(Role.ICS_ADMIN)
    @PatchMapping("/api/v1/ics/{ods}/assessments/{id}/actions/{action}")
    @Operation(summary = "Change an action's status", description = """
            Body `{"status": "in_progress"}`: not_started, in_progress, done or dropped. ICS admins only.""")
    ResponseEntity<Void> status(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long action,
            @RequestBody Map<String, String> body) {
        actions.setStatus(id, action, body.get("status"));
        return ResponseEntity.noContent().build();
    }

    record Closing(@JsonProperty("closed_on") LocalDate closedOn) {}

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/assessments/{id}/close")
    @Operation(summary = "Close a cycle", description = """
            Refused until every indicator has an agreed rating. Freezes every cited figure at today's value. \
            ICS admins only.""")
    ResponseEntity<Void> close(
            @PathVariable String ods, @PathVariable long id, @RequestBody(required = false) Closing body) {
        closings.close(id, body == null || body.closedOn() == null ? LocalDate.now(clock) : body.closedOn());
        return ResponseEntity.noContent().build();
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/assessments/{id}/share")
    @Operation(summary = "Share a closed cycle's agreed ratings for peer benchmarking", description = """
            Adds them, without anything naming the ICS, to the pool other ICSs compare against, replacing what this \
            ICS shared before for the same framework. ICS admins only.""")
    ResponseEntity<Void> share(@PathVariable String ods, @PathVariable long id) {
        closings.share(id);
        return ResponseEntity.noContent().build();
    }

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/benchmark/{framework}")
    @Operation(summary = "Peer benchmarking for a framework", description = """
            How the ICSs that shared a closed cycle against the framework with this code (and the same size of \
            scale as this ICS's copy, or 4 levels) rated each indicator: `counts` per level, lowest first, and the \
            `median` level. Nothing names an ICS; `indicators` stays empty, with `shown` false, until at least 5 \
            ICSs contribute. A code that is neither one of this ICS's frameworks nor one Golden Thread ships is \
            404. ICS admins and analysts.""")
    Benchmark.Pool benchmark(@PathVariable String ods, @PathVariable String framework) {
        Optional<Integer> own = frameworks.frameworks().stream()
                .map(Frameworks.Stored::framework)
                .filter(f -> framework.equals(f.code()))
                .map(f -> f.scale().size())
                .findFirst();
        if (own.isEmpty() && !Frameworks.SHIPPED.contains(framework)) {
            throw new NotFound(
                    "No framework with the code " + framework + " in this ICS or among those Golden Thread ships");
        }
        return benchmark.pool(framework, own.orElse(4));
    }
}
