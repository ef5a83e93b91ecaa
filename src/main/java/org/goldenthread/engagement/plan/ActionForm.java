package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.goldenthread.platform.ScalarAsText;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;
import tools.jackson.databind.annotation.JsonDeserialize;

/** An action as typed on the page or sent to the API. */
public record ActionForm(
        @BindParam("theme_id") @JsonProperty("theme_id") @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String themeId,

        @Nullable String what,
        @Nullable String owner,

        @BindParam("due_on") @JsonProperty("due_on") @Nullable
        String dueOn,

        @Nullable String status) {

    static ActionForm blank() {
        return new ActionForm(null, null, null, null, "planned");
    }

    static ActionForm of(Action a) {
        return new ActionForm(
                a.themeId() == null ? null : a.themeId().toString(),
                a.what(),
                a.owner(),
                a.dueOn() == null ? null : a.dueOn().toString(),
                a.status());
    }
}
