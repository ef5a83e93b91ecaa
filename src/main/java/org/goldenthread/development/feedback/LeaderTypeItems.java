package org.goldenthread.development.feedback;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The items of the leader-type reflection: four for each axis, each rated from 1 (not at all like
 * me) to 5 (very like me). Raters in a round answer the same items about the leader.
 */
final class LeaderTypeItems {

    record Item(String code, String axis, String self, String about) {}

    static final List<Item> ITEMS = List.of(
            new Item(
                    "a1",
                    "ambition",
                    "I want to change how care works across the whole system, not only in my own service",
                    "Wants to change how care works across the whole system, not only in their own service"),
            new Item(
                    "a2",
                    "ambition",
                    "I put forward ideas that would mean large changes to how services are organised",
                    "Puts forward ideas that would mean large changes to how services are organised"),
            new Item(
                    "a3",
                    "ambition",
                    "I am willing to take on a change that may take years to pay off",
                    "Is willing to take on a change that may take years to pay off"),
            new Item(
                    "a4",
                    "ambition",
                    "I question established ways of working when they do not serve patients well",
                    "Questions established ways of working when they do not serve patients well"),
            new Item(
                    "p1",
                    "politics",
                    "I know who needs to agree before a change can happen, and I talk to them early",
                    "Knows who needs to agree before a change can happen, and talks to them early"),
            new Item(
                    "p2",
                    "politics",
                    "I build alliances with people in other organisations and professions",
                    "Builds alliances with people in other organisations and professions"),
            new Item(
                    "p3",
                    "politics",
                    "I frame a change so that people with different interests can each see what is in it for them",
                    "Frames a change so that people with different interests can each see what is in it for them"),
            new Item(
                    "p4",
                    "politics",
                    "I notice resistance early and work with it rather than around it",
                    "Notices resistance early and works with it rather than around it"));

    static final List<String> SCALE =
            List.of("Not at all like me", "A little like me", "Somewhat like me", "Quite like me", "Very like me");

    static final List<String> SCALE_ABOUT = List.of(
            "Not at all like them", "A little like them", "Somewhat like them", "Quite like them", "Very like them");

    private LeaderTypeItems() {}

    /** The mean of an axis's items among the answers, or null when none of them was answered. */
    static @Nullable Double score(Map<String, Integer> answers, String axis) {
        return ITEMS.stream()
                .filter(i -> i.axis().equals(axis) && answers.getOrDefault(i.code(), 0) > 0)
                .mapToInt(i -> answers.get(i.code()))
                .average()
                .stream()
                .boxed()
                .findFirst()
                .orElse(null);
    }
}
