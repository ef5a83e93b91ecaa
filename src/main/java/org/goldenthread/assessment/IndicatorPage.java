package org.goldenthread.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One indicator in one cycle: its descriptors, the ratings, evidence and actions, and the forms that
 * add to them. The rating, evidence and action pages all show it, and show it again when a post is
 * refused.
 */
@Component
class IndicatorPage {

    private static final FormPage PAGE = new FormPage("assessment/indicator");

    record Descriptor(int level, String name, String text) {}

    private final Cycles cycles;
    private final Ratings ratings;
    private final Citations citations;
    private final Attachments attachments;
    private final Actions actions;
    private final Surveys surveys;
    private final Clock clock;

    IndicatorPage(
            Cycles cycles,
            Ratings ratings,
            Citations citations,
            Attachments attachments,
            Actions actions,
            Surveys surveys,
            Clock clock) {
        this.cycles = cycles;
        this.ratings = ratings;
        this.citations = citations;
        this.attachments = attachments;
        this.actions = actions;
        this.surveys = surveys;
        this.clock = clock;
    }

    String show(Model model, long id, String code) {
        return PAGE.show(shown(model, id, code), IndicatorForm.empty());
    }

    String showAgain(Model model, long id, String code, IndicatorForm form, InvalidInput refusal) {
        return PAGE.showAgain(shown(model, id, code), form, refusal);
    }

    /** A problem the rules name by their own field, shown beside the form field that holds it. */
    static InvalidInput renamed(InvalidInput e, String field, String formField) {
        return new InvalidInput(e.problems().stream()
                .map(p -> field.equals(p.field()) ? new Problem(p.row(), formField, p.reason()) : p)
                .toList());
    }

    private Model shown(Model model, long id, String code) {
        Cycle cycle = cycles.cycle(id, AssessmentAccess.readers());
        Framework f = cycle.framework();
        Framework.Indicator indicator =
                f.indicator(code).orElseThrow(() -> new NotFound("No indicator " + code + " in this cycle"));
        boolean lead = AssessmentAccess.leads();
        model.addAttribute("cycle", cycle);
        model.addAttribute("principle", f.principleOf(code).orElseThrow());
        model.addAttribute("indicator", indicator);
        model.addAttribute(
                "descriptors",
                IntStream.range(0, f.scale().size())
                        .mapToObj(i -> new Descriptor(
                                i + 1,
                                f.scale().get(i).name(),
                                indicator.descriptors().get(i)))
                        .toList());
        evidenceAndActions(model, id, code);
        ratings(model, id, code, lead);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("lead", lead);
        model.addAttribute("contributes", AssessmentAccess.contributes());
        model.addAttribute("me", Scope.currentCaller().userId());
        model.addAttribute("metrics", Choice.of(Metric.class));
        model.addAttribute(
                "surveys",
                surveys.surveys().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.title()))
                        .toList());
        return model;
    }

    private void ratings(Model model, long id, String code, boolean lead) {
        model.addAttribute(
                "mine",
                ratings.myRatings(id).stream()
                        .filter(r -> r.indicator().equals(code))
                        .findFirst()
                        .orElse(null));
        List<Cycle.Rating> everyones = lead
                ? ratings.ratings(id).stream()
                        .filter(r -> r.indicator().equals(code))
                        .toList()
                : List.of();
        model.addAttribute("ratings", everyones);
        model.addAttribute("spread", Spread.of(everyones));
        model.addAttribute(
                "agreed",
                ratings.agreed(id).stream()
                        .filter(a -> a.indicator().equals(code))
                        .findFirst()
                        .orElse(null));
    }

    private void evidenceAndActions(Model model, long id, String code) {
        model.addAttribute(
                "evidence",
                citations.evidence(id).stream()
                        .filter(e -> e.indicator().equals(code))
                        .toList());
        model.addAttribute(
                "items",
                attachments.items(id).stream()
                        .filter(e -> e.indicator().equals(code))
                        .toList());
        model.addAttribute(
                "actions",
                actions.actions(id).stream()
                        .filter(a -> a.indicator().equals(code))
                        .toList());
    }
}
