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

    /** Which rounds' applications to count: all of them when every part is empty. */
    public record Rounds(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Long round,
            @Nullable Collection<Long> seats) {

        public static final Rounds ALL = new Rounds(null, null, null, null);
    }

    /** Counts of shortlisted people (appointed included) and of appointed people, by answer. */
    public record Shortlisting(Map<String, Integer> shortlisted, Map<String, Integer> appointed) {

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
     * Shortlisted and appointed applicants in the rounds asked for, counted by their answer to one
     * question. An applicant who gave no answers counts as not stated.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public Shortlisting shortlisting(Characteristic characteristic, Rounds rounds) {
        allowCounting();
        List<String> where = new ArrayList<>(List.of("a.stage in ('shortlisted', 'appointed')"));
        Map<String, Object> params = new HashMap<>();
        if (rounds.from() != null) {
            where.add("r.opens_on >= :from");
            params.put("from", rounds.from());
        }
        if (rounds.to() != null) {
            where.add("r.closes_on <= :to");
            params.put("to", rounds.to());
        }
        if (rounds.round() != null) {
            where.add("r.id = :round");
            params.put("round", rounds.round());
        }
        if (rounds.seats() != null) {
            where.add("r.seat_id = any (:seats)");
            params.put("seats", rounds.seats().toArray(Long[]::new));
        }
        Map<String, Integer> shortlisted = new HashMap<>();
        Map<String, Integer> appointed = new HashMap<>();
        jdbc.sql("""
                        select coalesce(e.%1$s, 'not_stated') as answer,
                               count(*) as shortlisted,
                               count(*) filter (where a.stage = 'appointed') as appointed
                          from recruitment_application a
                          join recruitment_round r on r.id = a.round_id
                          left join equality_answer e on e.application_id = a.id
                         where %2$s
                         group by 1""".formatted(characteristic.column(), String.join(" and ", where)))
                .params(params)
                .query(rs -> {
                    shortlisted.put(rs.getString("answer"), rs.getInt("shortlisted"));
                    appointed.put(rs.getString("answer"), rs.getInt("appointed"));
                });
        return new Shortlisting(shortlisted, appointed);
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
