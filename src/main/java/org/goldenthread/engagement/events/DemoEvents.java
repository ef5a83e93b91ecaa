package org.goldenthread.engagement.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.goldenthread.engagement.Codebook;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.engagement.audiences.Member;
import org.goldenthread.engagement.audiences.Segment;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.LinkSecret;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events in the demo ICS: a roundtable for one place's nurses, midwives and allied health
 * professionals that filled and has a waiting list; a roundtable for early-career professionals held last month, with attendance
 * recorded and notes coded with the themes of the closed pulse survey's codebook; and an upcoming
 * webinar open to all. Places are written straight into the tables, not through registration, so
 * that no fictional person is emailed; the past event likewise, since planning refuses the past.
 */
@Component
class DemoEvents {

    private static final int ROUNDTABLE_PLACES = 8;

    /** Themes for the pulse survey's codebook, and a note from the past roundtable for each pair. */
    private static final Map<String, String> THEMES = Map.of(
            "Timing of meetings", "Meetings in working hours that frontline staff cannot leave to join",
            "Hearing back", "Not knowing what happened to what was said",
            "Missing voices", "Professions or settings not in the room",
            "Protected time", "Time set aside for leadership work, and whether it is used");

    private static final String[][] NOTES = {
        {
            "Several said partnership meetings clash with their clinics; an evening slot was asked for",
            "Timing of meetings"
        },
        {"Several had given views on the frailty pathway and never heard what came of them", "Hearing back"},
        {"Paramedics and pharmacists were not in the room; invite them to the next one", "Missing voices"},
        {"Two have protected hours on paper that ward cover always takes", "Protected time"},
        {"A newsletter after each board saying what changed would help people see they were heard", "Hearing back"}
    };

    private final JdbcClient jdbc;
    private final Events events;
    private final EventNotes notes;
    private final Audiences audiences;
    private final Surveys surveys;
    private final Codebook codebook;
    private final Clock clock;

    DemoEvents(
            JdbcClient jdbc,
            Events events,
            EventNotes notes,
            Audiences audiences,
            Surveys surveys,
            Codebook codebook,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.notes = notes;
        this.audiences = audiences;
        this.surveys = surveys;
        this.codebook = codebook;
        this.clock = clock;
    }

    @EventListener
    @Order(8)
    void on(DemoIcsCreated event) {
        Segment nurses = segment("Nurses, midwives and AHPs");
        Segment early = segment("Early-career");
        List<Member> people = audiences.members(nurses.id());
        List<Member> earlyCareer = audiences.members(early.id());
        LocalDate today = LocalDate.now(clock);

        long filled = events.create(new NewEvent(
                        "Nursing, midwifery and AHP roundtable",
                        "roundtable",
                        "place",
                        "What would make it easier for you to take part in decisions at place?",
                        today.plusDays(16).toString(),
                        "13:00",
                        "14:30",
                        "false",
                        "Committee Room 1, Northmoor Civic Centre",
                        String.valueOf(ROUNDTABLE_PLACES),
                        null,
                        String.valueOf(nurses.id()),
                        null))
                .event()
                .id();
        Instant joined = clock.instant().minusSeconds(86_400L * 10);
        int seats = Math.min(people.size(), ROUNDTABLE_PLACES + 3);
        for (int i = 0; i < seats; i++) {
            register(
                    filled,
                    people.get(i),
                    i < ROUNDTABLE_PLACES ? "registered" : "waitlisted",
                    joined.plusSeconds(3_600L * i),
                    null);
        }

        long pastId = pastRoundtable(early.id(), today);
        List<Member> came = earlyCareer.subList(0, Math.min(earlyCareer.size(), 10));
        for (int i = 0; i < came.size(); i++) {
            register(
                    pastId,
                    came.get(i),
                    "registered",
                    joined.minusSeconds(86_400L * 30 + i),
                    i % 4 == 3 ? "did_not_attend" : "attended");
        }
        surveys.surveys().stream()
                .filter(s -> "place-pulse".equals(s.code()))
                .findFirst()
                .ifPresent(pulse -> codeNotes(pastId, pulse.id()));

        long webinar = events.create(new NewEvent(
                        "Leading across the system: an introduction for new clinical leads",
                        "webinar",
                        "system",
                        "An hour on how the ICS's boards, councils and place partnerships make decisions.",
                        today.plusDays(30).toString(),
                        "12:30",
                        "13:30",
                        "true",
                        "https://meet.example.org/golden-thread-webinar",
                        "100",
                        null,
                        null,
                        null))
                .event()
                .id();
        for (int i = 0; i < Math.min(14, earlyCareer.size() - came.size()); i++) {
            register(webinar, earlyCareer.get(came.size() + i), "registered", joined.plusSeconds(60L * i), null);
        }
        event.partLoaded();
    }

    private Segment segment(String startingWith) {
        return audiences.segments().stream()
                .filter(s -> s.name().startsWith(startingWith))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo's segments are made before its events"));
    }

    /** A roundtable held four weeks ago, written directly because planning refuses a day gone by. */
    private long pastRoundtable(long segmentId, LocalDate today) {
        LocalDate day = today.minusWeeks(4);
        Instant starts = day.atTime(LocalTime.of(13, 0)).atZone(Dates.ENGLAND).toInstant();
        return jdbc.sql("""
                        insert into engagement_event (title, kind, level, description, starts_at, ends_at, online,
                                                      location, capacity, registration_closes_at, segment_id,
                                                      link_hash, uid)
                        values (:title, 'roundtable', 'place', :description, :starts, :ends, false, :location, 12,
                                :starts, :segment, :hash, :uid)
                        returning id""")
                .param("title", "Listening roundtable: early-career professionals")
                .param(
                        "description",
                        "What would help professionals early in their careers take part in leading the system.")
                .param("starts", Timestamp.from(starts))
                .param("ends", Timestamp.from(starts.plusSeconds(5_400)))
                .param("location", "Meeting Room 3, Northmoor Community Hospital")
                .param("segment", segmentId)
                .param("hash", LinkSecret.fresh().hash())
                .param("uid", UUID.randomUUID() + "@golden-thread")
                .query(Long.class)
                .single();
    }

    private void register(
            long eventId, Member m, String status, Instant at, @org.jspecify.annotations.Nullable String attendance) {
        jdbc.sql("""
                        insert into engagement_registration (event_id, email, name, profession, status, registered_at,
                                                             attendance, invited)
                        values (:event, :email, :name, :profession, :status, :at, :attendance, true)""")
                .param("event", eventId)
                .param("email", m.email())
                .param("name", m.name())
                .param("profession", m.profession())
                .param("status", status)
                .param("at", Timestamp.from(at))
                .param("attendance", attendance)
                .update();
    }

    /** Links the pulse survey as the past event's feedback survey and codes its notes with the pulse's themes. */
    private void codeNotes(long eventId, long surveyId) {
        events.linkFeedbackSurvey(eventId, surveyId);
        Map<String, Long> themes = new java.util.HashMap<>();
        codebook.themes(surveyId).forEach(t -> themes.put(t.name(), t.id()));
        THEMES.forEach((name, description) -> themes.computeIfAbsent(
                name, n -> codebook.addTheme(surveyId, n, description).id()));
        for (String[] note : NOTES) {
            List<Long> coded = new ArrayList<>();
            coded.add(themes.get(note[1]));
            notes.add(eventId, note[0], coded);
        }
    }
}
