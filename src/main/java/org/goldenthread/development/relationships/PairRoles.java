package org.goldenthread.development.relationships;

import org.goldenthread.development.ProgrammeKind;
import org.goldenthread.platform.Coded;

/** What a programme's kind calls the two people of a pair, and the relationship itself, in words. */
record PairRoles(String giver, String receiver, String relationship) {

    static PairRoles of(String kindCode) {
        ProgrammeKind kind = Coded.parse(ProgrammeKind.class, kindCode).orElse(ProgrammeKind.MENTORING);
        return switch (kind) {
            case MENTORING, REVERSE_MENTORING -> new PairRoles("mentor", "mentee", "mentoring");
            case COACHING -> new PairRoles("coach", "coachee", "coaching");
            case BUDDYING -> new PairRoles("buddy", "buddy", "buddying");
            case EXCHANGE -> new PairRoles("host", "visitor", "workplace exchange");
            case ACTION_LEARNING -> new PairRoles("partner", "partner", "pairing");
        };
    }
}
