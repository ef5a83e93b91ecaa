package org.goldenthread.pipeline.succession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaving a seat: the appointments that have ended, the exit conversation held for each, and the
 * turnover and reasons for leaving in aggregate. An appointment followed at once by another to the
 * same seat for the same person is a reappointment, not an exit, and is not offered.
 */
@Service
public class Exits {

    private final JdbcClient jdbc;
    private final Register register;
    private final Forums forums;
    private final Audit audit;
    private final SmallNumbers small;

    Exits(JdbcClient jdbc, Register register, Forums forums, Audit audit, SmallNumbers small) {
        this.jdbc = jdbc;
        this.register = register;
        this.forums = forums;
        this.audit = audit;
        this.small = small;
    }

    private Map<Long, ExitConversation> conversations() {
        Map<Long, ExitConversation> byAppointment = new HashMap<>();
        jdbc.sql("""
                        select id, appointment_id, held_on, reason, reason_detail, would_return, handover,
                               handover_to_person_id, handover_to
                          from exit_conversation""").query(ExitConversation.class).list().forEach(c -> byAppointment.put(c.appointmentId(), c));
        return byAppointment;
    }

    /** Appointments in sight that ended on or before today, most recent first, each with its conversation if held. */
    public List<Ended> ended(Footprint footprint, LocalDate today) {
        SeatMap seats = SeatMap.of(forums);
        List<Appointment> all = register.appointments(footprint);
        Map<Long, ExitConversation> held = conversations();
        return all.stream()
                .filter(a -> a.endDate() != null && !a.endDate().isAfter(today))
                .filter(a -> seats.inSight(a.seatId(), footprint))
                .filter(a -> !reappointed(a, all))
                .map(a -> new Ended(
                        a.id(),
                        a.personId(),
                        a.person(),
                        a.seatId(),
                        a.seat(),
                        a.forum(),
                        Objects.requireNonNullElse(seats.levelOf(a.seatId()), ""),
                        a.startDate(),
                        a.endDate(),
                        held.get(a.id())))
                .sorted(Comparator.comparing(Ended::endDate).reversed().thenComparing(Ended::person))
                .toList();
    }

    private static boolean reappointed(Appointment a, List<Appointment> all) {
        LocalDate next = a.endDate().plusDays(1);
        return all.stream()
                .anyMatch(o -> o.id() != a.id()
                        && o.personId() == a.personId()
                        && o.seatId() == a.seatId()
                        && !o.startDate().isAfter(next)
                        && o.startDate().isAfter(a.startDate()));
    }

    public Ended one(long appointmentId, Footprint footprint, LocalDate today) {
        return ended(footprint, today).stream()
                .filter(e -> e.appointmentId() == appointmentId)
                .findFirst()
                .orElseThrow(() -> new NotFound("No ended appointment with id " + appointmentId + " in this ICS"));
    }

    /** Records the exit conversation for an ended appointment, replacing one recorded before. */
    @Transactional
    public Ended record(long appointmentId, ExitDetails d, Footprint footprint, LocalDate today) {
        Ended before = one(appointmentId, footprint, today);
        List<Problem> problems = check(d, before, footprint, today);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        boolean handover = Boolean.TRUE.equals(d.handover());
        String detail = ExitReason.OTHER.code().equals(d.reason()) ? text(d.reasonDetail()) : null;
        jdbc.sql("""
                        insert into exit_conversation (appointment_id, held_on, reason, reason_detail, would_return,
                                                       handover, handover_to_person_id, handover_to)
                        values (:appointment, :held, :reason, :detail, :returning, :handover, :to_person, :to_name)
                        on conflict (ics_id, appointment_id) do update
                           set held_on = excluded.held_on, reason = excluded.reason,
                               reason_detail = excluded.reason_detail, would_return = excluded.would_return,
                               handover = excluded.handover, handover_to_person_id = excluded.handover_to_person_id,
                               handover_to = excluded.handover_to""")
                .param("appointment", appointmentId)
                .param("held", d.heldOn())
                .param("reason", Objects.requireNonNull(d.reason()).trim())
                .param("detail", detail)
                .param("returning", Objects.requireNonNull(d.wouldReturn()).trim())
                .param("handover", handover)
                .param("to_person", handover ? d.handoverToPersonId() : null)
                .param("to_name", handover && d.handoverToPersonId() == null ? text(d.handoverTo()) : null)
                .update();
        Ended after = one(appointmentId, footprint, today);
        audit.record(
                before.conversation() == null ? "exit_conversation.recorded" : "exit_conversation.updated",
                "appointment",
                appointmentId,
                before.conversation(),
                after.conversation());
        return after;
    }

