package org.goldenthread.engagement.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.engagement.audiences.Segment;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.LinkSecret;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ICS's events: planned with their places, who may come and the survey that follows them. */
@Component
public class Events {

    private final JdbcClient jdbc;
    private final Audiences audiences;
    private final Surveys surveys;
    private final Audit audit;
    private final Clock clock;
    private final EventLinks links;

    Events(JdbcClient jdbc, Audiences audiences, Surveys surveys, Audit audit, Clock clock, EventLinks links) {
        this.jdbc = jdbc;
        this.links = links;
        this.audiences = audiences;
        this.surveys = surveys;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Event> events() {
        return jdbc.sql("select " + Event.COLUMNS + " from engagement_event e order by e.starts_at desc, e.id")
                .query(Event.class)
                .list();
    }

    public Event event(long id) {
        return jdbc.sql("select " + Event.COLUMNS + " from engagement_event e where e.id = :id")
                .param("id", id)
                .query(Event.class)
                .optional()
                .orElseThrow(() -> new NotFound("No event with id " + id + " in this ICS"));
    }

    /** Plans an event; the answer carries the secret of its open link, the one time it is known. */
    @Transactional
    public Planned create(NewEvent form) {
        Checked c = check(form);
        LinkSecret link = LinkSecret.fresh();
        long id = jdbc.sql("""
                        insert into engagement_event (title, kind, level, description, starts_at, ends_at, online,
                                                      location, capacity, registration_closes_at, segment_id,
                                                      feedback_survey_id, link_hash, uid)
                        values (:title, :kind, :level, :description, :starts, :ends, :online, :location, :capacity,
                                :closes, :segment, :survey, :link, :uid)
                        returning id""")
                .param("title", c.title())
                .param("kind", c.kind())
                .param("level", c.level())
                .param("description", c.description())
                .param("starts", java.sql.Timestamp.from(c.starts()))
                .param("ends", java.sql.Timestamp.from(c.ends()))
                .param("online", c.online())
                .param("location", c.location())
                .param("capacity", c.capacity())
                .param("closes", java.sql.Timestamp.from(c.closes()))
                .param("segment", c.segmentId())
                .param("survey", c.surveyId())
                .param("link", link.hash())
                .param("uid", UUID.randomUUID() + "@golden-thread")
                .query(Long.class)
                .single();
        Event event = event(id);
        audit.record("create", "engagement_event", id, null, event);
        return new Planned(event, link.token());
    }

    /** An event just planned, or given a new open link, with that link's secret. */
    public record Planned(Event event, String openLinkToken) {}

    /**
     * Makes a new open link for an event. Only a digest of each is kept, so this is how an organiser
     * who no longer has the link gets one; the link before stops working.
     */
    @Transactional
    public Planned newOpenLink(long eventId) {
        Event event = event(eventId);
        String token = links.reissueOpenLink(eventId);
        audit.record("new_open_link", "engagement_event", eventId, null, null);
        return new Planned(event, token);
    }

    /** Links the survey that asks those who came what they made of it. */
    @Transactional
    public Event linkFeedbackSurvey(long eventId, @Nullable Long surveyId) {
        Event before = event(eventId);
        if (surveyId != null) {
            surveys.survey(surveyId);
            // its notes are coded with the survey's themes and counted on its pages, public one included
            surveys.requireRuns(surveyId, "make it an event's feedback survey");
        }
        jdbc.sql("update engagement_event set feedback_survey_id = :survey where id = :id")
                .param("survey", surveyId)
                .param("id", eventId)
                .update();
        audit.record("update", "engagement_event", eventId, before.feedbackSurveyId(), surveyId);
        return event(eventId);
    }

    record Checked(
            String title,
            String kind,
            String level,
            @Nullable String description,
            Instant starts,
            Instant ends,
            boolean online,
            String location,
            int capacity,
            Instant closes,
            @Nullable Long segmentId,
            @Nullable Long surveyId) {}

    private Checked check(NewEvent f) {
        List<Problem> problems = new ArrayList<>();
        String title = FormValues.text(f.title());
        if (title == null || title.length() > 200) {
            problems.add(Problem.of("title", "Enter a title of up to 200 characters"));
        }
        String kind = f.kind() == null ? "" : f.kind().trim();
        if (Coded.parse(EventKind.class, kind).isEmpty()) {
            problems.add(Problem.of("kind", "Choose roundtable, webinar, focus group or workshop"));
        }
        String level = f.level() == null ? "" : f.level().trim();
        if (Coded.parse(Level.class, level).isEmpty()) {
            problems.add(Problem.of("level", "Choose the level of the ICS the event serves"));
        }
        LocalDate day = null;
        if (f.date() == null || f.date().isBlank()) {
            problems.add(Problem.of("date", "Enter the day of the event"));
        } else {
            day = FormValues.date("date", "Date", f.date(), problems);
        }
        LocalTime start = time("start_time", "Start time", f.startTime(), problems);
        LocalTime end = time("end_time", "End time", f.endTime(), problems);
        Instant starts = null;
        Instant ends = null;
        Instant now = clock.instant();
        if (day != null && start != null && end != null) {
            starts = day.atTime(start).atZone(Dates.ENGLAND).toInstant();
            ends = day.atTime(end).atZone(Dates.ENGLAND).toInstant();
            if (!starts.isAfter(now)) {
                problems.add(Problem.of("date", "Date: the event must start in the future"));
            }
            if (!ends.isAfter(starts)) {
                problems.add(Problem.of("end_time", "End time: the event must end after it starts"));
            }
        }
        Instant closes = starts;
        String closesOn = FormValues.text(f.closesOn());
        if (closesOn != null) {
            LocalDate closingDay = FormValues.date("closes_on", "Registration closes on", closesOn, problems);
            if (closingDay != null && starts != null) {
                closes = closingDay.plusDays(1).atStartOfDay(Dates.ENGLAND).toInstant();
                if (closes.isAfter(starts)) {
                    closes = starts;
                    if (closingDay.isAfter(day)) {
                        problems.add(Problem.of(
                                "closes_on",
                                "Registration closes on: registration must close by the day of the event"));
                    }
                }
                if (!closes.isAfter(now)) {
                    problems.add(Problem.of("closes_on", "Registration closes on: the day must be in the future"));
                }
            }
        }
        String online = f.online() == null ? "" : f.online().trim();
        if (!online.equals("true") && !online.equals("false")) {
            problems.add(Problem.of("online", "Say whether the event is online or in person"));
        }
        String location = FormValues.text(f.location());
        if (location == null || location.length() > 500) {
            problems.add(Problem.of(
                    "location",
                    online.equals("true")
                            ? "Location: enter the link to join, up to 500 characters"
                            : "Location: enter the address of the room, up to 500 characters"));
        } else if (online.equals("true") && !location.matches("^https://\\S+$")) {
            problems.add(Problem.of("location", "Location: an online event needs a link to join starting https://"));
        }
        int capacity = 0;
        try {
            capacity = Integer.parseInt(f.capacity() == null ? "" : f.capacity().trim());
        } catch (NumberFormatException e) {
            capacity = -1;
        }
        if (capacity < 1 || capacity > 10_000) {
            problems.add(
                    Problem.of("capacity", "Capacity: enter the number of places, a whole number from 1 to 10,000"));
        }
        Long segmentId = FormValues.known(
                f.segmentId(),
                "segment_id",
                "Segment",
                audiences.segments().stream().map(Segment::id).collect(Collectors.toSet()),
                problems);
        Long surveyId = FormValues.known(
                f.feedbackSurveyId(),
                "feedback_survey_id",
                "Survey",
                surveys.surveys().stream().map(Surveys.Listed::id).collect(Collectors.toSet()),
                problems);
        if (surveyId != null && !surveys.runs(surveyId)) {
            problems.add(Problem.of(
                    "feedback_survey_id",
                    "Feedback survey: only ICS admins, and the place lead who created a survey, may make it an"
                            + " event's feedback survey"));
        }
        if (!problems.isEmpty() || title == null || starts == null || ends == null || location == null) {
            throw new InvalidInput(problems);
        }
        return new Checked(
                title,
                kind,
                level,
                FormValues.text(f.description()),
                starts,
                ends,
                online.equals("true"),
                location,
                capacity,
                closes == null ? starts : closes,
                segmentId,
                surveyId);
    }

    private static @Nullable LocalTime time(String field, String label, @Nullable String raw, List<Problem> problems) {
        try {
            if (raw != null && raw.trim().matches("^\\d{1,2}:\\d{2}$")) {
                String t = raw.trim();
                return LocalTime.parse(t.length() == 4 ? "0" + t : t);
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem below
        }
        problems.add(Problem.of(field, label + ": enter a time on the 24-hour clock, like 09:30 or 14:00"));
        return null;
    }
}
