package org.goldenthread.pipeline.succession;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The exit conversation form. */
record ExitForm(
        @BindParam("held_on") @Nullable String heldOn,
        @Nullable String reason,
        @BindParam("reason_detail") @Nullable String reasonDetail,
        @BindParam("would_return") @Nullable String wouldReturn,
        @Nullable String handover,
        @BindParam("handover_to_person_id") @Nullable String handoverToPersonId,
        @BindParam("handover_to") @Nullable String handoverTo) {

    static ExitForm of(@Nullable ExitConversation c) {
        if (c == null) {
            return new ExitForm(null, null, null, null, null, null, null);
        }
        return new ExitForm(
                c.heldOn().toString(),
                c.reason(),
                c.reasonDetail(),
                c.wouldReturn(),
                String.valueOf(c.handover()),
                c.handoverToPersonId() == null ? null : String.valueOf(c.handoverToPersonId()),
                c.handoverTo());
    }

    /** The details the form describes; a date that does not read as one is refused here, by its name. */
    ExitDetails details() {
        List<Problem> problems = new ArrayList<>();
        var held = FormValues.date("held_on", "Date of the conversation", heldOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new ExitDetails(
                held,
                FormValues.text(reason),
                reasonDetail,
                FormValues.text(wouldReturn),
                handover == null ? null : Boolean.valueOf(handover),
                FormValues.id(handoverToPersonId),
                handoverTo);
    }
}
