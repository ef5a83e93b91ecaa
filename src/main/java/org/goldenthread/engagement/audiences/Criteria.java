package org.goldenthread.engagement.audiences;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a segment selects on. A member matches when every list given holds one of theirs; an empty
 * list does not narrow. Places and forums are named, everything else is coded.
 */
public record Criteria(
        List<String> levels,
        List<String> places,
        List<String> forums,
        @JsonProperty("seat_types") List<String> seatTypes,
        List<String> professions,
        @JsonProperty("profession_groups") List<String> professionGroups,
        List<String> sectors,
        @JsonProperty("career_stages") List<String> careerStages) {

    public Criteria {
        levels = tidy(levels);
        places = tidy(places);
        forums = tidy(forums);
        seatTypes = tidy(seatTypes);
        professions = tidy(professions);
        professionGroups = tidy(professionGroups);
        sectors = tidy(sectors);
        careerStages = tidy(careerStages);
    }

    /** Criteria from lists a form may leave out. */
    public static Criteria of(
            @Nullable List<String> levels,
            @Nullable List<String> places,
            @Nullable List<String> forums,
            @Nullable List<String> seatTypes,
            @Nullable List<String> professions,
            @Nullable List<String> professionGroups,
            @Nullable List<String> sectors,
            @Nullable List<String> careerStages) {
        return new Criteria(
                tidy(levels),
                tidy(places),
                tidy(forums),
                tidy(seatTypes),
                tidy(professions),
                tidy(professionGroups),
                tidy(sectors),
                tidy(careerStages));
    }

    public static Criteria none() {
        return new Criteria(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> tidy(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList();
    }

    public boolean matches(Member m) {
        return any(levels, m.levels())
                && any(places, m.places())
                && any(forums, m.forums())
                && any(seatTypes, m.seatTypes())
                && one(professions, m.profession())
                && one(professionGroups, m.professionGroup())
                && one(sectors, m.sector())
                && one(careerStages, m.careerStage());
    }

    /**
     * Whether someone outside the register may match: only what they tell us of themselves (their
     * profession) can be checked, so a segment that needs seats, places, sector or career stage
     * leaves them out.
     */
    public boolean matchesContact(Member m) {
        return levels.isEmpty()
                && places.isEmpty()
                && forums.isEmpty()
                && seatTypes.isEmpty()
                && sectors.isEmpty()
                && careerStages.isEmpty()
                && one(professions, m.profession())
                && one(professionGroups, m.professionGroup());
    }

    /** Whether someone who gives only their profession may take part: nothing else can be checked of them. */
    public boolean admitsProfession(@Nullable String profession, @Nullable String group) {
        return one(professions, profession) && one(professionGroups, group);
    }

    public boolean narrowsByProfession() {
        return !professions.isEmpty() || !professionGroups.isEmpty();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return levels.isEmpty()
                && places.isEmpty()
                && forums.isEmpty()
                && seatTypes.isEmpty()
                && professions.isEmpty()
                && professionGroups.isEmpty()
                && sectors.isEmpty()
                && careerStages.isEmpty();
    }

    private static boolean any(List<String> wanted, Collection<String> held) {
        return wanted.isEmpty() || held.stream().anyMatch(wanted::contains);
    }

    private static boolean one(List<String> wanted, @Nullable String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }
}
