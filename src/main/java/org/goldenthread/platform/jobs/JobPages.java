package org.goldenthread.platform.jobs;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recent imports and other work, and a running job's progress card for the page that started it.
 * An ICS administrator sees every job of the ICS; anyone else, the jobs they started and those
 * shown to a role they hold (loading a survey's answers, which every analyst may wait for).
 */
@Controller
class JobPages {

    static final int RECENT = 50;

    private final Jobs jobs;

    JobPages(Jobs jobs) {
        this.jobs = jobs;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/jobs")
    String recent(@PathVariable String ods, Model model) {
        model.addAttribute("jobs", jobs.recentVisible(RECENT));
        return "platform/jobs";
    }

    /**
     * The progress card alone, which the page asks for every second. Once the job has ended, htmx is
     * told to reload the whole page, which then shows the outcome in the words of the page's module.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/jobs/{id}/progress")
    String progress(@PathVariable String ods, @PathVariable long id, Model model, HttpServletResponse response) {
        return card(jobs.visible(id), model, response);
    }

    /** The progress card of a job a module keeps (a round of emails), as for the others. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/jobs/{feed}/{id}/progress")
    String fedProgress(
            @PathVariable String ods,
            @PathVariable String feed,
            @PathVariable long id,
            Model model,
            HttpServletResponse response) {
        return card(jobs.visible(feed, id), model, response);
    }

    private static String card(Job job, Model model, HttpServletResponse response) {
        if (job.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "platform/job :: progress";
    }

    @RestController
    static class Api {

        private final Jobs jobs;

        Api(Jobs jobs) {
            this.jobs = jobs;
        }

        @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
        @Operation(summary = "A background job: its state, counts, problems and, once done, its outcome")
        @GetMapping("/api/v1/ics/{ods}/jobs/{id}")
        Job job(@PathVariable String ods, @PathVariable long id) {
            return jobs.visible(id);
        }

        @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
        @Operation(summary = "Work a module keeps as its own, shown as a job: a round of emails is jobs/mailings/{id}")
        @GetMapping("/api/v1/ics/{ods}/jobs/{feed}/{id}")
        Job fed(@PathVariable String ods, @PathVariable String feed, @PathVariable long id) {
            return jobs.visible(feed, id);
        }

        @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
        @Operation(summary = "The latest background jobs, rounds of emails among them, newest first")
        @GetMapping("/api/v1/ics/{ods}/jobs")
        List<Job> recent(@PathVariable String ods) {
            return jobs.recentVisible(RECENT);
        }
    }
}
