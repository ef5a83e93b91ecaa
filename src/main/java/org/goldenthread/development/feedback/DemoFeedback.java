package org.goldenthread.development.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.goldenthread.development.Programmes;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo ICS's 360° feedback: one leader's round, answered, closed and sealed, with its report;
 * and a leader-type reflection for each participant of the demo's programmes, so that cohort
 * views have something to count. Raters have no email address, so nothing is sent.
 */
@Component
class DemoFeedback {

    private static final List<String> KEEP = List.of(
            "Brings people from different organisations round one table and keeps them there.",
            "Always asks what patients would make of a plan before agreeing to it.",
            "Makes time for newer colleagues and gives them real pieces of work.",
            "Clear about what the evidence says and honest when it is thin.",
            "Calm in difficult meetings; people trust them to be fair.");

    private static final List<String> CHANGE = List.of(
            "Could let others lead more of the partnership work.",
            "Sometimes moves on before quieter professions have had their say.",
            "Share the results of changes more widely, including what did not work.",
            "Involve community groups earlier, not once the plan is written.");

    private final FeedbackRounds rounds;
    private final RaterAnswers answers;
    private final Reflections reflections;
    private final Programmes programmes;
    private final Register register;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DemoFeedback(
            FeedbackRounds rounds,
            RaterAnswers answers,
            Reflections reflections,
            Programmes programmes,
            Register register,
            JdbcClient jdbc,
            ObjectMapper json,
            Clock clock) {
        this.rounds = rounds;
        this.answers = answers;
        this.reflections = reflections;
        this.programmes = programmes;
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @EventListener
    @Order(6)
    void on(DemoIcsCreated event) {
        new Scope(event.people().get(0), event.tenant(), false).run(() -> {
            Random random = new Random(20261201L);
            List<Person> people = new ArrayList<>(register.people());
            people.sort(Comparator.comparing(Person::personRef));
            if (people.size() < 12) {
                return;
            }
            round(people, random);
            reflections(random);
        });
        event.partLoaded();
    }

    private void round(List<Person> people, Random random) {
        LocalDate today = LocalDate.now(clock);
        Person leader = people.get(0);
        Round round = rounds.start(new FeedbackRounds.Start(leader.id(), today.plusDays(14), true, true, null));
        String[] groups = {
            "line_manager",
            "peer",
            "peer",
            "peer",
            "peer",
            "direct_report",
            "direct_report",
            "direct_report",
            "partner",
            "partner",
            "patient"
        };
        for (int i = 0; i < groups.length; i++) {
            Person rater = people.get(i + 1);
            rounds.nominate(round.id(), new FeedbackRounds.Nomination(groups[i], rater.fullName(), null));
        }
        Questionnaire questionnaire = Questionnaire.of(round, false);
        List<Long> invitations = jdbc.sql("select id from feedback_invitation where round_id = :r order by id")
                .param("r", round.id())
                .query(Long.class)
                .list();
        // the patient (last) does not answer: a group with nobody shown
        for (long invitation : invitations.subList(0, invitations.size() - 1)) {
            Map<String, String> given = new HashMap<>();
            questionnaire
                    .sections()
                    .forEach(s -> s.items()
                            .forEach(item -> given.put(
                                    item.code(),
                                    String.valueOf(
                                            2 + random.nextInt(4) - (item.code().startsWith("others") ? 1 : 0)))));
            given.put("keep", KEEP.get(random.nextInt(KEEP.size())));
            if (random.nextBoolean()) {
                given.put("change", CHANGE.get(random.nextInt(CHANGE.size())));
            }
            RaterAnswers.Visit visit = answers.visit(invitation);
            answers.send(
                    new RaterAnswers.Visit(
                            visit.invitationId(), visit.round(), visit.group(), visit.name(), false, given, 1),
                    questionnaire);
        }
        Map<String, String> own = new HashMap<>();
        Questionnaire.of(round, true)
                .sections()
                .forEach(s -> s.items()
                        .forEach(item -> own.put(
                                item.code(),
                                String.valueOf(item.code().startsWith("others") ? 5 : 3 + random.nextInt(2)))));
        jdbc.sql("""
                        insert into feedback_self (round_id, answers, page, submitted_on)
                        values (:r, cast(:a as jsonb), 1, :day)""")
                .param("r", round.id())
                .param("a", json.writeValueAsString(own))
                .param("day", today.minusDays(10))
                .update();
        // the round ran over the last three weeks and has closed
        jdbc.sql("update feedback_round set opened_on = :opened, closes_on = :closes where id = :id")
                .param("opened", today.minusDays(21))
                .param("closes", today.minusDays(1))
                .param("id", round.id())
                .update();
        rounds.close(round.id());
    }

    private void reflections(Random random) {
        for (Programmes.Programme programme : programmes.all()) {
            for (Programmes.Participant participant : programmes.participants(programme.id())) {
                Person leader = register.person(participant.personId());
                if (reflections.latest(leader).isPresent()) {
                    continue;
                }
                int ambitionBase = 1 + random.nextInt(5);
                int politicsBase = 1 + random.nextInt(5);
                Map<String, String> form = new HashMap<>();
                for (LeaderTypeItems.Item item : LeaderTypeItems.ITEMS) {
                    int base = item.axis().equals("ambition") ? ambitionBase : politicsBase;
                    form.put(item.code(), String.valueOf(Math.max(1, Math.min(5, base + random.nextInt(3) - 1))));
                }
                reflections.take(leader, form);
            }
        }
    }
}