    private List<Problem> check(ExitDetails d, Ended ended, Footprint footprint, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (d.heldOn() == null) {
            problems.add(Problem.of("held_on", "Enter the date of the conversation"));
        } else {
            Dates.check("held_on", d.heldOn(), problems);
            if (d.heldOn().isAfter(today)) {
                problems.add(Problem.of("held_on", "The date of the conversation must be today or in the past"));
            }
        }
        if (Coded.parse(ExitReason.class, d.reason()).isEmpty()) {
            problems.add(Problem.of(
                    "reason",
                    blank(d.reason())
                            ? "Choose the main reason for leaving"
                            : "'" + d.reason() + "' is not a reason for leaving; use "
                                    + Coded.choices(ExitReason.class)));
        } else if (ExitReason.OTHER.code().equals(text(d.reason())) && blank(d.reasonDetail())) {
            problems.add(Problem.of("reason_detail", "Say briefly what the other reason was"));
        }
        String detail = text(d.reasonDetail());
        if (detail != null && detail.length() > 500) {
            problems.add(Problem.of("reason_detail", "The other reason must be 500 characters or fewer"));
        }
        if (Coded.parse(WouldReturn.class, d.wouldReturn()).isEmpty()) {
            problems.add(Problem.of(
                    "would_return",
                    blank(d.wouldReturn())
                            ? "Say whether they would consider returning"
                            : "'" + d.wouldReturn() + "' is not an answer; use " + Coded.choices(WouldReturn.class)));
        }
        if (d.handover() == null) {
            problems.add(Problem.of("handover", "Say whether they handed over"));
        } else if (d.handover()) {
            if (d.handoverToPersonId() != null) {
                try {
                    register.person(d.handoverToPersonId(), footprint);
                    if (d.handoverToPersonId() == ended.personId()) {
                        problems.add(Problem.of("handover_to_person_id", "They cannot hand over to themselves"));
                    }
                } catch (NotFound e) {
                    problems.add(Problem.of(
                            "handover_to_person_id",
                            "There is no person with id " + d.handoverToPersonId() + " in your register"));
                }
            } else if (text(d.handoverTo()) == null) {
                problems.add(Problem.of(
                        "handover_to_person_id",
                        "Choose who they handed over to, or name them if not in the register"));
            } else if (Objects.requireNonNull(text(d.handoverTo())).length() > 200) {
                problems.add(Problem.of("handover_to", "The name must be 200 characters or fewer"));
            }
        }
        return problems;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String text(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The name of whoever they handed over to, for showing: a person in the register or the name given. */
    public @Nullable String handoverName(@Nullable ExitConversation c) {
        if (c == null || !c.handover()) {
            return null;
        }
        if (c.handoverToPersonId() != null) {
            Person p = register.people(List.of(c.handoverToPersonId())).get(c.handoverToPersonId());
            return p == null ? null : p.fullName();
        }
        return c.handoverTo();
    }

    /**
     * Turnover by level and exit conversations in aggregate over the 12 months to {@code day}, for the
     * whole ICS or one place, with small groups hidden.
     */
    public ExitFigures figures(@Nullable String place, LocalDate day) {
        SeatMap seats = SeatMap.of(forums);
        List<Appointment> all = register.appointments().stream()
                .filter(a -> seats.inPlace(a.seatId(), place))
                .toList();
        List<Turnover.Stint> stints = all.stream()
                .map(a -> new Turnover.Stint(
                        a.personId(),
                        Objects.requireNonNullElse(seats.levelOf(a.seatId()), ""),
                        a.startDate(),
                        a.endDate()))
                .toList();
        List<ExitFigures.TurnoverRow> rows = new ArrayList<>();
        rows.add(row(Turnover.of("all", stints, day), "All levels"));
        for (Level level : Level.values()) {
            List<Turnover.Stint> at =
                    stints.stream().filter(s -> s.level().equals(level.code())).toList();
            rows.add(row(Turnover.of(level.code(), at, day), level.label()));
        }
        LocalDate from = day.minusYears(1);
        Map<Long, ExitConversation> held = conversations();
        List<ExitConversation> inWindow = all.stream()
                .filter(a -> a.endDate() != null
                        && !a.endDate().isBefore(from)
                        && !a.endDate().isAfter(day))
                .map(a -> held.get(a.id()))
                .filter(Objects::nonNull)
                .toList();
        int total = inWindow.size();
        return new ExitFigures(
                from,
                day,
                small.minGroupSize(),
                rows,
                small.shown(total),
                counts(
                        ExitReason.class,
                        inWindow.stream().map(ExitConversation::reason).toList(),
                        total),
                counts(
                        WouldReturn.class,
                        inWindow.stream().map(ExitConversation::wouldReturn).toList(),
                        total),
                counts(
                        HandedOver.class,
                        inWindow.stream()
                                .map(c -> c.handover() ? HandedOver.YES.code() : HandedOver.NO.code())
                                .toList(),
                        total));
    }

    private ExitFigures.TurnoverRow row(Turnover.Row r, String label) {
        boolean hidden = small.hides(r.leavers());
        return new ExitFigures.TurnoverRow(
                r.group(),
                label,
                r.headcountAtStart(),
                r.headcountAtEnd(),
                r.averageHeadcount(),
                hidden ? null : r.leavers(),
                hidden ? null : r.rate(),
                hidden);
    }

    /**
     * Counts of each answer, with the total as the last cell so that hiding protects it and it
     * protects the cells: a lone hidden count is never left to be worked out from the others. When
     * the conversations themselves are 1 to k−1, every count is hidden, zeros too: beside a few
     * leavers, the answers nobody gave say what the few did.
     */
    private <E extends Enum<E> & Coded> List<ExitFigures.Count> counts(Class<E> type, List<String> answers, int total) {
        E[] values = type.getEnumConstants();
        int[][] raw = new int[values.length + 1][1];
        for (int i = 0; i < values.length; i++) {
            String code = values[i].code();
            raw[i][0] = (int) answers.stream().filter(code::equals).count();
        }
        raw[values.length][0] = total;
        Integer[][] shown = small.hides(total) ? new Integer[raw.length][1] : small.hideSmallCells(raw);
        List<ExitFigures.Count> counts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            counts.add(new ExitFigures.Count(values[i].code(), values[i].label(), shown[i][0]));
        }
        return counts;
    }

    /** Whether someone handed over, as a closed list so it can be counted like the other answers. */
    enum HandedOver implements Coded {
        YES("yes", "Handed over"),
        NO("no", "Did not hand over");

        private final String code;
        private final String label;

        HandedOver(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
