package org.goldenthread.platform.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Moves one ICS from one installation to another: every row of every tenant table that belongs to
 * it, the ICS itself, the accounts holding roles in it or named in its rows, and the shared
 * reference rows (professions) its rows point at. On import every id is renumbered to follow the
 * receiving installation's own, and every key is renumbered with it; an account whose email the
 * receiving installation already knows is that account, roles and all.
 */
final class IcsMove {

    static final String ICS = "ics";
    static final String ACCOUNTS = "app_user";
    private static final String AUDIT = "audit_event";

    private IcsMove() {}

    /** The result of an import: the ICS's code and its id in the receiving installation. */
    record Imported(String ods, long icsId, long rows) {}

    /** Whether a move renumbers a column: ids, and keys to rows whose ids are renumbered. */
    static boolean renumbered(Schema schema, Schema.Table t, String column) {
        if (column.equals("ics_id") || column.equals(t.identity())) {
            return true;
        }
        if (t.name().equals(AUDIT) && column.equals("actor_id")) {
            return true;
        }
        Optional<Map.Entry<String, String>> ref = t.reference(column);
        if (ref.isEmpty()) {
            return false;
        }
        String table = ref.get().getKey();
        if (table.equals(ICS) || table.equals(ACCOUNTS)) {
            return true;
        }
        return schema.tables().stream()
                .anyMatch(r -> r.name().equals(table) && ref.get().getValue().equals(r.identity()));
    }

