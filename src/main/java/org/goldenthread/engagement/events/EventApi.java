package org.goldenthread.engagement.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Events through the API: plan them, invite people, see who registered, cancel, record attendance and notes. */
@RestController
class EventApi {

    private final Events events;
    private final Registrations registrations;
    private final EventNotes notes;
    private final EventMail mail;

    EventApi(Events events, Registrations registrations, EventNotes notes, EventMail mail) {
        this.events = events;
        this.mail = mail;
        this.registrations = registrations;
        this.notes = notes;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "The ICS's events, newest first, with places taken and waiting")
    @GetMapping("/api/v1/ics/{ods}/events")
    List<Event> list(@PathVariable String ods) {
        return events.events();
    }

    /**
     * Plans an event. The day and times are England's local time; capacity is at least 1, the event
     * starts in the future, and an optional {@code segment_id} limits who may register. The answer
     * carries {@code open_link}, the link anyone may register by; only a digest of it is kept, so this
     * is the one time it is given.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Plan an event; the answer carries its open link, given only this once")
    @PostMapping("/api/v1/ics/{ods}/events")
    @ResponseStatus(HttpStatus.CREATED)
    Event create(@PathVariable String ods, @RequestBody NewEvent body) {
        return withLink(events.create(body));
    }

    /** A new open link, for an organiser who no longer has the one given when the event was planned. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Make a new open link for an event; the one before stops working")
    @PostMapping("/api/v1/ics/{ods}/events/{id}/open-link")
    @ResponseStatus(HttpStatus.CREATED)
    Event newOpenLink(@PathVariable String ods, @PathVariable long id) {
        return withLink(events.newOpenLink(id));
    }

    private Event withLink(Events.Planned planned) {
        return planned.event().withOpenLink(mail.base() + "/event/" + planned.openLinkToken());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "One event")
    @GetMapping("/api/v1/ics/{ods}/events/{id}")
    Event event(@PathVariable String ods, @PathVariable long id) {
        return events.event(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Everyone invited to or registered for an event")
    @GetMapping("/api/v1/ics/{ods}/events/{id}/registrations")
    List<Registration> registrations(@PathVariable String ods, @PathVariable long id) {
        return registrations.of(id);
    }

    record Invite(
            @Nullable List<String> emails,
            @JsonProperty("segment_id") @Nullable Long segmentId) {}

    /** Invites a list of addresses or everyone a segment reaches, each with a personal link by email. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Invite people or a segment to an event")
    @PostMapping("/api/v1/ics/{ods}/events/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Registrations.Invited invite(@PathVariable String ods, @PathVariable long id, @RequestBody Invite body) {
        if (body.segmentId() != null) {
            return registrations.inviteSegment(id, body.segmentId());
        }
        if (body.emails() == null || body.emails().isEmpty()) {
            throw new InvalidInput("emails", "Give the addresses to invite, or a segment_id");
        }
        return registrations.invite(id, body.emails());
    }

    /** Cancels someone's registration; if they had a place, the first person waiting takes it and is emailed. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Cancel a registration, promoting the first person waiting")
    @DeleteMapping("/api/v1/ics/{ods}/events/{id}/registrations/{registration}")
    Registrations.Cancelled cancel(@PathVariable String ods, @PathVariable long id, @PathVariable long registration) {
        events.event(id);
        return registrations.cancel(id, registration);
    }

    record Attendance(@Nullable String email, @Nullable String attendance) {}

    /** Records whether someone with a place came: {@code attended} or {@code did_not_attend}. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Record whether someone with a place attended")
    @PutMapping("/api/v1/ics/{ods}/events/{id}/attendance")
    Registration attendance(@PathVariable String ods, @PathVariable long id, @RequestBody Attendance body) {
        return registrations.attendanceByEmail(id, body.email(), body.attendance());
    }

    record FeedbackSurvey(
            @JsonProperty("survey_id") @Nullable Long surveyId) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Link the survey that asks attendees for feedback")
    @PutMapping("/api/v1/ics/{ods}/events/{id}/feedback-survey")
    Event feedbackSurvey(@PathVariable String ods, @PathVariable long id, @RequestBody FeedbackSurvey body) {
        return events.linkFeedbackSurvey(id, body.surveyId());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "Notes taken at an event, with their themes")
    @GetMapping("/api/v1/ics/{ods}/events/{id}/notes")
    List<EventNotes.Note> notes(@PathVariable String ods, @PathVariable long id) {
        return notes.notes(id);
    }

    record NewNote(
            @Nullable String text,
            @JsonProperty("theme_ids") @Nullable List<Long> themeIds) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Add a note from an event, coded with the feedback survey's themes")
    @PostMapping("/api/v1/ics/{ods}/events/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    EventNotes.Note addNote(@PathVariable String ods, @PathVariable long id, @RequestBody NewNote body) {
        return notes.add(id, body.text(), body.themeIds());
    }
}
