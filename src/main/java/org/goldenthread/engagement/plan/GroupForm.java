package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.goldenthread.platform.ScalarAsText;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A stakeholder group as typed on the page or sent to the API. */
public record GroupForm(
        @Nullable String name,
        @Nullable String kind,

        @BindParam("estimated_size")
        @JsonProperty("estimated_size")
        @JsonDeserialize(using = ScalarAsText.class)
        @Nullable
        String estimatedSize,

        @Nullable String owner) {

    static GroupForm blank() {
        return new GroupForm(null, null, null, null);
    }

    static GroupForm of(StakeholderGroup g) {
        return new GroupForm(
                g.name(), g.kind(), g.estimatedSize() == null ? null : String.valueOf(g.estimatedSize()), g.owner());
    }
}
