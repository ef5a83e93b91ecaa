package org.goldenthread.pipeline.equality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one reader of equality answers: it counts them, grouped by answer (and by stage or by a
 * group of people the caller names), and never returns a row for one person. The table's
 * restrictive policy lets a session see the answers only while {@code gt.equality} is {@code
 * aggregate}; each method sets it for a read-only transaction of its own, so the setting ends with
 * the count and no other query, even later on the same connection, can read an answer.
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

        /** The levels and places that had anyone shortlisted. */
        public List<Part> breakdown(Characteristic characteristic) {
            return counts.getOrDefault(characteristic, Map.of()).keySet().stream()
                    .filter(p -> !p.isIcs())
                    .toList();
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
    }

    private final JdbcClient jdbc;

    EqualityFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A financial year's shortlisted and appointed applicants, counted by answer (no answers counting
     * as not stated) over the rounds that closed in it: all of them, and at each level and in each
     * place. The first call for a year that has anyone shortlisted counts them and keeps the counts;
     * every later call reads what was kept, however the applications have changed since. Concurrent
     * first calls count once: the second waits on the first's row and reads its counts.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public FixedYear fixedYear(
            FinancialYear year, Collection<Characteristic> characteristics, List<SeatPlacing> seats, LocalDate today) {
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
            }
        }
        Map<Characteristic, Map<Part, Shortlisting>> counts = new HashMap<>();
        jdbc.sql("""
                        select characteristic, part, part_name, answer, shortlisted, appointed
                          from fairness_year_count
                         where starts_in = :year""").param("year", year.startYear()).query(rs -> {
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

    private @Nullable LocalDate fixedOn(FinancialYear year) {
        return jdbc.sql("select fixed_on from fairness_year where starts_in = :year")
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

    /**
     * People in the register who gave their own answers, counted by answer within each of the
     * caller's groups (such as the leaders at each level). People without answers are not counted;
     * the caller knows how many it asked about.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public Map<String, Map<String, Integer>> people(
            Characteristic characteristic, Map<String, ? extends Collection<Long>> groups) {
        allowCounting();
        List<String> names = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        groups.forEach((name, people) -> people.forEach(id -> {
            names.add(name);
            ids.add(id);
        }));
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        groups.keySet().forEach(name -> counts.put(name, new HashMap<>()));
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select g.name, e.%s as answer, count(*) as people
                          from unnest(cast(:names as text[]), cast(:ids as bigint[])) as g (name, person_id)
                          join equality_answer e on e.person_id = g.person_id
                         group by 1, 2""".formatted(characteristic.column()))
                .param("names", names.toArray(String[]::new))
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("name"), name -> new HashMap<>())
                            .put(rs.getString("answer"), rs.getInt("people"));
                });
        return counts;
    }

    private void allowCounting() {
        jdbc.sql("select set_config('gt.equality', 'aggregate', true)").query().singleValue();
    }
}
