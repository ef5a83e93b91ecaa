package org.goldenthread.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The action plans against a cycle's gaps, and which actions are overdue across the cycles in sight. */
@Service
public class Actions {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Cycles cycles;

    Actions(JdbcClient jdbc, Audit audit, Cycles cycles) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cycles = cycles;
    }

    private static final String ACTIONS = "select id, cycle_id, indicator, title, owner, due_on, status from action";

    /** Adds an action against a gap. Actions may be added after closing: the plan outlives the rating. */
    @Transactional
    public long addAction(
            long cycleId,
            String indicatorCode,
            @Nullable String title,
            @Nullable String owner,
            @Nullable LocalDate dueOn) {
        Cycle cycle = cycles.cycle(cycleId);
        Cycles.indicator(cycle, indicatorCode);
        List<Problem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.trim().length() > 300) {
            problems.add(Problem.of("title", "Say what will be done, in 300 characters or fewer"));
        }
        if (owner == null || owner.isBlank() || owner.trim().length() > 200) {
            problems.add(Problem.of("owner", "Name who owns the action"));
        }
        if (dueOn == null) {
            problems.add(Problem.of("due_on", "Give the date it is due"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        // each was refused above when missing
        String what = Objects.requireNonNull(title).trim();
        String who = Objects.requireNonNull(owner).trim();
        LocalDate due = Objects.requireNonNull(dueOn);
        long id = jdbc.sql("""
                        insert into action (cycle_id, indicator, title, owner, due_on)
                        values (:c, :i, :t, :o, :d) returning id""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("t", what)
                .param("o", who)
                .param("d", due)
                .query(Long.class)
                .single();
        audit.record(
                "action.added",
                "action",
                id,
                null,
                Map.of("indicator", indicatorCode, "title", what, "owner", who, "due_on", due.toString()));
        return id;
    }

    @Transactional
    public void setStatus(long cycleId, long actionId, @Nullable String status) {
        ActionStatus chosen = Coded.parse(ActionStatus.class, status)
                .orElseThrow(() -> new InvalidInput("status", "Choose one of " + Coded.choices(ActionStatus.class)));
        Cycle.Action before = jdbc.sql(ACTIONS + " where id = :id and cycle_id = :c")
                .param("id", actionId)
                .param("c", cycleId)
                .query(Cycle.Action.class)
                .optional()
                .orElseThrow(() -> new NotFound("No action " + actionId + " in this cycle"));
        jdbc.sql("update action set status = :s, updated_at = now() where id = :id")
                .param("s", chosen.code())
                .param("id", actionId)
                .update();
        audit.record(
                "action.status",
                "action",
                actionId,
                Map.of("status", before.status()),
                Map.of("status", chosen.code()));
    }

    public List<Cycle.Action> actions(long cycleId) {
        return jdbc.sql(ACTIONS + " where cycle_id = :c order by due_on, id")
                .param("c", cycleId)
                .query(Cycle.Action.class)
                .list();
    }

    /** The actions of every cycle in sight, soonest due first. */
    public List<Cycle.Action> allActions(Footprint footprint) {
        return ofCyclesInSight(
                jdbc.sql(ACTIONS + " order by due_on, id")
                        .query(Cycle.Action.class)
                        .list(),
                footprint);
    }

    /** Actions of any cycle in sight past their due date and neither done nor dropped. */
    public List<Cycle.Action> overdue(LocalDate today, Footprint footprint) {
        return ofCyclesInSight(
                jdbc.sql(ACTIONS + " where due_on < :today and status not in ('done', 'dropped') order by due_on, id")
                        .param("today", today)
                        .query(Cycle.Action.class)
                        .list(),
                footprint);
    }

    private List<Cycle.Action> ofCyclesInSight(List<Cycle.Action> actions, Footprint footprint) {
        if (footprint.isWholeIcs()) {
            return actions;
        }
        java.util.Set<Long> inSight =
                cycles.cycles(footprint).stream().map(Cycle::id).collect(java.util.stream.Collectors.toSet());
        return actions.stream().filter(a -> inSight.contains(a.cycleId())).toList();
    }
}
