package org.goldenthread.development.feedback;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.goldenthread.development.OfferKind;
import org.goldenthread.platform.Coded;

/**
 * Four ways of leading change in a system, placed by two scores from 1 to 5: ambition for change
 * (how far someone wants to move things) and micro-political capability (how well they win
 * people over, build alliances and find their way through the system). A score above the middle
 * of the scale counts as high.
 */
public enum LeaderType implements Coded {
    STEADY(
            "steady",
            "Steady hand",
            "You keep services safe and running and tend to leave wider change to others. That is valuable, and"
                    + " it may also mean your knowledge of what patients need is not shaping the system as it could.",
            List.of(
                    "Pick one improvement close to your own work and see it through with a small group of colleagues.",
                    "Find someone who already leads across organisations and ask to shadow them at a system meeting.",
                    "Join a network where you meet leaders from other organisations and professions."),
            List.of(OfferKind.MENTORING, OfferKind.NETWORK, OfferKind.BUDDYING)),
    IMPROVER(
            "improver",
            "Careful improver",
            "You know how to get things done where you are: you plan, persuade and bring people with you, and"
                    + " your changes stick. You may be aiming lower than your skills allow.",
            List.of(
                    "Take an improvement that worked locally and ask who else in the system could use it.",
                    "Stretch your sights: agree with a coach one change that needs partners beyond your organisation.",
                    "Spend time in another organisation to see what a larger ambition looks like in practice."),
            List.of(OfferKind.COACHING, OfferKind.WORKPLACE_EXCHANGE, OfferKind.PROGRAMME)),
    PIONEER(
            "pioneer",
            "Bold pioneer",
            "You have a clear, ambitious view of what should change and the energy to push for it. Without"
                    + " enough allies you can end up exposed, with others slow to follow.",
            List.of(
                    "Before the next push, map who gains and who loses from the change and talk to each of them.",
                    "Build a small coalition across professions and let others share ownership of the idea.",
                    "Work through a live dilemma with peers who will question how you are going about it."),
            List.of(OfferKind.ACTION_LEARNING_SET, OfferKind.COACHING, OfferKind.SAFE_SPACE_CONVERSATION)),
    SHAPER(
            "shaper",
            "System shaper",
            "You combine a large ambition with the skill to bring the system with you. Others look to you, so"
                    + " your development is as much about growing leaders around you as about your own next step.",
            List.of(
                    "Mentor or sponsor someone with ambition who is still learning to find allies.",
                    "Ask for feedback from partners and patients, who see your influence from outside.",
                    "Guard against doing too much yourself: hand over a piece of work you would usually lead."),
            List.of(OfferKind.REVERSE_MENTORING, OfferKind.MENTORING, OfferKind.PROGRAMME));

    /** Above this a score counts as high: the middle of the 1 to 5 scale. */
    static final double MIDDLE = 3.0;

    private final String code;
    private final String label;
    private final String description;
    private final List<String> suggestions;
    private final List<OfferKind> offerKinds;

    LeaderType(String code, String label, String description, List<String> suggestions, List<OfferKind> offerKinds) {
        this.code = code;
        this.label = label;
        this.description = description;
        this.suggestions = suggestions;
        this.offerKinds = offerKinds;
    }

    /** In JSON too, as every other code the API gives. */
    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    /** The kinds of development offer that suit this type, most fitting first. */
    public List<OfferKind> offerKinds() {
        return offerKinds;
    }

    public static LeaderType of(double ambition, double politics) {
        boolean bold = ambition > MIDDLE;
        boolean skilled = politics > MIDDLE;
        return bold ? (skilled ? SHAPER : PIONEER) : (skilled ? IMPROVER : STEADY);
    }
}
