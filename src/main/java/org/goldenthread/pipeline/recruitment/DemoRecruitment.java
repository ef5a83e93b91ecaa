package org.goldenthread.pipeline.recruitment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Register;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's recruitment: two closed rounds for seats whose holders came in by open
 * recruitment (the holder among the applicants, appointed), and one round open today for a vacant
 * seat. Applicants answer the equality questions in a mix, some not at all, so that the fairness
 * figures have enough to show. The register itself is left as the demo made it.
 */
@Component
class DemoRecruitment {

    private static final String[] PROFESSIONS = {
        "gp", "nurse_adult", "pharmacist", "physiotherapist", "paramedic", "social_worker_adults", "manager"
    };
    private static final String[] GIVEN = {
        "Amara", "Ben", "Chloe", "Dev", "Efua", "Finn", "Grace", "Hassan", "Isla", "Jamal", "Kiran", "Leah", "Mo",
        "Nadia", "Owen", "Priti", "Rhys", "Sade", "Tariq", "Una"
    };
    private static final String[] FAMILY = {
        "Adeyemi",
        "Brown",
        "Chen",
        "Davies",
        "Evans",
        "Fernandes",
        "Green",
        "Hussain",
        "Iqbal",
        "Jones",
        "Khan",
        "Lewis",
        "Mensah",
        "Nowak",
        "Okafor",
        "Patel",
        "Quinn",
        "Roberts",
        "Singh",
        "Taylor"
    };
    private static final String[] ETHNIC = {"white", "white", "white", "asian", "asian", "black", "mixed", "other", ""};
    private static final String[] SEX = {"female", "female", "male", "male", "not_stated", ""};
    private static final String[] DISABILITY = {"no", "no", "no", "no", "yes", "not_stated", ""};

    private final Rounds rounds;
    private final Applications applications;
    private final Register register;
    private final Clock clock;

    DemoRecruitment(Rounds rounds, Applications applications, Register register, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.register = register;
        this.clock = clock;
    }

    @EventListener
    @Order(6)
    void on(DemoIcsCreated event) {
        if (event.people().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(20261130L);
        new Scope(event.people().get(0), event.tenant(), false).run(() -> {
            List<Appointment> recruited = register.appointments().stream()
                    .filter(a -> "open_recruitment".equals(a.route()))
                    .filter(a -> a.isCurrentOn(today) && a.startDate().isBefore(today.minusDays(120)))
                    .limit(2)
                    .toList();
            for (Appointment holder : recruited) {
                Round round = rounds.open(
                        new RoundDetails(
                                holder.forum(),
                                holder.seat(),
                                holder.startDate().minusDays(90),
                                holder.startDate().minusDays(45),
                                "The seat's holder was appointed from this round."),
                        Footprint.wholeIcs());
                StringBuilder csv = header();
                applicants(csv, random, "D" + round.id(), 34, true);
                // the holder applied too, under their register reference, and was appointed
                String[] name = holder.person().split(" ", 2);
                csv.append(holder.personRef())
                        .append(',')
                        .append(holder.personRef())
                        .append(',')
                        .append(name[0])
                        .append(',')
                        .append(name.length > 1 ? name[1] : name[0])
                        .append(",,")
                        .append(holder.profession())
                        .append(",,appointed,")
                        .append(ETHNIC[random.nextInt(ETHNIC.length)])
                        .append(',')
                        .append(SEX[random.nextInt(SEX.length)])
                        .append(',')
                        .append(DISABILITY[random.nextInt(DISABILITY.length)])
                        .append('\n');
                applications.importFile(round, csv.toString().getBytes(StandardCharsets.UTF_8), Footprint.wholeIcs());
            }
            rounds.seatsToOffer(Footprint.wholeIcs(), today).stream()
                    .filter(SeatChoice::vacant)
                    .findFirst()
                    .ifPresent(seat -> {
                        Round open = rounds.open(
                                new RoundDetails(
                                        seat.forum(),
                                        seat.title(),
                                        today.minusDays(10),
                                        today.plusDays(20),
                                        "A vacant seat, advertised now."),
                                Footprint.wholeIcs());
                        StringBuilder csv = header();
                        applicants(csv, random, "D" + open.id(), 12, false);
                        applications.importFile(
                                open, csv.toString().getBytes(StandardCharsets.UTF_8), Footprint.wholeIcs());
                    });
        });
        event.partLoaded();
    }

    private static StringBuilder header() {
        return new StringBuilder(String.join(",", ApplicationsFile.COLUMNS)).append('\n');
    }

    /** Applicants with made-up names; in a finished round about a third were shortlisted. */
    private static void applicants(StringBuilder csv, Random random, String prefix, int count, boolean finished) {
        for (int i = 1; i <= count; i++) {
            int roll = random.nextInt(10);
            String stage = !finished
                    ? (roll < 2 ? "shortlisted" : "applied")
                    : roll < 3 ? "shortlisted" : roll < 4 ? "withdrawn" : "applied";
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",,")
                    .append(GIVEN[random.nextInt(GIVEN.length)])
                    .append(',')
                    .append(FAMILY[random.nextInt(FAMILY.length)])
                    .append(",,")
                    .append(PROFESSIONS[random.nextInt(PROFESSIONS.length)])
                    .append(',')
                    .append(new String[] {"early", "mid", "senior"}[random.nextInt(3)])
                    .append(',')
                    .append(stage)
                    .append(',')
                    .append(ETHNIC[random.nextInt(ETHNIC.length)])
                    .append(',')
                    .append(SEX[random.nextInt(SEX.length)])
                    .append(',')
                    .append(DISABILITY[random.nextInt(DISABILITY.length)])
                    .append('\n');
        }
    }
}
