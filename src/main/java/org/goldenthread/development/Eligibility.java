package org.goldenthread.development;

import java.util.List;
import java.util.Set;
import org.goldenthread.people.Person;
import org.jspecify.annotations.Nullable;

/**
 * What the register says about someone that decides which offers they may take up: their
 * profession and its group, career stage, sector, and the levels of the forums they hold a seat on
 * today. A value the register does not hold does not rule anything out, and is listed as unknown so
 * the page can say so.
 *
 * @param person the register entry the eligibility was read from, or null when the signed-in
 *     person has none
 */
public record Eligibility(
        @Nullable Person person,
        @Nullable String profession,
        @Nullable String professionGroup,
        @Nullable String careerStage,
        @Nullable String sector,
        Set<String> levels,
        List<String> unknown) {

    public Eligibility {
        levels = Set.copyOf(levels);
        unknown = List.copyOf(unknown);
    }

    static Eligibility nobody() {
        return new Eligibility(null, null, null, null, null, Set.of(), List.of());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean known() {
        return person != null;
    }

    /** Whether the offer is for this person: on every count the offer names, they are among those it names. */
    public boolean fits(Offer offer) {
        if (person == null) {
            return true;
        }
        boolean byProfession =
                (offer.professions().isEmpty() && offer.professionGroups().isEmpty())
                        || offer.professions().contains(profession)
                        || offer.professionGroups().contains(professionGroup);
        return byProfession
                && allows(offer.careerStages(), careerStage)
                && allows(offer.sectors(), sector)
                && (offer.levels().isEmpty()
                        || levels.isEmpty()
                        || offer.levels().stream().anyMatch(levels::contains));
    }

    private static boolean allows(List<String> named, @Nullable String value) {
        return named.isEmpty() || value == null || named.contains(value);
    }
}
