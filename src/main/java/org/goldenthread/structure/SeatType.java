package org.goldenthread.structure;

import org.goldenthread.platform.Coded;

/** The part a seat plays on its forum. */
public enum SeatType implements Coded {
    CHAIR("chair", "Chair"),
    MEMBER("member", "Member"),
    PROFESSIONAL_LEAD("professional_lead", "Professional lead"),
    CLINICAL_LEAD("clinical_lead", "Clinical lead"),
    EXPERT_BY_EXPERIENCE("expert_by_experience", "Expert by experience"),
    LAY_MEMBER("lay_member", "Lay member");

    private final String code;
    private final String label;

    SeatType(String code, String label) {
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
