package org.goldenthread.people;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

/**
 * The register file's page: export, and import as a background job. A small file's outcome shows
 * straight away; a large one's page shows its progress, which the person may leave and come back
 * to, and then its outcome.
 */
@Controller
class RegisterFilePages {

    /** How long the page waits for an import to end before it shows the progress instead. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final RegisterFile file;
    private final RegisterDownload download;
    private final Jobs jobs;
    private final ObjectMapper json;

    RegisterFilePages(RegisterFile file, RegisterDownload download, Jobs jobs, ObjectMapper json) {
        this.file = file;
        this.download = download;
        this.jobs = jobs;
        this.json = json;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/register")
    String registerFile(@PathVariable String ods, Model model) {
        model.addAttribute(
                "placesInSight", Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD).places());
        model.addAttribute("columns", RegisterFile.COLUMNS);
        model.addAttribute(
                "canEdit",
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return "people/register";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/register")
    String importFile(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "all_or_nothing") String mode,
            Model model)
            throws IOException {
        model.addAttribute("columns", RegisterFile.COLUMNS);
        model.addAttribute("canEdit", true);
        model.addAttribute("mode", mode);
        List<Problem> problems = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            problems.add(Problem.of("file", "Choose a CSV or Excel file to import"));
        }
        if (!RegisterFile.MODES.contains(mode)) {
            problems.add(Problem.of("mode", "Choose what to do if some rows have problems"));
        }
        if (file == null || !problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return "people/register";
        }
        String fileName = file.getOriginalFilename() == null ? "register file" : file.getOriginalFilename();
        List<List<String>> rows;
        try {
            rows = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? RegisterFile.readXlsx(file.getBytes())
                    : RegisterFile.readCsv(file.getBytes());
        } catch (InvalidInput e) {
            showProblems(fileName, e.problems(), model);
            return "people/register";
        }
        Job job = this.file.startImport(fileName, rows, "valid_rows".equals(mode));
        jobs.await(job.id(), PATIENCE);
        return "redirect:" + job.link();
    }

    /** One import: its progress while it runs, then its outcome or its problems. */
    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/register/imports/{id}")
    String importJob(@PathVariable String ods, @PathVariable long id, Model model) {
        Job job = jobs.visible(id);
        model.addAttribute("columns", RegisterFile.COLUMNS);
        model.addAttribute("canEdit", true);
        model.addAttribute("fileName", job.subject());
        switch (job.state()) {
            case DONE -> model.addAttribute("outcome", json.treeToValue(job.result(), RegisterFile.Outcome.class));
            case FAILED, INTERRUPTED -> showProblems(job.subject(), job.problems(), model);
            default -> model.addAttribute("job", job);
        }
        return "people/register";
    }

    private static void showProblems(String fileName, List<Problem> problems, Model model) {
        model.addAttribute("fileProblems", problems);
        model.addAttribute("fileName", fileName);
        model.addAttribute(
                "problems",
                List.of(Problem.of(
                        "file",
                        problems.size() == 1
                                ? "The file has a problem, so nothing was imported"
                                : "The file has " + problems.size() + " problems, so nothing was imported")));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/register/download")
    ResponseEntity<byte[]> download(@PathVariable String ods, @RequestParam(defaultValue = "csv") String format) {
        return download.of(ods, format, Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD));
    }
}
