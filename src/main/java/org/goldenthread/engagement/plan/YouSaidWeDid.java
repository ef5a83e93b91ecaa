package org.goldenthread.engagement.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.engagement.Codebook;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.events.Event;
import org.goldenthread.engagement.events.EventNotes;
import org.goldenthread.engagement.events.Events;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "You said, we did": the codebook's themes heard in a survey's comments (and in the notes of events
 * it is the feedback survey of) or in an event's notes, how often, and the actions taken on them.
 * Only themes and their counts leave here, never what anyone wrote; counts under the ICS's smallest
 * group are hidden.
 */
@Component
public class YouSaidWeDid {

    private static final String SELECT = """
            select a.id, a.theme_id, t.name as theme_name, a.what, a.owner, a.due_on, a.status
              from engagement_action a left join survey_theme t on t.id = a.theme_id""";

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Events events;
    private final Codebook codebook;
    private final EventNotes notes;
    private final SmallNumbers smallNumbers;
    private final Audit audit;

    YouSaidWeDid(
            JdbcClient jdbc,
            Surveys surveys,
            Events events,
            Codebook codebook,
            EventNotes notes,
            SmallNumbers smallNumbers,
            Audit audit) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.events = events;
        this.codebook = codebook;
        this.notes = notes;
        this.smallNumbers = smallNumbers;
        this.audit = audit;
    }

    /** The survey or event a path names; 404 for any other kind or one not in this ICS. */
    public Subject subject(String kind, long id) {
        if (Subject.SURVEYS.equals(kind)) {
            return new Subject(kind, id, surveys.survey(id).definition().title());
        }
        if (Subject.EVENTS.equals(kind)) {
            return new Subject(kind, id, events.event(id).title());
        }
        throw new NotFound("Only a survey or an event has a \"you said, we did\" page");
    }

    /** The themes actions on this subject may answer: its codebook's, or its feedback survey's. */
    public List<Codebook.Theme> themes(Subject s) {
        return s.survey() ? codebook.themes(s.id()) : notes.themes(s.id());
    }

    /** The themes heard at least once, or answered by an action, most heard first. */
    public List<HeardTheme> heard(Subject s) {
        List<Codebook.Theme> themes = themes(s);
        Map<Long, Integer> times = new HashMap<>();
        Map<Long, Integer> comments = new HashMap<>();
        Map<String, Long> idByName = new HashMap<>();
        themes.forEach(t -> idByName.put(t.name(), t.id()));
        if (s.survey()) {
            themes.forEach(t -> times.put(t.id(), t.comments()));
            themes.forEach(t -> comments.put(t.id(), t.comments()));
            for (Event e : events.events()) {
                if (Long.valueOf(s.id()).equals(e.feedbackSurveyId())) {
                    addNotes(e.id(), idByName, times);
                }
            }
        } else {
            addNotes(s.id(), idByName, times);
        }
        Set<Long> answered = new HashSet<>();
        actions(s).forEach(a -> {
            if (a.themeId() != null) {
                answered.add(a.themeId());
            }
        });
        List<HeardTheme> heard = new ArrayList<>();
        for (Codebook.Theme t : themes) {
            int n = times.getOrDefault(t.id(), 0);
            // notes are read by name on the event's page, so a total beside them would give the
            // comments' own count away: the comments are held to k on their own as well
            boolean hidden = smallNumbers.hides(n) || smallNumbers.hides(comments.getOrDefault(t.id(), 0));
            if (n > 0 || answered.contains(t.id())) {
                heard.add(new HeardTheme(t.id(), t.name(), hidden ? null : n, hidden));
            }
        }
        // hidden counts sort together, after every shown one, so their order gives nothing away
        heard.sort(Comparator.comparing((HeardTheme h) -> h.times() == null ? 0 : -h.times())
                .thenComparing(HeardTheme::name));
        return heard;
    }

    private void addNotes(long eventId, Map<String, Long> idByName, Map<Long, Integer> times) {
        notes.themeCounts(eventId).forEach((name, count) -> {
            Long id = idByName.get(name);
            if (id != null) {
                times.merge(id, count, Integer::sum);
            }
        });
    }

    /** The smallest count shown. */
    public int k() {
        return smallNumbers.minGroupSize();
    }

    public List<Action> actions(Subject s) {
        return jdbc.sql(SELECT + " where " + column(s) + " = :id order by a.due_on nulls last, a.id")
                .param("id", s.id())
                .query(Action.class)
                .list();
    }

    public Action action(Subject s, long actionId) {
        return jdbc.sql(SELECT + " where " + column(s) + " = :id and a.id = :action")
                .param("id", s.id())
                .param("action", actionId)
                .query(Action.class)
                .optional()
                .orElseThrow(() -> new NotFound("No action " + actionId + " on this " + s.noun()));
    }

    @Transactional
    public Action add(Subject s, ActionForm form) {
        Checked c = check(s, form);
        long id = jdbc.sql("""
                        insert into engagement_action (survey_id, event_id, theme_id, what, owner, due_on, status)
                        values (:survey, :event, :theme, :what, :owner, :due, :status) returning id""")
                .param("survey", s.surveyId())
                .param("event", s.eventId())
                .param("theme", c.theme())
                .param("what", c.what())
                .param("owner", c.owner())
                .param("due", c.due())
                .param("status", c.status())
                .query(Long.class)
                .single();
        Action action = action(s, id);
        audit.record("create", "engagement_action", id, null, action);
        return action;
    }

    @Transactional
    public Action update(Subject s, long actionId, ActionForm form) {
        Action before = action(s, actionId);
        Checked c = check(s, form);
        jdbc.sql("""
                        update engagement_action set theme_id = :theme, what = :what, owner = :owner, due_on = :due,
                                                     status = :status
                         where id = :id""")
                .param("theme", c.theme())
                .param("what", c.what())
                .param("owner", c.owner())
                .param("due", c.due())
                .param("status", c.status())
                .param("id", actionId)
                .update();
        Action after = action(s, actionId);
        audit.record("update", "engagement_action", actionId, before, after);
        return after;
    }

    @Transactional
    public void remove(Subject s, long actionId) {
        Action before = action(s, actionId);
        jdbc.sql("delete from engagement_action where id = :id")
                .param("id", actionId)
                .update();
        audit.record("delete", "engagement_action", actionId, before, null);
    }

    private static String column(Subject s) {
        return s.survey() ? "a.survey_id" : "a.event_id";
    }

    private record Checked(
            @Nullable Long theme,
            String what,
            @Nullable String owner,
            @Nullable LocalDate due,
            String status) {}

    private Checked check(Subject s, ActionForm f) {
        List<Problem> problems = new ArrayList<>();
        Long theme = null;
        if (FormValues.text(f.themeId()) != null) {
            theme = FormValues.id(f.themeId());
            Long wanted = theme;
            if (wanted == null || themes(s).stream().noneMatch(t -> t.id() == wanted)) {
                problems.add(Problem.of(
                        "theme_id",
                        "Theme: there is no such theme in the " + (s.survey() ? "survey's" : "feedback survey's")
                                + " codebook"));
            }
        }
        String what = FormValues.text(f.what());
        if (what == null || what.length() > 1000) {
            problems.add(Problem.of("what", "What we will do: describe the action, up to 1,000 characters"));
        }
        String owner = FormValues.text(f.owner());
        if (owner != null && owner.length() > 200) {
            problems.add(Problem.of("owner", "Owner: up to 200 characters"));
        }
        LocalDate due = FormValues.date("due_on", "Due date", f.dueOn(), problems);
        String status = FormValues.text(f.status());
        if (Coded.parse(ActionStatus.class, status).isEmpty()) {
            problems.add(Problem.of("status", "Status: choose " + Coded.choices(ActionStatus.class)));
        }
        if (!problems.isEmpty() || what == null || status == null) {
            throw new InvalidInput(problems);
        }
        return new Checked(theme, what, owner, due, status);
    }
}
