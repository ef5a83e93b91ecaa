package org.goldenthread.pipeline.recruitment;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The page form that appoints an applicant: when the appointment starts and, if known, ends. */
record AppointingForm(
        @BindParam("start_date") @Nullable String startDate,
        @BindParam("end_date") @Nullable String endDate) {

    static AppointingForm empty() {
        return new AppointingForm(null, null);
    }
}
