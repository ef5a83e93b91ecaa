package org.goldenthread.engagement.reach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.engagement.audiences.Population;
import org.goldenthread.people.CareerStage;
import org.goldenthread.platform.Audit;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Place;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workforce an ICS expects to hear from, counted by group: imported as a whole, replacing what
 * was there, or (when the file has any problem) changing nothing. A dimension with no counts is
 * compared with the register instead.
 */
@Component
class ReachBaseline {

    record Imported(int rows, @JsonProperty("imported_on") LocalDate importedOn) {}

    record Headcount(String dimension, String group, String label, int headcount) {}

    private final JdbcClient jdbc;
    private final Population population;
    private final IcsMap map;
    private final Audit audit;
    private final Clock clock;

    ReachBaseline(JdbcClient jdbc, Population population, IcsMap map, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.population = population;
        this.map = map;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Imported importFile(byte[] bytes) {
        List<BaselineFile.Row> rows = BaselineFile.read(bytes, groups());
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("delete from engagement_baseline").update();
        jdbc.sql("""
                        insert into engagement_baseline (dimension, group_name, headcount, imported_on)
                        select d, g, n, :today
                          from unnest(cast(:dimensions as text[]), cast(:groups as text[]),
                                      cast(:counts as integer[])) as r (d, g, n)""")
                .param(
                        "dimensions",
                        rows.stream().map(r -> r.dimension().code()).toArray(String[]::new))
                .param("groups", rows.stream().map(BaselineFile.Row::group).toArray(String[]::new))
                .param("counts", rows.stream().map(BaselineFile.Row::headcount).toArray(Integer[]::new))
                .param("today", today)
                .update();
        audit.record("reach_baseline.imported", "engagement_baseline", null, null, Map.of("rows", rows.size()));
        return new Imported(rows.size(), today);
    }

    List<Headcount> headcounts() {
        return jdbc.sql(
                        "select dimension, group_name, headcount from engagement_baseline order by dimension, group_name")
                .query((rs, n) -> {
                    Dimension d = Dimension.valueOf(rs.getString("dimension").toUpperCase(Locale.ROOT));
                    String group = rs.getString("group_name");
                    return new Headcount(d.code(), group, d.labelOf(group), rs.getInt("headcount"));
                })
                .list();
    }

    Optional<LocalDate> importedOn() {
        return jdbc.sql("select max(imported_on) from engagement_baseline")
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single();
    }

    /** Each dimension's headcounts by group, for the dimensions the baseline counts. */
    Map<Dimension, Map<String, Long>> byDimension() {
        Map<Dimension, Map<String, Long>> counts = new EnumMap<>(Dimension.class);
        for (Headcount h : headcounts()) {
            Dimension d = Dimension.valueOf(h.dimension().toUpperCase(Locale.ROOT));
            counts.computeIfAbsent(d, x -> new LinkedHashMap<>()).put(h.group(), (long) h.headcount());
        }
        return counts;
    }

    /** What each dimension's groups may be called in a file: profession groups and places by name, the rest by code or label. */
    BaselineFile.Groups groups() {
        Map<Dimension, Map<String, String>> known = new EnumMap<>(Dimension.class);
        for (String g : population.professionGroups()) {
            put(known, Dimension.PROFESSION_GROUP, g, g);
        }
        for (Place p : map.places()) {
            put(known, Dimension.PLACE, p.name(), p.name());
        }
        for (CareerStage s : CareerStage.values()) {
            put(known, Dimension.CAREER_STAGE, s.code(), s.code());
            put(known, Dimension.CAREER_STAGE, s.label(), s.code());
        }
        for (Sector s : Sector.values()) {
            put(known, Dimension.SECTOR, s.code(), s.code());
            put(known, Dimension.SECTOR, s.label(), s.code());
        }
        return new BaselineFile.Groups(known);
    }

    private static void put(
            Map<Dimension, Map<String, String>> known, Dimension d, @Nullable String typed, String group) {
        if (typed != null) {
            known.computeIfAbsent(d, x -> new HashMap<>()).put(typed.toLowerCase(Locale.ROOT), group);
        }
    }
}