    static Archive.Manifest export(Owner owner, String ods, Path file) throws SQLException, IOException {
        try (Connection c = owner.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Contents.seeEveryIcs(c);
            long icsId = icsToMove(c, ods);
            String version = Contents.schemaVersion(c).orElseThrow();
            Schema schema = Schema.read(c);
            Map<String, String> queries = queries(schema, icsId);
            List<Archive.TableContents> tables = new ArrayList<>();
            Archive.Manifest manifest;
            try (OutputStream out = Archive.partial(file);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Schema.Table t : schema.tables()) {
                    String query = queries.get(t.name());
                    if (query == null) {
                        continue;
                    }
                    Archive.copyOut(c, zip, t.name(), query);
                    Contents.Sum sum = Contents.sum(c, movedContents(schema, t, icsId), List.of());
                    tables.add(new Archive.TableContents(t.name(), t.columns(), sum.rows(), sum.checksum()));
                }
                manifest = new Archive.Manifest(
                        Archive.FORMAT, Archive.Kind.ICS, version, Instant.now().toString(), ods, tables, Map.of());
                Archive.writeManifest(zip, manifest);
            }
            c.commit();
            Archive.complete(file);
            return manifest;
        }
    }

    private static long icsToMove(Connection c, String ods) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select i.id, i.merged_into_id is not null or exists (select from ics m where m.merged_into_id = i.id)
                  from ics i where i.ods_code = ?""")) {
            s.setString(1, ods);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("There is no ICS " + ods + " here");
                }
                if (rs.getBoolean(2)) {
                    throw new IllegalStateException("ICS " + ods + " has taken part in a merger; move the merged ICS"
                            + " only once the merger is undone, or back up the whole installation instead");
                }
                return rs.getLong(1);
            }
        }
    }

    /** What to export of each table; tables left out have nothing of the ICS (sign-in links, API tokens). */
    private static Map<String, String> queries(Schema schema, long icsId) {
        Map<String, String> queries = new HashMap<>();
        List<String> accounts = new ArrayList<>();
        Map<String, List<String>> shared = new HashMap<>();
        for (Schema.Table t : schema.tables()) {
            if (!t.tenantOwned() || t.name().equals(ICS)) {
                continue;
            }
            queries.put(t.name(), Contents.whole(t) + " where ics_id = " + icsId);
            for (Schema.ForeignKey k : t.keys()) {
                if (k.columns().size() != 1 || k.referencedTable().equals(ICS)) {
                    continue;
                }
                Schema.Table r = schema.table(k.referencedTable());
                String picked = "select " + Schema.quote(k.columns().get(0)) + " from " + Schema.quote(t.name())
                        + " where ics_id = " + icsId;
                if (r.name().equals(ACCOUNTS)) {
                    accounts.add(picked);
                } else if (!r.tenantOwned()) {
                    shared.computeIfAbsent(
                                    r.name() + "\u0000" + k.referencedColumns().get(0), x -> new ArrayList<>())
                            .add(picked);
                }
            }
        }
        queries.put(ICS, Contents.whole(schema.table(ICS)) + " where id = " + icsId);
        if (!accounts.isEmpty()) {
            queries.put(
                    ACCOUNTS,
                    Contents.whole(schema.table(ACCOUNTS)) + " where id in (" + String.join(" union ", accounts) + ")");
        }
        shared.forEach((key, picks) -> {
            String[] parts = key.split("\u0000");
            queries.put(
                    parts[0],
                    Contents.whole(schema.table(parts[0])) + " where " + Schema.quote(parts[1]) + " in ("
                            + String.join(" union ", picks) + ")");
        });
        return queries;
    }

    /** The part of a table whose sum an import must match: the ICS's rows without their ids. */
    private static String movedContents(Schema schema, Schema.Table t, long icsId) {
        if (t.name().equals(ICS)) {
            return Contents.withoutIds(schema, t, "id = " + icsId);
        }
        if (t.tenantOwned()) {
            return Contents.withoutIds(schema, t, "ics_id = " + icsId);
        }
        // accounts and shared rows may meet their like already there; they are not compared
        return "select 1 where false";
    }

    static Imported importIcs(Owner owner, Path file) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Archive.Manifest manifest = Archive.readManifest(zip);
            String ods = manifest.ods();
            if (manifest.kind() != Archive.Kind.ICS || ods == null) {
                throw new IllegalStateException(file + " is a whole backup; use restore for it");
            }
            try (Connection c = owner.connect()) {
                c.setAutoCommit(false);
                String here = Contents.schemaVersion(c).orElse("none");
                if (!here.equals(manifest.schemaVersion())) {
                    throw new IllegalStateException("The ICS was exported at schema version " + manifest.schemaVersion()
                            + " and this installation is at " + here
                            + "; run the same release of Golden Thread on both sides first");
                }
                Contents.seeEveryIcs(c);
                try (PreparedStatement s = c.prepareStatement("select exists (select from ics where ods_code = ?)")) {
                    s.setString(1, ods);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            throw new IllegalStateException("This installation already has an ICS " + ods);
                        }
                    }
                }
                Schema schema = Schema.read(c);
                Imported imported = new Renumbering(c, zip, schema, manifest).run(ods);
                c.commit();
                return imported;
            }
        }
    }

    /** One import's staging tables and the shift each table's ids take. */
    private static final class Renumbering {

        private final Connection c;
        private final ZipFile zip;
        private final Schema schema;
        private final Archive.Manifest manifest;
        private final Map<String, Long> shifts = new HashMap<>();
        private long icsId;

        Renumbering(Connection c, ZipFile zip, Schema schema, Archive.Manifest manifest) {
            this.c = c;
            this.zip = zip;
            this.schema = schema;
            this.manifest = manifest;
        }

        Imported run(String ods) throws SQLException, IOException {
            for (Schema.Table t : schema.tables()) {
                if (manifest.holds(t.name())) {
                    Archive.copyIn(
                            c,
                            zip,
                            t.name(),
                            Backup.stage(c, t),
                            manifest.contents(t.name()).columns());
                }
            }
            icsId = insertIcs();
            Contents.workIn(c, icsId);
            matchAccounts();
            long rows = 0;
            for (Schema.Table t : schema.tables()) {
                if (!manifest.holds(t.name())
                        || t.name().equals(ICS)
                        || t.name().equals(ACCOUNTS)) {
                    continue;
                }
                rows += t.tenantOwned() ? insertRenumbered(t) : insertShared(t);
            }
            check();
            return new Imported(ods, icsId, rows);
        }

        private long insertIcs() throws SQLException {
            Schema.Table t = schema.table(ICS);
            List<String> columns = without(t, t.identity());
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("insert into ics (" + String.join(", ", columns) + ") select "
                            + String.join(", ", columns) + " from staged_ics returning id")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Accounts are matched by email; one not known here is added, with its password. */
        private void matchAccounts() throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table moved_app_user (old_id bigint primary key, new_id bigint not null)"
                        + " on commit drop");
                if (!manifest.holds(ACCOUNTS)) {
                    return;
                }
                Schema.Table t = schema.table(ACCOUNTS);
                List<String> columns = without(t, t.identity());
                s.execute("insert into app_user (" + String.join(", ", columns) + ") select "
                        + String.join(
                                ", ", columns.stream().map(col -> "s." + col).toList())
                        + " from staged_app_user s"
                        + " where not exists (select from app_user u where lower(u.email) = lower(s.email))");
                s.execute("insert into moved_app_user select s.id, u.id from staged_app_user s"
                        + " join app_user u on lower(u.email) = lower(s.email)");
            }
        }

        private long insertShared(Schema.Table t) throws SQLException {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("insert into " + Schema.quote(t.name()) + " (" + t.quotedColumns() + ") select "
                        + t.quotedColumns() + " from " + Schema.quote("staged_" + t.name())
                        + " on conflict do nothing");
            }
        }

        private long insertRenumbered(Schema.Table t) throws SQLException {
            String staged = Schema.quote("staged_" + t.name());
            try (Statement s = c.createStatement()) {
                // holds back the application's own inserts while this table's ids are set aside
                s.execute("lock table " + Schema.quote(t.name()) + " in share row exclusive mode");
            }
            String identity = t.identity();
            String sequence = null;
            if (identity != null) {
                sequence = sequence(t, identity);
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select (select last_value from " + sequence + ") + 1 - min("
                                + Schema.quote(identity) + "), max(" + Schema.quote(identity) + ") from " + staged)) {
                    rs.next();
                    shifts.put(t.name(), rs.getLong(1));
                }
            }
            List<String> values = new ArrayList<>();
            for (String column : t.columns()) {
                values.add(value(t, column));
            }
            long rows;
            try (Statement s = c.createStatement()) {
                rows = s.executeUpdate("insert into " + Schema.quote(t.name()) + " (" + t.quotedColumns()
                        + ") overriding system value select " + String.join(", ", values) + " from " + staged + " s");
                if (identity != null && sequence != null && rows > 0) {
                    // the staged rows' highest id, shifted: row-level security hides other ICSs' rows from a max()
                    s.execute("select setval('" + sequence + "', (select max(" + Schema.quote(identity) + ") from "
                            + staged + ") + " + shifts.get(t.name()) + ")");
                }
            }
            return rows;
        }

        private String sequence(Schema.Table t, String identity) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("select pg_get_serial_sequence(?, ?)")) {
                s.setString(1, "public." + Schema.quote(t.name()));
                s.setString(2, identity);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }

        /** A column's value in the receiving installation. */
        private String value(Schema.Table t, String column) {
            String old = "s." + Schema.quote(column);
            if (column.equals("ics_id")) {
                return Long.toString(icsId);
            }
            if (column.equals(t.identity())) {
                return old + " + " + shifts.get(t.name());
            }
            if (t.name().equals(AUDIT) && column.equals("actor_id")) {
                return account(old);
            }
            Optional<Map.Entry<String, String>> ref = t.reference(column);
            if (ref.isEmpty()) {
                return Schema.quote(column);
            }
            String table = ref.get().getKey();
            if (table.equals(ICS)) {
                return Long.toString(icsId);
            }
            if (table.equals(ACCOUNTS)) {
                return account(old);
            }
            Schema.Table referenced = schema.table(table);
            if (ref.get().getValue().equals(referenced.identity())) {
                Long shift = shifts.get(table);
                if (shift == null) {
                    throw new IllegalStateException(
                            t.name() + "." + column + " points at " + table + ", whose rows the file does not hold");
                }
                return old + " + " + shift;
            }
            return old;
        }

        private static String account(String old) {
            return "(select m.new_id from moved_app_user m where m.old_id = " + old + ")";
        }

        private void check() throws SQLException {
            for (Schema.Table t : schema.tables()) {
                if (!manifest.holds(t.name()) || !(t.tenantOwned() || t.name().equals(ICS))) {
                    continue;
                }
                String where = t.name().equals(ICS) ? "id = " + icsId : "ics_id = " + icsId;
                Contents.Sum sum = Contents.sum(c, Contents.withoutIds(schema, t, where), List.of());
                Archive.TableContents expected = manifest.contents(t.name());
                if (sum.rows() != expected.rows() || !sum.checksum().equals(expected.checksum())) {
                    throw new IllegalStateException("The imported " + t.name() + " differs from the export: "
                            + sum.rows() + " rows where the export has " + expected.rows());
                }
            }
        }

        private static List<String> without(Schema.Table t, @org.jspecify.annotations.Nullable String column) {
            return t.columns().stream()
                    .filter(col -> !col.equals(column))
                    .map(Schema::quote)
                    .toList();
        }
    }
}
