package org.goldenthread.engagement;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a file of responses collected elsewhere (a paper survey typed up, another survey
 * tool's export). Always a background job: a small file's outcome shows straight away, a large
 * one's page shows its progress until it ends.
 */
@Controller
class ResponseImportPages {

    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final Surveys surveys;
    private final ResponseImports imports;
    private final Jobs jobs;

    ResponseImportPages(Surveys surveys, ResponseImports imports, Jobs jobs) {
        this.surveys = surveys;
        this.imports = imports;
        this.jobs = jobs;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/surveys/{id}/responses/import")
    String form(@PathVariable String ods, @PathVariable long id, Model model) {
        model.addAttribute("survey", surveys.survey(id));
        surveys.requireRuns(id, "add responses to it");
        return "engagement/responses-import";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/responses/import")
    String upload(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model)
            throws IOException {
        model.addAttribute("survey", surveys.survey(id));
        surveys.requireRuns(id, "add responses to it");
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(Problem.of("file", "Choose a CSV file of responses to import")));
            return "engagement/responses-import";
        }
        Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = Upload.receive(in);
        }
        String name = file.getOriginalFilename();
        Job job = imports.start(id, name == null || name.isBlank() ? "responses.csv" : name, upload);
        jobs.await(job.id(), PATIENCE);
        return "redirect:" + job.link();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/surveys/{id}/responses/imports/{job}")
    String job(@PathVariable String ods, @PathVariable long id, @PathVariable("job") long jobId, Model model) {
        model.addAttribute("survey", surveys.survey(id));
        Job job = jobs.visible(jobId);
        model.addAttribute("job", job);
        if (job.state() == Job.State.FAILED || job.state() == Job.State.INTERRUPTED) {
            model.addAttribute(
                    "problems",
                    List.of(Problem.of(
                            "file",
                            job.problems().size() == 1
                                    ? "The file has a problem, so nothing was imported"
                                    : "The file has " + job.problems().size() + " problems, so nothing was imported")));
        }
        return "engagement/responses-import";
    }
}
