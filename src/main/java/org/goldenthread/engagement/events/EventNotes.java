package org.goldenthread.engagement.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.engagement.Codebook;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was said at an event, written down and coded with the themes of the codebook of the event's
 * feedback survey, so that comments from a survey and from the room are counted as one.
 */
@Component
public class EventNotes {

    public record Note(
            long id,
            String text,
            @JsonProperty("created_at") Instant createdAt,
            List<String> themes) {}

    private final JdbcClient jdbc;
    private final Events events;
    private final Codebook codebook;
    private final Audit audit;

    EventNotes(JdbcClient jdbc, Events events, Codebook codebook, Audit audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.codebook = codebook;
        this.audit = audit;
    }

    public List<Note> notes(long eventId) {
        events.event(eventId);
        return jdbc.sql("""
                        select n.id, n.text, n.created_at,
                               coalesce(array_agg(t.name order by t.name) filter (where t.id is not null), '{}') as themes
                          from engagement_event_note n
                          left join engagement_event_note_theme nt on nt.note_id = n.id
                          left join survey_theme t on t.id = nt.theme_id
                         where n.event_id = :event
                         group by n.id order by n.created_at, n.id""")
                .param("event", eventId)
                .query((rs, n) -> new Note(
                        rs.getLong("id"),
                        rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant(),
                        Arrays.asList((String[]) rs.getArray("themes").getArray())))
                .list();
    }

    /** The themes notes on this event may carry: those of its feedback survey's codebook. */
    public List<Codebook.Theme> themes(long eventId) {
        Long survey = events.event(eventId).feedbackSurveyId();
        return survey == null ? List.of() : codebook.themes(survey);
    }

    /** How many notes on the event carry each theme, by theme name. */
    public Map<String, Integer> themeCounts(long eventId) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Note n : notes(eventId)) {
            n.themes().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        return counts;
    }

    @Transactional
    /**
     * Theme ids as a form sent them: one that is not a whole number becomes -1, which no theme has,
     * so {@link #add} names it as a theme that is not in the codebook.
     */
    static List<Long> themeIds(@Nullable List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream()
                .filter(t -> FormValues.text(t) != null)
                .map(t -> {
                    Long id = FormValues.id(t);
                    return id == null ? -1L : id;
                })
                .toList();
    }

    public Note add(long eventId, @Nullable String text, @Nullable List<Long> themeIds) {
        List<Problem> problems = new ArrayList<>();
        String t = FormValues.text(text);
        if (t == null || t.length() > 5000) {
            problems.add(Problem.of("text", "Note: write what was said, up to 5,000 characters"));
        }
        List<Long> wanted =
                themeIds == null ? List.of() : themeIds.stream().distinct().toList();
        Set<Long> allowed = themes(eventId).stream().map(Codebook.Theme::id).collect(Collectors.toSet());
        for (Long id : wanted) {
            if (!allowed.contains(id)) {
                problems.add(Problem.of(
                        "themes",
                        allowed.isEmpty()
                                ? "Themes: link the event's feedback survey first; its codebook's themes code the notes"
                                : id < 0
                                        ? "Themes: choose themes from the feedback survey's codebook"
                                        : "Themes: " + id + " is not a theme in the feedback survey's codebook"));
            }
        }
        if (!problems.isEmpty() || t == null) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("insert into engagement_event_note (event_id, text) values (:event, :text) returning id")
                .param("event", eventId)
                .param("text", t)
                .query(Long.class)
                .single();
        for (Long theme : wanted) {
            jdbc.sql("insert into engagement_event_note_theme (note_id, theme_id) values (:note, :theme)")
                    .param("note", id)
                    .param("theme", theme)
                    .update();
        }
        audit.record("create", "engagement_event_note", id, null, Map.of("event", eventId, "themes", wanted));
        return notes(eventId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }
}
