package org.goldenthread.engagement.plan;

import java.util.List;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.engagement.events.Events;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the engagement plan: the plan, its groups and activities added, changed and removed, and the timeline. */
@Controller
class PlanPages {

    private static final FormPage GROUP = new FormPage("engagement/plan/group");
    private static final FormPage ACTIVITY = new FormPage("engagement/plan/activity");

    private final StakeholderGroups groups;
    private final Activities activities;
    private final Audiences audiences;
    private final Surveys surveys;
    private final Events events;

    PlanPages(StakeholderGroups groups, Activities activities, Audiences audiences, Surveys surveys, Events events) {
        this.groups = groups;
        this.activities = activities;
        this.audiences = audiences;
        this.surveys = surveys;
        this.events = events;
    }

    static String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/engagement-plan";
    }

    static boolean canEdit() {
        long ics = Scope.currentTenant().id();
        return Scope.currentCaller().has(Role.ICS_ADMIN, ics)
                || Scope.currentCaller().has(Role.PLACE_LEAD, ics);
    }

    private static void labels(Model model) {
        model.addAttribute("groupKinds", Coded.labels(GroupKind.class));
        model.addAttribute("activityKinds", Coded.labels(ActivityKind.class));
        model.addAttribute("statuses", Coded.labels(ActivityStatus.class));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/engagement-plan")
    String plan(@PathVariable String ods, Model model) {
        List<Activity> all = activities.activities();
        model.addAttribute("groups", groups.groups());
        model.addAttribute("activities", all);
        model.addAttribute("overdue", all.stream().filter(Activity::overdue).toList());
        model.addAttribute("surveys", surveys.surveys());
        model.addAttribute("events", events.events());
        model.addAttribute("canEdit", canEdit());
        labels(model);
        return "engagement/plan/plan";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/engagement-plan/timeline")
    String timeline(@PathVariable String ods, Model model) {
        Timeline timeline = Timeline.of(activities.activities(), activities.today());
        model.addAttribute("past", timeline.past());
        model.addAttribute("current", timeline.current());
        labels(model);
        return "engagement/plan/timeline";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/engagement-plan/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable String ods) {
        return PlanApi.download(ods, "csv", groups, activities);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/engagement-plan/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String ods) {
        return PlanApi.download(ods, "xlsx", groups, activities);
    }

    // Stakeholder groups

    private Model groupPage(Model model, @Nullable Long id) {
        model.addAttribute("groupId", id);
        model.addAttribute("kinds", Choice.of(GroupKind.class));
        if (id != null) {
            model.addAttribute("group", groups.group(id));
        }
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/engagement-plan/groups/new")
    String newGroup(@PathVariable String ods, Model model) {
        return GROUP.show(groupPage(model, null), GroupForm.blank());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/engagement-plan/groups")
    String addGroup(@PathVariable String ods, GroupForm form, Model model, RedirectAttributes redirect) {
        try {
            StakeholderGroup g = groups.create(form);
            redirect.addFlashAttribute("success", g.name() + " is added to the plan.");
            return "redirect:" + base() + "#groups";
        } catch (InvalidInput e) {
            return GROUP.showAgain(groupPage(model, null), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/engagement-plan/groups/{id}")
    String group(@PathVariable String ods, @PathVariable long id, Model model) {
        return GROUP.show(groupPage(model, id), GroupForm.of(groups.group(id)));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/engagement-plan/groups/{id}")
    String changeGroup(
            @PathVariable String ods, @PathVariable long id, GroupForm form, Model model, RedirectAttributes redirect) {
        try {
            StakeholderGroup g = groups.update(id, form);
            redirect.addFlashAttribute("success", g.name() + " is changed.");
            return "redirect:" + base() + "#groups";
        } catch (InvalidInput e) {
            return GROUP.showAgain(groupPage(model, id), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/engagement-plan/groups/{id}/remove")
    String removeGroup(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        StakeholderGroup g = groups.group(id);
        try {
            groups.remove(id);
            redirect.addFlashAttribute("success", g.name() + " is removed from the plan.");
            return "redirect:" + base() + "#groups";
        } catch (InvalidInput e) {
            return GROUP.showAgain(groupPage(model, id), GroupForm.of(g), e);
        }
    }

    // Activities

    private Model activityPage(Model model, @Nullable Long id) {
        model.addAttribute("activityId", id);
        model.addAttribute("kinds", Choice.of(ActivityKind.class));
        model.addAttribute("statusChoices", Choice.of(ActivityStatus.class));
        model.addAttribute(
                "groupChoices",
                groups.groups().stream()
                        .map(g -> new Choice(String.valueOf(g.id()), g.name()))
                        .toList());
        model.addAttribute(
                "segmentChoices",
                audiences.segments().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.name()))
                        .toList());
        model.addAttribute(
                "surveyChoices",
                surveys.surveys().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.title()))
                        .toList());
        model.addAttribute(
                "eventChoices",
                events.events().stream()
                        .map(e -> new Choice(String.valueOf(e.id()), e.title()))
                        .toList());
        if (id != null) {
            model.addAttribute("activity", activities.activity(id));
        }
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/engagement-plan/activities/new")
    String newActivity(@PathVariable String ods, Model model) {
        return ACTIVITY.show(activityPage(model, null), ActivityForm.blank());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/engagement-plan/activities")
    String addActivity(@PathVariable String ods, ActivityForm form, Model model, RedirectAttributes redirect) {
        try {
            Activity a = activities.create(form);
            redirect.addFlashAttribute("success", a.title() + " is added to the plan.");
            return "redirect:" + base() + "#activities";
        } catch (InvalidInput e) {
            return ACTIVITY.showAgain(activityPage(model, null), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/engagement-plan/activities/{id}")
    String activity(@PathVariable String ods, @PathVariable long id, Model model) {
        return ACTIVITY.show(activityPage(model, id), ActivityForm.of(activities.activity(id)));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/engagement-plan/activities/{id}")
    String changeActivity(
            @PathVariable String ods,
            @PathVariable long id,
            ActivityForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Activity a = activities.update(id, form);
            redirect.addFlashAttribute("success", a.title() + " is changed.");
            return "redirect:" + base() + "#activities";
        } catch (InvalidInput e) {
            return ACTIVITY.showAgain(activityPage(model, id), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/engagement-plan/activities/{id}/remove")
    String removeActivity(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        Activity a = activities.activity(id);
        activities.remove(id);
        redirect.addFlashAttribute("success", a.title() + " is removed from the plan.");
        return "redirect:" + base() + "#activities";
    }
}
