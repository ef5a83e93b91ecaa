package org.goldenthread.development.feedback;

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
            int participants) {}

    record TypeCount(LeaderType type, @Nullable Integer people) {}

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Programmes programmes;
    private final SmallNumbers smallNumbers;
    private final ObjectMapper json;
    private final Clock clock;

    Reflections(
            JdbcClient jdbc,
            Catalogue catalogue,
            Programmes programmes,
            SmallNumbers smallNumbers,
            ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
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

    /** Each participant's latest reflection, counted by type, with small counts hidden. */
    Cohort cohort(long programmeId) {
        Programmes.Programme programme = programmes.get(programmeId);
        List<Programmes.Participant> participants = programmes.participants(programmeId);
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("""
                        select t.leader_type, count(*) as people
                          from (select distinct on (r.person_id) r.person_id, r.leader_type
                                  from leader_type_reflection r
                                  join programme_participant p on p.person_id = r.person_id and p.programme_id = :p
                                 order by r.person_id, r.taken_on desc, r.id desc) t
                         group by t.leader_type""")
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
        return new Cohort(programme.name(), result, shown[0][types.length], participants.size());
    }
}
