package org.goldenthread.engagement.plan;

import org.goldenthread.platform.Coded;

/** What sort of group or network a stakeholder group is. */
enum GroupKind implements Coded {
    PROFESSIONAL_NETWORK("professional_network", "Professional network"),
    STAFF_GROUP("staff_group", "Staff group"),
    TRADE_UNION("trade_union", "Trade union"),
    PATIENT_GROUP("patient_group", "Patient group"),
    EDUCATION_PARTNER("education_partner", "Education partner"),
    COMMUNITY_GROUP("community_group", "Community group"),
    PROVIDER("provider", "Provider organisation"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    GroupKind(String code, String label) {
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
}
