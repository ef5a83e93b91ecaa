package org.goldenthread.development.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.goldenthread.development.Catalogue;
import org.goldenthread.development.Offer;
import org.goldenthread.development.Programmes;
import org.goldenthread.people.Person;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Releases;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The leader-type reflection: a leader's own answers to the eight items, the two scores and the
 * type they give. Only the leader sees their reflection; a programme's organisers see how many of
 * its participants are of each type, with small counts hidden.
 */
@Component
class Reflections {

    record Reflection(double ambition, double politics, LeaderType type, LocalDate takenOn) {}

    /** How many of a cohort are of each type; null where the count must be hidden. */
    record Cohort(
            String programme,
            List<TypeCount> types,
            @Nullable Integer reflected,
            int participants,
            @JsonProperty("counted_on") LocalDate countedOn,
            int k) {}

    record TypeCount(LeaderType type, @Nullable Integer people) {}

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Programmes programmes;
    private final SmallNumbers smallNumbers;
    private final ObjectMapper json;
    private final Clock clock;
    private final Releases releases;

    Reflections(
            JdbcClient jdbc,
            Catalogue catalogue,
            Programmes programmes,
            SmallNumbers smallNumbers,
            ObjectMapper json,
            Clock clock,
            Releases releases) {
        this.jdbc = jdbc;
        this.releases = releases;
        this.catalogue = catalogue;
        this.programmes = programmes;
        this.smallNumbers = smallNumbers;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Keeps a reflection when every item is answered from 1 to 5; nothing is kept otherwise. It
     * keeps the leader's register address too, and shows only to that address.
     */
    @Transactional
    Reflection take(Person leader, Map<String, String> form) {
        Map<String, Integer> answers = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (LeaderTypeItems.Item item : LeaderTypeItems.ITEMS) {
            String value = form.get(item.code());
            int rating = value == null || !value.trim().matches("[1-5]") ? 0 : Integer.parseInt(value.trim());
            if (rating == 0) {
                problems.add(Problem.of(item.code(), "Choose how far this is like you: “" + item.self() + "”"));
            } else {
                answers.put(item.code(), rating);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        double ambition = java.util.Objects.requireNonNull(LeaderTypeItems.score(answers, "ambition"));
        double politics = java.util.Objects.requireNonNull(LeaderTypeItems.score(answers, "politics"));
        LeaderType type = LeaderType.of(ambition, politics);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                        insert into leader_type_reflection (person_id, taken_as, answers, ambition, politics,
                                                            leader_type, taken_on)
                        values (:person, :takenAs, cast(:answers as jsonb), :ambition, :politics, :type, :today)""")
                .param("person", leader.id())
                .param("takenAs", address(leader))
                .param("answers", json.writeValueAsString(answers))
                .param("ambition", BigDecimal.valueOf(ambition))
                .param("politics", BigDecimal.valueOf(politics))
                .param("type", type.code())
                .param("today", today)
                .update();
        return new Reflection(ambition, politics, type, today);
    }

    /** The leader's latest reflection taken with the address their register entry has now. */
    Optional<Reflection> latest(Person leader) {
        return jdbc.sql("""
                        select ambition, politics, leader_type, taken_on from leader_type_reflection
                         where person_id = :person and taken_as = :takenAs
                         order by taken_on desc, id desc limit 1""")
                .param("person", leader.id())
                .param("takenAs", address(leader))
                .query((rs, n) -> new Reflection(
                        rs.getDouble("ambition"),
                        rs.getDouble("politics"),
                        org.goldenthread.platform.Coded.parse(LeaderType.class, rs.getString("leader_type"))
                                .orElseThrow(),
                        rs.getObject("taken_on", LocalDate.class)))
                .optional();
    }

    /** The leader's register address as rounds and reflections keep it, or none. */
    static @Nullable String address(Person leader) {
        return leader.email() == null || leader.email().isBlank()
                ? null
                : leader.email().trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Open offers in the catalogue of the kinds that suit a type, most fitting kind first. */
    List<Offer> offersFor(LeaderType type) {
        LocalDate today = LocalDate.now(clock);
        List<Offer> all = catalogue.offers();
        List<Offer> fitting = new ArrayList<>();
        for (var kind : type.offerKinds()) {
            all.stream()
                    .filter(o -> !o.retired() && o.kind().equals(kind.code()) && o.isOpenOn(today))
                    .forEach(fitting::add);
        }
        return fitting.stream().limit(4).toList();
    }

    /**
     * Each participant's latest reflection, counted by type, with small counts hidden, as last
     * released: the counts are kept, and counted again only once at least k participants have taken a
     * new reflection, joined or left since, so that no two readings differ by one person's type.
     */
    @Transactional
    Cohort cohort(long programmeId) {
        Programmes.Programme programme = programmes.get(programmeId);
        List<Programmes.Participant> participants = programmes.participants(programmeId);
        Map<Long, Long> latest = new java.util.HashMap<>();
        jdbc.sql("""
                        select distinct on (r.person_id) r.person_id, r.id
                          from leader_type_reflection r
                          join programme_participant p on p.person_id = r.person_id and p.programme_id = :p
                         order by r.person_id, r.taken_on desc, r.id desc""")
                .param("p", programmeId)
                .query((rs, n) -> latest.put(rs.getLong(1), rs.getLong(2)))
                .list();
        releases.current(
                Releases.LEADER_TYPES,
                programmeId,
                () -> released(programmeId),
                released -> changed(released, latest),
                () -> {
                    release(programmeId, latest);
                    return latest;
                });
        LocalDate countedOn = jdbc.sql("select released_on from leader_type_release where programme_id = :p")
                .param("p", programmeId)
                .query(LocalDate.class)
                .single();
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("select leader_type, people from leader_type_release_count where programme_id = :p")
                .param("p", programmeId)
                .query((rs, n) -> counts.put(rs.getString("leader_type"), rs.getInt("people")))
                .list();
        LeaderType[] types = LeaderType.values();
        int[][] raw = new int[1][types.length + 1];
        int total = 0;
        for (int i = 0; i < types.length; i++) {
            raw[0][i] = counts.getOrDefault(types[i].code(), 0);
            total += raw[0][i];
        }
        raw[0][types.length] = total;
        Integer[][] shown = smallNumbers.hideSmallCells(raw);
        List<TypeCount> result = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            result.add(new TypeCount(types[i], shown[0][i]));
        }
        return new Cohort(
                programme.name(),
                result,
                shown[0][types.length],
                participants.size(),
                countedOn,
                smallNumbers.minGroupSize());
    }

    /** Participants whose latest reflection differs between two readings, or who are in one only. */
    static int changed(Map<Long, Long> released, Map<Long, Long> latest) {
        java.util.Set<Long> people = new java.util.HashSet<>(released.keySet());
        people.addAll(latest.keySet());
        return (int) people.stream()
                .filter(p -> !java.util.Objects.equals(released.get(p), latest.get(p)))
                .count();
    }

    /** Each participant counted in the programme's last release, with the reflection counted; null when none. */
    private @Nullable Map<Long, Long> released(long programmeId) {
        boolean none = jdbc.sql("select count(*) from leader_type_release where programme_id = :p")
                        .param("p", programmeId)
                        .query(Integer.class)
                        .single()
                == 0;
        if (none) {
            return null;
        }
        Map<Long, Long> released = new java.util.HashMap<>();
        jdbc.sql("select person_id, reflection_id from leader_type_release_member where programme_id = :p")
                .param("p", programmeId)
                .query((rs, n) -> released.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return released;
    }

    private void release(long programmeId, Map<Long, Long> latest) {
        for (String table : List.of("leader_type_release_count", "leader_type_release_member")) {
            jdbc.sql("delete from " + table + " where programme_id = :p")
                    .param("p", programmeId)
                    .update();
        }
        jdbc.sql("""
                        insert into leader_type_release_member (programme_id, person_id, reflection_id)
                        select :p, m.person_id, m.reflection_id
                          from unnest(cast(:people as bigint[]), cast(:reflections as bigint[])) as m (person_id, reflection_id)""")
                .param("p", programmeId)
                .param("people", latest.keySet().toArray(Long[]::new))
                .param("reflections", latest.keySet().stream().map(latest::get).toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        insert into leader_type_release_count (programme_id, leader_type, people)
                        select :p, r.leader_type, count(*)
                          from leader_type_release_member m
                          join leader_type_reflection r on r.id = m.reflection_id
                         where m.programme_id = :p
                         group by r.leader_type""").param("p", programmeId).update();
        jdbc.sql("""
                        insert into leader_type_release (programme_id, released_on) values (:p, :today)
                            on conflict (ics_id, programme_id) do update set released_on = excluded.released_on""")
                .param("p", programmeId)
                .param("today", LocalDate.now(clock))
                .update();
    }
}
