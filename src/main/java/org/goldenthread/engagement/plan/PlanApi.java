package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The engagement plan through the API: stakeholder groups, activities, what is overdue, and the plan as a file. */
@RestController
class PlanApi {

    private final StakeholderGroups groups;
    private final Activities activities;

    PlanApi(StakeholderGroups groups, Activities activities) {
        this.groups = groups;
        this.activities = activities;
    }

    record Plan(
            List<StakeholderGroup> groups,
            List<Activity> activities,
            @JsonProperty("overdue_ids") List<Long> overdueIds) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "The engagement plan: stakeholder groups, activities in date order, and those overdue")
    @GetMapping("/api/v1/ics/{ods}/engagement-plan")
    Plan plan(@PathVariable String ods) {
        List<Activity> all = activities.activities();
        return new Plan(
                groups.groups(),
                all,
                all.stream().filter(Activity::overdue).map(Activity::id).toList());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "The plan's stakeholder groups and networks")
    @GetMapping("/api/v1/ics/{ods}/engagement-plan/groups")
    List<StakeholderGroup> groups(@PathVariable String ods) {
        return groups.groups();
    }

    /** Adds a group: {@code kind} is one of the group kinds, {@code estimated_size} a whole number, 0 or more. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Add a stakeholder group or network to the plan")
    @PostMapping("/api/v1/ics/{ods}/engagement-plan/groups")
    @ResponseStatus(HttpStatus.CREATED)
    StakeholderGroup addGroup(@PathVariable String ods, @RequestBody GroupForm body) {
        return groups.create(body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "One stakeholder group")
    @GetMapping("/api/v1/ics/{ods}/engagement-plan/groups/{id}")
    StakeholderGroup group(@PathVariable String ods, @PathVariable long id) {
        return groups.group(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Change a stakeholder group")
    @PutMapping("/api/v1/ics/{ods}/engagement-plan/groups/{id}")
    StakeholderGroup changeGroup(@PathVariable String ods, @PathVariable long id, @RequestBody GroupForm body) {
        return groups.update(id, body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Remove a stakeholder group that no activity reaches")
    @DeleteMapping("/api/v1/ics/{ods}/engagement-plan/groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeGroup(@PathVariable String ods, @PathVariable long id) {
        groups.remove(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "The plan's activities in the order they start")
    @GetMapping("/api/v1/ics/{ods}/engagement-plan/activities")
    List<Activity> activities(@PathVariable String ods) {
        return activities.activities();
    }

    /**
     * Adds an activity. Dates are year-month-day and the end is on or after the start (a blank end is
     * the start day); the audience is a {@code group_id}, a {@code segment_id} or both, and a {@code
     * survey_id} or {@code event_id} links what the activity became; each must be this ICS's.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Add an activity to the plan")
    @PostMapping("/api/v1/ics/{ods}/engagement-plan/activities")
    @ResponseStatus(HttpStatus.CREATED)
    Activity addActivity(@PathVariable String ods, @RequestBody ActivityForm body) {
        return activities.create(body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "One activity in the plan")
    @GetMapping("/api/v1/ics/{ods}/engagement-plan/activities/{id}")
    Activity activity(@PathVariable String ods, @PathVariable long id) {
        return activities.activity(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Change an activity, its dates or its status")
    @PutMapping("/api/v1/ics/{ods}/engagement-plan/activities/{id}")
    Activity changeActivity(@PathVariable String ods, @PathVariable long id, @RequestBody ActivityForm body) {
        return activities.update(id, body);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Remove an activity from the plan")
    @DeleteMapping("/api/v1/ics/{ods}/engagement-plan/activities/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeActivity(@PathVariable String ods, @PathVariable long id) {
        activities.remove(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "Export the engagement plan (CSV, or XLSX with format=xlsx)")
    @GetMapping("/api/v1/ics/{ods}/engagement-plan/export")
    ResponseEntity<byte[]> export(@PathVariable String ods, @RequestParam(defaultValue = "csv") String format) {
        return download(ods, format, groups, activities);
    }

    static ResponseEntity<byte[]> download(String ods, String format, StakeholderGroups groups, Activities activities) {
        PlanExport export = new PlanExport(groups.groups(), activities.activities());
        String name = ods + "-engagement-plan";
        return switch (format) {
            case "csv" ->
                ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .body(export.csv().getBytes(StandardCharsets.UTF_8));
            case "xlsx" ->
                ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                        .contentType(MediaType.parseMediaType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                        .body(export.xlsx());
            default -> throw new InvalidInput("format", "Format: choose csv or xlsx");
        };
    }
}
