package org.goldenthread.pipeline.succession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.goldenthread.platform.Releases;
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
    private final Releases releases;

    Exits(JdbcClient jdbc, Register register, Forums forums, Audit audit, SmallNumbers small, Releases releases) {
        this.releases = releases;
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
    /** Whether any forum of the ICS sits in a place of this name, ignoring case. */
    boolean knowsPlace(String place) {
        return SeatMap.of(forums).hasPlace(place);
    }

    /** Turnover by level over the 12 months to a day, every level together first, for the ICS or one place. */
    public List<ExitFigures.TurnoverRow> turnover(@Nullable String place, LocalDate day) {
        SeatMap seats = SeatMap.of(forums);
        List<Turnover.Stint> stints = register.appointments().stream()
                .filter(a -> seats.inPlace(a.seatId(), place))
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
        return rows;
    }

    /**
     * Today's turnover, and what exit conversations said as last released (see {@link #released}),
     * for the whole ICS or one place, with small groups hidden.
     */
    @Transactional
    public ExitFigures figures(@Nullable String place, LocalDate today) {
        SeatMap seats = SeatMap.of(forums);
        Released released = released(today, seats);
        // every place's conversations, not only the one asked for: see Partitions
        Partitions partitions = new Partitions(released.answers(), place);
        return new ExitFigures(
                today.minusYears(1),
                today,
                released.on().minusYears(1),
                released.on(),
                small.minGroupSize(),
                turnover(place, today),
                partitions.conversations(),
                partitions.counts(ExitReason.class, Said::reason),
                partitions.counts(WouldReturn.class, Said::wouldReturn),
                partitions.counts(HandedOver.class, h -> h.handover() ? HandedOver.YES.code() : HandedOver.NO.code()));
    }

    /** What a leaver said in their exit conversation about an appointment that ended in the window, with its seat's place ('' for none). */
    record Said(long appointment, String place, String reason, String wouldReturn, boolean handover) {}

    private record Released(LocalDate on, List<Said> answers) {}

    /**
     * The answers counted: those kept at the last release, or, when there is none yet or at least k
     * conversations have come into the 12 months to today, changed or left them since, today's, kept
     * as the new release. So the counts move by k conversations or more at a time, and no two
     * readings differ by what one leaver said.
     */
    private Released released(LocalDate today, SeatMap seats) {
        LocalDate from = today.minusYears(1);
        Map<Long, ExitConversation> conversations = conversations();
        List<Said> live = new ArrayList<>();
        for (Appointment a : register.appointments()) {
            ExitConversation c = conversations.get(a.id());
            if (c != null
                    && a.endDate() != null
                    && !a.endDate().isBefore(from)
                    && !a.endDate().isAfter(today)) {
                live.add(new Said(a.id(), seats.placeOf(a.seatId()), c.reason(), c.wouldReturn(), c.handover()));
            }
        }
        return releases.current(Releases.EXIT_ANSWERS, null, this::kept, kept -> changed(kept.answers(), live), () -> {
            jdbc.sql("delete from exit_release_answer where ics_id = gt_current_ics()")
                    .update();
            jdbc.sql("""
                            insert into exit_release_answer (appointment_id, place, reason, would_return, handover)
                            select * from unnest(cast(:appointments as bigint[]), cast(:places as text[]),
                                                 cast(:reasons as text[]), cast(:returns as text[]),
                                                 cast(:handovers as boolean[]))""")
                    .param("appointments", live.stream().map(Said::appointment).toArray(Long[]::new))
                    .param("places", live.stream().map(Said::place).toArray(String[]::new))
                    .param("reasons", live.stream().map(Said::reason).toArray(String[]::new))
                    .param("returns", live.stream().map(Said::wouldReturn).toArray(String[]::new))
                    .param("handovers", live.stream().map(Said::handover).toArray(Boolean[]::new))
                    .update();
            jdbc.sql("""
                            insert into exit_release (released_on) values (:today)
                                on conflict (ics_id) do update set released_on = excluded.released_on""").param("today", today).update();
            return new Released(today, live);
        });
    }

    private @Nullable Released kept() {
        LocalDate on = jdbc.sql("select released_on from exit_release where ics_id = gt_current_ics()")
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (on == null) {
            return null;
        }
        return new Released(
                on,
                jdbc.sql("select appointment_id, place, reason, would_return, handover from exit_release_answer"
                                + " where ics_id = gt_current_ics()")
                        .query((rs, n) -> new Said(
                                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                        .list());
    }

    /** How many conversations differ between two sets of answers: come, gone or changed, each once. */
    static int changed(List<Said> kept, List<Said> live) {
        Set<Said> before = new HashSet<>(kept);
        Set<Said> after = new HashSet<>(live);
        Set<Long> changed = new HashSet<>();
        before.stream().filter(h -> !after.contains(h)).forEach(h -> changed.add(h.appointment()));
        after.stream().filter(h -> !before.contains(h)).forEach(h -> changed.add(h.appointment()));
        return changed.size();
    }

    /**
     * The conversations split by place, with those about seats in no place as one more part, for
     * counting answers. Each conversation is in exactly one part, and the figures can be asked for
     * the whole ICS and for each place, so one place's count of an answer is the whole ICS's less
     * every other part's. So the counts of all parts and of the whole ICS are hidden together, as
     * one table whose rows are the parts and whose last row is the whole ICS (see {@link
     * SmallNumbers#protect}), and a part's figures are its row: a count hidden in one place is never
     * the whole ICS's less the counts shown for the rest.
     */
    private final class Partitions {

        private final List<String> parts;
        private final List<Said> held;
        // the row asked for: a place's, the whole ICS's (the last), or none for a place with no seats
        private final int asked;

        Partitions(List<Said> held, @Nullable String place) {
            this.held = held;
            this.parts = held.stream().map(Said::place).distinct().sorted().toList();
            this.asked = place == null ? parts.size() : parts.indexOf(place.toLowerCase(java.util.Locale.ROOT));
        }

        /**
         * The number of conversations in the row asked for, hidden at 1 to k−1 and, as each part's
         * number is the whole ICS's less the others', wherever it alone would be hidden among them.
         */
        @Nullable
        Integer conversations() {
            if (asked < 0) {
                return 0;
            }
            int[][] raw = new int[parts.size() + 1][1];
            for (Said h : held) {
                raw[parts.indexOf(h.place())][0]++;
                raw[parts.size()][0]++;
            }
            Integer[][] shown = new Integer[raw.length][1];
            for (int r = 0; r < raw.length; r++) {
                shown[r][0] = small.shown(raw[r][0]);
            }
            SmallNumbers.hideBeside(shown, raw);
            return shown[asked][0];
        }

        /**
         * Counts of each answer in the row asked for. In every row counts of 1 to k−1 are hidden,
         * then whatever else would give one away; and a part with 1 to k−1 conversations shows no
         * count at all, zeros too: beside a few leavers, the answers nobody gave say what the few
         * did. (Those zeros are hidden after the rest, not with them: a zero is as much given away by
         * the whole ICS's zero for that answer, and no amount of hiding elsewhere would change that.)
         */
        <E extends Enum<E> & Coded> List<ExitFigures.Count> counts(
                Class<E> type, java.util.function.Function<Said, String> answer) {
            E[] values = type.getEnumConstants();
            List<String> codes =
                    java.util.Arrays.stream(values).map(Coded::code).toList();
            int[][] raw = new int[parts.size() + 1][values.length + 1];
            for (Said h : held) {
                int column = codes.indexOf(answer.apply(h));
                int row = parts.indexOf(h.place());
                for (int r : new int[] {row, parts.size()}) {
                    raw[r][values.length]++;
                    if (column >= 0) {
                        raw[r][column]++;
                    }
                }
            }
            Integer[][] shown = new Integer[raw.length][values.length + 1];
            for (int r = 0; r < raw.length; r++) {
                for (int c = 0; c <= values.length; c++) {
                    shown[r][c] = small.shown(raw[r][c]);
                }
            }
            small.protect(shown, raw, parts.size(), values.length, true);
            for (int r = 0; r < raw.length; r++) {
                if (small.hides(raw[r][values.length])) {
                    java.util.Arrays.fill(shown[r], null);
                }
            }
            List<ExitFigures.Count> counts = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                counts.add(new ExitFigures.Count(
                        values[i].code(), values[i].label(), asked < 0 ? Integer.valueOf(0) : shown[asked][i]));
            }
            return counts;
        }
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
