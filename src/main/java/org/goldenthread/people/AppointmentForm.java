package org.goldenthread.people;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The form that appoints a person to a seat, and the one that changes an appointment's terms, which
 * has no seat or start date.
 */
record AppointmentForm(
        @BindParam("seat_id") @Nullable String seatId,
        @BindParam("start_date") @Nullable String startDate,
        @BindParam("end_date") @Nullable String endDate,
        @Nullable String route,
        @BindParam("protected_hours_per_week") @Nullable String protectedHoursPerWeek,
        @BindParam("hours_used_per_week") @Nullable String hoursUsedPerWeek,
        @BindParam("funded_by") @Nullable String fundedBy,
        @Nullable String backfilled) {

    static AppointmentForm empty() {
        return new AppointmentForm(null, null, null, null, null, null, null, null);
    }

    static AppointmentForm of(Appointment a) {
        return new AppointmentForm(
                null,
                null,
                a.endDate() == null ? null : a.endDate().toString(),
                a.route(),
                plain(a.protectedHoursPerWeek()),
                plain(a.hoursUsedPerWeek()),
                a.fundedBy(),
                null);
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
