package org.goldenthread.assessment;

import org.springframework.web.bind.annotation.BindParam;

/** The form that opens a cycle; the page's field names are bound to the components. */
record CycleForm(
        String framework,
        String title,
        String place,
        @BindParam("opened_on") String openedOn) {

    static CycleForm openingOn(String day) {
        return new CycleForm(null, null, null, day);
    }
}
