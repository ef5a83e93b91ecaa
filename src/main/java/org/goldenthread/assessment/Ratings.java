package org.goldenthread.assessment;

import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ratings of a cycle's indicators: each contributor's own, given without seeing the others', and
 * the one rating they settle on, with the reason.
 */
@Service
public class Ratings {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Cycles cycles;

    Ratings(JdbcClient jdbc, Audit audit, Cycles cycles) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cycles = cycles;
    }

    /** Records (or changes) the caller's own rating of one indicator. */
    @Transactional
    public void rate(long cycleId, String indicatorCode, @Nullable Integer level, @Nullable String narrative) {
        Cycle cycle = cycles.openCycle(cycleId);
        Cycles.indicator(cycle, indicatorCode);
        Cycles.checkLevel(cycle, level);
        String text = Cycles.narrative(narrative, "narrative");
        long user = Scope.currentCaller().userId();
        Map<String, Object> before = jdbc.sql(
                        "select level, narrative from rating where cycle_id = :c and indicator = :i"
                                + " and user_id = :u")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("u", user)
                .query((rs, n) -> Map.<String, Object>of("indicator", indicatorCode, "level", rs.getInt(1)))
                .optional()
                .orElse(null);
        jdbc.sql("""
                        insert into rating (cycle_id, indicator, user_id, level, narrative) values (:c, :i, :u, :l, :n)
                        on conflict (cycle_id, indicator, user_id)
                        do update set level = excluded.level, narrative = excluded.narrative, rated_at = now()""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("u", user)
                .param("l", level)
                .param("n", text)
                .update();
        audit.record("rating.given", "cycle", cycleId, before, Map.of("indicator", indicatorCode, "level", level));
    }

    private static final String RATINGS = """
            select r.indicator, r.user_id, u.display_name as rater, r.level, r.narrative, r.rated_at
              from rating r join account_names() u on u.id = r.user_id where r.cycle_id = :c""";

    /** Everyone's ratings: for the lead, who weighs them. */
    public List<Cycle.Rating> ratings(long cycleId) {
        return jdbc.sql(RATINGS + " order by r.indicator, r.level, u.display_name")
                .param("c", cycleId)
                .query(Cycle.Rating.class)
                .list();
    }

    /** The caller's own ratings: contributors rate without seeing each other's. */
    public List<Cycle.Rating> myRatings(long cycleId) {
        return jdbc.sql(RATINGS + " and r.user_id = :u order by r.indicator")
                .param("c", cycleId)
                .param("u", Scope.currentCaller().userId())
                .query(Cycle.Rating.class)
                .list();
    }

    /** Records the rating the contributors' views settle on, with the reason. */
    @Transactional
    public void agree(long cycleId, String indicatorCode, @Nullable Integer level, @Nullable String rationale) {
        Cycle cycle = cycles.openCycle(cycleId);
        Cycles.indicator(cycle, indicatorCode);
        Cycles.checkLevel(cycle, level);
        String why = Cycles.narrative(rationale, "rationale");
        if (why == null) {
            throw new InvalidInput("rationale", "Say why this is the agreed rating, so the board can follow it");
        }
        Map<String, Object> before = jdbc.sql(
                        "select level, rationale from agreed_rating where cycle_id = :c" + " and indicator = :i")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .query((rs, n) -> Map.<String, Object>of(
                        "indicator", indicatorCode, "level", rs.getInt(1), "rationale", rs.getString(2)))
                .optional()
                .orElse(null);
        jdbc.sql("""
                        insert into agreed_rating (cycle_id, indicator, level, rationale, agreed_by)
                        values (:c, :i, :l, :r, :u)
                        on conflict (cycle_id, indicator) do update set level = excluded.level,
                            rationale = excluded.rationale, agreed_by = excluded.agreed_by, agreed_at = now()""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                .param("l", level)
                .param("r", why)
                .param("u", Scope.currentCaller().userId())
                .update();
        audit.record(
                "rating.agreed",
                "cycle",
                cycleId,
                before,
                Map.of("indicator", indicatorCode, "level", level, "rationale", why));
    }

    public List<Cycle.Agreed> agreed(long cycleId) {
        return jdbc.sql("""
                        select a.indicator, a.level, a.rationale, u.display_name as agreed_by, a.agreed_at
                          from agreed_rating a join account_names() u on u.id = a.agreed_by
                         where a.cycle_id = :c order by a.indicator""").param("c", cycleId).query(Cycle.Agreed.class).list();
    }
}
