package org.goldenthread.development;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.goldenthread.development.exchanges.ExchangeJournal;
import org.goldenthread.development.exchanges.Exchanges;
import org.goldenthread.development.exchanges.Ideas;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.IcsMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's development offer and programmes, built from the demo register's people: a
 * catalogue with enrolments (some completed over the past year, one offer full with a waitlist), a
 * cross-organisation mentoring programme matched and confirmed some months ago with meetings since
 * (one pair gone quiet, one ended with a reflection), a buddying scheme for leaders appointed in the
 * last 180 days, and an action learning programme with its sets formed. The demo's people are
 * invented, so no email goes to them: pairs are confirmed without telling anyone.
 */
@Component
class DemoDevelopment {

    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final Programmes programmes;
    private final ParticipantFile participants;
    private final MatchingRounds rounds;
    private final ActionLearningSets sets;
    private final Exchanges exchanges;
    private final ExchangeJournal exchangeJournal;
    private final Ideas ideas;
    private final Register register;
    private final IcsMap map;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoDevelopment(
            Catalogue catalogue,
            Enrolments enrolments,
            Programmes programmes,
            ParticipantFile participants,
            MatchingRounds rounds,
            ActionLearningSets sets,
            Exchanges exchanges,
            ExchangeJournal exchangeJournal,
            Ideas ideas,
            Register register,
            IcsMap map,
            JdbcClient jdbc,
            Clock clock) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.programmes = programmes;
        this.participants = participants;
        this.rounds = rounds;
        this.sets = sets;
        this.exchanges = exchanges;
        this.exchangeJournal = exchangeJournal;
        this.ideas = ideas;
        this.register = register;
        this.map = map;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Order(5)
    void on(DemoIcsCreated event) {
        new Scope(event.people().get(0), event.tenant(), false).run(() -> {
            LocalDate today = LocalDate.now(clock);
            Random random = new Random(20260401L);
            List<Person> people = new ArrayList<>(register.people());
            people.sort(Comparator.comparing(Person::personRef));
            List<Person> senior = people.stream()
                    .filter(p -> "senior".equals(p.careerStage()))
                    .toList();
            List<Person> others = people.stream()
                    .filter(p -> !"senior".equals(p.careerStage()))
                    .toList();
            offers(people, today, random);
            mentoring(senior, others, today, random);
            buddying(senior, today);
            actionLearning(people, today);
            exchange(people, today);
        });
        event.partLoaded();
    }

    private void offers(List<Person> people, LocalDate today, Random random) {
        String place = map.places().get(0).name();
        List<Offer> offers = List.of(
                catalogue.add(offer(
                        "Leading across the system",
                        "programme",
                        "ics",
                        null,
                        "blended",
                        "60",
                        "26",
                        "0",
                        null,
                        List.of(),
                        List.of("senior"),
                        "30")),
                catalogue.add(offer(
                        "Coaching for new chairs",
                        "coaching",
                        "ics",
                        null,
                        "online",
                        "9",
                        "12",
                        "0",
                        null,
                        List.of(),
                        List.of("mid", "senior"),
                        "6")),
                catalogue.add(offer(
                        "Rising clinical leaders",
                        "programme",
                        "regional",
                        null,
                        "blended",
                        "45",
                        "20",
                        "1200",
                        "employer",
                        List.of(),
                        List.of("early", "mid"),
                        "20")),
                catalogue.add(offer(
                        "Nurse leaders' network",
                        "network",
                        "ics",
                        null,
                        "in_person",
                        "10",
                        "52",
                        "0",
                        null,
                        List.of("nurse_adult"),
                        List.of(),
                        null)),
                catalogue.add(offer(
                        place + " neighbourhood leadership",
                        "action_learning_set",
                        "place",
                        place,
                        "in_person",
                        "18",
                        "24",
                        "0",
                        null,
                        List.of(),
                        List.of(),
                        "4")),
                catalogue.add(offer(
                        "GP partners' leadership course",
                        "course",
                        "regional",
                        null,
                        "online",
                        "15",
                        "6",
                        "350",
                        "participant",
                        List.of("gp"),
                        List.of(),
                        null)),
                catalogue.add(offer(
                        "Board development: chairing well",
                        "course",
                        "national",
                        null,
                        "online",
                        "12",
                        "4",
                        "0",
                        null,
                        List.of(),
                        List.of("senior"),
                        null)),
                catalogue.add(offer(
                        "Reverse mentoring with early-career staff",
                        "reverse_mentoring",
                        "ics",
                        null,
                        "blended",
                        "12",
                        "26",
                        "0",
                        null,
                        List.of(),
                        List.of("senior"),
                        "12")),
                catalogue.add(offer(
                        "Shadowing across organisations",
                        "workplace_exchange",
                        "ics",
                        null,
                        "in_person",
                        "14",
                        "2",
                        "0",
                        null,
                        List.of(),
                        List.of("early", "mid"),
                        "10")),
                catalogue.add(offer(
                        "Leading with data",
                        "course",
                        "national",
                        null,
                        "self_paced",
                        "8",
                        null,
                        "95",
                        "ics",
                        List.of(),
                        List.of(),
                        null)));
        // the neighbourhood set (four places) is full, with two people waiting
        Offer full = offers.get(4);
        for (int i = 0; i < 6; i++) {
            Enrolment e = enrolments.apply(full.id(), people.get(i).id());
            if (i < 4) {
                enrolments.accept(e.id());
            }
        }
        // a year of enrolments on the others: applied, accepted, some completed, one withdrawn
        int next = 6;
        for (Offer o : offers) {
            if (o == full) {
                continue;
            }
            for (int i = 0; i < 3 && next < people.size(); i++, next++) {
                Enrolment e = enrolments.apply(o.id(), people.get(next).id());
                switch ((next + i) % 4) {
                    case 0 -> {}
                    case 1 -> enrolments.accept(e.id());
                    case 2 -> {
                        enrolments.accept(e.id());
                        LocalDate applied = today.minusDays(60 + random.nextInt(300));
                        backdate(e.id(), applied);
                        enrolments.complete(e.id(), applied.plusDays(30 + random.nextInt(30)));
                    }
                    default -> enrolments.withdraw(e.id());
                }
            }
        }
    }

