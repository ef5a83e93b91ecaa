package org.goldenthread.pipeline.equality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.ProfessionDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ICS's workforce counted by profession group and characteristic, which its leaders are
 * compared with. An import replaces the whole baseline, or, when the file has any problem, changes
 * nothing.
 */
@Component
class WorkforceBaseline {

    /** What an import did. */
    record Imported(
            int rows,
            long people,

            @com.fasterxml.jackson.annotation.JsonProperty("imported_on")
            LocalDate importedOn) {}

    /** One stored count, as the API and the page give it back. */
    record Count(
            @com.fasterxml.jackson.annotation.JsonProperty("profession_group")
            String professionGroup,

            String characteristic,
            String value,
            int count) {}

    private final JdbcClient jdbc;
    private final ProfessionDirectory professions;
    private final Audit audit;
    private final Clock clock;

    WorkforceBaseline(JdbcClient jdbc, ProfessionDirectory professions, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.professions = professions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The profession groups of the profession list, in its order. */
    Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        professions.professions().forEach(p -> groups.add(p.group()));
        return groups;
    }

    @Transactional
    Imported importFile(byte[] bytes) {
        return replace(BaselineFile.read(bytes, groups()));
    }

    /** Replaces the whole baseline with these rows, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Imported replace(List<BaselineFile.Row> rows) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("delete from workforce_baseline").update();
        jdbc.sql("""
                        insert into workforce_baseline (profession_group, characteristic, value, count, imported_on)
                        select g, c, v, n, :today
                          from unnest(cast(:groups as text[]), cast(:characteristics as text[]),
                                      cast(:values as text[]), cast(:counts as integer[])) as r (g, c, v, n)""")
                .param(
                        "groups",
                        rows.stream().map(BaselineFile.Row::professionGroup).toArray(String[]::new))
                .param(
                        "characteristics",
                        rows.stream().map(r -> r.characteristic().code()).toArray(String[]::new))
                .param("values", rows.stream().map(BaselineFile.Row::value).toArray(String[]::new))
                .param("counts", rows.stream().map(BaselineFile.Row::count).toArray(Integer[]::new))
                .param("today", today)
                .update();
        long people = rows.stream()
                .filter(r -> r.characteristic() == Characteristic.SEX)
                .mapToLong(BaselineFile.Row::count)
                .sum();
        audit.record("workforce_baseline.imported", "workforce_baseline", null, null, Map.of("rows", rows.size()));
        return new Imported(rows.size(), people, today);
    }

    List<Count> counts() {
        return jdbc.sql("""
                        select profession_group, characteristic, value, count from workforce_baseline
                         order by profession_group, characteristic, value""").query(Count.class).list();
    }

    @Nullable
    LocalDate importedOn() {
        return jdbc.sql("select max(imported_on) from workforce_baseline")
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single()
                .orElse(null);
    }

    /** The workforce's count for each answer to one question, for one profession group or (null) all of them. */
    Map<String, Long> totals(Characteristic characteristic, @Nullable String group) {
        Map<String, Long> totals = new HashMap<>();
        jdbc.sql("""
                        select value, sum(count) as people from workforce_baseline
                         where characteristic = :characteristic
                           and (cast(:group as text) is null or profession_group = :group)
                         group by value""")
                .param("characteristic", characteristic.code())
                .param("group", group)
                .query(rs -> {
                    totals.put(rs.getString("value"), rs.getLong("people"));
                });
        return totals;
    }
}
