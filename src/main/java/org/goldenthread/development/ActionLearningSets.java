package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.development.MixedSets.Member;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action learning sets of an action learning programme: formed from its participants so that
 * each set mixes professions and organisations as much as it can (see {@link MixedSets}), each with
 * the same schedule of meetings.
 */
@Component
public class ActionLearningSets {

    static final String OBJECTIVE = "Sets of 5 to 8, as equal in size as the numbers allow, formed so that as few"
            + " pairs of members of one set as possible share a profession or an employer (a pair sharing both"
            + " counts twice).";

    private final JdbcClient jdbc;
    private final Register register;
    private final Programmes programmes;
    private final Audit audit;

    ActionLearningSets(JdbcClient jdbc, Register register, Programmes programmes, Audit audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.programmes = programmes;
        this.audit = audit;
    }

    /** How the sets should be formed and when they meet. */
    public record Plan(int setSize, LocalDate firstMeeting, int everyWeeks, int meetings) {

        static final int SET_SIZE = 6;
        static final int EVERY_WEEKS = 4;
        static final int MEETINGS = 6;

        /** A plan with the usual set size, interval and number of meetings where none is given. */
        static Plan from(
                @Nullable Integer setSize,
                LocalDate firstMeeting,
                @Nullable Integer everyWeeks,
                @Nullable Integer meetings) {
            return new Plan(
                    setSize == null ? SET_SIZE : setSize,
                    firstMeeting,
                    everyWeeks == null ? EVERY_WEEKS : everyWeeks,
                    meetings == null ? MEETINGS : meetings);
        }

        List<Problem> problems() {
            return problems(setSize, everyWeeks, meetings);
        }

        /** What is wrong with these numbers, whatever the first meeting's date. */
        static List<Problem> problems(int setSize, int everyWeeks, int meetings) {
            List<Problem> problems = new ArrayList<>();
            if (setSize < MixedSets.SMALLEST || setSize > MixedSets.LARGEST) {
                problems.add(Problem.of("set_size", "Choose a set size from 5 to 8"));
            }
            if (everyWeeks < 1 || everyWeeks > 26) {
                problems.add(Problem.of("every_weeks", "Sets meet every 1 to 26 weeks"));
            }
            if (meetings < 1 || meetings > 24) {
                problems.add(Problem.of("meetings", "Plan from 1 to 24 meetings"));
            }
            return problems;
        }

        List<LocalDate> dates() {
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < meetings; i++) {
                dates.add(firstMeeting.plusWeeks((long) everyWeeks * i));
            }
            return dates;
        }
    }

    public record LearningSet(
            int number,
            List<Person> members,
            @JsonProperty("shared_pairs") int sharedPairs,
            List<LocalDate> meetings) {}

    /** A programme's sets, the pairs in them that still share something, and who waits for a set. */
    public record Sets(
            List<LearningSet> sets,
            @JsonProperty("shared_pairs") int sharedPairs,
            List<Person> waiting,
            String objective) {}

    /** Forms the sets afresh from the programme's participants, replacing any formed before. */
    @Transactional
    public Sets form(long programmeId, Plan plan) {
        requireActionLearning(programmeId);
        List<Problem> problems = plan.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Map<Long, Person> people = participants(programmeId);
        if (people.size() < MixedSets.SMALLEST) {
            throw new InvalidInput(
                    "participants",
                    "An action learning programme needs at least 5 participants to form a set; it has "
                            + people.size());
        }
        MixedSets.Formed formed = MixedSets.form(
                people.values().stream().map(ActionLearningSets::member).toList(), plan.setSize());
        jdbc.sql("delete from learning_set where programme_id = :programme")
                .param("programme", programmeId)
                .update();
        int number = 0;
        for (List<Member> set : formed.sets()) {
            long setId = jdbc.sql(
                            "insert into learning_set (programme_id, number) values (:programme, :number) returning id")
                    .param("programme", programmeId)
                    .param("number", ++number)
                    .query(Long.class)
                    .single();
            for (Member m : set) {
                jdbc.sql("insert into learning_set_member (set_id, person_id) values (:set, :person)")
                        .param("set", setId)
                        .param("person", m.personId())
                        .update();
            }
            for (LocalDate day : plan.dates()) {
                jdbc.sql("insert into learning_set_meeting (set_id, meets_on) values (:set, :day)")
                        .param("set", setId)
                        .param("day", day)
                        .update();
            }
        }
        audit.record(
                "programme.sets_formed",
                "programme",
                programmeId,
                null,
                Map.of(
                        "sets",
                        formed.sets().size(),
                        "shared_pairs",
                        formed.sharedPairs(),
                        "waiting",
                        formed.left().size()));
        return sets(programmeId);
    }

    /** The sets as last formed (none before forming). */
    public Sets sets(long programmeId) {
        requireActionLearning(programmeId);
        Map<Long, Person> people = participants(programmeId);
        Map<Integer, List<Long>> memberIds = new LinkedHashMap<>();
        Map<Integer, List<LocalDate>> meetings = new HashMap<>();
        jdbc.sql("""
                        select s.number, m.person_id
                          from learning_set s join learning_set_member m on m.set_id = s.id
                         where s.programme_id = :programme
                         order by s.number, m.person_id""")
                .param("programme", programmeId)
                .query((rs, n) -> memberIds
                        .computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        jdbc.sql("""
                        select s.number, g.meets_on
                          from learning_set s join learning_set_meeting g on g.set_id = s.id
                         where s.programme_id = :programme
                         order by s.number, g.meets_on""")
                .param("programme", programmeId)
                .query((rs, n) -> meetings.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(rs.getObject(2, LocalDate.class)))
                .list();
        // someone taken off the programme since the sets were formed is still shown in their set
        Set<Long> gone = memberIds.values().stream()
                .flatMap(List::stream)
                .filter(id -> !people.containsKey(id))
                .collect(Collectors.toSet());
        Map<Long, Person> everyone = new HashMap<>(people);
        everyone.putAll(register.people(gone));
        Map<Integer, List<Person>> members = new LinkedHashMap<>();
        memberIds.forEach((number, ids) -> members.put(
                number,
                ids.stream()
                        .map(everyone::get)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        List<LearningSet> sets = new ArrayList<>();
        members.forEach((number, in) -> sets.add(new LearningSet(
                number,
                in,
                MixedSets.sharedPairs(
                        in.stream().map(ActionLearningSets::member).toList()),
                meetings.getOrDefault(number, List.of()))));
        Set<Long> placed =
                members.values().stream().flatMap(List::stream).map(Person::id).collect(Collectors.toSet());
        List<Person> waiting =
                people.values().stream().filter(p -> !placed.contains(p.id())).toList();
        return new Sets(sets, sets.stream().mapToInt(LearningSet::sharedPairs).sum(), waiting, OBJECTIVE);
    }

    private void requireActionLearning(long programmeId) {
        if (!programmes.get(programmeId).kind().equals(ProgrammeKind.ACTION_LEARNING.code())) {
            throw new InvalidInput("kind", "Only an action learning programme forms sets; this one pairs people");
        }
    }

    private Map<Long, Person> participants(long programmeId) {
        return register.people(jdbc.sql("select person_id from programme_participant where programme_id = :programme")
                .param("programme", programmeId)
                .query(Long.class)
                .list());
    }

    /** The employer is known by its ODS code where the register has one, else by its name. */
    static Member member(Person p) {
        String employer = p.employerOds() != null && !p.employerOds().isBlank() ? p.employerOds() : p.employer();
        return new Member(p.id(), p.profession(), employer == null || employer.isBlank() ? null : employer);
    }
}
