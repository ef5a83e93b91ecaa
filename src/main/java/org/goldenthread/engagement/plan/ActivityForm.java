package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.goldenthread.platform.ScalarAsText;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;
import tools.jackson.databind.annotation.JsonDeserialize;

/** An activity as typed on the page or sent to the API; dates as year-month-day or the NHS.UK date input. */
public record ActivityForm(
        @Nullable String kind,
        @Nullable String title,

        @BindParam("starts_on") @JsonProperty("starts_on") @Nullable
        String startsOn,

        @BindParam("ends_on") @JsonProperty("ends_on") @Nullable
        String endsOn,

        @BindParam("group_id") @JsonProperty("group_id") @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String groupId,

        @BindParam("segment_id") @JsonProperty("segment_id") @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String segmentId,

        @Nullable String status,
        @Nullable String owner,

        @BindParam("survey_id") @JsonProperty("survey_id") @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String surveyId,

        @BindParam("event_id") @JsonProperty("event_id") @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String eventId) {

    static ActivityForm blank() {
        return new ActivityForm(null, null, null, null, null, null, "planned", null, null, null);
    }

    static ActivityForm of(Activity a) {
        return new ActivityForm(
                a.kind(),
                a.title(),
                a.startsOn().toString(),
                a.endsOn().toString(),
                text(a.groupId()),
                text(a.segmentId()),
                a.status(),
                a.owner(),
                text(a.surveyId()),
                text(a.eventId()));
    }

    private static @Nullable String text(@Nullable Long id) {
        return id == null ? null : id.toString();
    }
}
