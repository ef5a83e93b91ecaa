package org.goldenthread.assessment;

import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rating one indicator: each contributor's own rating, and the rating the ICS admin agrees. */
@Controller
class IndicatorPages {

    private final Cycles cycles;
    private final Ratings ratings;
    private final IndicatorPage page;

    IndicatorPages(Cycles cycles, Ratings ratings, IndicatorPage page) {
        this.cycles = cycles;
        this.ratings = ratings;
        this.page = page;
    }

    /**
     * Refuses anyone who may not read or contribute to this cycle: 403 without a contributing role, 404
     * for a place lead when the cycle is another place's.
     */
    private void requireReader(long id) {
        cycles.cycle(id, AssessmentAccess.readers());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}/indicators/{code}")
    String indicator(@PathVariable String ods, @PathVariable long id, @PathVariable String code, Model model) {
        return page.show(model, id, code);
    }

    private static @Nullable Integer level(String field, @Nullable String raw) {
        String value = FormValues.text(raw);
        if (value == null) {
            throw new InvalidInput(field, "Choose a level");
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "Choose a level");
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/rating")
    String rate(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            IndicatorForm form,
            Model model,
            RedirectAttributes redirect) {
        requireReader(id);
        try {
            ratings.rate(id, code, level("level", form.level()), form.narrative());
            redirect.addFlashAttribute("success", "Your rating of " + code + " was saved.");
            return "redirect:" + AssessmentAccess.base() + "/" + id;
        } catch (InvalidInput e) {
            return page.showAgain(model, id, code, form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/agreed")
    String agree(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            IndicatorForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            ratings.agree(id, code, level("agreed_level", form.agreedLevel()), form.rationale());
            redirect.addFlashAttribute("success", "The agreed rating of " + code + " was recorded.");
            return "redirect:" + AssessmentAccess.base() + "/" + id;
        } catch (InvalidInput e) {
            return page.showAgain(model, id, code, form, IndicatorPage.renamed(e, "level", "agreed_level"));
        }
    }
}
