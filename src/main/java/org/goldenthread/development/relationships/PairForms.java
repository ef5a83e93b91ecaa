package org.goldenthread.development.relationships;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The forms a pair fills in through a personal link. Dates stay text until checked. */
final class PairForms {

    private PairForms() {}

    record GoalForm(@Nullable String goal) {

        static GoalForm empty() {
            return new GoalForm(null);
        }
    }

    record MeetingForm(
            @BindParam("met_on") @Nullable String metOn,
            @Nullable String minutes,
            @Nullable String notes) {

        static MeetingForm empty() {
            return new MeetingForm(null, null, null);
        }
    }

    record EndingForm(
            @Nullable String reason,
            @Nullable String rating,
            @Nullable String helped,
            @Nullable String reflection) {

        static EndingForm empty() {
            return new EndingForm(null, null, null, null);
        }
    }
}
