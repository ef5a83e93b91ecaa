package org.goldenthread.structure;

import java.util.Optional;
import org.goldenthread.platform.Coded;

/** The part of health and care an organisation belongs to. Codes are those of the API and the register file. */
public enum Sector implements Coded {
    ACUTE("acute", "Acute hospital"),
    COMMUNITY("community", "Community health"),
    MENTAL_HEALTH("mental_health", "Mental health"),
    GENERAL_PRACTICE("general_practice", "General practice"),
    COMMUNITY_PHARMACY("community_pharmacy", "Community pharmacy"),
    DENTAL("dental", "Dental"),
    OPTOMETRY("optometry", "Optometry"),
    AMBULANCE("ambulance", "Ambulance"),
    ADULT_SOCIAL_CARE("adult_social_care", "Adult social care"),
    CHILDRENS_SERVICES("childrens_services", "Children's services"),
    PUBLIC_HEALTH("public_health", "Public health"),
    LOCAL_AUTHORITY("local_authority", "Local authority"),
    VCSE("vcse", "Voluntary, community and social enterprise"),
    INDEPENDENT("independent", "Independent sector"),
    ICB("icb", "Integrated care board"),
    EDUCATION("education", "Education and training");

    private final String code;
    private final String label;

    Sector(String code, String label) {
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

    public static Optional<Sector> fromCode(String code) {
        return Coded.parse(Sector.class, code);
    }
}
