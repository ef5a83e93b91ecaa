package org.goldenthread.pipeline.succession;

import org.goldenthread.platform.Coded;

/** Why someone left a seat, as they gave it in their exit conversation. */
public enum ExitReason implements Coded {
    END_OF_TERM("end_of_term", "End of term"),
    WORKLOAD("workload", "Workload"),
    BURNOUT("burnout", "Burnout"),
    CAREER_MOVE("career_move", "Career move"),
    RETIREMENT("retirement", "Retirement"),
    RELOCATION("relocation", "Relocation"),
    OTHER("other", "Other reason");

    private final String code;
    private final String label;

    ExitReason(String code, String label) {
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
