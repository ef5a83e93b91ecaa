package org.goldenthread.pipeline.succession;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The forms of the succession pages. */
final class SuccessionForms {

    private SuccessionForms() {}

    /** Marks a seat as critical. */
    record Mark(
            @BindParam("seat_id") @Nullable String seatId,
            @Nullable String reason) {

        static Mark empty() {
            return new Mark(null, null);
        }
    }

    /** Names a successor for a critical seat. */
    record Name(
            @BindParam("person_id") @Nullable String personId,
            @Nullable String readiness) {

        static Name empty() {
            return new Name(null, null);
        }
    }
}
