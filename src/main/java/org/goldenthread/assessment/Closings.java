package org.goldenthread.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Progress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a cycle, which freezes its cited figures and links it to the cycle before it, and sharing a
 * closed cycle, anonymously, for peer benchmarking.
 */
@Service
public class Closings {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Cycles cycles;
    private final Ratings ratings;
    private final Citations citations;
    private final LiveEvidence live;
    private final Clock clock;

    Closings(
            JdbcClient jdbc,
            Audit audit,
            Cycles cycles,
            Ratings ratings,
            Citations citations,
            LiveEvidence live,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cycles = cycles;
        this.ratings = ratings;
        this.citations = citations;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Closes a cycle once every indicator has an agreed rating, freezing each cited figure at its
     * value today so the cycle's report never changes afterwards.
     */
    @Transactional
    public void close(long cycleId, LocalDate closedOn) {
        close(cycleId, closedOn, Progress.NONE);
    }

    /** Refuses, naming the reason, a close that {@link #close} would refuse; changes nothing. */
    public void check(long cycleId, LocalDate closedOn) {
        refusal(cycles.openCycle(cycleId), cycleId, closedOn);
    }

    /**
     * Closes a cycle as {@link #close(long, LocalDate)} does, telling {@code progress} how many cited
     * figures there are and how many are frozen so far.
     */
    @Transactional
    public void close(long cycleId, LocalDate closedOn, Progress progress) {
        Cycle cycle = cycles.openCycle(cycleId);
        refusal(cycle, cycleId, closedOn);
        // the report keeps the figures of the day the cycle closed: leadership figures are read from the
        // appointments current that day; survey figures are their results now, surveys being closed by then
        Instant asOf = closedOn.isBefore(LocalDate.now(clock))
                ? closedOn.plusDays(1)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant()
                        .minusSeconds(1)
                : clock.instant();
        List<Cycle.Evidence> evidence = citations.evidence(cycleId, live.reading(cycle.place(), closedOn));
        progress.expect(evidence.size());
        progress.checked(evidence.size());
        int frozen = 0;
        for (Cycle.Evidence e : evidence) {
            jdbc.sql("update evidence_binding set value = :v, shown = :s, label = :l, snapshot_at = :at where id = :id")
                    .param("v", e.value())
                    .param("s", e.shown())
                    .param("l", e.label())
                    .param("at", java.sql.Timestamp.from(asOf))
                    .param("id", e.id())
                    .update();
            progress.stored(++frozen);
        }
        markClosed(cycle, cycleId, closedOn);
    }

    private void refusal(Cycle cycle, long cycleId, LocalDate closedOn) {
        Set<String> agreed = new HashSet<>(
                ratings.agreed(cycleId).stream().map(Cycle.Agreed::indicator).toList());
        List<String> missing = cycle.framework()
                .indicators()
                .map(Framework.Indicator::code)
                .filter(c -> !agreed.contains(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput(
                    "cycle",
                    "Agree a rating for every indicator before closing; still to agree: " + String.join(", ", missing));
        }
        if (closedOn == null || closedOn.isBefore(cycle.openedOn()) || closedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput(
                    "closed_on",
                    "A cycle closes on or after the day it opened (" + cycle.openedOn() + ") and no later than today");
        }
    }

    private void markClosed(Cycle cycle, long cycleId, LocalDate closedOn) {
        Long previous = jdbc.sql("""
                        select id from cycle
                         where closed_on is not null and id <> :id and framework->>'code' = :code
                           and place_id is not distinct from (select place_id from cycle where id = :id)
                         order by closed_on desc, id desc limit 1""")
                .param("id", cycleId)
                .param("code", cycle.frameworkCode())
                .query(Long.class)
                .optional()
                .orElse(null);
        jdbc.sql("update cycle set closed_on = :d, previous_cycle_id = :p where id = :id")
                .param("d", closedOn)
                .param("p", previous)
                .param("id", cycleId)
                .update();
        audit.record(
                "cycle.closed",
                "cycle",
                cycleId,
                Map.of("status", "open"),
                Map.of("status", "closed", "closed_on", closedOn.toString()));
    }

    /**
     * Adds a closed cycle's agreed ratings to the anonymous pool other ICSs compare against, in place
     * of whatever this ICS shared before for the same framework.
     */
    @Transactional
    public void share(long cycleId) {
        Cycle cycle = cycles.cycle(cycleId);
        if (cycle.isOpen()) {
            throw new InvalidInput("cycle", "Only a closed cycle can be shared");
        }
        // lock the whole series, shared or not, so two shares at once cannot both add a contribution
        List<UUID> previous = jdbc
                .sql("select contribution from cycle where framework->>'code' = :code for update")
                .param("code", cycle.frameworkCode())
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        for (UUID old : previous) {
            jdbc.sql("delete from benchmark_rating where contribution = :u")
                    .param("u", old)
                    .update();
        }
        jdbc.sql("update cycle set contribution = null where framework->>'code' = :code")
                .param("code", cycle.frameworkCode())
                .update();
        UUID contribution = UUID.randomUUID();
        int scale = cycle.framework().scale().size();
        for (Cycle.Agreed a : ratings.agreed(cycleId)) {
            jdbc.sql("""
                            insert into benchmark_rating (contribution, framework_code, indicator, level, scale_size)
                            values (:u, :f, :i, :l, :s)""")
                    .param("u", contribution)
                    .param("f", cycle.frameworkCode())
                    .param("i", a.indicator())
                    .param("l", a.level())
                    .param("s", scale)
                    .update();
        }
        jdbc.sql("update cycle set contribution = :u where id = :id")
                .param("u", contribution)
                .param("id", cycleId)
                .update();
        audit.record("cycle.shared", "cycle", cycleId, null, Map.of("framework", cycle.frameworkCode()));
    }
}
