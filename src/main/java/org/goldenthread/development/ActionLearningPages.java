package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.people.Professions;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where an ICS admin forms an action learning programme's sets and sees who is in each. */
@Controller
class ActionLearningPages {

    private static final FormPage PAGE = new FormPage("development/sets");

    private final ActionLearningSets sets;
    private final Professions professions;
    private final Clock clock;

    ActionLearningPages(ActionLearningSets sets, Professions professions, Clock clock) {
        this.sets = sets;
        this.professions = professions;
        this.clock = clock;
    }

    /** The form that forms sets; the page's field names are bound to the components. */
    record SetsForm(
            @BindParam("set_size") @Nullable String setSize,
            @BindParam("first_meeting_on") @Nullable String firstMeetingOn,
            @BindParam("every_weeks") @Nullable String everyWeeks,
            @Nullable String meetings) {

        ActionLearningSets.Plan plan() {
            List<Problem> problems = new ArrayList<>();
            int size = whole(
                    "set_size", setSize, ActionLearningSets.Plan.SET_SIZE, "Choose a set size from 5 to 8", problems);
            LocalDate first = FormValues.date("first_meeting_on", "First meeting", firstMeetingOn, problems);
            if (first == null && problems.stream().noneMatch(p -> "first_meeting_on".equals(p.field()))) {
                problems.add(Problem.of("first_meeting_on", "Enter the date of the first meeting"));
            }
            int every = whole(
                    "every_weeks", everyWeeks, 4, "Enter how many weeks apart the meetings are, like 4", problems);
            int count = whole("meetings", meetings, 6, "Enter how many meetings to plan, like 6", problems);
            problems.addAll(ActionLearningSets.Plan.problems(size, every, count));
            if (first == null || !problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new ActionLearningSets.Plan(size, first, every, count);
        }

        private static int whole(String field, @Nullable String raw, int blank, String reason, List<Problem> problems) {
            String value = FormValues.text(raw);
            if (value == null) {
                return blank;
            }
            if (!value.matches("\\d{1,2}")) {
                problems.add(Problem.of(field, reason));
                return blank;
            }
            return Integer.parseInt(value);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/sets")
    String page(@PathVariable String ods, @PathVariable long id, Model model) {
        describe(id, model);
        return PAGE.show(
                model, new SetsForm("6", LocalDate.now(clock).plusWeeks(2).toString(), "4", "6"));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/sets")
    String form(
            @PathVariable String ods, @PathVariable long id, SetsForm form, Model model, RedirectAttributes redirect) {
        try {
            ActionLearningSets.Sets formed = sets.form(id, form.plan());
            redirect.addFlashAttribute(
                    "success",
                    formed.sets().size() == 1
                            ? "1 set was formed."
                            : formed.sets().size() + " sets were formed.");
            return "redirect:/ics/" + ods + "/programmes/" + id + "/sets";
        } catch (InvalidInput refused) {
            describe(id, model);
            return PAGE.showAgain(model, form, refused);
        }
    }

    private void describe(long id, Model model) {
        ActionLearningSets.Sets current = sets.sets(id);
        model.addAttribute("programmeId", id);
        model.addAttribute("sets", current);
        model.addAttribute("professionNames", professions.names());
    }
}
