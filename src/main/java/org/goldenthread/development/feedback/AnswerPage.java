package org.goldenthread.development.feedback;

import java.util.Map;
import org.springframework.ui.Model;

/** One page of questions, for a rater or for the leader rating themselves: the same template for both. */
final class AnswerPage {

    static final String VIEW = "development/feedback/answer-page";

    private AnswerPage() {}

    static String show(
            Model model,
            Round round,
            Questionnaire.Section section,
            int pages,
            Map<String, String> answers,
            String base,
            boolean self) {
        model.addAttribute("round", round);
        model.addAttribute("section", section);
        model.addAttribute("pages", pages);
        model.addAttribute("answers", answers);
        model.addAttribute("base", base);
        model.addAttribute("self", self);
        model.addAttribute("last", section.number() == pages);
        model.addAttribute("back", section.number() == 1 ? base : base + "/" + (section.number() - 1));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", java.util.List.of());
        }
        return VIEW;
    }
}
