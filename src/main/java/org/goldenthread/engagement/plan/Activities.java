package org.goldenthread.engagement.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.engagement.audiences.Segment;
import org.goldenthread.engagement.events.Event;
import org.goldenthread.engagement.events.Events;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The activities in the ICS's engagement plan: what reaches whom, when, and how it stands. */
@Component
public class Activities {

    private static final String SELECT = """
            select a.id, a.kind, a.title, a.starts_on, a.ends_on, a.group_id, g.name as group_name,
                   a.segment_id, s.name as segment_name, a.status, a.owner, a.survey_id, v.title as survey_title,
                   a.event_id, e.title as event_title,
                   (a.status in ('planned', 'under_way') and a.ends_on < :today) as overdue
              from engagement_activity a
              left join engagement_stakeholder_group g on g.id = a.group_id
              left join engagement_segment s on s.id = a.segment_id
              left join survey v on v.id = a.survey_id
              left join engagement_event e on e.id = a.event_id""";

    private final JdbcClient jdbc;
    private final StakeholderGroups groups;
    private final Audiences audiences;
    private final Surveys surveys;
    private final Events events;
    private final Audit audit;
    private final Clock clock;

    Activities(
            JdbcClient jdbc,
            StakeholderGroups groups,
            Audiences audiences,
            Surveys surveys,
            Events events,
            Audit audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.audiences = audiences;
        this.surveys = surveys;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every activity, in the order they start. */
    public List<Activity> activities() {
        return jdbc.sql(SELECT + " order by a.starts_on, a.ends_on, a.id")
                .param("today", today())
                .query(Activity.class)
                .list();
    }

    /** Activities still planned or under way whose end date has passed, longest overdue first. */
    public List<Activity> overdue() {
        return activities().stream()
                .filter(Activity::overdue)
                .sorted(java.util.Comparator.comparing(Activity::endsOn))
                .toList();
    }

    public Activity activity(long id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("today", today())
                .param("id", id)
                .query(Activity.class)
                .optional()
                .orElseThrow(() -> new NotFound("No activity with id " + id + " in this ICS's engagement plan"));
    }

    @Transactional
    public Activity create(ActivityForm form) {
        Checked c = check(form);
        long id = bind(jdbc.sql("""
                        insert into engagement_activity (kind, title, starts_on, ends_on, group_id, segment_id, status,
                                                         owner, survey_id, event_id)
                        values (:kind, :title, :starts, :ends, :group, :segment, :status, :owner, :survey, :event)
                        returning id"""), c).query(Long.class).single();
        Activity activity = activity(id);
        audit.record("create", "engagement_activity", id, null, activity);
        return activity;
    }

    @Transactional
    public Activity update(long id, ActivityForm form) {
        Activity before = activity(id);
        Checked c = check(form);
        bind(jdbc.sql("""
                        update engagement_activity
                           set kind = :kind, title = :title, starts_on = :starts, ends_on = :ends, group_id = :group,
                               segment_id = :segment, status = :status, owner = :owner, survey_id = :survey,
                               event_id = :event
                         where id = :id"""), c).param("id", id).update();
        Activity after = activity(id);
        audit.record("update", "engagement_activity", id, before, after);
        return after;
    }

    @Transactional
    public void remove(long id) {
        Activity before = activity(id);
        jdbc.sql("delete from engagement_activity where id = :id")
                .param("id", id)
                .update();
        audit.record("delete", "engagement_activity", id, before, null);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Checked c) {
        return sql.param("kind", c.kind())
                .param("title", c.title())
                .param("starts", c.starts())
                .param("ends", c.ends())
                .param("group", c.group())
                .param("segment", c.segment())
                .param("status", c.status())
                .param("owner", c.owner())
                .param("survey", c.survey())
                .param("event", c.event());
    }

    private record Checked(
            String kind,
            String title,
            LocalDate starts,
            LocalDate ends,
            @Nullable Long group,
            @Nullable Long segment,
            String status,
            @Nullable String owner,
            @Nullable Long survey,
            @Nullable Long event) {}

    private Checked check(ActivityForm f) {
        List<Problem> problems = new ArrayList<>();
        String kind = FormValues.text(f.kind());
        if (Coded.parse(ActivityKind.class, kind).isEmpty()) {
            problems.add(Problem.of("kind", "Kind: choose " + Coded.choices(ActivityKind.class)));
        }
        String title = FormValues.text(f.title());
        if (title == null || title.length() > 200) {
            problems.add(Problem.of("title", "Title: enter what the activity is, up to 200 characters"));
        }
        LocalDate starts = FormValues.date("starts_on", "Start date", f.startsOn(), problems);
        if (starts == null && FormValues.text(f.startsOn()) == null) {
            problems.add(Problem.of("starts_on", "Start date: enter the day the activity starts"));
        }
        LocalDate ends = FormValues.date("ends_on", "End date", f.endsOn(), problems);
        if (ends == null && FormValues.text(f.endsOn()) == null) {
            ends = starts;
        }
        if (starts != null && ends != null && ends.isBefore(starts)) {
            problems.add(Problem.of("ends_on", "End date: the activity must end on or after the day it starts"));
        }
        Long group = FormValues.known(
                f.groupId(),
                "group_id",
                "Stakeholder group",
                groups.groups().stream().map(StakeholderGroup::id).collect(Collectors.toSet()),
                problems);
        Long segment = FormValues.known(
                f.segmentId(),
                "segment_id",
                "Segment",
                audiences.segments().stream().map(Segment::id).collect(Collectors.toSet()),
                problems);
        String status = FormValues.text(f.status());
        if (Coded.parse(ActivityStatus.class, status).isEmpty()) {
            problems.add(Problem.of("status", "Status: choose " + Coded.choices(ActivityStatus.class)));
        }
        String owner = FormValues.text(f.owner());
        if (owner != null && owner.length() > 200) {
            problems.add(Problem.of("owner", "Owner: up to 200 characters"));
        }
        Long survey = FormValues.known(
                f.surveyId(),
                "survey_id",
                "Survey",
                surveys.surveys().stream().map(Surveys.Listed::id).collect(Collectors.toSet()),
                problems);
        Long event = FormValues.known(
                f.eventId(),
                "event_id",
                "Event",
                events.events().stream().map(Event::id).collect(Collectors.toSet()),
                problems);
        if (!problems.isEmpty() || kind == null || title == null || starts == null || ends == null || status == null) {
            throw new InvalidInput(problems);
        }
        return new Checked(kind, title, starts, ends, group, segment, status, owner, survey, event);
    }

    /** An id chosen from a list of this ICS's records; anything else is named as a problem, not ignored. */
}
