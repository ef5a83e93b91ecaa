package org.goldenthread.engagement.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A roundtable, webinar, focus group or workshop, and how many have places on it and are waiting. */
public record Event(
        long id,
        String title,
        String kind,
        String level,
        @Nullable String description,
        @JsonProperty("starts_at") Instant startsAt,
        @JsonProperty("ends_at") Instant endsAt,
        boolean online,
        String location,
        int capacity,
        @JsonProperty("registration_closes_at") Instant registrationClosesAt,
        @JsonProperty("segment_id") @Nullable Long segmentId,
        @JsonProperty("feedback_survey_id") @Nullable Long feedbackSurveyId,
        @JsonIgnore String uid,
        int registered,
        int waitlisted,
        int invited,
        int attended,
        // only a digest of the open link is kept, so it can be given only when it is made
        @JsonProperty("open_link") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String openLink) {

    static final String COLUMNS = """
            e.id, e.title, e.kind, e.level, e.description, e.starts_at, e.ends_at, e.online, e.location,
            e.capacity, e.registration_closes_at, e.segment_id, e.feedback_survey_id, e.uid,
            (select count(*) from engagement_registration r where r.event_id = e.id and r.status = 'registered')
                as registered,
            (select count(*) from engagement_registration r where r.event_id = e.id and r.status = 'waitlisted')
                as waitlisted,
            (select count(*) from engagement_registration r where r.event_id = e.id and r.invited) as invited,
            (select count(*) from engagement_registration r where r.event_id = e.id and r.attendance = 'attended')
                as attended,
            null as open_link""";

    /** This event as it is answered the moment its open link is made: with the link, once. */
    Event withOpenLink(String link) {
        return new Event(
                id,
                title,
                kind,
                level,
                description,
                startsAt,
                endsAt,
                online,
                location,
                capacity,
                registrationClosesAt,
                segmentId,
                feedbackSurveyId,
                uid,
                registered,
                waitlisted,
                invited,
                attended,
                link);
    }

    public int placesLeft() {
        return Math.max(0, capacity - registered);
    }

    public boolean closedAt(Instant now) {
        return !now.isBefore(registrationClosesAt);
    }
}
