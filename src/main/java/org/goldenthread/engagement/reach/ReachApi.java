package org.goldenthread.engagement.reach;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.goldenthread.engagement.plan.Activities;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reach of surveys and events against the register or a workforce baseline, and survey waves compared. */
@RestController
class ReachApi {

    private static final String REACH = """
            By `profession_group`, `place`, `career_stage` and `sector`: for each group, how many were at \
            each stage (`invited`; for events `registered` and `attended`; for surveys `responded`, meaning \
            their invitation was used; responses themselves are never read) and their share of everyone at \
            that stage, beside the group's share of the register, or of the workforce baseline where one \
            is imported for that dimension. Counts of 1 to k−1, and any count that would give one away \
            from the total, are null with `suppressed` true. A group whose share is under half its \
            expected share is `under_represented`, with the finding in words.""";

    private final Reach reach;
    private final ReachBaseline baseline;
    private final Waves waves;
    private final Activities activities;

    ReachApi(Reach reach, ReachBaseline baseline, Waves waves, Activities activities) {
        this.activities = activities;
        this.reach = reach;
        this.baseline = baseline;
        this.waves = waves;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "Whom a survey's invitations reached", description = REACH)
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/reach")
    Reach.Report survey(@PathVariable String ods, @PathVariable long id) {
        return reach.survey(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "Whom an event reached", description = REACH)
    @GetMapping("/api/v1/ics/{ods}/events/{id}/reach")
    Reach.Report event(@PathVariable String ods, @PathVariable long id) {
        return reach.event(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(
            summary = "Whom the engagement plan reached: every survey and event its activities are linked to",
            description = REACH)
    @GetMapping("/api/v1/ics/{ods}/engagement-plan/reach")
    Reach.Report plan(@PathVariable String ods) {
        return reach.plan(activities.activities());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "The workforce baseline reach is compared with")
    @GetMapping("/api/v1/ics/{ods}/reach/baseline")
    List<ReachBaseline.Headcount> baseline(@PathVariable String ods) {
        return baseline.headcounts();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Import the workforce baseline for reach (CSV)", description = """
            Replaces the whole baseline with the file's headcounts or, when any row has a problem, changes \
            nothing and answers 400 naming each row, column and reason. CSV (UTF-8) with the header \
            `dimension,group,headcount`: `dimension` one of `profession_group`, `place`, `career_stage`, \
            `sector`; `group` a profession group or place as the ICS names it, or a career stage or sector \
            by code or label; `headcount` a whole number from 0 to 10000000. Each dimension and group at \
            most once. A dimension with no rows is compared with the register.""")
    @PostMapping(
            value = "/api/v1/ics/{ods}/reach/baseline/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ReachBaseline.Imported importBaseline(
            @PathVariable String ods, @RequestBody(required = false) byte @Nullable [] body) {
        return baseline.importFile(body == null ? new byte[0] : body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "Changes since an earlier wave of a survey", description = """
            For each closed question asked in both surveys (the same code, or else the same wording, with \
            the same options in the same order): each option's share in both, the change in percentage \
            points, and a two-sided two-proportion z-test (`z`, `p_value`, `significant` below 0.05), with \
            the change in words. A question fewer than k people answered in either survey is not \
            compared.""")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/waves")
    Waves.Comparison waves(
            @PathVariable String ods,
            @PathVariable long id,
            @Parameter(description = "The earlier survey to compare with") @RequestParam long previous) {
        return waves.compare(id, previous);
    }
}
