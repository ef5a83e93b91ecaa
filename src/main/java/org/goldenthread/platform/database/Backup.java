package org.goldenthread.platform.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A whole installation's backup: every table's rows, read in one snapshot, and every sequence's
 * place; and its restore into an empty database, migrated first to the backup's schema version, so
 * that Golden Thread migrates it onwards on its next start like any other.
 */
final class Backup {

    private Backup() {}

    static Archive.Manifest write(Owner owner, Path file) throws SQLException, IOException {
        try (Connection c = owner.connect()) {
            c.setAutoCommit(false);
            // one snapshot for every table, so keys between them hold in the backup as they did in the database
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Contents.seeEveryIcs(c);
            String version = Contents.schemaVersion(c)
                    .orElseThrow(
                            () -> new IllegalStateException("The database has no Golden Thread schema to back up"));
            Schema schema = Schema.read(c);
            List<Archive.TableContents> tables = new ArrayList<>();
            Archive.Manifest manifest;
            try (OutputStream out = Archive.partial(file);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Schema.Table t : schema.tables()) {
                    Archive.copyOut(c, zip, t.name(), Contents.whole(t));
                    Contents.Sum sum = Contents.sum(c, Contents.whole(t), List.of());
                    tables.add(new Archive.TableContents(t.name(), t.columns(), sum.rows(), sum.checksum()));
                }
                manifest = new Archive.Manifest(
                        Archive.FORMAT,
                        Archive.Kind.BACKUP,
                        version,
                        Instant.now().toString(),
                        null,
                        tables,
                        Contents.sequences(c));
                Archive.writeManifest(zip, manifest);
            }
            c.commit();
            Archive.complete(file);
            return manifest;
        }
    }

    static Archive.Manifest restore(Owner owner, Path file) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Archive.Manifest manifest = Archive.readManifest(zip);
            if (manifest.kind() != Archive.Kind.BACKUP) {
                throw new IllegalStateException(file + " holds one ICS's data; use import-ics for it");
            }
            try (Connection c = owner.connect()) {
                Set<String> present =
                        Schema.read(c).tables().stream().map(Schema.Table::name).collect(Collectors.toSet());
                if (present.contains(IcsMove.ICS)) {
                    Contents.seeEveryIcs(c);
                }
                if (Contents.hasAnyIcs(c, present)) {
                    throw new IllegalStateException(
                            "The database already holds ICSs; restore into an empty data directory or database");
                }
            }
            owner.migrations(manifest.schemaVersion()).migrate();
            try (Connection c = owner.connect()) {
                c.setAutoCommit(false);
                String now = Contents.schemaVersion(c).orElseThrow();
                if (!now.equals(manifest.schemaVersion())) {
                    throw new IllegalStateException("The database's schema is at " + now + " and the backup's at "
                            + manifest.schemaVersion() + "; restore into an empty data directory or database");
                }
                Schema schema = Schema.read(c);
                load(c, zip, schema, manifest);
                check(c, schema, manifest);
                c.commit();
            }
            return manifest;
        }
    }

    private static void load(Connection c, ZipFile zip, Schema schema, Archive.Manifest manifest)
            throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            // migrations load reference data; the backup has its own copy of it
            s.execute("truncate "
                    + String.join(
                            ", ",
                            schema.tables().stream()
                                    .map(t -> Schema.quote(t.name()))
                                    .toList()));
        }
        for (Schema.Table t : schema.tables()) {
            if (!manifest.holds(t.name())) {
                continue;
            }
            List<String> columns = manifest.contents(t.name()).columns();
            if (!columns.equals(t.columns())) {
                throw new IllegalStateException("The backup's " + t.name() + " has columns " + columns
                        + " where the database has " + t.columns());
            }
            String staging = stage(c, t);
            Archive.copyIn(c, zip, t.name(), staging, columns);
            try (Statement s = c.createStatement()) {
                s.execute("insert into " + Schema.quote(t.name()) + " (" + t.quotedColumns()
                        + ") overriding system value" + " select " + t.quotedColumns() + " from " + staging);
                s.execute("drop table " + staging);
            }
            if (t.name().equals("ics")) {
                Contents.seeEveryIcs(c);
            }
        }
        try (PreparedStatement s = c.prepareStatement("select setval(format('%I', ?::text)::regclass, ?)")) {
            for (Map.Entry<String, Long> e : manifest.sequences().entrySet()) {
                s.setString(1, e.getKey());
                s.setLong(2, e.getValue());
                s.execute();
            }
        }
    }

    /**
     * A temporary table shaped like the one given. Rows arrive there first, because PostgreSQL
     * refuses COPY into a table under row-level security for anyone it applies to.
     */
    static String stage(Connection c, Schema.Table t) throws SQLException {
        String staging = Schema.quote("staged_" + t.name());
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table " + staging + " (like " + Schema.quote(t.name()) + ") on commit drop");
        }
        return staging;
    }

    private static void check(Connection c, Schema schema, Archive.Manifest manifest) throws SQLException {
        for (Schema.Table t : schema.tables()) {
            if (!manifest.holds(t.name())) {
                continue;
            }
            Archive.TableContents expected = manifest.contents(t.name());
            Contents.Sum sum = Contents.sum(c, Contents.whole(t), List.of());
            if (sum.rows() != expected.rows() || !sum.checksum().equals(expected.checksum())) {
                throw new IllegalStateException("The restored " + t.name() + " differs from the backup: " + sum.rows()
                        + " rows where the backup has " + expected.rows());
            }
        }
    }
}