    /** Enrolment dates for someone who applied before the demo began; only Enrolments sets them otherwise. */
    private void backdate(long enrolmentId, LocalDate applied) {
        jdbc.sql("update enrolment set applied_on = :applied, changed_on = :applied where id = :id")
                .param("applied", applied)
                .param("id", enrolmentId)
                .update();
    }

    private static OfferDetails offer(
            String title,
            String kind,
            String scope,
            @Nullable String place,
            String delivery,
            @Nullable String hours,
            @Nullable String weeks,
            String cost,
            @Nullable String paidBy,
            List<String> professions,
            List<String> stages,
            @Nullable String capacity) {
        String description = "Part of the demo ICS's development offer: " + title.toLowerCase(java.util.Locale.ROOT)
                + ", run by and for leaders in the system.";
        return new OfferDetails(
                title,
                kind,
                description,
                scope.equals("national") ? "NHS Leadership Academy" : "Northmoor ICS leadership team",
                scope,
                place,
                delivery,
                hours,
                weeks,
                cost,
                paidBy,
                professions,
                List.of(),
                stages,
                List.of(),
                List.of(),
                capacity,
                null,
                null,
                null,
                null,
                null);
    }

    private void mentoring(List<Person> senior, List<Person> others, LocalDate today, Random random) {
        List<Person> mentors = senior.stream().limit(5).toList();
        List<Person> mentees = others.stream().limit(12).toList();
        if (mentors.size() < 5 || mentees.size() < 12) {
            return;
        }
        long id = programmes
                .create(new Programmes.NewProgramme("Clinical leadership mentoring", "mentoring", true))
                .id();
        StringBuilder csv = new StringBuilder("person_ref,role,capacity,preferences\n");
        int[] capacity = {3, 2, 2, 2, 2};
        for (int i = 0; i < mentors.size(); i++) {
            csv.append(mentors.get(i).personRef())
                    .append(",mentor,")
                    .append(capacity[i])
                    .append(",\n");
        }
        for (int i = 0; i < mentees.size(); i++) {
            Person mentee = mentees.get(i);
            List<String> ranked = new ArrayList<>();
            for (int k = 0; k < mentors.size() && ranked.size() < 3; k++) {
                Person mentor = mentors.get((i + k) % mentors.size());
                if (!Objects.equals(employer(mentor), employer(mentee))) {
                    ranked.add(mentor.personRef());
                }
            }
            csv.append(mentee.personRef())
                    .append(",mentee,,")
                    .append(String.join(";", ranked))
                    .append('\n');
        }
        participants.importCsv(id, csv.toString().getBytes(StandardCharsets.UTF_8));
        rounds.propose(id);
        rounds.confirm(id, false);
        List<Long> pairs = relationships(id);
        LocalDate started = today.minusDays(150);
        for (int i = 0; i < pairs.size(); i++) {
            long pair = pairs.get(i);
            jdbc.sql("update relationship set started_on = :started where id = :id")
                    .param("started", started)
                    .param("id", pair)
                    .update();
            // most pairs meet about monthly; the second has gone quiet; the last ended with a reflection
            LocalDate until = i == 1 ? started.plusWeeks(5) : today.minusDays(3 + random.nextInt(10));
            for (LocalDate met = started.plusDays(7 + i); !met.isAfter(until); met = met.plusWeeks(4)) {
                meeting(pair, met, 45 + 15 * random.nextInt(4));
            }
            if (i == pairs.size() - 1) {
                end(pair, today.minusDays(14));
            }
        }
    }

