package org.goldenthread.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a database holds, table by table: its rows and a checksum of them. Backups, restores and ICS
 * moves compare these to show that what was read back is what was written.
 */
final class Contents {

    private Contents() {}

    /** A table's number of rows and the MD5 of its rows' text, sorted byte by byte. */
    record Sum(long rows, String checksum) {}

    /**
     * Row-level security lets the schema owner see only the ICSs named on its connection (a
     * superuser sees everything anyway). Naming every ICS, platform scope, and the purpose equality
     * answers are written for, shows (and admits) every row.
     */
    static void seeEveryIcs(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    select set_config('gt.ics_ids', coalesce((select array_agg(id)::text from ics), '{}'), false),
                           set_config('gt.platform', 'on', false),
                           set_config('gt.equality', 'write', false)""");
        }
    }

    /** Works within one ICS: the default and the policies of every tenant table name it. */
    static void workIn(Connection c, long icsId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select set_config('gt.ics_id', ?, false), set_config('gt.ics_ids', ?, false)")) {
            s.setString(1, Long.toString(icsId));
            s.setString(2, "{" + icsId + "}");
            s.execute();
        }
    }

    /** The rows a query selects, summed so that the same rows in any order give the same sum. */
    static Sum sum(Connection c, String query, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*), md5(coalesce(string_agg(r.t, E'\\n' "
                + "order by r.t collate \"C\"), '')) from (select q::text as t from (" + query + ") q) r")) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Sum(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** Every table's sum, by name. */
    static Map<String, Sum> everyTable(Connection c) throws SQLException {
        Map<String, Sum> sums = new LinkedHashMap<>();
        for (Schema.Table t : Schema.read(c).tables()) {
            sums.put(t.name(), sum(c, whole(t), List.of()));
        }
        return sums;
    }

    static String whole(Schema.Table t) {
        return "select " + t.quotedColumns() + " from " + Schema.quote(t.name());
    }

    /**
     * One ICS's rows of a table with its ids left out: the columns an ICS move renumbers (see
     * {@link IcsMove#renumbered}). The same data moved to another installation sums the same.
     */
    static String withoutIds(Schema schema, Schema.Table t, String where) {
        List<String> ids = new ArrayList<>();
        for (String column : t.columns()) {
            if (IcsMove.renumbered(schema, t, column)) {
                ids.add("'" + column + "'");
            }
        }
        String row = ids.isEmpty() ? "to_jsonb(x)" : "to_jsonb(x) - array[" + String.join(", ", ids) + "]";
        return "select " + row + " as v from (select " + t.quotedColumns() + " from " + Schema.quote(t.name())
                + " where " + where + ") x";
    }

    /** The newest migration applied. */
    static Optional<String> schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet exists = s.executeQuery("select to_regclass('public." + Schema.MIGRATIONS_TABLE + "')")) {
            exists.next();
            if (exists.getString(1) == null) {
                return Optional.empty();
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version from " + Schema.MIGRATIONS_TABLE
                        + " where success and version is not null order by installed_rank desc limit 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Each sequence's last value; a sequence never used is left out. */
    static Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select sequencename, last_value from pg_sequences "
                        + "where schemaname = 'public' and last_value is not null order by 1")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        return values;
    }

    static boolean hasAnyIcs(Connection c, Set<String> tables) throws SQLException {
        if (!tables.contains("ics")) {
            return false;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select exists (select from ics)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
