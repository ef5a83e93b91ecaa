package org.goldenthread.engagement.reach;

import java.util.Map;
import java.util.Set;
import org.goldenthread.engagement.audiences.Member;
import org.goldenthread.people.CareerStage;
import org.goldenthread.platform.Coded;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;

/**
 * What reach is broken down by. A person falls in the groups the register gives them; someone with
 * seats in two places counts in both, so a place's share is of everyone connected with it.
 */
public enum Dimension implements Coded {
    PROFESSION_GROUP("profession_group", "Profession group"),
    PLACE("place", "Place"),
    CAREER_STAGE("career_stage", "Career stage"),
    SECTOR("sector", "Sector");

    /** The group of those the register says nothing about on this dimension, or who are not on it. */
    public static final String NOT_KNOWN = "";

    private static final Map<String, String> STAGES = Coded.labels(CareerStage.class);
    private static final Map<String, String> SECTORS = Coded.labels(Sector.class);

    private final String code;
    private final String label;

    Dimension(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The groups a person falls in: none known gives {@link #NOT_KNOWN}. */
    Set<String> groupsOf(Member m) {
        Set<String> groups = switch (this) {
            case PROFESSION_GROUP -> one(m.professionGroup());
            case PLACE -> m.places();
            case CAREER_STAGE -> one(m.careerStage());
            case SECTOR -> one(m.sector());
        };
        return groups.isEmpty() ? Set.of(NOT_KNOWN) : groups;
    }

    /** How a group is shown: career stages and sectors by their labels, the rest as named. */
    String labelOf(String group) {
        if (group.equals(NOT_KNOWN)) {
            return "Not known or not on the register";
        }
        return switch (this) {
            case CAREER_STAGE -> STAGES.getOrDefault(group, group);
            case SECTOR -> SECTORS.getOrDefault(group, group);
            default -> group;
        };
    }

    private static Set<String> one(@Nullable String value) {
        return value == null || value.isBlank() ? Set.of() : Set.of(value);
    }
}
