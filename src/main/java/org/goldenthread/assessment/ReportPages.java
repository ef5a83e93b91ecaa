package org.goldenthread.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** What a cycle adds up to: the board report, its PDF, the trend across cycles, and the benchmarking. */
@Controller
class ReportPages {

    private final Cycles cycles;
    private final Ratings ratings;
    private final Frameworks frameworks;
    private final Progress progress;
    private final BoardReport report;
    private final Benchmark benchmark;
    private final Clock clock;

    ReportPages(
            Cycles cycles,
            Ratings ratings,
            Frameworks frameworks,
            Progress progress,
            BoardReport report,
            Benchmark benchmark,
            Clock clock) {
        this.cycles = cycles;
        this.ratings = ratings;
        this.frameworks = frameworks;
        this.progress = progress;
        this.report = report;
        this.benchmark = benchmark;
        this.clock = clock;
    }

    /**
     * Refuses anyone who may not read or contribute to this cycle: 403 without a contributing role, 404
     * for a place lead when the cycle is another place's.
     */
    private Cycle requireReader(long id) {
        return cycles.cycle(id, AssessmentAccess.readers());
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
        model.addAttribute("review", progress.review(id, LocalDate.now(clock)));
        return "assessment/trend";
    }

    record Compared(
            Benchmark.Pool pool,
            Framework framework,
            Map<String, Integer> ours,
            @Nullable String oursFrom) {}

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
                    // a stored framework has its code: FrameworkRules require one
                    benchmark.pool(Objects.requireNonNull(f.code()), f.scale().size()),
                    f,
                    ours,
                    latest.map(Cycle::title).orElse(null)));
        }
        model.addAttribute("pools", pools);
        model.addAttribute("minimum", Benchmark.MIN_CONTRIBUTORS);
        return "assessment/benchmark";
    }
}