    private List<Long> relationships(long programmeId) {
        return jdbc.sql("select id from relationship where programme_id = :p order by id")
                .param("p", programmeId)
                .query(Long.class)
                .list();
    }

    private void meeting(long relationshipId, LocalDate on, int minutes) {
        jdbc.sql("""
                        insert into relationship_meeting (relationship_id, met_on, minutes, notes, logged_by, logged_on)
                        select id, :on, :minutes, 'Talked through the next steps on their goals.', receiver_id, :on
                          from relationship where id = :id""")
                .param("on", on)
                .param("minutes", minutes)
                .param("id", relationshipId)
                .update();
    }

    private void end(long relationshipId, LocalDate on) {
        jdbc.sql("update relationship set ended_on = :on, end_reason = 'goals_met' where id = :id")
                .param("on", on)
                .param("id", relationshipId)
                .update();
        jdbc.sql("""
                        insert into relationship_reflection
                               (relationship_id, person_id, reason, rating, helped, reflection, given_on)
                        select id, receiver_id, 'goals_met', 5, 'Honest questions about chairing a meeting.',
                               'I go into board meetings better prepared and say more.', :on
                          from relationship where id = :id""").param("on", on).param("id", relationshipId).update();
    }

    private void buddying(List<Person> senior, LocalDate today) {
        Map<Long, Appointment> newcomers = new LinkedHashMap<>();
        register.appointments().stream()
                .filter(a -> !a.startDate().isBefore(today.minusDays(180)))
                .forEach(a -> newcomers.putIfAbsent(a.personId(), a));
        List<Person> buddies = senior.stream()
                .skip(5)
                .filter(p -> !newcomers.containsKey(p.id()))
                .limit(4)
                .toList();
        if (newcomers.isEmpty() || buddies.isEmpty()) {
            return;
        }
        long id = programmes
                .create(new Programmes.NewProgramme("Buddies for new leaders", "buddying", false))
                .id();
        StringBuilder csv = new StringBuilder("person_ref,role,capacity,preferences\n");
        buddies.forEach(b -> csv.append(b.personRef()).append(",mentor,3,\n"));
        int i = 0;
        for (Appointment a :
                newcomers.values().stream().limit(buddies.size() * 3L).toList()) {
            String first = buddies.get(i % buddies.size()).personRef();
            String second = buddies.get((i + 1) % buddies.size()).personRef();
            csv.append(a.personRef())
                    .append(",mentee,,")
                    .append(first.equals(second) ? first : first + ";" + second)
                    .append('\n');
            i++;
        }
        participants.importCsv(id, csv.toString().getBytes(StandardCharsets.UTF_8));
        rounds.propose(id);
        rounds.confirm(id, false);
        for (long pair : relationships(id)) {
            jdbc.sql("update relationship set started_on = :started where id = :id")
                    .param("started", today.minusDays(21))
                    .param("id", pair)
                    .update();
            meeting(pair, today.minusDays(10), 30);
        }
    }

    private void actionLearning(List<Person> people, LocalDate today) {
        List<Person> members = people.stream().skip(20).limit(13).toList();
        if (members.size() < 13) {
            return;
        }
        long id = programmes
                .create(new Programmes.NewProgramme("Action learning for system leaders", "action_learning", true))
                .id();
        StringBuilder csv = new StringBuilder("person_ref,role,capacity,preferences\n");
        members.forEach(m -> csv.append(m.personRef()).append(",member,,\n"));
        participants.importCsv(id, csv.toString().getBytes(StandardCharsets.UTF_8));
        sets.form(id, new ActionLearningSets.Plan(6, today.minusWeeks(4), 6, 6));
    }

    /** The sectors one side of the demo's exchange is drawn from; the other side is everyone else with a sector. */
    private static final Set<String> NEAR_HOME = Set.of(
            "general_practice", "community", "community_pharmacy", "dental", "optometry", "adult_social_care", "vcse");

