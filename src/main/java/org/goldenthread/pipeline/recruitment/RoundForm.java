package org.goldenthread.pipeline.recruitment;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The page form that opens a round: a seat chosen from a list, the role and the advertising dates. */
record RoundForm(
        @BindParam("seat_id") @Nullable String seatId,
        @BindParam("role_description") @Nullable String roleDescription,
        @BindParam("opens_on") @Nullable String opensOn,
        @BindParam("closes_on") @Nullable String closesOn) {

    static RoundForm empty() {
        return new RoundForm(null, null, null, null);
    }
}
