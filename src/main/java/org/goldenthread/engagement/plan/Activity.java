package org.goldenthread.engagement.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An activity in the engagement plan, with the names of whom it reaches and of the survey or event
 * it became. It is overdue when it should have ended by now and is still planned or under way.
 */
public record Activity(
        long id,
        String kind,
        String title,
        @JsonProperty("starts_on") LocalDate startsOn,
        @JsonProperty("ends_on") LocalDate endsOn,
        @JsonProperty("group_id") @Nullable Long groupId,
        @JsonProperty("group_name") @Nullable String groupName,
        @JsonProperty("segment_id") @Nullable Long segmentId,
        @JsonProperty("segment_name") @Nullable String segmentName,
        String status,
        @Nullable String owner,
        @JsonProperty("survey_id") @Nullable Long surveyId,
        @JsonProperty("survey_title") @Nullable String surveyTitle,
        @JsonProperty("event_id") @Nullable Long eventId,
        @JsonProperty("event_title") @Nullable String eventTitle,
        boolean overdue) {

    /** Whom it reaches, in words: the group, the segment, or both. */
    public String audience() {
        if (groupName != null && segmentName != null) {
            return groupName + " and " + segmentName;
        }
        return groupName != null ? groupName : segmentName != null ? segmentName : "";
    }
}