    /**
     * An exchange cohort of six pairs: primary, community and social care on one side, hospitals and
     * the rest on the other. Four pairs have made both visits (three with all four reflections), one
     * has made the first, one has none arranged; they have raised ideas at every status, and the
     * closing event is set.
     */
    private void exchange(List<Person> people, LocalDate today) {
        List<Person> withSector = people.stream()
                .skip(40)
                .filter(p -> p.sector() != null && !p.sector().isBlank())
                .toList();
        List<Person> hosts = withSector.stream()
                .filter(p -> NEAR_HOME.contains(p.sector()))
                .limit(6)
                .toList();
        List<Person> visitors = withSector.stream()
                .filter(p -> !NEAR_HOME.contains(p.sector()))
                .limit(6)
                .toList();
        if (hosts.size() < 6 || visitors.size() < 6) {
            return;
        }
        long id = programmes
                .create(new Programmes.NewProgramme("Workplace exchange 2026", "exchange", true))
                .id();
        StringBuilder csv = new StringBuilder("person_ref,role,capacity,preferences\n");
        hosts.forEach(h -> csv.append(h.personRef()).append(",host,,\n"));
        visitors.forEach(v -> csv.append(v.personRef()).append(",visitor,,\n"));
        participants.importCsv(id, csv.toString().getBytes(StandardCharsets.UTF_8));
        rounds.propose(id);
        rounds.confirm(id, false);
        List<Exchanges.Pair> pairs = new ArrayList<>();
        for (long pair : relationships(id)) {
            jdbc.sql("update relationship set started_on = :started where id = :id")
                    .param("started", today.minusDays(90))
                    .param("id", pair)
                    .update();
            pairs.add(exchanges.pair(id, pair));
        }
        if (pairs.isEmpty()) {
            return;
        }
        String[][] seen = {
            {
                "How the practice team triages same-day requests together each morning",
                "A ten-minute morning huddle on our ward with the discharge team"
            },
            {
                "Care staff keep a one-page profile of each resident that visitors read first",
                "A one-page 'what matters to me' sheet for long-stay patients"
            },
            {
                "Hospital pharmacists review medicines before people go home",
                "Asking for the discharge medicines list a day earlier"
            },
        };
        for (int i = 0; i < pairs.size(); i++) {
            Exchanges.Pair pair = pairs.get(i);
            long r = pair.relationshipId();
            if (i < 4) {
                visit(id, pair, 1, today.minusDays(60));
                visit(id, pair, 2, today.minusDays(30));
            } else if (i == 4) {
                visit(id, pair, 1, today.minusDays(20));
                visit(id, pair, 2, today.plusDays(14));
            }
            int reflections = i < 3 ? 2 : (i == 3 ? 1 : 0);
            for (int n = 1; n <= reflections; n++) {
                String[] words = seen[i % seen.length];
                exchangeJournal.reflect(r, pair.first().personId(), n, words[0], words[1]);
                exchangeJournal.reflect(r, pair.second().personId(), n, words[0], words[1]);
            }
            if (i == 3) {
                String[] words = seen[0];
                exchangeJournal.reflect(r, pair.first().personId(), 2, words[0], words[1]);
            }
        }
        String[][] raised = {
            {"Morning huddle with the discharge team", "adopted"},
            {"One-page profile for long-stay patients", "adopted"},
            {"Discharge medicines list a day earlier", "tried"},
            {"Shared referral form between practice and care home", "proposed"},
            {"Joint induction day for new care home and ward staff", "proposed"},
        };
        for (int i = 0; i < raised.length; i++) {
            Exchanges.Pair pair = pairs.get(i % Math.min(4, pairs.size()));
            Ideas.Idea idea = ideas.raise(pair.relationshipId(), pair.second().personId(), raised[i][0], null);
            ideas.setStatus(idea.id(), raised[i][1]);
        }
        exchanges.arrangeClosing(id, today.plusDays(45).toString(), "Civic Hall, main conference room", false);
    }

    private void visit(long programmeId, Exchanges.Pair pair, int number, LocalDate on) {
        String place = pair.host(number).employer() == null
                ? "The host's workplace"
                : Objects.requireNonNull(pair.host(number).employer());
        exchanges.arrangeVisit(programmeId, pair.relationshipId(), number, on.toString(), place, false);
    }

    private static @Nullable String employer(Person p) {
        return p.employerOds() != null && !p.employerOds().isBlank() ? p.employerOds() : p.employer();
    }
}
