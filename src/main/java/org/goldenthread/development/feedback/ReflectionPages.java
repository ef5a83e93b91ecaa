package org.goldenthread.development.feedback;

import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leader-type reflection for anyone on the register with an account, and the count of each
 * type across a programme's participants for its organisers.
 */
@Controller
class ReflectionPages {

    private final Reflections reflections;
    private final FeedbackRounds rounds;

    ReflectionPages(Reflections reflections, FeedbackRounds rounds) {
        this.reflections = reflections;
        this.rounds = rounds;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/leader-type")
    String reflection(@PathVariable String ods, Model model) {
        return show(model, Map.of());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/leader-type")
    String take(@PathVariable String ods, @RequestParam Map<String, String> form, Model model) {
        Person self = rounds.self().orElse(null);
        if (self == null) {
            return show(model, form);
        }
        try {
            reflections.take(self, form);
            return "redirect:/ics/" + ods + "/development/leader-type#result";
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return show(model, form);
        }
    }

    private String show(Model model, Map<String, String> answers) {
        Person self = rounds.self().orElse(null);
        model.addAttribute("self", self);
        model.addAttribute("items", LeaderTypeItems.ITEMS);
        List<Choice> scale = new java.util.ArrayList<>();
        for (int i = 0; i < LeaderTypeItems.SCALE.size(); i++) {
            scale.add(new Choice(String.valueOf(i + 1), LeaderTypeItems.SCALE.get(i)));
        }
        model.addAttribute("scale", scale);
        model.addAttribute("answers", answers);
        model.addAttribute("types", LeaderType.values());
        Reflections.Reflection latest =
                self == null ? null : reflections.latest(self).orElse(null);
        model.addAttribute("latest", latest);
        model.addAttribute("offers", latest == null ? List.of() : reflections.offersFor(latest.type()));
        model.addAttribute("development", "/ics/" + Scope.currentTenant().odsCode() + "/development");
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "development/feedback/leader-type";
    }

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @GetMapping("/ics/{ods}/programmes/{id}/leader-types")
    String cohort(@PathVariable String ods, @PathVariable long id, Model model) {
        model.addAttribute("cohort", reflections.cohort(id));
        model.addAttribute("programmeId", id);
        return "development/feedback/cohort";
    }
}
