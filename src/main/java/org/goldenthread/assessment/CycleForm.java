package org.goldenthread.assessment;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The form that opens a cycle; the page's field names are bound to the components. */
record CycleForm(
        @Nullable String framework,
        @Nullable String title,
        @Nullable String place,
        @BindParam("opened_on") @Nullable String openedOn) {

    static CycleForm openingOn(String day) {
        return new CycleForm(null, null, null, day);
    }
}
