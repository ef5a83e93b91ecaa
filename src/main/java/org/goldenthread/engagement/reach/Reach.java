package org.goldenthread.engagement.reach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.audiences.Member;
import org.goldenthread.engagement.audiences.Population;
import org.goldenthread.engagement.events.Events;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom a survey, an event or several of them reached, by profession group, place, career stage and
 * sector, against whom the ICS should hear from.
 *
 * <p>A survey's reach is read from its invitations alone: who was invited, and whose invitation has
 * been used. Responses are never read, so an anonymous survey's answers stay apart from the people
 * who gave them; responses through the open link, which belong to no invitation, are not counted.
 * People are tied to the register by their email address as it is today.
 */
@Component
public class Reach {

    /** What reach found, with the tables by dimension and every under-represented group in words. */
    public record Report(
            String title,
            List<String> stages,
            List<ReachTable> tables,
            List<String> findings,
            // the number of groups under-represented at some stage, over all dimensions
            @JsonProperty("representation_gaps") int representationGaps,
            @JsonProperty("min_group_size") int minGroupSize) {}

    private final JdbcClient jdbc;
    private final Population population;
    private final ReachBaseline baseline;
    private final Surveys surveys;
    private final Events events;
    private final SmallNumbers small;

    Reach(
            JdbcClient jdbc,
            Population population,
            ReachBaseline baseline,
            Surveys surveys,
            Events events,
            SmallNumbers small) {
        this.jdbc = jdbc;
        this.population = population;
        this.baseline = baseline;
        this.surveys = surveys;
        this.events = events;
        this.small = small;
    }

    @Transactional(readOnly = true)
    public Report survey(long surveyId) {
        return report(surveys.survey(surveyId).definition().title(), List.of(surveyId), List.of());
    }

    @Transactional(readOnly = true)
    public Report event(long eventId) {
        return report(events.event(eventId).title(), List.of(), List.of(eventId));
    }

    /** The reach of several surveys and events together, each person counted once at every stage they reached. */
    @Transactional(readOnly = true)
    public Report across(Collection<Long> surveyIds, Collection<Long> eventIds) {
        surveyIds.forEach(surveys::survey);
        eventIds.forEach(events::event);
        return report(
                Plurals.of(surveyIds.size(), "survey") + " and " + Plurals.of(eventIds.size(), "event") + " together",
                surveyIds,
                eventIds);
    }

    /** The reach of every survey and event the engagement plan's activities are linked to. */
    @Transactional(readOnly = true)
    public Report plan(List<org.goldenthread.engagement.plan.Activity> activities) {
        List<Long> surveyIds = activities.stream()
                .map(org.goldenthread.engagement.plan.Activity::surveyId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        List<Long> eventIds = activities.stream()
                .map(org.goldenthread.engagement.plan.Activity::eventId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return report(
                "The engagement plan: " + Plurals.of(surveyIds.size(), "survey") + " and "
                        + Plurals.of(eventIds.size(), "event") + " together",
                surveyIds,
                eventIds);
    }

    private Report report(String title, Collection<Long> surveyIds, Collection<Long> eventIds) {
        List<Stage> stages = new ArrayList<>();
        stages.add(Stage.INVITED);
        if (!eventIds.isEmpty()) {
            stages.add(Stage.REGISTERED);
            stages.add(Stage.ATTENDED);
        }
        if (!surveyIds.isEmpty()) {
            stages.add(Stage.RESPONDED);
        }
        List<ReachTable.Participant> people = participants(surveyIds, eventIds);
        // each survey's and event's own table is open too, so a table of several is held to every one of theirs
        List<List<ReachTable.Participant>> parts = new ArrayList<>();
        if (surveyIds.size() + eventIds.size() > 1) {
            surveyIds.forEach(id -> parts.add(participants(List.of(id), List.of())));
            eventIds.forEach(id -> parts.add(participants(List.of(), List.of(id))));
        }
        Map<Dimension, Map<String, Long>> imported = baseline.byDimension();
        List<Member> register = imported.size() == Dimension.values().length ? List.of() : population.register();
        int k = small.minGroupSize();
        List<ReachTable> tables = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Map<String, Long> expected = imported.get(d);
            String comparedWith = "the workforce baseline";
            if (expected == null) {
                expected = onRegister(d, register);
                comparedWith = "the register";
            }
            tables.add(ReachTable.of(d, stages, people, expected, comparedWith, k, parts));
        }
        List<String> findings = tables.stream()
                .flatMap(t -> t.findings().stream().map(f -> t.label() + ", " + f))
                .toList();
        int gaps = tables.stream().mapToInt(ReachTable::gaps).sum();
        return new Report(title, stages.stream().map(Stage::code).toList(), tables, findings, gaps, k);
    }

    private static Map<String, Long> onRegister(Dimension d, List<Member> register) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Member m : register) {
            for (String g : d.groupsOf(m)) {
                counts.merge(g, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Everyone invited to or registered for any of these, once per address, with every stage they reached. */
    List<ReachTable.Participant> participants(Collection<Long> surveyIds, Collection<Long> eventIds) {
        Map<String, Member> known = population.byEmail();
        Map<String, Member> members = new LinkedHashMap<>();
        Map<String, Set<Stage>> stages = new LinkedHashMap<>();
        if (!surveyIds.isEmpty()) {
            // invitations only: whose invitation has been used is all that is known of who responded
            jdbc.sql("""
                            select i.email,
                                   not exists (select from survey_invitation_unanswered u
                                                where u.invitation_id = i.id) as answered
                              from survey_invitation i
                             where i.survey_id = any (cast(:surveys as bigint[]))""").param("surveys", surveyIds.toArray(Long[]::new)).query(rs -> {
                String key = Population.key(rs.getString("email"));
                members.putIfAbsent(key, known.getOrDefault(key, stranger(null)));
                Set<Stage> theirs = stages.computeIfAbsent(key, x -> EnumSet.noneOf(Stage.class));
                theirs.add(Stage.INVITED);
                if (rs.getBoolean("answered")) {
                    theirs.add(Stage.RESPONDED);
                }
            });
        }
        if (!eventIds.isEmpty()) {
            jdbc.sql("""
                            select email, profession, invited, status, attendance
                              from engagement_registration
                             where event_id = any (cast(:events as bigint[]))""").param("events", eventIds.toArray(Long[]::new)).query(rs -> {
                String key = Population.key(rs.getString("email"));
                // someone off the register is known by the profession they gave when registering
                members.putIfAbsent(key, known.getOrDefault(key, stranger(rs.getString("profession"))));
                Set<Stage> theirs = stages.computeIfAbsent(key, x -> EnumSet.noneOf(Stage.class));
                if (rs.getBoolean("invited")) {
                    theirs.add(Stage.INVITED);
                }
                if ("registered".equals(rs.getString("status"))) {
                    theirs.add(Stage.REGISTERED);
                }
                if ("attended".equals(rs.getString("attendance"))) {
                    theirs.add(Stage.ATTENDED);
                }
            });
        }
        List<ReachTable.Participant> people = new ArrayList<>();
        members.forEach((key, m) ->
                people.add(new ReachTable.Participant(m, stages.getOrDefault(key, EnumSet.noneOf(Stage.class)))));
        return people;
    }

    private Member stranger(@Nullable String profession) {
        return new Member(
                "",
                "",
                profession,
                population.group(profession),
                null,
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                false);
    }
}
