package org.goldenthread.engagement.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.goldenthread.platform.ScalarAsText;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An event as typed on the page or sent to the API: the day and times are England's local time.
 * Registration closes when the event starts unless an earlier day is given (it then closes at the
 * end of that day).
 */
public record NewEvent(
        @Nullable String title,
        @Nullable String kind,
        @Nullable String level,
        @Nullable String description,
        @Nullable String date,

        @BindParam("start_time") @JsonProperty("start_time") @Nullable
        String startTime,

        @BindParam("end_time") @JsonProperty("end_time") @Nullable
        String endTime,

        @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String online,

        @Nullable String location,

        @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String capacity,

        @BindParam("closes_on") @JsonProperty("closes_on") @Nullable
        String closesOn,

        @BindParam("segment_id") @JsonProperty("segment_id") @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String segmentId,

        @BindParam("feedback_survey_id")
        @JsonProperty("feedback_survey_id")
        @JsonDeserialize(using = ScalarAsText.class)
        @Nullable
        String feedbackSurveyId) {

    static NewEvent blank() {
        return new NewEvent(
                null, "roundtable", "system", null, null, "10:00", "12:00", "false", null, null, null, null, null);
    }
}
