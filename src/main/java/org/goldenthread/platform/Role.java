package org.goldenthread.platform;

import java.util.Arrays;
import java.util.Optional;

/** What a user may do, and where. Codes are those used by the API. */
public enum Role {
    PLATFORM_ADMIN("platform_admin", "Platform administrator"),
    ICS_ADMIN("ics_admin", "ICS administrator"),
    PLACE_LEAD("place_lead", "Place lead"),
    MEMBER("member", "Member"),
    ANALYST("analyst", "Analyst");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isIcsRole() {
        return this != PLATFORM_ADMIN;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
