package org.goldenthread.pipeline.equality;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Releases;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one reader of equality answers: it counts them, grouped by answer (and by stage or by a
 * group of people the caller names), and never returns a row for one person. The table's
 * restrictive policy lets a session see the answers only while {@code gt.equality} is {@code
 * aggregate}; each method sets it for a transaction of its own (read-only, but for the one that
 * releases leaders' figures), so the setting ends with the count and no other query, even later on
 * the same connection, can read an answer.
 */
@Component
public class EqualityFigures {

    /** Where a round's seat sits, so that a year can be counted by level and by place. */
    public record SeatPlacing(
            long seat, String level, @Nullable String place) {}

    /** A part of a year's rounds: every round ({@code ics}), or those at one level or in one place. */
    public record Part(String kind, String name) {

        public static final Part ICS = new Part("ics", "");

        public static Part level(String code) {
            return new Part("level", code);
        }

        public static Part place(String name) {
            return new Part("place", name);
        }

        public boolean isIcs() {
            return kind.equals("ics");
        }
    }

    /**
     * A financial year's counts as they were fixed ({@code fixedOn} null when nobody in its rounds was
     * shortlisted, so there was nothing to fix), for each characteristic and part. A part with nobody
     * shortlisted is absent.
     */
    public record FixedYear(
            FinancialYear year, @Nullable LocalDate fixedOn, Map<Characteristic, Map<Part, Shortlisting>> counts) {

        public Shortlisting counts(Characteristic characteristic, Part part) {
            return counts.getOrDefault(characteristic, Map.of()).getOrDefault(part, Shortlisting.NONE);
        }

        /**
         * The counts of every level and place that had anyone shortlisted, and, for levels and for
         * places, what the whole year has beyond them: rounds at a forum with no place (most system
         * forums), or at a seat no longer on any forum. That remainder is the whole less the parts, so
         * beside them it is as good as shown, and it must be large enough to show too.
         */
        public List<Shortlisting> breakdown(Characteristic characteristic) {
            Map<Part, Shortlisting> byPart = counts.getOrDefault(characteristic, Map.of());
            Shortlisting whole = byPart.getOrDefault(Part.ICS, Shortlisting.NONE);
            List<Shortlisting> parts = new java.util.ArrayList<>();
            for (String kind : List.of("level", "place")) {
                Shortlisting rest = whole;
                for (Map.Entry<Part, Shortlisting> part : byPart.entrySet()) {
                    if (part.getKey().kind().equals(kind)) {
                        parts.add(part.getValue());
                        rest = rest.less(part.getValue());
                    }
                }
                if (!rest.isEmpty()) {
                    parts.add(rest);
                }
            }
            return parts;
        }
    }

    /** Counts of shortlisted people (appointed included) and of appointed people, by answer. */
    public record Shortlisting(Map<String, Integer> shortlisted, Map<String, Integer> appointed) {

        static final Shortlisting NONE = new Shortlisting(Map.of(), Map.of());

        public int shortlisted(Collection<String> answers) {
            return answers.stream()
                    .mapToInt(a -> shortlisted.getOrDefault(a, 0))
                    .sum();
        }

        public int appointed(Collection<String> answers) {
            return answers.stream().mapToInt(a -> appointed.getOrDefault(a, 0)).sum();
        }

        /** Those counted here and not in {@code part}, which is a part of them. */
        Shortlisting less(Shortlisting part) {
            return new Shortlisting(minus(shortlisted, part.shortlisted), minus(appointed, part.appointed));
        }

        boolean isEmpty() {
            return shortlisted.values().stream().allMatch(n -> n == 0);
        }

        private static Map<String, Integer> minus(Map<String, Integer> whole, Map<String, Integer> part) {
            Map<String, Integer> rest = new HashMap<>(whole);
            part.forEach((answer, n) -> rest.merge(answer, -n, Integer::sum));
            return rest;
        }
    }

    private final JdbcClient jdbc;
    private final Releases releases;
    private final Audit audit;

    EqualityFigures(JdbcClient jdbc, Releases releases, Audit audit) {
        this.jdbc = jdbc;
        this.releases = releases;
        this.audit = audit;
    }

    /**
     * A financial year's shortlisted and appointed applicants, counted by answer (no answers counting
     * as not stated) over the rounds that closed in it, as they were fixed (see {@link #fix}): all of
     * them, and at each level and in each place. A year not fixed yet has no counts and no {@code fixedOn}.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public FixedYear fixedYear(FinancialYear year, Collection<Characteristic> characteristics) {
        allowCounting();
        Map<Characteristic, Map<Part, Shortlisting>> counts = new HashMap<>();
        jdbc.sql("""
                        select characteristic, part, part_name, answer, shortlisted, appointed
                          from fairness_year_count
                         where starts_in = :year and ics_id = gt_current_ics()""").param("year", year.startYear()).query(rs -> {
            Characteristic characteristic =
                    Characteristic.valueOf(rs.getString("characteristic").toUpperCase(java.util.Locale.ROOT));
            if (!characteristics.contains(characteristic)) {
                return;
            }
            Shortlisting s = counts.computeIfAbsent(characteristic, c -> new HashMap<>())
                    .computeIfAbsent(
                            new Part(rs.getString("part"), rs.getString("part_name")),
                            p -> new Shortlisting(new HashMap<>(), new HashMap<>()));
            s.shortlisted().put(rs.getString("answer"), rs.getInt("shortlisted"));
            s.appointed().put(rs.getString("answer"), rs.getInt("appointed"));
        });
        return new FixedYear(year, fixedOn(year), counts);
    }

    /**
     * Fixes a financial year's counts, once: they are worked out now and never again, however the
     * applications change later, so that no two readings differ by one person. Returns the day they
     * were fixed, today or earlier; null when nobody in the year's rounds was shortlisted, so there is
     * nothing to fix (and rounds imported later will still count). Two callers at once fix it once: the
     * second waits on the first's row.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public @Nullable LocalDate fix(FinancialYear year, List<SeatPlacing> seats, LocalDate today) {
        allowCounting();
        if (fixedOn(year) == null && anyShortlisted(year)) {
            int fixed = jdbc.sql("""
                            insert into fairness_year (starts_in, fixed_on) values (:year, :today)
                                on conflict do nothing""")
                    .param("year", year.startYear())
                    .param("today", today)
                    .update();
            if (fixed == 1) {
                for (Characteristic characteristic : Characteristic.values()) {
                    count(year, characteristic, seats);
                }
                audit.record(
                        "fairness_year.fixed",
                        "fairness_year",
                        year.code(),
                        null,
                        Map.of("year", year.code(), "fixed_on", today.toString()));
            }
        }
        return fixedOn(year);
    }

    /** The latest year fixed, up to {@code latest}; empty when none is. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public java.util.Optional<FinancialYear> latestFixed(FinancialYear latest) {
        return jdbc.sql("""
                        select max(starts_in) from fairness_year
                         where ics_id = gt_current_ics() and starts_in <= :latest""").param("latest", latest.startYear()).query(Integer.class).list().stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(FinancialYear::new);
    }

    private @Nullable LocalDate fixedOn(FinancialYear year) {
        return jdbc.sql("select fixed_on from fairness_year where starts_in = :year and ics_id = gt_current_ics()")
                .param("year", year.startYear())
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    private boolean anyShortlisted(FinancialYear year) {
        return jdbc.sql("""
                        select exists (
                            select 1
                              from recruitment_application a
                              join recruitment_round r on r.id = a.round_id
                             where a.stage in ('shortlisted', 'appointed')
                               and r.closes_on between :first and :last)""")
                .param("first", year.first())
                .param("last", year.last())
                .query(Boolean.class)
                .single();
    }

    private void count(FinancialYear year, Characteristic characteristic, List<SeatPlacing> seats) {
        jdbc.sql("""
                        with shortlisted as (
                            select coalesce(e.%s, 'not_stated') as answer,
                                   a.stage = 'appointed' as appointed,
                                   p.level,
                                   p.place
                              from recruitment_application a
                              join recruitment_round r on r.id = a.round_id
                              left join unnest(cast(:seats as bigint[]), cast(:levels as text[]), cast(:places as text[]))
                                   as p (seat_id, level, place) on p.seat_id = r.seat_id
                              left join equality_answer e on e.application_id = a.id
                             where a.stage in ('shortlisted', 'appointed')
                               and r.closes_on between :first and :last)
                        insert into fairness_year_count
                               (starts_in, characteristic, part, part_name, answer, shortlisted, appointed)
                        select :year,
                               :characteristic,
                               case when grouping(level) = 0 then 'level'
                                    when grouping(place) = 0 then 'place'
                                    else 'ics' end,
                               coalesce(level, place, ''),
                               answer,
                               count(*),
                               count(*) filter (where appointed)
                          from shortlisted
                         group by grouping sets ((answer), (level, answer), (place, answer))
                        having (grouping(level) = 1 or level is not null)
                           and (grouping(place) = 1 or place is not null)""".formatted(characteristic.column()))
                .param("year", year.startYear())
                .param("characteristic", characteristic.code())
                .param("first", year.first())
                .param("last", year.last())
                .param("seats", seats.stream().map(SeatPlacing::seat).toArray(Long[]::new))
                .param("levels", seats.stream().map(SeatPlacing::level).toArray(String[]::new))
                .param("places", seats.stream().map(SeatPlacing::place).toArray(String[]::new))
                .update();
    }

    /** One place a leader is counted: everyone ({@code group} empty) or a profession group, at a level. */
    public record Membership(long person, String group, String level) {}

    /**
     * Leaders' answers as last released: when, who was counted where, and how many of them at each
     * place gave each answer (by characteristic, group, level and answer; those who gave none are not
     * counted, and the caller knows how many were counted there). Null when nothing was released yet.
     */
    public record Release(
            LocalDate releasedOn,
            Set<Membership> members,
            Set<Long> answersChanged,
            Map<Characteristic, Map<String, Map<String, Map<String, Integer>>>> counts) {

        public Map<String, Integer> answers(Characteristic c, String group, String level) {
            return counts.getOrDefault(c, Map.of())
                    .getOrDefault(group, Map.of())
                    .getOrDefault(level, Map.of());
        }
    }

    /**
     * Leaders' figures as last released, or released anew first when there are none yet or when
     * {@code changedSince} says at least k people differ from them (see {@link Releases}): who is
     * counted where ({@code now}), and their answers counted as they stand, replacing the last release.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Release current(
            Set<Membership> now, LocalDate today, java.util.function.ToIntFunction<Release> changedSince) {
        allowCounting();
        return releases.current(Releases.REPRESENTATION, null, this::kept, changedSince, () -> {
            replace(now, today);
            return java.util.Objects.requireNonNull(kept());
        });
    }

    /**
     * The release kept, read in one statement: a release made meanwhile by another reader is then either
     * all there or not at all, never its members beside the last one's counts.
     */
    private @Nullable Release kept() {
        List<Release> kept = jdbc.sql("""
                        select r.released_on,
                               array(select person_id from representation_member m
                                      where m.ics_id = r.ics_id order by person_id, profession_group, level) as people,
                               array(select profession_group from representation_member m
                                      where m.ics_id = r.ics_id order by person_id, profession_group, level) as groups,
                               array(select level from representation_member m
                                      where m.ics_id = r.ics_id order by person_id, profession_group, level) as levels,
                               array(select person_id from representation_answers_changed c
                                      where c.ics_id = r.ics_id) as changed,
                               array(select concat_ws(chr(31), characteristic, profession_group, level, answer, people)
                                       from representation_count c where c.ics_id = r.ics_id) as counts
                          from representation_release r
                         where r.ics_id = gt_current_ics()""")
                .query((rs, n) -> {
                    Long[] people = (Long[]) rs.getArray("people").getArray();
                    String[] groups = (String[]) rs.getArray("groups").getArray();
                    String[] levels = (String[]) rs.getArray("levels").getArray();
                    Set<Membership> members = new HashSet<>();
                    for (int i = 0; i < people.length; i++) {
                        members.add(new Membership(people[i], groups[i], levels[i]));
                    }
                    Set<Long> changed = new HashSet<>(
                            List.of((Long[]) rs.getArray("changed").getArray()));
                    Map<Characteristic, Map<String, Map<String, Map<String, Integer>>>> counts = new HashMap<>();
                    for (String row : (String[]) rs.getArray("counts").getArray()) {
                        String[] c = row.split(String.valueOf((char) 31), -1);
                        counts.computeIfAbsent(
                                        Characteristic.valueOf(c[0].toUpperCase(java.util.Locale.ROOT)),
                                        k -> new HashMap<>())
                                .computeIfAbsent(c[1], g -> new HashMap<>())
                                .computeIfAbsent(c[2], l -> new HashMap<>())
                                .put(c[3], Integer.parseInt(c[4]));
                    }
                    return new Release(rs.getObject("released_on", LocalDate.class), members, changed, counts);
                })
                .list();
        return kept.isEmpty() ? null : kept.get(0);
    }

    private void replace(Collection<Membership> members, LocalDate today) {
        for (String table :
                List.of("representation_count", "representation_member", "representation_answers_changed")) {
            jdbc.sql("delete from " + table + " where ics_id = gt_current_ics()")
                    .update();
        }
        jdbc.sql("""
                        insert into representation_release (released_on) values (:today)
                            on conflict (ics_id) do update set released_on = excluded.released_on""").param("today", today).update();
        jdbc.sql("""
                        insert into representation_member (person_id, profession_group, level)
                        select * from unnest(cast(:people as bigint[]), cast(:groups as text[]), cast(:levels as text[]))""")
                .param("people", members.stream().map(Membership::person).toArray(Long[]::new))
                .param("groups", members.stream().map(Membership::group).toArray(String[]::new))
                .param("levels", members.stream().map(Membership::level).toArray(String[]::new))
                .update();
        for (Characteristic c : Characteristic.values()) {
            jdbc.sql("""
                            insert into representation_count (profession_group, level, characteristic, answer, people)
                            select m.profession_group, m.level, :characteristic, e.%s, count(*)
                              from representation_member m
                              join equality_answer e on e.person_id = m.person_id
                             where m.ics_id = gt_current_ics()
                             group by m.profession_group, m.level, e.%1$s""".formatted(c.column()))
                    .param("characteristic", c.code())
                    .update();
        }
    }

    private void allowCounting() {
        jdbc.sql("select set_config('gt.equality', 'aggregate', true)").query().singleValue();
    }
}
