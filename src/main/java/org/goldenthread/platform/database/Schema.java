package org.goldenthread.platform.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The application's tables as PostgreSQL's own catalogue describes them, read afresh each time, so
 * that backups and ICS moves follow every migration (every module's, this one's included) without
 * a list to keep up to date.
 */
record Schema(List<Table> tables) {

    static final String MIGRATIONS_TABLE = "flyway_schema_history";

    record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {}

    /**
     * A table: its columns (without generated ones, which are computed), its identity column if any,
     * and the keys it holds to other tables.
     */
    record Table(
            String name, List<String> columns, @Nullable String identity, List<ForeignKey> keys) {

        boolean has(String column) {
            return columns.contains(column);
        }

        /** Tables with an ICS column belong to one tenant each. */
        boolean tenantOwned() {
            return has("ics_id");
        }

        String quotedColumns() {
            return String.join(", ", columns.stream().map(Schema::quote).toList());
        }

        /** The key a column takes part in, if any, with the column it points at. */
        Optional<Map.Entry<String, String>> reference(String column) {
            for (ForeignKey key : keys) {
                int at = key.columns().indexOf(column);
                if (at >= 0) {
                    return Optional.of(Map.entry(
                            key.referencedTable(), key.referencedColumns().get(at)));
                }
            }
            return Optional.empty();
        }
    }

    static Schema read(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> identities = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                        select t.relname, a.attname, a.attidentity <> '' as identity
                          from pg_class t
                          join pg_namespace n on n.oid = t.relnamespace
                          join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
                         where n.nspname = 'public' and t.relkind = 'r' and not t.relispartition
                           and t.relname <> ? and a.attgenerated = ''
                         order by t.relname, a.attnum""")) {
            s.setString(1, MIGRATIONS_TABLE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
                    if (rs.getBoolean(3)) {
                        identities.put(table, rs.getString(2));
                    }
                }
            }
        }
        Map<String, List<ForeignKey>> keys = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                        select t.relname, r.relname,
                               array(select a.attname from unnest(k.conkey) with ordinality o(n, i)
                                       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = o.n order by o.i),
                               array(select a.attname from unnest(k.confkey) with ordinality o(n, i)
                                       join pg_attribute a on a.attrelid = k.confrelid and a.attnum = o.n order by o.i)
                          from pg_constraint k
                          join pg_class t on t.oid = k.conrelid
                          join pg_class r on r.oid = k.confrelid
                          join pg_namespace n on n.oid = k.connamespace
                         where k.contype = 'f' and n.nspname = 'public'
                         order by k.conname""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new ForeignKey(names(rs.getArray(3)), rs.getString(2), names(rs.getArray(4))));
            }
        }
        List<Table> tables = new ArrayList<>();
        columns.forEach((name, cols) -> tables.add(
                new Table(name, List.copyOf(cols), identities.get(name), keys.getOrDefault(name, List.of()))));
        return new Schema(inLoadingOrder(tables));
    }

    private static List<String> names(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** Every table after the tables it refers to, so that rows can be loaded in this order. */
    private static List<Table> inLoadingOrder(List<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Map<String, Set<String>> waitingFor = new LinkedHashMap<>();
        for (Table t : tables) {
            Set<String> needs = new LinkedHashSet<>();
            for (ForeignKey k : t.keys()) {
                if (!k.referencedTable().equals(t.name()) && byName.containsKey(k.referencedTable())) {
                    needs.add(k.referencedTable());
                }
            }
            waitingFor.put(t.name(), needs);
        }
        List<Table> ordered = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        waitingFor.forEach((name, needs) -> {
            if (needs.isEmpty()) {
                ready.add(name);
            }
        });
        while (!ready.isEmpty()) {
            String done = ready.poll();
            ordered.add(byName.get(done));
            waitingFor.forEach((name, needs) -> {
                if (needs.remove(done) && needs.isEmpty()) {
                    ready.add(name);
                }
            });
        }
        if (ordered.size() != tables.size()) {
            throw new IllegalStateException("Tables refer to each other in a circle; no order loads them: "
                    + waitingFor.entrySet().stream()
                            .filter(e -> !e.getValue().isEmpty())
                            .map(Map.Entry::getKey)
                            .toList());
        }
        return List.copyOf(ordered);
    }

    Table table(String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No table " + name));
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
