package org.goldenthread.pipeline.succession;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.AppointmentDetails;
import org.goldenthread.people.Person;
import org.goldenthread.people.PersonDetails;
import org.goldenthread.people.Register;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.pipeline.TalentPool.Origin;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Footprint;
import org.goldenthread.structure.Forums;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's talent pool, succession plan and exits: some current terms given end dates in the
 * coming months, the ICB board's top seats and each place board's chair marked critical with named
 * successors (some seats with nobody ready now), a talent pool of nominations and people's own
 * interest with some reviews due, and exit conversations for most of the appointments that ended.
 */
@Component
class DemoPipeline {

    private static final String[] TOPICS = {
        "Population health and inequalities",
        "Digital and data",
        "Workforce",
        "Urgent and emergency care",
        "Children and young people",
        "Mental health",
        "Primary care at scale"
    };
    private static final ExitReason[] REASONS = {
        ExitReason.END_OF_TERM, ExitReason.END_OF_TERM, ExitReason.WORKLOAD, ExitReason.WORKLOAD,
        ExitReason.BURNOUT, ExitReason.CAREER_MOVE, ExitReason.CAREER_MOVE, ExitReason.RETIREMENT,
        ExitReason.RELOCATION
    };

    private final Register register;
    private final Forums forums;
    private final Succession succession;
    private final TalentPoolEntries pool;
    private final Exits exits;
    private final Clock clock;

    DemoPipeline(
            Register register, Forums forums, Succession succession, TalentPoolEntries pool, Exits exits, Clock clock) {
        this.register = register;
        this.forums = forums;
        this.succession = succession;
        this.pool = pool;
        this.exits = exits;
        this.clock = clock;
    }

    @EventListener
    @Order(6)
    void on(DemoIcsCreated event) {
        Random random = new Random(20261130L);
        LocalDate today = LocalDate.now(clock);
        Footprint all = Footprint.wholeIcs();
        List<Appointment> current = register.appointments().stream()
                .filter(a -> a.isCurrentOn(today) && a.endDate() == null)
                .toList();
        // terms coming to an end, so the succession page and the overview have something to show
        for (int i = 0; i < current.size(); i += 9) {
            register.changeTerms(
                    current.get(i).id(),
                    new AppointmentDetails(
                            null, null, today.plusDays(15 + random.nextInt(160)), null, null, null, null, null));
        }
        List<Person> people = register.people();
        planSuccession(random, today, people);
        fillPool(random, today, people, event.people().get(0));
        for (Ended ended : exits.ended(all, today)) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            ExitReason reason = REASONS[random.nextInt(REASONS.length)];
            boolean handover = random.nextInt(3) != 0;
            exits.record(
                    ended.appointmentId(),
                    new ExitDetails(
                            ended.endDate().minusDays(random.nextInt(20)),
                            reason.code(),
                            null,
                            WouldReturn.values()[random.nextInt(3)].code(),
                            handover,
                            null,
                            handover ? "The incoming holder" : null),
                    all,
                    today);
        }
        event.partLoaded();
    }

    private void planSuccession(Random random, LocalDate today, List<Person> people) {
        List<Long> critical = new ArrayList<>();
        forums.forums()
                .forEach(f -> forums.seatsOf(f.id()).stream()
                        .filter(s -> (f.name().equals("ICB Board")
                                        && List.of("Chair", "Chief Medical Officer", "Chief Nursing Officer")
                                                .contains(s.title()))
                                || (f.level().equals("place")
                                        && f.kind().equals("board")
                                        && s.seatType().equals("chair")))
                        .forEach(s -> critical.add(s.id())));
        Readiness[] readiness = Readiness.values();
        for (long seatId : critical) {
            CriticalSeat seat = succession.mark(
                    seatId,
                    "Its holder leads decisions that cannot wait for a vacancy to be filled",
                    Footprint.wholeIcs(),
                    today);
            int successors = random.nextInt(3);
            for (int i = 0; i < successors; i++) {
                Person p = people.get(random.nextInt(people.size()));
                try {
                    succession.nameSuccessor(
                            seat.id(),
                            p.id(),
                            readiness[random.nextInt(readiness.length)].code(),
                            Footprint.wholeIcs(),
                            today);
                } catch (org.goldenthread.platform.InvalidInput e) {
                    // the holder drawn as their own successor: the seat simply has one fewer
                }
            }
        }
    }

    private void fillPool(Random random, LocalDate today, List<Person> people, Caller admin) {
        String[][] newcomers = {
            {"TP1", "Adaeze", "Okonkwo", "paramedic", "early"},
            {"TP2", "Bryony", "Marsh", "occupational_therapist", "mid"},
            {"TP3", "Callum", "Reid", "pharmacist", "early"},
            {"TP4", "Dilnaz", "Sattar", "nurse_mental_health", "mid"}
        };
        Readiness[] readiness = Readiness.values();
        for (String[] n : newcomers) {
            pool.add(
                    new TalentDetails(
                            null,
                            new PersonDetails(n[0], n[1], n[2], null, n[3], null, null, null, null, n[4], null),
                            Origin.NOMINATION.code(),
                            "The ICS's professional leadership council",
                            "Has led improvement work across organisations and is ready for a wider role",
                            List.of(random.nextBoolean() ? "place" : "neighbourhood"),
                            List.of("working_group"),
                            TOPICS[random.nextInt(TOPICS.length)],
                            readiness[1 + random.nextInt(2)].code(),
                            "Chairing meetings; working with the ICB board",
                            true,
                            today.plusDays(random.nextInt(200) - 30)),
                    Footprint.wholeIcs(),
                    admin,
                    today);
        }
        for (int i = 0; i < 10 && i < people.size(); i++) {
            Person p = people.get(random.nextInt(people.size()));
            if (pool.ofPerson(p.id()).isPresent()) {
                continue;
            }
            boolean nominated = random.nextBoolean();
            pool.add(
                    new TalentDetails(
                            p.id(),
                            null,
                            nominated ? Origin.NOMINATION.code() : Origin.INTEREST.code(),
                            nominated ? "A place lead" : null,
                            nominated ? "Speaks up for their profession and brings others with them" : null,
                            List.of(random.nextBoolean() ? "system" : "place"),
                            List.of("board", "committee"),
                            TOPICS[random.nextInt(TOPICS.length)],
                            readiness[random.nextInt(readiness.length)].code(),
                            nominated ? "Finance and governance" : null,
                            random.nextInt(4) != 0,
                            today.plusDays(random.nextInt(240) - 60)),
                    Footprint.wholeIcs(),
                    admin,
                    today);
        }
    }
}
