package org.goldenthread.engagement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reading a survey's free-text comments and coding them with the themes of its codebook. */
@Controller
class CommentPages {

    private static final FormPage COMMENTS = new FormPage("engagement/comments");

    private final Surveys surveys;
    private final Codebook codebook;

    CommentPages(Surveys surveys, Codebook codebook) {
        this.surveys = surveys;
        this.codebook = codebook;
    }

    private static String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/surveys";
    }

    /** Each comment carries a box for every theme, so ten to a page keep a page a few hundred elements. */
    static final int COMMENTS_PER_PAGE = 10;

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/surveys/{id}/comments")
    String comments(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String field,
            @RequestParam(defaultValue = "false") boolean uncoded,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) @Nullable String by,
            Model model) {
        Surveys.Survey survey = surveys.survey(id);
        surveys.requireRawResponses(id);
        List<String> fields = codebook.fields(id);
        model.addAttribute("survey", survey);
        model.addAttribute(
                "fields",
                fields.stream()
                        .map(f -> new Choice(f, survey.definition().fieldLabel(f)))
                        .toList());
        model.addAttribute("closed", QuestionChoices.closed(survey.definition()));
        model.addAttribute("themes", codebook.themes(id));
        if (fields.isEmpty()) {
            return "engagement/comments";
        }
        if (codebook.commentsWithheld(id)) {
            // the codebook stays in view, to be built before the comments can be read
            model.addAttribute("withheld", codebook.withheldNote());
            return "engagement/comments";
        }
        String chosen = field == null || field.isBlank() ? fields.get(0) : field;
        int safePage = Math.min(Math.max(page, 1), 100_000);
        try {
            model.addAttribute("field", chosen);
            model.addAttribute("fieldLabel", survey.definition().fieldLabel(chosen));
            model.addAttribute("uncoded", uncoded);
            model.addAttribute("page", safePage);
            model.addAttribute("perPage", COMMENTS_PER_PAGE);
            model.addAttribute("by", by);
            model.addAttribute("comments", codebook.comments(id, chosen, uncoded, safePage, COMMENTS_PER_PAGE));
            model.addAttribute("heldBackNote", surveys.release(id).note(surveys.minGroupSize()));
            int total = codebook.commentCount(id, chosen, uncoded);
            model.addAttribute("total", total);
            model.addAttribute("pages", Math.max(1, (total + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE));
            model.addAttribute("counts", codebook.counts(id, chosen, by));
            model.addAttribute("emerging", codebook.emergingWords(id, chosen, 12));
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
        }
        return "engagement/comments";
    }

    /** A theme for the codebook, added from the comments of one field, where the page goes back to. */
    record NewTheme(
            @Nullable String name,
            @Nullable String description,
            @Nullable String field) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/themes")
    String addTheme(
            @PathVariable String ods, @PathVariable long id, NewTheme form, Model model, RedirectAttributes redirect) {
        surveys.requireRuns(id, "change its codebook");
        try {
            Codebook.Theme theme = codebook.addTheme(id, form.name(), form.description());
            redirect.addFlashAttribute("success", "The theme " + theme.name() + " was added to the codebook.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("success", null);
            COMMENTS.showAgain(model, form, e);
            // shown after the theme's problems, so that a field the survey does not have is the one reported
            return comments(ods, id, form.field(), false, 1, null, model);
        }
        return "redirect:" + base() + "/" + id + "/comments?field="
                + java.net.URLEncoder.encode(form.field() == null ? "" : form.field(), StandardCharsets.UTF_8);
    }

    /**
     * Saves the themes of every comment shown on the page: ticked themes are kept, unticked ones removed.
     * The ticks come as a map: their fields are named by the comments' own response ids ({@code c_<id>}).
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/comments")
    String code(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        codebook.requireComments(id);
        String field = form.getFirst("field");
        List<String> shown = form.getOrDefault("shown", List.of());
        // read every value the page sent before saving anything, so a bad one changes nothing
        java.util.Map<java.util.UUID, List<Long>> coding = new java.util.LinkedHashMap<>();
        for (String response : shown) {
            coding.put(
                    shownComment(response),
                    form.getOrDefault("c_" + response, List.of()).stream()
                            .map(theme -> number("c_" + response, theme))
                            .toList());
        }
        coding.forEach((response, themes) -> codebook.code(id, response, field, themes));
        redirect.addFlashAttribute(
                "success", "Themes saved for " + org.goldenthread.platform.Plurals.of(shown.size(), "comment") + ".");
        // back to the page the form came from; its values are re-read, never copied into the address as sent
        long page = form.getFirst("page") == null
                ? 1
                : Math.min(Math.max(number("page", form.getFirst("page")), 1), 100_000);
        return "redirect:" + base() + "/" + id + "/comments?field="
                + java.net.URLEncoder.encode(field == null ? "" : field, StandardCharsets.UTF_8) + "&page=" + page
                + "&uncoded=" + "true".equals(form.getFirst("uncoded"));
    }

    private static java.util.UUID shownComment(String value) {
        try {
            return java.util.UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("shown", "Not a comment the page showed: reload the page and try again");
        }
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "Not a number the page gave: reload the page and try again");
        }
    }
}
