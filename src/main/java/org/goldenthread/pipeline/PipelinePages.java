package org.goldenthread.pipeline;

import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pipeline's landing page: a plain list of its sections, each shown to the roles that use it.
 * Each part of the pipeline adds its own section to the template.
 */
@Controller
class PipelinePages {

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/pipeline")
    String landing(@PathVariable String ods, Model model) {
        long ics = Scope.currentTenant().id();
        var caller = Scope.currentCaller();
        model.addAttribute("runsRecruitment", caller.has(Role.ICS_ADMIN, ics) || caller.has(Role.PLACE_LEAD, ics));
        model.addAttribute("isAdmin", caller.has(Role.ICS_ADMIN, ics));
        model.addAttribute("isAnalyst", caller.has(Role.ANALYST, ics));
        return "pipeline/landing";
    }
}
